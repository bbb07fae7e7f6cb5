import { useEffect, useRef, useState } from 'preact/hooks';
import type { KioskView, KioskWork } from '../../shared/kiosk-types.js';
import { Button } from '../components/Button.js';
import { Cover } from '../components/Cover.js';
import { Icon } from '../components/Icon.js';
import { Pager } from '../components/Pager.js';
import { useJson } from '../lib/api.js';
import { setBusy, touched } from '../lib/session.js';
import { replace, useT } from '../lib/store.js';

function clock(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '0:00';
  const s = Math.floor(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** Audio and video with big custom controls: play/pause, −10 s, +10 s, where we are. */
function MediaPlayer({ view, title }: { view: KioskView; title: string }) {
  const t = useT();
  const ref = useRef<HTMLMediaElement | null>(null);
  const [playing, setPlaying] = useState(false);
  const [time, setTime] = useState({ at: 0, of: 0 });
  useEffect(() => {
    const media = ref.current;
    if (!media) return;
    const sync = () => setTime({ at: media.currentTime, of: media.duration });
    const onPlay = () => {
      setPlaying(true);
      setBusy(true);
    };
    const onPause = () => {
      setPlaying(false);
      setBusy(false);
    };
    media.addEventListener('timeupdate', sync);
    media.addEventListener('loadedmetadata', sync);
    media.addEventListener('durationchange', sync);
    // The metadata may have arrived before this effect ran (a fast local server).
    sync();
    media.addEventListener('play', onPlay);
    media.addEventListener('pause', onPause);
    return () => {
      if (!media.paused) setBusy(false);
      media.pause();
      media.removeEventListener('timeupdate', sync);
      media.removeEventListener('loadedmetadata', sync);
      media.removeEventListener('durationchange', sync);
      media.removeEventListener('play', onPlay);
      media.removeEventListener('pause', onPause);
    };
  }, [view.url]);
  const seek = (delta: number) => {
    const media = ref.current;
    if (media)
      media.currentTime = Math.max(0, Math.min(media.duration || 0, media.currentTime + delta));
  };
  const toggle = () => {
    const media = ref.current;
    if (!media) return;
    if (media.paused) media.play().catch(() => {});
    else media.pause();
  };
  const percent = time.of > 0 ? Math.round((time.at / time.of) * 100) : 0;
  return (
    <div class={`player player-${view.kind}`}>
      {view.kind === 'video' ? (
        <video
          ref={(el) => {
            ref.current = el;
          }}
          class="video"
          src={view.url}
          preload="metadata"
          playsInline
          disablePictureInPicture
          controlsList="nodownload noremoteplayback"
          aria-label={title}
        />
      ) : (
        <audio
          ref={(el) => {
            ref.current = el;
          }}
          src={view.url}
          preload="metadata"
          aria-label={title}
        />
      )}
      <div
        class="progress"
        role="progressbar"
        aria-label={t.position}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${clock(time.at)} / ${clock(time.of)}`}
      >
        <span class="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <p class="time" data-testid="media-time">
        {clock(time.at)} / {clock(time.of)}
      </p>
      <div class="controls">
        <Button
          class="control"
          onPress={() => seek(-10)}
          label={`${t.back10Short} (${t.back10})`}
          gapMs={250}
          testId="media-back"
        >
          <Icon name="rewind" />
          {t.back10Short}
        </Button>
        <Button
          class="control control-main"
          onPress={toggle}
          label={playing ? t.pause : t.playVerb}
          testId="media-toggle"
        >
          <Icon name={playing ? 'pause' : 'play'} size={72} />
        </Button>
        <Button
          class="control"
          onPress={() => seek(10)}
          label={`${t.fwd10Short} (${t.fwd10})`}
          gapMs={250}
          testId="media-forward"
        >
          <Icon name="forward" />
          {t.fwd10Short}
        </Button>
      </div>
    </div>
  );
}

/** Plain text read on the kiosk in its own big type; the visitor scrolls with a finger. */
function TextReader({ view }: { view: KioskView }) {
  const [text, setText] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    fetch(view.url)
      .then((res) => (res.ok ? res.text() : ''))
      .then(
        (body) => live && setText(body),
        () => live && setText(''),
      );
    return () => {
      live = false;
    };
  }, [view.url]);
  return (
    <div class="reader" tabIndex={0} data-testid="reader">
      {text ?? ''}
    </div>
  );
}

/**
 * An EPUB in the box's reader (its kiosk variant: large steps, no link out, no
 * download). The reader's touches keep the visit alive (they happen in its frame, which
 * the kiosk's own listeners cannot see).
 */
function BookReader({ view, title }: { view: KioskView; title: string }) {
  useEffect(() => {
    const onMessage = (e: MessageEvent) => {
      const data = e.data as { lanterne?: unknown } | null;
      if (e.origin === location.origin && data?.lanterne === 'activity') touched();
    };
    addEventListener('message', onMessage);
    return () => removeEventListener('message', onMessage);
  }, []);
  return <iframe class="book-frame" src={view.url} title={title} data-testid="book-reader" />;
}

export function PlayerScreen({ id, index }: { id: string; index: number }) {
  const t = useT();
  const work = useJson<KioskWork>(`/api/kiosk/works/${encodeURIComponent(id)}`);
  if (work.state !== 'ok')
    return (
      <main class="screen">
        <p class="calm">{work.state === 'missing' ? t.notFound : t.loading}</p>
      </main>
    );
  const w = work.data;
  const view = w.views[index] ?? w.views[0];
  if (!view)
    return (
      <main class="screen">
        <p class="calm">{t.notFound}</p>
      </main>
    );
  return (
    <main class="screen player-screen" data-testid="player">
      <h1 class="screen-title">{w.title}</h1>
      {w.views.length > 1 && <p class="count">{view.name}</p>}
      {view.kind === 'audio' && <Cover src={w.cover} type={w.type} large />}
      {view.kind === 'audio' || view.kind === 'video' ? (
        <MediaPlayer key={view.url} view={view} title={w.title} />
      ) : view.kind === 'book' ? (
        <BookReader key={view.url} view={view} title={w.title} />
      ) : view.kind === 'image' ? (
        <img class="picture" src={view.url} alt={w.title} draggable={false} />
      ) : (
        <TextReader view={view} />
      )}
      <Pager
        page={index + 1}
        pages={w.views.length}
        onPage={(p) => replace({ name: 'player', id, index: p - 1 })}
      />
    </main>
  );
}
