import type { KiwixState } from './supervisor.js';

/** One line for the health page, and a warning when the animateur should know. */
export function kiwixHealth(state: KiwixState): { value: string; warning: string | null } {
  switch (state.kind) {
    case 'empty':
      return { value: 'aucune encyclopédie installée', warning: null };
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
