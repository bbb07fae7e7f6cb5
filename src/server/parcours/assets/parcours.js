// Progressive enhancement of the parcours pages: answers checked on the phone (nothing is
// sent), progress kept in this browser's own storage (never sent to the box), and the
// progress code shown so the visitor can write it down. Every page works without it.
import { checkAnswer, encodeProgress, feedbackView } from './parcours-core.js';

const PREFIX = 'lanterne-parcours:';
document.documentElement.classList.add('js');

function readDone(id) {
  try {
    const list = JSON.parse(window.localStorage.getItem(PREFIX + id) || '[]');
    return new Set(Array.isArray(list) ? list.filter((n) => Number.isInteger(n) && n > 0) : []);
  } catch {
    return new Set();
  }
}

function saveDone(id, done) {
  try {
    window.localStorage.setItem(PREFIX + id, JSON.stringify([...done].sort((a, b) => a - b)));
  } catch {
    // Private browsing or storage full: the progress code still works on paper.
  }
}

function markDone(id, n) {
  const done = readDone(id);
  done.add(n);
  saveDone(id, done);
}

// The list: how far each parcours is, on this phone.
document.querySelectorAll('li[data-parcours]').forEach((li) => {
  const done = readDone(li.dataset.parcours);
  const out = li.querySelector('[data-progress]');
  if (!out || done.size === 0) return;
  const total = Number(li.dataset.steps);
  const fr = document.documentElement.lang !== 'en';
  out.textContent = fr
    ? `Sur ce téléphone : ${done.size} étape${done.size > 1 ? 's' : ''} faite${done.size > 1 ? 's' : ''} sur ${total}`
    : `On this phone: ${done.size} of ${total} steps done`;
  out.hidden = false;
});

// A parcours: ticks, and the code that carries the progress.
const parcours = document.querySelector('.parcours[data-parcours]');
if (parcours) {
  const id = parcours.dataset.parcours;
  const done = readDone(id);
  const restored = parcours.dataset.restored;
  if (restored !== undefined) {
    for (const n of restored.split(',').map(Number)) if (n > 0) done.add(n);
    saveDone(id, done);
  }
  parcours.querySelectorAll('li[data-step]').forEach((li) => {
    const n = Number(li.dataset.step);
    if (!done.has(n)) return;
    li.classList.add('is-done');
    const state = li.querySelector('[data-state]');
    if (state) state.textContent = document.documentElement.lang === 'en' ? 'Done' : 'Fait';
  });
  const box = parcours.querySelector('[data-code-box]');
  const code = parcours.querySelector('[data-code]');
  if (box && code) {
    code.textContent = encodeProgress(id, [...done]);
    box.hidden = false;
  }
  // "Commencer" leads to the first step not done yet; all done, a word of praise.
  const total = Number(parcours.dataset.steps);
  let next = 1;
  while (done.has(next) && next <= total) next += 1;
  const start = parcours.querySelector('a[data-start]');
  if (start && next <= total) start.href = start.href.replace(/\/etapes\/\d+$/, `/etapes/${next}`);
  const finished = parcours.querySelector('[data-finished]');
  if (finished && next > total) finished.hidden = false;
  // The booklet is made from the code in its address: the box has nothing else.
  const carnet = parcours.querySelector('a[data-carnet]');
  if (carnet) {
    const url = new URL(carnet.href);
    url.searchParams.set('progres', encodeProgress(id, [...done]));
    carnet.href = url.toString();
  }
}

// A notice or a work step: "I have finished".
const stepPage = document.querySelector('.parcours-step[data-parcours]');
const button = document.querySelector('[data-mark-done]');
if (stepPage && button) {
  const id = stepPage.dataset.parcours;
  const n = Number(stepPage.dataset.step);
  const marked = document.querySelector('[data-marked]');
  const show = () => {
    button.hidden = true;
    if (marked) marked.hidden = false;
  };
  if (readDone(id).has(n)) show();
  else button.hidden = false;
  button.addEventListener('click', () => {
    markDone(id, n);
    show();
  });
}

// Exercises: checked here, with the same code the box uses without JavaScript.
document.querySelectorAll('form.exercise[data-exercise]').forEach((form) => {
  const exercise = JSON.parse(form.dataset.exercise);
  const lang = form.dataset.lang === 'en' ? 'en' : 'fr';
  const box = form.querySelector('[data-feedback]');
  const field = form.querySelector('input[name="answer"]');
  const show = form.querySelector('[data-show]');
  if (show && field) {
    show.hidden = false;
    show.querySelector('input').addEventListener('change', (e) => {
      field.type = e.target.checked ? 'text' : 'password';
    });
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const submitter = event.submitter;
    const answer = field ? field.value : submitter && submitter.value;
    const result = checkAnswer(exercise, answer);
    const view = feedbackView(exercise, result, lang);
    form.querySelectorAll('button[name="answer"]').forEach((b) => {
      b.classList.remove('is-right', 'is-wrong');
      if (b === submitter) b.classList.add(view.ok ? 'is-right' : 'is-wrong');
    });
    const set = (sel, visible, text) => {
      const el = box.querySelector(sel);
      if (!el) return;
      el.hidden = !visible;
      if (text !== undefined) el.textContent = text;
    };
    box.hidden = false;
    const main = box.querySelector('[data-main]');
    main.className = `ex-main ${view.ok ? 'is-right' : 'is-wrong'}`;
    main.textContent = view.main;
    set('[data-detail]', Boolean(view.detail), view.detail);
    set('[data-hint]', view.hint);
    set('[data-clues]', view.clues);
    set('[data-next]', view.ok);
    if (field) field.setAttribute('aria-invalid', view.ok ? 'false' : 'true');
    if (view.ok && stepPage) markDone(stepPage.dataset.parcours, Number(stepPage.dataset.step));
    box.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  });
});
