import { describe, expect, it } from 'vitest';
import { keyRows, layoutFor, type KeyboardLayout } from '../../src/kiosk-ui/components/Keyboard.js';
import { MESSAGES } from '../../src/kiosk-ui/lib/i18n.js';

function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      d[i]![j] = Math.min(
        d[i - 1]![j]! + 1,
        d[i]![j - 1]! + 1,
        d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
  return d[a.length]![b.length]!;
}

describe('kiosk labels', () => {
  for (const [lang, t] of Object.entries(MESSAGES)) {
    it(`${lang}: closing the settings cannot be mistaken for ending the visit`, () => {
      const buttons = [t.back, t.home, t.settings, t.finish, t.close, t.imHere, t.endNow];
      for (const a of buttons)
        for (const b of buttons)
          if (a !== b)
            expect(distance(a.toLowerCase(), b.toLowerCase()), `${a} / ${b}`).toBeGreaterThan(2);
      expect(MESSAGES.fr.close).toBe('Fermer');
    });

    it(`${lang}: « Livres » promises only books (documents have their own tile)`, () => {
      expect(t.booksHint).not.toMatch(/document/i);
      expect(t.documents).toBeTruthy();
    });
  }
});

describe('the kiosk keyboard on every screen', () => {
  const letters = 'azertyuiopqsdfghjklmwxcvbn’-'.split('');
  const accents = 'éèêëàâçùûôîï'.split('');
  const layouts: KeyboardLayout[] = ['wide', 'compact', 'narrow'];

  it('picks the layout from the screen size', () => {
    expect(layoutFor(1920, 1080)).toBe('wide');
    for (const [w, h] of [
      [1366, 768],
      [1280, 800],
      [1024, 600],
      [800, 480],
    ] as const)
      expect(layoutFor(w, h)).toBe('compact');
    expect(layoutFor(720, 1280)).toBe('narrow');
  });

  for (const layout of layouts) {
    it(`${layout}: AZERTY order kept, every letter and accent reachable, backspace on each layer`, () => {
      const plain = keyRows(layout, false).flat();
      const both = [...plain, ...keyRows(layout, true).flat()];
      expect(plain.filter((k) => letters.includes(k))).toEqual(letters);
      for (const ch of [...letters, ...accents]) expect(both, ch).toContain(ch);
      expect(plain).toContain('backspace');
      if (layout !== 'wide') expect(keyRows(layout, true).flat()).toContain('backspace');
    });
  }

  it('narrow: five keys a row at most, so 11 mm keys fit 720 px', () => {
    for (const accentsLayer of [false, true])
      for (const row of keyRows('narrow', accentsLayer)) expect(row.length).toBeLessThanOrEqual(5);
  });
});
