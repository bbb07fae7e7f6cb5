import type { ComponentChildren } from 'preact';
import { Face } from '../../shared/notices/face.js';
import { assetUrl } from '../ui/asset-url.js';
import { FACES, MAX_OPEN_TEXT, SCORE, fieldOf, type Screen } from './evaluation.js';
import type { Atelier } from './service.js';
import { evaluationPath } from './urls.js';

/** A bare page for one question: big text, big targets, no JavaScript, French (FALC). */
function EvalDocument({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <html lang="fr">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{title}</title>
        <link rel="stylesheet" href={assetUrl('portal.css')} />
        <link rel="stylesheet" href={assetUrl('ateliers.css')} />
      </head>
      <body>
        <main id="main" class="eval">
          {children}
        </main>
      </body>
    </html>
  );
}

function Hidden({ values }: { values: Record<string, string> }) {
  return (
    <>
      {Object.entries(values).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
    </>
  );
}

export function EvalIntro({ a, count }: { a: Atelier; count: number }) {
  return (
    <EvalDocument title={`Votre avis : ${a.title}`}>
      <p>Atelier : {a.title}</p>
      <h1>Votre avis nous aide.</h1>
      <p>{`Il y a ${count} questions. Une question par écran.`}</p>
      <p>C’est anonyme : on ne sait pas qui répond.</p>
      <p>Vous pouvez passer une question.</p>
      <form method="post" action={evaluationPath(a.id)}>
        <input type="hidden" name="step" value="0" />
        <input type="hidden" name="start" value="1" />
        <button class="send" type="submit">
          Commencer
        </button>
      </form>
    </EvalDocument>
  );
}

export function EvalQuestion(props: {
  a: Atelier;
  screen: Screen;
  step: number;
  total: number;
  values: Record<string, string>;
}) {
  const { a, screen, step, total, values } = props;
  const text = screen.kind === 'core' ? screen.text : screen.question.text;
  const kept = Object.fromEntries(Object.entries(values).filter(([k]) => k !== fieldOf(screen)));
  return (
    <EvalDocument title={`Question ${step + 1} sur ${total} · Votre avis`}>
      <p>{`Question ${step + 1} sur ${total}`}</p>
      <form method="post" action={evaluationPath(a.id)}>
        <Hidden values={kept} />
        <input type="hidden" name="step" value={String(step)} />
        {screen.kind === 'question' && screen.question.kind === 'open' ? (
          <>
            <h1>
              <label for="answer">{text}</label>
            </h1>
            <p class="warning" id="no-names">
              N’écrivez pas de nom. N’écrivez pas de numéro de téléphone ni d’adresse.
            </p>
            <textarea id="answer" name="v" maxLength={MAX_OPEN_TEXT} aria-describedby="no-names">
              {values[fieldOf(screen)] ?? ''}
            </textarea>
            <p>
              <button class="send" type="submit">
                Envoyer
              </button>
            </p>
          </>
        ) : (
          <fieldset class="faces">
            <legend>
              <h1>{text}</h1>
            </legend>
            {screen.kind === 'core'
              ? FACES.map((f) => (
                  <button key={f} type="submit" name="v" value={String(SCORE[f])}>
                    <Face kind={f} size={56} />
                    {screen.labels[f]}
                  </button>
                ))
              : screen.question.choices.map((choice, i) => (
                  <button key={i} type="submit" name="v" value={String(i)}>
                    {choice}
                  </button>
                ))}
          </fieldset>
        )}
        <p>
          <button class="choice" type="submit" name="skip" value="1">
            Passer cette question
          </button>
        </p>
      </form>
    </EvalDocument>
  );
}

export function EvalMessage({ a, title, text }: { a: Atelier; title: string; text: string }) {
  return (
    <EvalDocument title={`${title} · ${a.title}`}>
      <h1>{title}</h1>
      <p>{text}</p>
    </EvalDocument>
  );
}
