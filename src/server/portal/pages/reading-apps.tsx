import { defineMessages } from '../../i18n/lang.js';
import { qrCodeSvg } from '../../ui/qr.js';
import { Layout, href, renderDocument, type PageContext } from '../../ui/page.js';
import { fill } from '../messages.js';

const m = defineMessages(
  {
    title: 'Lire sur une liseuse ou une application',
    lead: 'Les livres de la boîte s’ouvrent aussi dans une application de lecture ou sur une liseuse branchée sur le Wi-Fi {wifi} : ajoutez une fois le catalogue de la boîte, puis choisissez et téléchargez les livres depuis l’application.',
    addressTitle: 'L’adresse du catalogue',
    address: 'Adresse du catalogue (OPDS)',
    other: 'Si elle ne marche pas',
    qr: 'Code QR de l’adresse du catalogue : {url}',
    qrHelp: 'Sur un téléphone, visez ce code avec l’appareil photo pour copier l’adresse.',
    offline:
      'Le catalogue ne marche que sur le Wi-Fi de la boîte : pas besoin d’Internet, ni de compte.',
    koreaderTitle: 'KOReader (liseuses Kobo, PocketBook, Kindle, et Android)',
    koreader1: 'Touchez le haut de l’écran, puis la loupe, puis « Catalogue OPDS ».',
    koreader2: 'Touchez « + » et donnez un nom (par exemple {name}) et l’adresse du catalogue.',
    koreader3: 'Ouvrez le catalogue, choisissez un livre, puis « EPUB » pour le télécharger.',
    thoriumTitle: 'Thorium Reader (ordinateur Windows, Mac ou Linux)',
    thorium1: 'Ouvrez l’onglet « Catalogues », puis « Ajouter un catalogue OPDS ».',
    thorium2: 'Donnez un nom et collez l’adresse du catalogue, puis « Ajouter ».',
    thorium3: 'Ouvrez le catalogue et choisissez « Ajouter à la bibliothèque » sous un livre.',
    androidTitle: 'Téléphone ou tablette Android',
    android1:
      'Installez une application de lecture qui lit les catalogues OPDS : par exemple KOReader, Librera Reader, Moon+ Reader ou PocketBook Reader.',
    android2:
      'Dans son menu, cherchez « Catalogues », « Catalogues réseau » ou « Bibliothèques en ligne », ajoutez-en un et collez l’adresse du catalogue.',
    iosTitle: 'iPhone ou iPad',
    ios1: 'Installez une application qui lit les catalogues OPDS, par exemple PocketBook Reader ou KyBook 3, et ajoutez-y l’adresse du catalogue.',
    ios2: 'Apple Livres ne lit pas les catalogues : ouvrez le site de la boîte dans Safari, téléchargez l’EPUB, puis choisissez « Ouvrir dans Livres ».',
    ereaderTitle: 'Liseuse sans KOReader',
    ereader1:
      'Kobo, Vivlio ou PocketBook : ouvrez le navigateur de la liseuse à l’adresse {portal} et téléchargez l’EPUB depuis la page du livre.',
    ereader2:
      'Kindle : une Kindle ne lit pas toujours un EPUB téléchargé ; le plus simple est KOReader, ou, chez soi, un ordinateur avec l’application Envoyer vers Kindle.',
    back: 'Revenir à l’accueil',
  },
  {
    title: 'Read on an e-reader or in an app',
    lead: 'The box’s books also open in reading apps and on e-readers connected to the {wifi} Wi-Fi: add the box’s catalogue once, then pick and download books from the app.',
    addressTitle: 'The catalogue’s address',
    address: 'Catalogue address (OPDS)',
    other: 'If it does not work',
    qr: 'QR code of the catalogue address: {url}',
    qrHelp: 'On a phone, point the camera at this code to copy the address.',
    offline: 'The catalogue only works on the box’s Wi-Fi: no Internet needed, and no account.',
    koreaderTitle: 'KOReader (Kobo, PocketBook and Kindle e-readers, and Android)',
    koreader1: 'Tap the top of the screen, then the magnifier, then “OPDS catalog”.',
    koreader2: 'Tap “+” and give a name (for example {name}) and the catalogue address.',
    koreader3: 'Open the catalogue, choose a book, then “EPUB” to download it.',
    thoriumTitle: 'Thorium Reader (Windows, Mac or Linux computer)',
    thorium1: 'Open the “Catalogs” tab, then “Add OPDS feed”.',
    thorium2: 'Give a name and paste the catalogue address, then “Add”.',
    thorium3: 'Open the catalogue and choose “Add to library” under a book.',
    androidTitle: 'Android phone or tablet',
    android1:
      'Install a reading app that reads OPDS catalogues: for example KOReader, Librera Reader, Moon+ Reader or PocketBook Reader.',
    android2:
      'In its menu, look for “Catalogs”, “Network catalogs” or “Net library”, add one and paste the catalogue address.',
    iosTitle: 'iPhone or iPad',
    ios1: 'Install an app that reads OPDS catalogues, for example PocketBook Reader or KyBook 3, and add the catalogue address to it.',
    ios2: 'Apple Books does not read catalogues: open the box’s site in Safari, download the EPUB, then choose “Open in Books”.',
    ereaderTitle: 'E-reader without KOReader',
    ereader1:
      'Kobo, Vivlio or PocketBook: open the e-reader’s browser at {portal} and download the EPUB from the book’s page.',
    ereader2:
      'Kindle: a Kindle does not always read a downloaded EPUB; the simplest way is KOReader or, at home, a computer with the Send to Kindle app.',
    back: 'Back to the home page',
  },
);

export interface ReadingAppsData {
  /** The box's public address, e.g. `http://lanterne.lan`. */
  publicUrl: string;
  /** The address this visitor reached the box on (the IP when names fail), if different. */
  reachedAt: string;
  wifiName: string;
}

function ReadingAppsPage({
  page,
  data,
  qr,
}: {
  page: PageContext;
  data: ReadingAppsData;
  qr: string;
}) {
  const t = m[page.lang];
  const opds = `${data.publicUrl.replace(/\/$/, '')}/opds`;
  const other = data.reachedAt && data.reachedAt !== data.publicUrl ? `${data.reachedAt}/opds` : '';
  const steps = (items: string[]) => (
    <ol class="steps">
      {items.map((s, i) => (
        <li key={i}>{s}</li>
      ))}
    </ol>
  );
  return (
    <Layout
      page={page}
      title={t.title}
      description={fill(t.lead, { wifi: `« ${data.wifiName} »` })}
    >
      <h1>{t.title}</h1>
      <p class="lead">{fill(t.lead, { wifi: `« ${data.wifiName} »` })}</p>
      <h2>{t.addressTitle}</h2>
      <dl class="facts">
        <dt>{t.address}</dt>
        <dd class="url">{opds}</dd>
        {other ? (
          <>
            <dt>{t.other}</dt>
            <dd class="url">{other}</dd>
          </>
        ) : null}
      </dl>
      <div
        class="qr"
        role="img"
        aria-label={fill(t.qr, { url: opds })}
        dangerouslySetInnerHTML={{ __html: qr }}
      />
      <p>{t.qrHelp}</p>
      <p>{t.offline}</p>
      <h2>{t.koreaderTitle}</h2>
      {steps([t.koreader1, fill(t.koreader2, { name: page.libraryName }), t.koreader3])}
      <h2>{t.thoriumTitle}</h2>
      {steps([t.thorium1, t.thorium2, t.thorium3])}
      <h2>{t.androidTitle}</h2>
      {steps([t.android1, t.android2])}
      <h2>{t.iosTitle}</h2>
      {steps([t.ios1, t.ios2])}
      <h2>{t.ereaderTitle}</h2>
      <ul>
        <li>{fill(t.ereader1, { portal: data.publicUrl })}</li>
        <li>{t.ereader2}</li>
      </ul>
      <p>
        <a class="button" href={href(page, '/')}>
          {t.back}
        </a>
      </p>
    </Layout>
  );
}

/** The page as a document; the QR code of the catalogue address is drawn on the box. */
export async function readingAppsDocument(
  page: PageContext,
  data: ReadingAppsData,
): Promise<string> {
  const svg = await qrCodeSvg(`${data.publicUrl.replace(/\/$/, '')}/opds`, 2);
  // Sized here: the portal's style sheet has no rule for QR codes.
  const qr = svg.replace(
    '<svg ',
    '<svg width="180" height="180" aria-hidden="true" focusable="false" ',
  );
  return renderDocument(<ReadingAppsPage page={page} data={data} qr={qr} />);
}
