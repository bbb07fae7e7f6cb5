import { workUrl } from '../files/urls.js';
import { assetUrl } from '../ui/asset-url.js';
import { Layout, type PageContext } from '../ui/page.js';
import { licenceInWords } from './licence-choice.js';
import type { Contribution } from './repo.js';
import type { FormErrors, ProposalFields } from './service.js';

export const PROPOSE_PATH = '/contribuer';
export const RECEIPT_PATH = '/contribuer/suivi';

export const EMPTY_FIELDS: ProposalFields = {
  title: '',
  description: '',
  author: '',
  text: '',
  rights: '',
  credit: '',
  modify: '',
  commercial: '',
};

const LABELS: Record<string, string> = {
  file: 'Votre fichier',
  title: 'Titre',
  author: 'Nom d’auteur',
  description: 'Description',
  credit: 'Citer votre nom ?',
  modify: 'Modifier votre œuvre ?',
  commercial: 'Usage commercial ?',
  rights: 'Vos droits sur l’œuvre',
};

function ErrorText({ name, errors }: { name: string; errors: FormErrors }) {
  const message = errors[name];
  return message ? (
    <p class="field-error" id={`${name}-error`}>
      {message}
    </p>
  ) : null;
}

const described = (name: string, errors: FormErrors, hint?: string) =>
  [hint, errors[name] ? `${name}-error` : undefined].filter(Boolean).join(' ') || undefined;

function Choice(props: {
  name: keyof ProposalFields;
  legend: string;
  fields: ProposalFields;
  errors: FormErrors;
  options: Array<[value: string, label: string, meaning: string]>;
}) {
  const { name, legend, fields, errors, options } = props;
  return (
    <fieldset class="choice" id={`field-${name}`} aria-describedby={described(name, errors)}>
      <legend>{legend}</legend>
      <ErrorText name={name} errors={errors} />
      {options.map(([value, label, meaning]) => (
        <label key={value} class="option">
          <input type="radio" name={name} value={value} checked={fields[name] === value} />
          <span>
            <strong>{label}</strong> <span class="meaning">{meaning}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

function Summary({ errors }: { errors: FormErrors }) {
  const names = Object.keys(errors);
  if (names.length === 0) return null;
  return (
    <div class="form-errors" role="alert" tabIndex={-1} id="form-errors">
      <p>
        {names.length === 1 ? 'Une chose est à corriger' : `${names.length} choses sont à corriger`}{' '}
        ; ce que vous avez tapé est gardé
        {errors['file'] ? ', mais choisissez à nouveau votre fichier' : ''} :
      </p>
      <ul>
        {names.map((n) => (
          <li key={n}>
            <a href={`#field-${n}`}>{LABELS[n] ?? n}</a> : {errors[n]}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The proposal form: plain HTML, works without JavaScript. */
export function ProposePage(props: {
  page: PageContext;
  fields: ProposalFields;
  errors: FormErrors;
  maxMegabytes: number;
  allowRestrictions: boolean;
  closed?: string | null | undefined;
  /** Set when the page is probably in a captive mini-browser: the address to open instead. */
  captiveAddress?: string | undefined;
  /** A file already sent piece by piece (contributions/resumable.ts), kept for this form. */
  sent?: string | undefined;
}) {
  const { page, fields, errors, maxMegabytes, allowRestrictions, closed, captiveAddress, sent } =
    props;
  const modify: Array<[string, string, string]> = [
    ['yes', 'Oui.', 'Chacun peut l’adapter, la traduire, la mélanger à la sienne.'],
    [
      'same',
      'Oui, à condition de partager pareil.',
      'Les versions modifiées gardent la même licence que la vôtre (CC BY-SA).',
    ],
  ];
  if (allowRestrictions)
    modify.push([
      'no',
      'Non.',
      'On peut la partager telle quelle seulement (CC BY-ND, pas une licence libre).',
    ]);
  const commercial: Array<[string, string, string]> = [
    ['yes', 'Oui.', 'Même pour la vendre ou l’utiliser dans un travail payé.'],
  ];
  if (allowRestrictions)
    commercial.push([
      'no',
      'Non.',
      'Seulement sans gagner d’argent (CC BY-NC, pas une licence libre).',
    ]);
  return (
    <Layout
      page={page}
      title="Proposer une œuvre"
      description="Proposez votre photo, texte, son, PDF ou EPUB à la bibliothèque."
    >
      <h1>Proposer une œuvre</h1>
      <p class="lead">
        Vous avez fait une photo, écrit un texte, enregistré un son ? Proposez-le : une personne de
        la bibliothèque le regarde, puis le publie sur la boîte avec la licence que vous choisissez.
        Rien n’est visible avant.
      </p>
      {captiveAddress ? (
        <p class="form-errors captive-advice">
          Cette petite fenêtre de connexion ne peut pas toujours envoyer de fichiers. Ouvrez plutôt{' '}
          <strong class="url">{captiveAddress}</strong> dans votre navigateur habituel (Chrome,
          Safari, Firefox…).
        </p>
      ) : null}
      {closed ? (
        <p class="form-errors" role="alert">
          {closed}
        </p>
      ) : null}
      <Summary errors={errors} />
      {/* Resumable sending on weak Wi-Fi; without it the form posts the file itself. */}
      <script src={assetUrl('contribuer.js')} defer />
      <form
        method="post"
        action={PROPOSE_PATH}
        enctype="multipart/form-data"
        class="propose"
        noValidate
      >
        <div class="field" id="field-file">
          <label for="file">{LABELS['file']}</label>
          <p class="hint" id="file-hint">
            Une photo (JPEG, PNG, WebP), un texte (.txt), un son (MP3, OGG, FLAC, M4A), un PDF ou un
            EPUB ; {maxMegabytes} Mo au plus. Les informations cachées des photos (lieu, appareil,
            date) sont effacées.
          </p>
          <ErrorText name="file" errors={errors} />
          {sent ? (
            <p class="hint" id="sent-note" data-sent="1">
              Votre fichier est déjà arrivé sur la boîte : corrigez le reste, puis envoyez.
              <input type="hidden" name="envoi" value={sent} />
            </p>
          ) : null}
          <input
            id="file"
            type="file"
            name="file"
            accept="image/jpeg,image/png,image/webp,text/plain,audio/*,application/pdf,application/epub+zip"
            aria-describedby={described('file', errors, 'file-hint')}
          />
        </div>
        <div class="field">
          <label for="text">Ou tapez votre texte (poème, récit…)</label>
          <textarea id="text" name="text" rows={5}>
            {fields.text}
          </textarea>
        </div>
        <div class="field" id="field-title">
          <label for="title">{LABELS['title']}</label>
          <ErrorText name="title" errors={errors} />
          <input
            id="title"
            name="title"
            value={fields.title}
            maxLength={200}
            aria-describedby={described('title', errors)}
          />
        </div>
        <div class="field" id="field-author">
          <label for="author">{LABELS['author']}</label>
          <p class="hint" id="author-hint">
            Votre nom ou un pseudonyme : c’est lui qui sera affiché.
          </p>
          <ErrorText name="author" errors={errors} />
          <input
            id="author"
            name="author"
            value={fields.author}
            maxLength={120}
            autocomplete="nickname"
            aria-describedby={described('author', errors, 'author-hint')}
          />
        </div>
        <div class="field" id="field-description">
          <label for="description">{LABELS['description']} (facultatif)</label>
          <ErrorText name="description" errors={errors} />
          <textarea
            id="description"
            name="description"
            rows={3}
            aria-describedby={described('description', errors)}
          >
            {fields.description}
          </textarea>
        </div>
        <h2>Ce que les autres pourront en faire</h2>
        <p>
          Sur la boîte, chacun pourra <strong>lire, copier et partager</strong> votre œuvre
          gratuitement. Trois questions fixent le reste ; la licence qui en découle est écrite à
          côté de chaque réponse.
        </p>
        <Choice
          name="credit"
          legend="Faut-il citer votre nom quand on partage l’œuvre ?"
          fields={fields}
          errors={errors}
          options={[
            [
              'name',
              'Oui, citez mon nom.',
              'Licence Creative Commons « BY » : votre nom accompagne l’œuvre partout.',
            ],
            [
              'free',
              'Non, je la donne à tous.',
              'CC0 : chacun peut tout en faire, même sans vous citer (les deux questions suivantes ne comptent plus).',
            ],
          ]}
        />
        <Choice
          name="modify"
          legend="Peut-on modifier votre œuvre ?"
          fields={fields}
          errors={errors}
          options={modify}
        />
        {allowRestrictions ? (
          <Choice
            name="commercial"
            legend="Peut-on l’utiliser pour gagner de l’argent ?"
            fields={fields}
            errors={errors}
            options={commercial}
          />
        ) : (
          <p>
            <input type="hidden" name="commercial" value="yes" />
            Comme toutes les œuvres de cette bibliothèque, la vôtre sera libre : chacun pourra aussi
            l’utiliser dans un travail payé, en respectant vos réponses.
          </p>
        )}
        <div class="field" id="field-rights">
          <ErrorText name="rights" errors={errors} />
          <label class="option">
            <input
              type="checkbox"
              name="rights"
              value="yes"
              checked={fields.rights === 'yes'}
              aria-describedby={described('rights', errors)}
            />
            <span>
              J’ai fait cette œuvre moi-même (ou j’ai le droit de la partager), et les personnes
              qu’on y reconnaît sont d’accord.
            </span>
          </label>
        </div>
        <p>
          <button type="submit">Envoyer ma proposition</button>
        </p>
      </form>
      <p>
        Déjà proposé ? <a href={RECEIPT_PATH}>Suivre une proposition avec son code</a>.
      </p>
    </Layout>
  );
}

function Status({ c }: { c: Contribution }) {
  if (c.status === 'waiting')
    return <p class="status">En attente : une personne de la bibliothèque va la regarder.</p>;
  if (c.status === 'published')
    return (
      <p class="status">
        Publiée ! {c.workId ? <a href={workUrl(c.workId)}>Voir l’œuvre sur la boîte</a> : null}
        {c.thanks > 0
          ? ` ${c.thanks} ${c.thanks === 1 ? 'lecteur vous a dit' : 'lecteurs vous ont dit'} merci.`
          : ''}
      </p>
    );
  return (
    <>
      <p class="status">Refusée. La bibliothèque explique pourquoi :</p>
      <blockquote class="prewrap">{c.reason}</blockquote>
    </>
  );
}

/** After proposing: the receipt code, to note or print. */
export function ReceiptPage({
  page,
  code,
  c,
}: {
  page: PageContext;
  code: string;
  c: Contribution;
}) {
  return (
    <Layout page={page} title="Proposition reçue">
      <h1>Merci, votre proposition est reçue</h1>
      <p>Notez ce code, ou imprimez cette page : il sert à savoir si « {c.title} » est publiée.</p>
      <p class="receipt-code" aria-label={`Code de suivi : ${code.split('').join(' ')}`}>
        {code}
      </p>
      <p>La boîte ne garde pas ce code : s’il est perdu, personne ne peut le retrouver.</p>
      <p>Licence choisie : {licenceInWords(c.licence)}</p>
      <p>
        <a href={RECEIPT_PATH}>Suivre une proposition</a> ·{' '}
        <a href="/contribuer">Proposer une autre œuvre</a>
      </p>
    </Layout>
  );
}

/** Checking a proposal with its code. */
export function LookupPage(props: {
  page: PageContext;
  code: string;
  error?: string | undefined;
  found?: Contribution | undefined;
}) {
  const { page, code, error, found } = props;
  return (
    <Layout page={page} title="Suivre une proposition">
      <h1>Suivre une proposition</h1>
      {found ? (
        <section aria-labelledby="found-title" class="found">
          <h2 id="found-title">« {found.title} »</h2>
          <Status c={found} />
        </section>
      ) : null}
      <form method="post" action={RECEIPT_PATH} noValidate>
        <div class="field" id="field-code">
          <label for="code">Votre code de suivi</label>
          <p class="hint" id="code-hint">
            Dix lettres et chiffres, par exemple K7QX2-MHT9A.
          </p>
          {error ? (
            <p class="field-error" id="code-error" role="alert">
              {error}
            </p>
          ) : null}
          <input
            id="code"
            name="code"
            value={code}
            autocomplete="off"
            autocapitalize="characters"
            aria-describedby={error ? 'code-hint code-error' : 'code-hint'}
          />
        </div>
        <p>
          <button type="submit">Voir où elle en est</button>
        </p>
      </form>
    </Layout>
  );
}
