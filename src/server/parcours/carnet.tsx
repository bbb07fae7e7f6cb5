import { assetUrl } from '../ui/asset-url.js';
import type { Parcours } from './format.js';
import { DIGCOMP_LABELS, LEVEL_LABELS, fill, parcoursText } from './messages.js';
import type { StepTarget } from './service.js';

export interface CarnetData {
  parcours: Parcours;
  targets: StepTarget[];
  done: Set<number>;
  code: string;
  /** The address that takes the code back (what the QR code holds). */
  resumeUrl: string;
  /** The box's address on its Wi-Fi, printed for those who type it. */
  publicUrl: string;
  libraryName: string;
  lang: 'fr' | 'en';
  backHref: string;
  /** The QR code of `resumeUrl`, as SVG markup made on the box. */
  qr: string;
}

const KIND = { notice: 'kindNotice', work: 'kindWork', exercise: 'kindExercise' } as const;

/**
 * "Mon carnet de progression": one A4 sheet, portrait, large print (18 pt), what is done
 * and what is left, and the progress code with its QR code. Made from the code in the
 * address, never from anything the box keeps; the visitor prints it or keeps it.
 */
export function CarnetPage({ data }: { data: CarnetData }) {
  const t = parcoursText[data.lang];
  const p = data.parcours;
  return (
    <html lang={data.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${t.carnetTitle} · ${p.title} · ${data.libraryName}`}</title>
        <link rel="stylesheet" href={assetUrl('carnet.css')} />
      </head>
      <body class="carnet">
        <p class="carnet-back">
          <a href={data.backHref}>← {p.title}</a>
        </p>
        <main>
          <header>
            <p class="carnet-library">{data.libraryName}</p>
            <h1>
              {t.carnetTitle}
              <span>{p.title}</span>
            </h1>
            <p>
              {fill(t.levelTitle, { v: LEVEL_LABELS[data.lang][p.level] ?? p.level })}
              {p.digcomp && ` · ${fill(t.area, { v: DIGCOMP_LABELS[data.lang][p.digcomp] ?? '' })}`}
            </p>
          </header>
          <ol class="carnet-steps">
            {data.targets.map((target, i) => {
              const done = data.done.has(i + 1);
              return (
                <li key={i} class={done ? 'is-done' : undefined}>
                  <span class="carnet-box" aria-hidden="true">
                    {done ? '✓' : ''}
                  </span>
                  <span class="carnet-step">
                    <span class="carnet-kind">
                      {i + 1}. {t[KIND[target.kind]]}
                    </span>
                    <span class="carnet-name">{target.title ?? t.unavailable}</span>
                  </span>
                  <span class="carnet-state">{done ? t.done : t.notDone}</span>
                </li>
              );
            })}
          </ol>
          <section class="carnet-code" aria-labelledby="mon-code">
            <div>
              <h2 id="mon-code">{t.carnetCode}</h2>
              <p class="progress-code">{data.code}</p>
              <p>{fill(t.carnetResume, { url: data.publicUrl })}</p>
              <p class="carnet-private">{t.carnetPrivate}</p>
            </div>
            <figure class="carnet-qr">
              <div dangerouslySetInnerHTML={{ __html: data.qr }} />
              <figcaption>{t.carnetQr}</figcaption>
            </figure>
          </section>
          <p class="carnet-date">{t.carnetDate}</p>
        </main>
      </body>
    </html>
  );
}
