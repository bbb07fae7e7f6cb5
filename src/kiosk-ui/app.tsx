import { useEffect } from 'preact/hooks';
import { SetupCode } from './components/SetupCode.js';
import { TopBar } from './components/TopBar.js';
import { postEvent } from './lib/api.js';
import { currentRoute, useKiosk, type Route } from './lib/store.js';
import { Attract } from './screens/Attract.js';
import { WorkList } from './screens/Browse.js';
import { EvaluationScreen } from './screens/Evaluation.js';
import { Home } from './screens/Home.js';
import { Infos } from './screens/Infos.js';
import { NoticeList, NoticeScreen } from './screens/Learn.js';
import { IdleWarning, OneMoment, SettingsPanel } from './screens/Overlays.js';
import { PlayerScreen } from './screens/Player.js';
import { Search } from './screens/Search.js';
import { TakeAway, WorkScreen } from './screens/Work.js';
import type { KioskSection, KioskWorkType } from '../shared/kiosk-types.js';

/** Each list of works is its own section in the statistics. */
const BROWSE_SECTIONS: Record<KioskWorkType, KioskSection> = {
  book: 'books',
  audio: 'audio',
  video: 'video',
  image: 'images',
  document: 'documents',
  software: 'software',
  encyclopedia: 'encyclopedias',
};

function sectionOf(route: Route): KioskSection {
  switch (route.name) {
    case 'browse':
      return BROWSE_SECTIONS[route.type];
    case 'player':
      return 'player';
    case 'take-away':
      return 'take-away';
    default:
      return route.name;
  }
}

function Screen({ route }: { route: Route }) {
  switch (route.name) {
    case 'home':
      return <Home />;
    case 'browse':
      return <WorkList key={`${route.type}-${route.page}`} type={route.type} page={route.page} />;
    case 'search':
      return <Search />;
    case 'results':
      return <WorkList key={`${route.q}-${route.page}`} q={route.q} page={route.page} />;
    case 'work':
      return <WorkScreen key={route.id} id={route.id} />;
    case 'take-away':
      return <TakeAway key={route.id} id={route.id} />;
    case 'player':
      return <PlayerScreen key={`${route.id}-${route.index}`} id={route.id} index={route.index} />;
    case 'notices':
      return <NoticeList />;
    case 'notice':
      return <NoticeScreen key={route.id} id={route.id} />;
    case 'infos':
      return <Infos />;
    case 'evaluation':
      return <EvaluationScreen key={`${route.id}-${route.step}`} id={route.id} step={route.step} />;
  }
}

export function App() {
  const state = useKiosk();
  const route = currentRoute();
  const { settings } = state;
  useEffect(() => {
    const root = document.documentElement;
    root.lang = settings.lang;
    root.dataset['size'] = String(settings.size);
    root.dataset['contrast'] = settings.contrast ? 'high' : 'normal';
  }, [settings]);
  useEffect(() => {
    if (state.awake) postEvent({ type: 'page', section: sectionOf(route) });
  }, [route, state.awake]);
  if (!state.awake) {
    return (
      <>
        <Attract />
        <SetupCode />
        {state.offline && <OneMoment />}
      </>
    );
  }
  const modal = state.offline || state.warningUntil !== null || state.settingsOpen;
  return (
    <>
      <div class="app" inert={modal}>
        <TopBar />
        <Screen route={route} />
      </div>
      {state.settingsOpen && !state.offline && state.warningUntil === null && <SettingsPanel />}
      {state.warningUntil !== null && !state.offline && <IdleWarning until={state.warningUntil} />}
      {state.offline && <OneMoment />}
    </>
  );
}
