import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { form, list, sent, trimmed, typed } from './form.js';

const post = (app: Hono, body: BodyInit) => app.request('/', { method: 'POST', body });

describe('form(): posted forms through Hono’s validator and zod', () => {
  const shape = z.object({ a: typed, b: trimmed, n: list, ok: sent() });
  const app = new Hono().post('/', form(shape), (c) => c.json(c.req.valid('form')));

  it('reads each field as typed, trims where asked, keeps repeated fields in order', async () => {
    const res = await post(app, new URLSearchParams('a=+un+&b=+deux+&n=x&n=&n=y&ok=1'));
    expect(await res.json()).toEqual({ a: ' un ', b: 'deux', n: ['x', 'y'], ok: true });
  });

  it('gives empty values for missing fields (zod 4 refuses a bare transform on a missing key)', async () => {
    const res = await post(app, new URLSearchParams(''));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ a: '', b: '', n: [], ok: false });
  });

  it('turns CRLF into LF and a file where text was expected into an empty value', async () => {
    const data = new FormData();
    data.set('a', 'ligne 1\r\nligne 2');
    data.set('b', new File(['x'], 'x.txt'));
    const res = await post(app, data);
    expect(await res.json()).toMatchObject({ a: 'ligne 1\nligne 2', b: '' });
  });

  it('answers a refused form with the route’s page and exactly what was typed', async () => {
    const strict = z.object({ year: z.string().regex(/^\d{4}$/, 'Écrivez une année.') });
    const refusing = new Hono().post(
      '/',
      form(strict, (c, issues, typedValues) =>
        c.json({ message: issues[0]?.message, typedValues }, 400),
      ),
      (c) => c.text(c.req.valid('form').year),
    );
    const bad = await post(refusing, new URLSearchParams('year=deux+mille&other=garde'));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({
      message: 'Écrivez une année.',
      typedValues: { year: 'deux mille', other: 'garde' },
    });
    expect(await (await post(refusing, new URLSearchParams('year=2026'))).text()).toBe('2026');
  });

  it('without a page for refusals, a refused form is a 400 (the box’s French error page)', async () => {
    const strict = new Hono().post('/', form(z.object({ year: z.string() })), (c) => c.text('ok'));
    expect((await post(strict, new URLSearchParams(''))).status).toBe(400);
  });
});
