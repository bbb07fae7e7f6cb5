import { Layout, href, type PageContext } from '../ui/page.js';
import type { Notice, NoticeStep } from './format.js';
import { DEVICE_LABELS, LEVEL_LABELS, fill, noticeText } from './messages.js';
import type { NoticeSummary } from './service.js';
import {
  MarkerLegend,
  NoticePicture,
  RichText,
  pictureLabel,
  type ViewLang,
} from './shared/picture.js';
import { Face } from './shared/face.js';
import { assetUrl } from '../ui/asset-url.js';

export const NOTICE_CSS = '/notice-assets/notices.css';

export function pictureUrl(id: string, n: number): string {
  return `/notices/${encodeURIComponent(id)}/pictures/${n}`;
}

export function audioUrl(id: string, n: number): string {
  return `/notices/${encodeURIComponent(id)}/audio/${n}`;
}

/** A notice's own words (labels, colours) follow its language, not the reader's browser. */
export function viewLang(notice: Pick<Notice, 'language'>): ViewLang {
  return notice.language.startsWith('en') ? 'en' : 'fr';
}

/** "What you need" before starting: on the phone page and on the handout. */
export function NeedsList({
  needs,
  title,
  class: className,
}: {
  needs: string[];
  title: string;
  class: string;
}) {
  if (needs.length === 0) return null;
  return (
    <section class={className}>
      <h2>{title}</h2>
      <ul>
        {needs.map((need, i) => (
          <li key={i}>{need}</li>
        ))}
      </ul>
    </section>
  );
}

/** "À retenir": the notice's advice that is not an action, in one box. */
export function RememberBox({ notice }: { notice: Notice }) {
  const items = notice.remember ?? [];
  if (items.length === 0) return null;
  const vl = viewLang(notice);
  return (
    <section class="remember" aria-labelledby="a-retenir">
      <h2 id="a-retenir">{noticeText[vl].remember}</h2>
      <ul>
        {items.map((text, i) => (
          <li key={i}>
            <RichText text={text} lang={vl} />
          </li>
        ))}
      </ul>
    </section>
  );
}

export function NoticeMeta({
  notice,
  lang,
}: {
  notice: Notice | NoticeSummary;
  lang: 'fr' | 'en';
}) {
  const t = noticeText[lang];
  const steps =
    'steps' in notice && typeof notice.steps === 'number'
      ? notice.steps
      : (notice as Notice).steps.length;
  return (
    <p class="notice-meta">
      <span>{fill(t.steps, { n: steps })}</span> ·{' '}
      <span>{fill(t.minutes, { n: notice.duration })}</span> ·{' '}
      <span>{fill(t.level, { v: LEVEL_LABELS[lang][notice.level] ?? notice.level })}</span> ·{' '}
      <span>
        {fill(t.devices, {
          v: notice.devices.map((d) => DEVICE_LABELS[lang][d] ?? d).join(', '),
        })}
      </span>
    </p>
  );
}

/** One step: number, the action, the picture with its markers, then the extras. */
export function StepView({
  notice,
  step,
  n,
  audio,
  pictureSrc = pictureUrl,
}: {
  notice: Notice;
  step: NoticeStep;
  n: number;
  audio: boolean;
  /** Where the step's picture is served (the admin preview serves drafts itself). */
  pictureSrc?: (id: string, n: number) => string;
}) {
  // The step's labels (Astuce, Attention…) are part of the notice: its language.
  const vl = viewLang(notice);
  const t = noticeText[vl];
  const landscape = step.picture.width > step.picture.height;
  return (
    <li class={`notice-step${landscape ? ' landscape' : ''}`} id={`etape-${n}`} data-step={n}>
      <h2 class="step-title">
        <span class="step-number" aria-hidden="true">
          {n}
        </span>
        <span class="visually-hidden">{fill(t.stepOf, { n, total: notice.steps.length })} : </span>
        <span class="step-action">
          <RichText text={step.action} lang={vl} />
        </span>
      </h2>
      <figure class="step-figure">
        <NoticePicture
          src={pictureSrc(notice.id, n)}
          width={step.picture.width}
          height={step.picture.height}
          markers={step.markers}
          label={pictureLabel(step.picture.alt, step.markers, vl)}
          {...(landscape ? { class: 'landscape' } : {})}
        />
        <figcaption>
          <MarkerLegend markers={step.markers} lang={vl} />
        </figcaption>
      </figure>
      {step.warning && (
        <p class="callout warning">
          <strong>{t.warning} :</strong> <RichText text={step.warning} lang={vl} />
        </p>
      )}
      {step.tip && (
        <p class="callout tip">
          <strong>{t.tip} :</strong> <RichText text={step.tip} lang={vl} />
        </p>
      )}
      {step.result && (
        <p class="callout result">
          <strong>{t.result} :</strong> <RichText text={step.result} lang={vl} />
        </p>
      )}
      {audio && step.audio && (
        <p class="step-audio">
          <span>{t.audio}</span>
          <audio controls preload="none" src={audioUrl(notice.id, n)} />
        </p>
      )}
    </li>
  );
}

export function NoticeListPage({ page, notices }: { page: PageContext; notices: NoticeSummary[] }) {
  const t = noticeText[page.lang];
  return (
    <Layout
      page={page}
      title={t.listTitle}
      section="notices"
      head={<link rel="stylesheet" href={assetUrl('notices.css')} />}
    >
      <h1>{t.listTitle}</h1>
      <p class="lead">{t.listIntro}</p>
      {notices.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <ul class="notice-list">
          {notices.map((n) => (
            <li key={n.id}>
              <a href={href(page, `/notices/${n.id}`)}>
                <span class="notice-list-title">{n.title}</span>
              </a>
              <span class="notice-list-summary">{n.summary}</span>
              <NoticeMeta notice={n} lang={page.lang} />
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

export interface NoticePageData {
  notice: Notice;
  url: string;
  pdf: boolean;
  thanks: boolean;
  /** Admin preview of a draft: its pictures come from the editor, nothing is posted. */
  pictureSrc?: (id: string, n: number) => string;
  preview?: boolean;
}

export function NoticePage({ page, data }: { page: PageContext; data: NoticePageData }) {
  const t = noticeText[page.lang];
  const { notice } = data;
  const base = href(page, `/notices/${notice.id}`);
  return (
    <Layout
      page={page}
      title={notice.title}
      section="notices"
      head={<link rel="stylesheet" href={assetUrl('notices.css')} />}
    >
      {data.preview ? (
        <p class="notice-back preview-banner" role="status">
          Aperçu du brouillon : les visiteurs ne voient pas cette page.{' '}
          <a href={`/admin/notices/${notice.id}/edit`}>← Retour à l’éditeur</a>
        </p>
      ) : (
        <p class="notice-back">
          <a href={href(page, '/notices')}>← {t.back}</a>
        </p>
      )}
      <article class="notice" lang={notice.language}>
        <h1>{notice.title}</h1>
        <p class="lead">{notice.summary}</p>
        <NoticeMeta notice={notice} lang={page.lang} />
        <p class="notice-actions">
          <a class="button" href={`${base}/print`}>
            {t.print}
          </a>
          {data.pdf && (
            <a class="button secondary" href={`/notices/${notice.id}.pdf`}>
              {t.pdf}
            </a>
          )}
        </p>
        <NeedsList
          class="notice-needs"
          title={noticeText[viewLang(notice)].needs}
          needs={notice.needs}
        />
        <RememberBox notice={notice} />
        <ol class="notice-steps">
          {notice.steps.map((step, i) => (
            <StepView
              key={i}
              notice={notice}
              step={step}
              n={i + 1}
              audio={!data.preview}
              {...(data.pictureSrc ? { pictureSrc: data.pictureSrc } : {})}
            />
          ))}
        </ol>
      </article>
      {!data.preview && (
        <section class="notice-feedback" id="avis" aria-labelledby="avis-titre">
          <h2 id="avis-titre">{t.feedbackTitle}</h2>
          {data.thanks ? (
            <p class="thanks" role="status">
              {t.thanks}
            </p>
          ) : (
            <form method="post" action={`${base}/feedback`} class="faces">
              {(['yes', 'neutral', 'no'] as const).map((face) => (
                <button type="submit" name="face" value={face} class={`face-button face-${face}`}>
                  <Face kind={face} size={48} />
                  <span>{t[face]}</span>
                </button>
              ))}
            </form>
          )}
        </section>
      )}
      {/* No "scan this code" here: this page is read on the phone itself. The QR code
          is on the paper handout and on the kiosk. */}
      <p class="notice-address">
        {t.addressTitle} <span class="url">{data.url}</span>
      </p>
      <p class="notice-credits">
        {fill(t.licence, { v: notice.licence })} ·{' '}
        {fill(t.authors, { v: notice.authors.join(', ') })}
      </p>
    </Layout>
  );
}
