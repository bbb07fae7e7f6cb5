import type { SyncthingState } from './supervisor.js';

/** One line for the health page, and a warning when the animateur should know. */
export function reseauHealth(state: SyncthingState): { value: string; warning: string | null } {
  switch (state.kind) {
    case 'off':
      return { value: 'non activé', warning: null };
    case 'starting':
      return { value: 'démarrage…', warning: null };
    case 'running':
      return { value: 'en service', warning: null };
    case 'absent':
      return { value: 'logiciel absent', warning: state.message };
    case 'down':
      return { value: 'arrêté', warning: state.message };
  }
}
