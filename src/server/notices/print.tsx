import type { Notice } from './format.js';
import { DEVICE_NAMES, fill, noticeText } from './messages.js';
import { NeedsList, RememberBox, StepView, viewLang } from './pages.js';
import { assetUrl } from '../ui/asset-url.js';

export const PRINT_CSS = '/notice-assets/print.css';

export interface PrintData {
  notice: Notice;
  qr: string;
  url: string;
  publicUrl: string;
  libraryName: string;
  /** The notice's page in the portal (the link is not printed). */
  backHref: string;
  /** Admin preview of a draft: where its pictures are served. */
  pictureSrc?: (id: string, n: number) => string;
}

/** Columns per sheet: the first holds the heading and the foot, then the steps. */
export const SHEET_COLUMNS = 3;

/**
 * Which sheet (0-based) a step (0-based) is printed on: column 1 of sheet 1 is the
 * heading, "À retenir" (when the notice has one) takes the next column.
 */
export function sheetOf(stepIndex: number, remember = false): number {
  return Math.floor((stepIndex + (remember ? 2 : 1)) / SHEET_COLUMNS);
}

/**
 * The A4 handout, landscape, in three columns so that every picture is printed at
 * least 8 cm wide with 14 pt text: sheet 1 holds the heading and the QR code, then
 * "À retenir" if any, then steps; each further sheet three steps (a 5-step notice
 * without "À retenir" fits on 2 sheets). A
 * step is never split. Its labels follow the notice's language, not the browser's.
 * The same page is what Chromium turns into the PDF.
 */
export function PrintPage({ data }: { data: PrintData }) {
  const { notice } = data;
  const lang = viewLang(notice);
  const t = noticeText[lang];
  const sheets: Array<Array<{ step: Notice['steps'][number]; n: number }>> = [];
  const remember = (notice.remember ?? []).length > 0;
  notice.steps.forEach((step, i) => {
    const sheet = sheetOf(i, remember);
    (sheets[sheet] ??= []).push({ step, n: i + 1 });
  });
  return (
    <html lang={notice.language}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${notice.title} · ${data.libraryName}`}</title>
        <link rel="stylesheet" href={assetUrl('print.css')} />
      </head>
      <body class="print">
        <p class="print-back">
          <a href={data.backHref}>← {notice.title}</a>
        </p>
        <main>
          {sheets.map((steps, s) => (
            <section class="print-sheet" key={s} data-sheet={s + 1}>
              {s === 0 && (
                <div class="print-intro">
                  <header class="print-head">
                    <h1>{notice.title}</h1>
                    <p class="print-summary">{notice.summary}</p>
                    <p class="print-meta">
                      {fill(t.minutes, { n: notice.duration })} ·{' '}
                      {notice.devices.map((d) => DEVICE_NAMES[d] ?? d).join(', ')}
                    </p>
                  </header>
                  <NeedsList class="print-needs" title={t.needs} needs={notice.needs} />
                  <footer class="print-foot">
                    <div
                      class="qr"
                      role="img"
                      aria-label={data.url}
                      dangerouslySetInnerHTML={{ __html: data.qr }}
                    />
                    <div>
                      <p>
                        <strong>{t.qrTitle}</strong> : <span class="url">{data.url}</span>
                      </p>
                      <p>{fill(t.boxAddress, { v: data.publicUrl })}</p>
                      <p>
                        {data.libraryName} · {fill(t.licence, { v: notice.licence })} ·{' '}
                        {fill(t.authors, { v: notice.authors.join(', ') })}
                      </p>
                    </div>
                  </footer>
                </div>
              )}
              {s === 0 && remember && (
                <div class="print-remember">
                  <RememberBox notice={notice} />
                </div>
              )}
              <ol class="notice-steps print-steps" start={steps[0]?.n ?? 1}>
                {steps.map(({ step, n }) => (
                  <StepView
                    key={n}
                    notice={notice}
                    step={step}
                    n={n}
                    audio={false}
                    {...(data.pictureSrc ? { pictureSrc: data.pictureSrc } : {})}
                  />
                ))}
              </ol>
            </section>
          ))}
        </main>
      </body>
    </html>
  );
}
