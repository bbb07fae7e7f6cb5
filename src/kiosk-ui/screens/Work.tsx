import type { VNode } from 'preact';
import type { KioskInfo, KioskWork } from '../../shared/kiosk-types.js';
import { Button } from '../components/Button.js';
import { Cover } from '../components/Cover.js';
import { Icon } from '../components/Icon.js';
import { Qr } from '../components/Qr.js';
import { ScrollList } from '../components/ScrollList.js';
import { useJson } from '../lib/api.js';
import { go, useKiosk, useT } from '../lib/store.js';
import type { Messages } from '../lib/i18n.js';

function playLabel(t: Messages, work: KioskWork): string {
  const kind = work.views[0]?.kind;
  if (kind === 'audio') return t.play;
  if (kind === 'video') return t.watchIt;
  if (kind === 'image') return t.view;
  return t.read;
}

/** Loads one work and shows the calm "loading" or "not found" screens meanwhile. */
function WithWork({ id, children }: { id: string; children: (w: KioskWork) => VNode }) {
  const t = useT();
  const work = useJson<KioskWork>(`/api/kiosk/works/${encodeURIComponent(id)}`);
  if (work.state === 'loading')
    return (
      <main class="screen">
        <p class="calm">{t.loading}</p>
      </main>
    );
  if (work.state === 'missing')
    return (
      <main class="screen">
        <h1 class="screen-title">{t.notFound}</h1>
      </main>
    );
  return children(work.data);
}

/** One work: what it is, how to enjoy it here, how to take it away. */
export function WorkScreen({ id }: { id: string }) {
  const t = useT();
  const lang = useKiosk().settings.lang;
  return <WithWork id={id}>{(w) => workBody(t, lang, w)}</WithWork>;
}

function workBody(t: Messages, lang: 'fr' | 'en', w: KioskWork) {
  const authors = w.authors.map((a) => a.name).join(', ');
  return (
    <main class="screen work" data-testid="work">
      <Cover src={w.cover} type={w.type} large />
      <div class="work-text">
        <p class="badge">{t.types[w.type]}</p>
        <h1 class="work-title">{w.title}</h1>
        {authors && <p class="work-authors">{authors}</p>}
        <ScrollList class="work-more">
          {w.description && <p class="work-description">{w.description}</p>}
          <div class="work-licence" data-testid="work-licence">
            <p>
              <strong>
                {t.licence} : {w.licenceName}
              </strong>
            </p>
            <p>{w.licenceText[lang]}</p>
            <p>
              {t.credit} : {w.attribution}
            </p>
          </div>
        </ScrollList>
        <div class="work-actions">
          {w.views.length > 0 && (
            <Button
              class="action action-primary"
              onPress={() => go({ name: 'player', id: w.id, index: 0 })}
              testId="open-player"
            >
              <Icon
                name={
                  w.views[0]?.kind === 'video'
                    ? 'watch'
                    : w.views[0]?.kind === 'audio'
                      ? 'listen'
                      : 'book'
                }
              />
              {playLabel(t, w)}
            </Button>
          )}
          <Button
            class="action"
            onPress={() => go({ name: 'take-away', id: w.id })}
            testId="take-away"
          >
            <Icon name="phone" />
            {t.takeAway}
          </Button>
        </div>
      </div>
    </main>
  );
}

/** The QR code to the work's page on the portal, with the Wi-Fi and the address in words. */
export function TakeAway({ id }: { id: string }) {
  const t = useT();
  const { info } = useKiosk();
  return <WithWork id={id}>{(w) => takeAwayBody(t, info, w)}</WithWork>;
}

function takeAwayBody(t: Messages, info: KioskInfo | null, w: KioskWork) {
  return (
    <main class="screen take-away" data-testid="take-away-screen">
      <Qr svg={w.qr} text={w.portalUrl} label={`${t.takeAwayTitle} : ${w.portalUrl}`} />
      <ScrollList class="take-away-text">
        <h1 class="screen-title">{t.takeAwayTitle}</h1>
        <p class="take-away-work">« {w.title} »</p>
        <ol class="steps">
          <li>{t.takeAwayStep1(info?.wifiName ?? '')}</li>
          <li>{t.takeAwayStep2}</li>
          <li>
            {t.takeAwayStep3}
            <span class="address" data-testid="portal-url">
              {w.portalUrl}
            </span>
          </li>
        </ol>
        {w.takeAway.length > 0 && (
          <p class="take-away-files">{t.takeAwayOnly(w.takeAway.join(', '))}</p>
        )}
      </ScrollList>
    </main>
  );
}
