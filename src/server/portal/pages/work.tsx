import type { VNode } from 'preact';
import type { Work, WorkFile } from '../../catalogue/types.js';
import { inlineKind } from '../../files/safety.js';
import { coverSrcset, coverUrl, fileUrl as fileUrlOf, type FileUse } from '../../files/urls.js';
import { Layout, href, type PageContext } from '../../ui/page.js';
import { LicenceBox, humanSize, languageName, typeLabel } from '../components.js';
import { dateInWords } from '../dates.js';
import type { EpubHelp } from '../epub-help.js';
import { fill, portal, type PortalMessages } from '../messages.js';

function fileUrl(kind: FileUse, work: Work, file: WorkFile): string {
  return fileUrlOf(kind, work.id, file);
}

function Player({ page, work }: { page: PageContext; work: Work }) {
  const t = portal[page.lang];
  const audio = work.files.filter((f) => inlineKind(f.mime) === 'audio');
  const video = work.files.filter((f) => inlineKind(f.mime) === 'video');
  const pdf = work.files.find((f) => inlineKind(f.mime) === 'pdf');
  const image =
    work.type === 'image' ? work.files.find((f) => inlineKind(f.mime) === 'image') : undefined;
  return (
    <>
      {video.length > 0 ? (
        <section aria-label={t.watch}>
          <video
            controls
            preload="metadata"
            class="player"
            poster={work.hasCover ? coverUrl(work.id) : undefined}
          >
            {video.map((f) => (
              <source key={f.position} src={fileUrl('media', work, f)} type={f.mime} />
            ))}
          </video>
        </section>
      ) : null}
      {audio.length > 0 ? (
        <section aria-label={t.listen}>
          {audio.map((f) => (
            <p key={f.position}>
              <audio
                controls
                preload="metadata"
                class="player"
                src={fileUrl('media', work, f)}
                aria-label={`${t.listen} : ${f.name}`}
              />
            </p>
          ))}
        </section>
      ) : null}
      {image ? (
        <p>
          <img class="artwork" src={fileUrl('media', work, image)} alt={work.title} />
        </p>
      ) : null}
      {pdf ? (
        <p>
          <a class="button" href={fileUrl('media', work, pdf)}>
            {t.open} (PDF)
          </a>
        </p>
      ) : null}
    </>
  );
}

/** Where to learn to open an EPUB: the box's own notices, or a sentence when it has none. */
function EpubHelpLinks({ page, help }: { page: PageContext; help: EpubHelp }) {
  const t = portal[page.lang];
  const links = [
    help.android ? { id: help.android.id, label: t.epubHelpAndroid } : null,
    help.iphone ? { id: help.iphone.id, label: t.epubHelpIphone } : null,
  ].filter((l): l is { id: string; label: string } => l !== null);
  if (links.length === 0) return <p class="file-help">{t.epubHelpNone}</p>;
  return (
    <p class="file-help">
      {links.map((l) => (
        <a key={l.id} href={href(page, `/notices/${encodeURIComponent(l.id)}`)}>
          {l.label}
        </a>
      ))}
    </p>
  );
}

export function WorkPage({
  page,
  work,
  packTitle,
  epubHelp,
  extras = [],
  lead = [],
  fileExtras,
}: {
  page: PageContext;
  work: Work;
  packTitle: string;
  /** Present when the work has an EPUB file. */
  epubHelp?: EpubHelp | null;
  /** Sections of other features (portal/extras.ts). */
  extras?: Array<VNode | null>;
  /** Other features' sections under the title (portal/extras.ts `workLead`). */
  lead?: Array<VNode | null>;
  /** What other features add beside a file (portal/extras.ts `file`). */
  fileExtras?: (file: WorkFile) => Array<VNode | null>;
}) {
  const t = portal[page.lang];
  // A video shows its cover as the player's poster: not a second time above it.
  const playsVideo = work.files.some((f) => f.mime.startsWith('video/'));
  return (
    <Layout page={page} title={work.title} section="browse" description={work.description}>
      <article class="work">
        <header class="work-head">
          {work.hasCover && !playsVideo ? (
            <img
              class="cover"
              src={coverUrl(work.id)}
              srcset={coverSrcset(work.id)}
              sizes="160px"
              alt={fill(t.cover, { title: work.title })}
              width="160"
            />
          ) : null}
          <div>
            <h1>{work.title}</h1>
            {work.authors.length > 0 ? (
              <p class="authors">
                {work.authors.map((a, i) => (
                  <span key={i}>
                    {i > 0 ? ', ' : ''}
                    {a.name}
                    {a.role !== 'author'
                      ? ` (${t[`role.${a.role}` as keyof PortalMessages] ?? a.role})`
                      : ''}
                  </span>
                ))}
              </p>
            ) : null}
            <p class="meta">
              {typeLabel(page.lang, work.type)} · {languageName(page.lang, work.language)}
            </p>
          </div>
        </header>
        {lead}
        <Player page={page} work={work} />
        <section aria-labelledby="files-title">
          <h2 id="files-title">{t.files}</h2>
          <ul class="files">
            {work.files.map((f) => (
              <li key={f.position}>
                <a class="button download" href={fileUrl('files', work, f)} download={f.name}>
                  {t.download} {f.format.toUpperCase()}
                </a>{' '}
                <span class="file-meta">
                  {f.name} · {humanSize(page.lang, f.size)}
                </span>
                {fileExtras?.(f)}
                {f.format.toLowerCase() === 'epub' && epubHelp ? (
                  <EpubHelpLinks page={page} help={epubHelp} />
                ) : null}
              </li>
            ))}
          </ul>
        </section>
        {work.description ? (
          <section class="description">
            {work.description.split(/\n{2,}/).map((para, i) => (
              <p key={i}>{para}</p>
            ))}
          </section>
        ) : null}
        <LicenceBox lang={page.lang} licenceId={work.licence} attribution={work.attribution} />
        <dl class="facts">
          {work.themes.length > 0 ? (
            <>
              <dt>{t.themes}</dt>
              <dd>
                {work.themes.map((th, i) => (
                  <span key={th.slug}>
                    {i > 0 ? ', ' : ''}
                    <a href={href(page, `/browse?theme=${th.slug}`)}>{th.label}</a>
                  </span>
                ))}
              </dd>
            </>
          ) : null}
          {work.published ? (
            <>
              <dt>{t.published}</dt>
              <dd>{dateInWords(page.lang, work.published)}</dd>
            </>
          ) : null}
          {work.source ? (
            <>
              <dt>{t.source}</dt>
              <dd class={/^https?:\/\//.test(work.source) ? 'url' : undefined}>{work.source}</dd>
            </>
          ) : null}
          <dt>{t.added}</dt>
          <dd>{dateInWords(page.lang, work.addedAt)}</dd>
          <dt>{t.pack}</dt>
          <dd>{packTitle}</dd>
        </dl>
        {extras}
      </article>
    </Layout>
  );
}
