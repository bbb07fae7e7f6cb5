import { Layout, href, type PageContext } from '../ui/page.js';
import { assetUrl } from '../ui/asset-url.js';
import { fillN, words } from './messages.js';
import type { Atelier } from './service.js';
import { dateTimeLabel } from './time.js';
import { AGENDA_ICS_PATH, atelierIcsPath, atelierPath, evaluationPath } from './urls.js';

const Head = () => <link rel="stylesheet" href={assetUrl('ateliers.css')} />;

function Facts({ page, a }: { page: PageContext; a: Atelier }) {
  const t = words[page.lang];
  return (
    <dl class="facts">
      <dt>{t.when}</dt>
      <dd>{`${dateTimeLabel(a.startsAt, page.lang)} (${fillN(t.minutes, a.durationMin)})`}</dd>
      {a.place && (
        <>
          <dt>{t.place}</dt>
          <dd>{a.place}</dd>
        </>
      )}
      <dt>{t.level}</dt>
      <dd>{a.level}</dd>
      {a.audience && (
        <>
          <dt>{t.audience}</dt>
          <dd>{a.audience}</dd>
        </>
      )}
      <dt>{t.seats}</dt>
      <dd>{a.seats === null ? t.noLimit : fillN(t.seatsN, a.seats)}</dd>
    </dl>
  );
}

/** `/ateliers`: what is coming (nothing when the box does not know the date). */
export function AgendaPage({ page, ateliers }: { page: PageContext; ateliers: Atelier[] | null }) {
  const t = words[page.lang];
  return (
    <Layout page={page} title={t.title} section="ateliers" head={<Head />}>
      <h1>{t.title}</h1>
      <p class="lead">{t.intro}</p>
      {ateliers === null ? (
        <p class="warning" role="status">
          {t.clockUnknown}
        </p>
      ) : ateliers.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <>
          <ul class="agenda">
            {ateliers.map((a) => (
              <li key={a.id}>
                <h2>
                  <a href={href(page, atelierPath(a.id))}>{a.title}</a>
                </h2>
                <p class="when">{dateTimeLabel(a.startsAt, page.lang)}</p>
                {a.place && <p>{a.place}</p>}
              </li>
            ))}
          </ul>
          <p>
            <a class="button" href={AGENDA_ICS_PATH}>
              {t.addAll}
            </a>
          </p>
        </>
      )}
    </Layout>
  );
}

/** `/ateliers/:id`: one workshop. Its date is stored, so it is right even without a clock. */
export function AtelierPage(props: {
  page: PageContext;
  a: Atelier;
  notices: Array<{ id: string; title: string }>;
  evaluationOpen: boolean;
}) {
  const { page, a, notices, evaluationOpen } = props;
  const t = words[page.lang];
  return (
    <Layout page={page} title={a.title} section="ateliers" head={<Head />}>
      <p>
        <a href={href(page, '/ateliers')}>← {t.back}</a>
      </p>
      <h1>{a.title}</h1>
      {evaluationOpen && (
        <p>
          <a class="button" href={evaluationPath(a.id)}>
            {t.evaluate}
          </a>
        </p>
      )}
      <Facts page={page} a={a} />
      {a.description && <p class="prewrap">{a.description}</p>}
      {notices.length > 0 && (
        <section aria-labelledby="prepare">
          <h2 id="prepare">{t.notices}</h2>
          <ul>
            {notices.map((n) => (
              <li key={n.id}>
                <a href={href(page, `/notices/${encodeURIComponent(n.id)}`)}>{n.title}</a>
              </li>
            ))}
          </ul>
        </section>
      )}
      <p>
        <a class="button" href={atelierIcsPath(a.id)}>
          {t.addOne}
        </a>
      </p>
    </Layout>
  );
}

/** The A4 poster: title, date, place, and a QR code to the workshop's page. */
export function PosterPage(props: { a: Atelier; libraryName: string; url: string; qrSvg: string }) {
  const { a, libraryName, url, qrSvg } = props;
  return (
    <html lang="fr">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`Affiche : ${a.title} · ${libraryName}`}</title>
        <link rel="stylesheet" href={assetUrl('ateliers.css')} />
      </head>
      <body>
        <main class="poster">
          <p class="no-print">
            <a href={atelierPath(a.id)}>← Retour à l’atelier</a> · Imprimez cette page sur une
            feuille A4.
          </p>
          <p>{`${libraryName} · Atelier gratuit`}</p>
          <h1>{a.title}</h1>
          <p class="when">{dateTimeLabel(a.startsAt)}</p>
          <p>{`${a.durationMin} minutes${a.place ? ` · ${a.place}` : ''}`}</p>
          <p>{`Niveau : ${a.level}${a.audience ? ` · ${a.audience}` : ''}`}</p>
          {a.seats !== null && <p>{`${a.seats} places`}</p>}
          {a.description && <p class="prewrap">{a.description}</p>}
          <div
            class="qr"
            role="img"
            aria-label={`QR code vers ${url}`}
            // The markup is made by the QR library from an address the box built.
            dangerouslySetInnerHTML={{ __html: qrSvg }}
          />
          <p>Avec votre téléphone, sur le Wi-Fi de la bibliothèque :</p>
          <p>
            <strong>{url}</strong>
          </p>
        </main>
      </body>
    </html>
  );
}
