import type { Notice } from './format.js';
import { DEVICE_NAMES, fill, noticeText } from './messages.js';
import { NeedsList, StepView } from './pages.js';
import { assetUrl } from '../ui/asset-url.js';

export const PRINT_CSS = '/notice-assets/print.css';

export interface PrintData {
  notice: Notice;
  qr: string;
  url: string;
  publicUrl: string;
  libraryName: string;
  lang: 'fr' | 'en';
  /** The notice's page in the portal (the link is not printed). */
  backHref: string;
}

/**
 * The A4 handout: a document of its own (no portal navigation), two steps per page,
 * a step never split across pages, the QR code and the box's address at the foot.
 * The same page is what Chromium turns into the PDF.
 */
export function PrintPage({ data }: { data: PrintData }) {
  const { notice, lang } = data;
  const t = noticeText[lang];
  return (
    <html lang={notice.language}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${notice.title} · ${data.libraryName}`}</title>
        <link rel="stylesheet" href={assetUrl('print.css')} />
      </head>
      <body class="print">
        <main>
          <p class="print-back">
            <a href={data.backHref}>← {notice.title}</a>
          </p>
          <header class="print-head">
            <h1>{notice.title}</h1>
            <p class="print-summary">{notice.summary}</p>
            <p class="print-meta">
              {fill(t.minutes, { n: notice.duration })} ·{' '}
              {notice.devices.map((d) => DEVICE_NAMES[d] ?? d).join(', ')}
            </p>
            <NeedsList class="print-needs" title={t.needs} needs={notice.needs} />
          </header>
          <ol class="notice-steps print-steps">
            {notice.steps.map((step, i) => (
              <StepView key={i} notice={notice} step={step} n={i + 1} lang={lang} audio={false} />
            ))}
          </ol>
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
        </main>
      </body>
    </html>
  );
}
