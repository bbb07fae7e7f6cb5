import type { Lang } from '../i18n/lang.js';

export const THANKS_PATH = '/contribuer/merci';

/** What the work page of a published contribution shows: a "merci" button, or its echo. */
export interface ThanksState {
  /** 'sent' just after a merci, 'already' when this device said it today. */
  done: 'sent' | 'already' | null;
}

const TEXT = {
  fr: {
    title: 'Une œuvre d’un visiteur',
    intro: 'Cette œuvre a été proposée par son auteur. Dites-lui merci : c’est anonyme.',
    button: 'Merci !',
    sent: 'Merci envoyé : l’auteur le verra.',
    already: 'Vous avez déjà dit merci aujourd’hui.',
  },
  en: {
    title: 'A work by a visitor',
    intro: 'Its author offered this work. Say thank you: it is anonymous.',
    button: 'Thank you!',
    sent: 'Thank you sent: the author will see it.',
    already: 'You already said thank you today.',
  },
} as const;

export function ThanksForm(props: {
  lang: Lang;
  base: string;
  workId: string;
  state: ThanksState;
}) {
  const t = TEXT[props.lang];
  return (
    <section aria-labelledby="thanks-title" class="thanks">
      <h2 id="thanks-title">{t.title}</h2>
      {props.state.done ? (
        <p role="status">{props.state.done === 'sent' ? t.sent : t.already}</p>
      ) : (
        <form method="post" action={`${props.base}${THANKS_PATH}`}>
          <p>{t.intro}</p>
          <input type="hidden" name="oeuvre" value={props.workId} />
          <button type="submit">{t.button}</button>
        </form>
      )}
    </section>
  );
}
