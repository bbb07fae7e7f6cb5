import { Ajv } from 'ajv';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATELIERS } from '../../src/server/ateliers/index.js';
import { EMPTY_FORM } from '../../src/server/ateliers/form.js';
import { makeTestBox, type TestBox } from '../helpers/box.js';
import { request, setUpAdmin, type Reply } from '../admin/http.js';

const NOW = Date.parse('2027-03-28T14:00:00Z'); // 16:00 in Paris, after the workshop
let box: TestBox;
let url: string;
let session: { cookie: string; csrf: string };
let id = 0;

const admin = (p: string, form?: Record<string, string>) =>
  request(`${url}/admin/ateliers/${id}${p}`, {
    method: form ? 'POST' : 'GET',
    headers: { cookie: session.cookie, origin: url },
    ...(form ? { form: { _csrf: session.csrf, ...form } } : {}),
  });

/** A phone: its own loopback address and browser; walks the screens like a person. */
function phone(n: number, agent = `Mozilla/5.0 (Linux; Android 14; Pixel-${n}) Mobile`) {
  const localAddress = `127.0.0.${n + 1}`;
  const send = (fields: Record<string, string>) =>
    request(`${url}/ateliers/${id}/avis`, {
      method: 'POST',
      headers: { 'user-agent': agent },
      form: fields,
      localAddress,
    });
  return {
    open: () =>
      request(`${url}/ateliers/${id}/avis`, { headers: { 'user-agent': agent }, localAddress }),
    /** Answers each screen in turn: a value, or null to skip. */
    async answer(values: Array<string | null>): Promise<Reply> {
      let reply = await send({ step: '0', start: '1' });
      for (let step = 0; step < values.length; step++) {
        const hidden = Object.fromEntries(
          [...reply.body.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map(
            (m) => [m[1]!, m[2]!.replace(/&amp;/g, '&')],
          ),
        );
        const v = values[step];
        reply = await send({ ...hidden, ...(v === null ? { skip: '1' } : { v: v! }) });
      }
      return reply;
    },
  };
}

beforeAll(async () => {
  box = makeTestBox({ publicUrl: 'http://lanterne.local' }, { now: () => new Date(NOW) });
  url = (await box.listen()).url;
  session = await setUpAdmin(box, url);
  const saved = box.ctx.services
    .get(ATELIERS)
    .save(null, { ...EMPTY_FORM, title: 'Courriel', date: '2027-03-28', time: '14:00' });
  if (!saved.ok) throw new Error('not saved');
  id = saved.id;
});
afterAll(async () => {
  await box?.cleanup();
});

describe('the participants’ evaluation', () => {
  it('is closed until the animateur opens it', async () => {
    const reply = await phone(1).open();
    expect(reply.body).toContain('L’évaluation est fermée.');
  });

  it('lets the animateur add own questions, with French messages when wrong', async () => {
    const bad = await admin('/questions', {
      text: 'Quel moment avez-vous préféré ?',
      kind: 'choice',
      choices: 'Un seul',
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toContain('Écrivez de 2 à 6 choix, un par ligne.');
    expect(bad.body).toContain('value="Quel moment avez-vous préféré ?"');
    expect(
      (
        await admin('/questions', {
          text: 'Quel moment avez-vous préféré ?',
          kind: 'choice',
          choices: 'Le début\nLa fin',
        })
      ).status,
    ).toBe(303);
    expect(
      (await admin('/questions', { text: 'Un mot pour l’animateur ?', kind: 'open', choices: '' }))
        .status,
    ).toBe(303);
    const opened = await admin('/evaluation/open', { minutes: '30' });
    expect(opened.status).toBe(303);
    const page = await admin('');
    expect(page.body).toContain('ouverte jusqu’à 16 h 30');
    expect(page.body).toContain(`http://lanterne.local/ateliers/${id}/avis`);
  });

  it('takes answers from 5 phones, refuses a second one from the same phone kindly', async () => {
    // useful, clear, before, after, again, choice, open text
    const answers: Array<Array<string | null>> = [
      ['3', '3', '1', '3', '3', '0', 'Très bien, merci'],
      ['3', '2', '1', '2', '3', '1', 'Je m’appelle Jeanne Martin, 06 12 34 56 78'],
      ['2', '3', '2', '2', '2', '0', null],
      ['3', '3', '3', '2', null, '0', 'Trop rapide'],
      ['1', null, '1', '3', '1', '1', ''],
    ];
    for (const [i, a] of answers.entries()) {
      const intro = await phone(i + 1).open();
      expect(intro.body).toContain('Il y a 7 questions.');
      const done = await phone(i + 1).answer(a);
      expect(done.body, `phone ${i + 1}`).toContain('Merci pour votre avis !');
    }
    const again = await phone(2).answer(answers[1]!);
    expect(again.status).toBe(200);
    expect(again.body).toContain('Vous avez déjà répondu.');
    expect((await phone(2).open()).body).toContain('Vous avez déjà répondu.');
    expect(box.ctx.services.get(ATELIERS).repo.answers(id)).toHaveLength(5);
  });

  it('refuses an answer posted from another site, and stores nothing', async () => {
    const before = box.ctx.services.get(ATELIERS).repo.answers(id).length;
    for (const headers of [{ 'sec-fetch-site': 'cross-site' }, { origin: 'http://evil.example' }]) {
      const reply = await request(`${url}/ateliers/${id}/avis`, {
        method: 'POST',
        headers: { 'user-agent': 'Mozilla/5.0 Pixel-9', ...headers },
        form: { step: '0', start: '1' },
        localAddress: '127.0.0.40',
      });
      expect(reply.status).toBe(403);
      expect(reply.body).toContain('envoyé depuis un autre site');
    }
    expect(box.ctx.services.get(ATELIERS).repo.answers(id)).toHaveLength(before);
  });

  it('keeps nothing identifying in the data folder', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = path.join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else files.push(p);
      }
    };
    walk(box.ctx.paths.dataDir);
    box.ctx.db.pragma('wal_checkpoint(TRUNCATE)');
    const all = files.map((f) => readFileSync(f).toString('latin1')).join('\n');
    for (let n = 2; n <= 6; n++) expect(all).not.toContain(`127.0.0.${n}`);
    expect(all).not.toContain('Android');
    expect(all).not.toContain('Pixel-');
    expect(all).not.toContain('Mozilla');
  });

  it('analyses the answers correctly to the numbers, and exports them to the schema', async () => {
    const page = await admin('/analyse');
    expect(page.body).toContain('5 personnes ont répondu.');
    // before → after: 1→3, 1→2, 2→2, 3→2, 1→3: 3 progress, 1 same, 1 back.
    expect(page.body).toContain(
      '3 personnes ont progressé, 1 est restée au même niveau, 1 en recul',
    );
    expect(page.body).toContain('Moyenne sur 3 : 1.6 avant, 2.4 après.');
    const json = JSON.parse((await admin('/export/evaluation.json')).body);
    const schema = JSON.parse(readFileSync('docs/ateliers-evaluation.schema.json', 'utf8'));
    const validate = new Ajv({ allErrors: true }).compile(schema);
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    expect(json.socle.useful).toEqual({ oui: 3, moyen: 1, non: 1, sans_reponse: 0 });
    expect(json.socle.clear).toEqual({ oui: 3, moyen: 1, non: 0, sans_reponse: 1 });
    expect(json.socle.again).toEqual({ oui: 2, moyen: 1, non: 1, sans_reponse: 1 });
    expect(json.questions[0].choix).toEqual({ 'Le début': 3, 'La fin': 2 });
    // Open answers are exported only once kept.
    expect(json.questions[1].textes_gardes).toEqual([]);
    const csv = (await admin('/export/evaluation.csv')).body;
    expect(csv.split('\r\n')[1]).toBe(
      '"1","Courriel","2027-03-28T12:00:00.000Z","5","useful","3","1","1","0"',
    );
  });

  it('shows open answers only to the animateur, to keep or delete', async () => {
    const repo = box.ctx.services.get(ATELIERS).repo;
    const texts = repo.items(id).filter((i) => i.text);
    expect(texts.map((t) => t.text)).toEqual([
      'Très bien, merci',
      'Je m’appelle Jeanne Martin, 06 12 34 56 78',
      'Trop rapide',
    ]);
    const [good, named] = texts;
    await admin(`/textes/${good!.answer_id}/${good!.question_id}`, { op: 'keep' });
    await admin(`/textes/${named!.answer_id}/${named!.question_id}`, { op: 'delete' });
    const json = JSON.parse((await admin('/export/evaluation.json')).body);
    expect(json.questions[1].textes_gardes).toEqual(['Très bien, merci']);
    expect(JSON.stringify(json)).not.toContain('Jeanne');
    expect((await request(`${url}/ateliers/${id}`)).body).not.toContain('Très bien');
  });

  it('hides results under 3 answers ("pas assez de réponses")', async () => {
    const service = box.ctx.services.get(ATELIERS);
    const saved = service.save(null, {
      ...EMPTY_FORM,
      title: 'Petit',
      date: '2027-03-28',
      time: '10:00',
    });
    if (!saved.ok) throw new Error('not saved');
    const small = service.get(saved.id)!;
    service.open(small.id, 30);
    for (const n of [7, 8]) {
      service.answer(
        service.get(small.id)!,
        { ip: `127.0.0.${n}`, userAgent: 'x' },
        { useful: 3, clear: 3, alone_before: 1, alone_after: 3, again: 3 },
        [],
      );
    }
    const page = await request(`${url}/admin/ateliers/${small.id}/analyse`, {
      headers: { cookie: session.cookie },
    });
    expect(page.body).toContain('Pas assez de réponses : 2 pour l’instant.');
    expect(page.body).not.toContain('ont progressé');
    const json = JSON.parse(
      (
        await request(`${url}/admin/ateliers/${small.id}/export/evaluation.json`, {
          headers: { cookie: session.cookie },
        })
      ).body,
    );
    expect(json).toEqual({
      schema: 'lanterne-ateliers-evaluation/1',
      atelier: expect.any(Object),
      reponses: 2,
      suffisant: false,
    });
    const schema = JSON.parse(readFileSync('docs/ateliers-evaluation.schema.json', 'utf8'));
    expect(new Ajv().validate(schema, json)).toBe(true);
    expect(new Ajv().validate(schema, { ...json, socle: {} })).toBe(false);
  });

  it('closes', async () => {
    await admin('/evaluation/close', {});
    expect((await phone(9).open()).body).toContain('L’évaluation est fermée.');
  });
});
