import { describe, expect, it } from 'vitest';
import { contentDisposition, parseRange, planFile, type FileFacts } from './plan.js';

const file: FileFacts = {
  size: 1000,
  mtimeMs: Date.parse('2026-05-01T10:00:00.500Z'),
  etag: '"abc"',
  mime: 'application/epub+zip',
  cacheControl: 'public, max-age=60',
};

describe('parseRange', () => {
  it('reads the three single-range forms', () => {
    expect(parseRange('bytes=0-99', 1000)).toEqual({ start: 0, end: 99 });
    expect(parseRange('bytes=900-', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange('bytes=-100', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange('bytes=-5000', 1000)).toEqual({ start: 0, end: 999 });
    expect(parseRange('bytes=10-99999', 1000)).toEqual({ start: 10, end: 999 });
  });
  it('says unsatisfiable when no byte exists, ignores what it cannot serve', () => {
    expect(parseRange('bytes=1000-', 1000)).toBe('unsatisfiable');
    expect(parseRange('bytes=-0', 1000)).toBe('unsatisfiable');
    expect(parseRange('bytes=5-1', 1000)).toBeNull();
    expect(parseRange('bytes=0-1,5-6', 1000)).toBeNull();
    expect(parseRange('bytes=-', 1000)).toBeNull();
    expect(parseRange('pages=1-2', 1000)).toBeNull();
  });
  it('ignores any range on an empty file (no `bytes 0--1/0`)', () => {
    expect(parseRange('bytes=-5', 0)).toBeNull();
    expect(parseRange('bytes=0-', 0)).toBeNull();
    const plan = planFile({ ...file, size: 0 }, { method: 'GET', range: 'bytes=-5' });
    expect(plan.status).toBe(200);
    expect(plan.headers['content-range']).toBeUndefined();
  });
});

describe('planFile', () => {
  it('sends the whole file with validators', () => {
    const plan = planFile(file, { method: 'GET' });
    expect(plan.status).toBe(200);
    expect(plan.headers).toMatchObject({
      etag: '"abc"',
      'content-length': '1000',
      'accept-ranges': 'bytes',
    });
    expect(plan.headers['last-modified']).toBe('Fri, 01 May 2026 10:00:00 GMT');
  });
  it('answers 304 by ETag (weak comparison, lists, *) before dates', () => {
    expect(planFile(file, { method: 'GET', ifNoneMatch: '"abc"' }).status).toBe(304);
    expect(planFile(file, { method: 'GET', ifNoneMatch: 'W/"abc"' }).status).toBe(304);
    expect(planFile(file, { method: 'GET', ifNoneMatch: '"x", "abc"' }).status).toBe(304);
    expect(planFile(file, { method: 'GET', ifNoneMatch: '*' }).status).toBe(304);
    // If-None-Match wins over If-Modified-Since (RFC 9110 §13.2.2).
    expect(
      planFile(file, {
        method: 'GET',
        ifNoneMatch: '"x"',
        ifModifiedSince: 'Fri, 01 May 2026 10:00:00 GMT',
      }).status,
    ).toBe(200);
  });
  it('answers 304 by date at one-second precision', () => {
    expect(
      planFile(file, { method: 'GET', ifModifiedSince: 'Fri, 01 May 2026 10:00:00 GMT' }).status,
    ).toBe(304);
    expect(
      planFile(file, { method: 'GET', ifModifiedSince: 'Fri, 01 May 2026 09:59:59 GMT' }).status,
    ).toBe(200);
    expect(planFile(file, { method: 'GET', ifModifiedSince: 'not a date' }).status).toBe(200);
  });
  it('serves a range only while If-Range still matches', () => {
    expect(planFile(file, { method: 'GET', range: 'bytes=0-9', ifRange: '"abc"' }).status).toBe(
      206,
    );
    expect(planFile(file, { method: 'GET', range: 'bytes=0-9', ifRange: 'W/"abc"' }).status).toBe(
      200,
    );
    expect(planFile(file, { method: 'GET', range: 'bytes=0-9', ifRange: '"old"' }).status).toBe(
      200,
    );
    expect(
      planFile(file, {
        method: 'GET',
        range: 'bytes=0-9',
        ifRange: 'Fri, 01 May 2026 10:00:00 GMT',
      }).status,
    ).toBe(206);
    expect(
      planFile(file, {
        method: 'GET',
        range: 'bytes=0-9',
        ifRange: 'Fri, 01 May 2026 09:00:00 GMT',
      }).status,
    ).toBe(200);
  });
  it('answers 416 with the size, without a body type', () => {
    const plan = planFile(file, { method: 'GET', range: 'bytes=2000-' });
    expect(plan.status).toBe(416);
    expect(plan.headers['content-range']).toBe('bytes */1000');
    expect(plan.headers['content-type']).toBeUndefined();
  });
  it('keeps the headers of GET for HEAD, without a body', () => {
    const plan = planFile(file, { method: 'HEAD', range: 'bytes=0-9' });
    expect(plan).toMatchObject({ status: 206, body: false, start: 0, end: 9 });
  });
});

describe('contentDisposition', () => {
  it('gives an ASCII fallback and the UTF-8 name (RFC 6266/5987)', () => {
    expect(contentDisposition('attachment', 'Été à "Noël".epub')).toBe(
      `attachment; filename="Ete a 'Noel'.epub"; filename*=UTF-8''%C3%89t%C3%A9%20%C3%A0%20%22No%C3%ABl%22.epub`,
    );
    expect(contentDisposition('inline', "l'œuf (2).pdf")).toBe(
      `inline; filename="l'oeuf (2).pdf"; filename*=UTF-8''l%27%C5%93uf%20%282%29.pdf`,
    );
  });
  it('transliterates typographic signs and ligatures instead of "_"', () => {
    expect(
      contentDisposition('attachment', 'L’été – Œuvres «\u00a0choisies\u00a0» \\ n°2….epub'),
    ).toMatch(/^attachment; filename="L'ete - OEuvres ' choisies ' - no2\.\.\.\.epub";/);
    expect(contentDisposition('attachment', 'Łódź — ß.pdf')).toMatch(/filename="Lodz - ss\.pdf"/);
    expect(contentDisposition('attachment', '日本.txt')).toMatch(/filename="__\.txt"/);
  });
  it('normalises macOS-style decomposed names', () => {
    const nfd = 'Forêt.epub'.normalize('NFD');
    expect(contentDisposition('attachment', nfd)).toContain("filename*=UTF-8''For%C3%AAt.epub");
  });
});
