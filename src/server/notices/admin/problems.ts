import { noticeSchema } from '../format.js';
import type { Draft } from './local.js';

/**
 * The editor's validation messages: one French sentence per field, written for the
 * animateur ("Ajoutez une image pour cette étape."), keyed by the form field it belongs
 * to (`summary`, `s2.action`, `s2.picture`, `s2.m1`…), never a validator path.
 */
export type FieldProblems = Map<string, string>;

/** Our own messages in the format are French; anything else gets a plain sentence. */
function sentence(message: string, fallback: string): string {
  const french =
    /[àâçéèêëîïôûùœ’]|^(texte|entre|le |la |les |un |une |pas |au |deux |image|son |chemin|version|licence|identifiant|largeur|hauteur|empreinte|code)/i;
  const text = french.test(message) ? message : fallback;
  const first = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(first) ? first : `${first}.`;
}

const lowerFirst = (t: string) => t.charAt(0).toLowerCase() + t.slice(1);

const TOO_LONG = /trop long \((\d+) caractères au plus\)/;

function textProblem(message: string, empty: string, what: string, feminine = false): string {
  if (/vide/.test(message)) return empty;
  const long = TOO_LONG.exec(message);
  if (long)
    return `${what} est trop ${feminine ? 'longue' : 'long'} : ${long[1]} caractères au plus.`;
  return sentence(message, `Vérifiez ${what.toLowerCase()}.`);
}

export function fieldProblems(draft: Draft): FieldProblems {
  const out: FieldProblems = new Map();
  const parsed = noticeSchema.safeParse(draft);
  if (parsed.success) return out;
  const add = (field: string, message: string) => {
    if (!out.has(field)) out.set(field, message);
  };
  for (const issue of parsed.error.issues) {
    const [head, index, sub, subIndex] = issue.path;
    const msg = issue.message;
    if (head === 'steps' && typeof index === 'number') {
      const p = `s${index + 1}.`;
      if (sub === undefined) add(`${p}action`, sentence(msg, 'Vérifiez cette étape.'));
      else if (sub === 'action')
        add(
          `${p}action`,
          textProblem(msg, 'Écrivez l’action de cette étape.', 'Le texte de l’action'),
        );
      else if (sub === 'picture') {
        const missing = !draft.steps[index]?.picture.path;
        add(
          `${p}picture`,
          missing
            ? 'Ajoutez une image pour cette étape.'
            : 'Cette image ne convient pas : envoyez-en une autre (PNG, JPEG, WebP ou GIF).',
        );
      } else if (sub === 'markers' && typeof subIndex === 'number')
        add(
          `${p}m${subIndex + 1}`,
          `Repère ${subIndex + 1} : ${lowerFirst(sentence(msg, 'vérifiez sa place et sa taille'))}`,
        );
      else if (sub === 'markers') add(`${p}markers`, sentence(msg, 'Vérifiez les repères.'));
      else if (sub === 'tip' || sub === 'warning' || sub === 'result')
        add(`${p}${sub}`, textProblem(msg, 'Ce texte est vide.', 'Ce texte'));
      else add(`${p}action`, sentence(msg, 'Vérifiez cette étape.'));
    } else if (head === 'steps') add('steps', 'Ajoutez au moins une étape.');
    else if (head === 'title') add('title', textProblem(msg, 'Écrivez un titre.', 'Le titre'));
    else if (head === 'summary')
      add(
        'summary',
        textProblem(msg, 'Écrivez un résumé : deux ou trois phrases courtes.', 'Le résumé'),
      );
    else if (head === 'authors')
      add('authors', 'Écrivez au moins un auteur, par exemple le nom de la bibliothèque.');
    else if (head === 'devices') add('devices', 'Cochez au moins un appareil.');
    else if (head === 'needs')
      add('needs', textProblem(msg, 'Une ligne est vide.', 'Une ligne', true));
    else if (head === 'remember')
      add('remember', textProblem(msg, 'Une phrase est vide.', 'Une phrase à retenir', true));
    else if (head === 'themes') add('themes', 'Un thème est trop long : 60 caractères au plus.');
    else if (head === 'duration') add('duration', 'Indiquez une durée en minutes, de 1 à 600.');
    else if (head === 'licence') add('licence', 'Choisissez une licence dans la liste.');
    else add('title', sentence(msg, 'Vérifiez la notice.'));
  }
  return out;
}

/** Where each field is on the editor page, for the summary's links. */
export function fieldAnchor(field: string): string {
  const step = /^s(\d+)\./.exec(field);
  return step ? `etape-${step[1]}` : `champ-${field}`;
}

export function fieldLabel(field: string): string {
  const step = /^s(\d+)\.(\w+)/.exec(field);
  const names: Record<string, string> = {
    title: 'Titre',
    summary: 'Résumé',
    authors: 'Auteurs',
    devices: 'Appareils',
    needs: 'Ce qu’il vous faut',
    remember: 'À retenir',
    themes: 'Thèmes',
    duration: 'Durée',
    licence: 'Licence',
    steps: 'Étapes',
    action: 'action',
    picture: 'image',
    tip: 'astuce',
    warning: 'attention',
    result: 'résultat',
    markers: 'repères',
  };
  if (step) return `Étape ${step[1]}, ${names[step[2] ?? ''] ?? 'repère'}`;
  return names[field] ?? field;
}
