import { describe, expect, it } from 'vitest';
import { counted, formatCount } from './messages.js';

// The portal writes its plural rule and digit grouping out (no ICU data at rest):
// they must say exactly what Intl says for the box's two languages.
describe('counts in words', () => {
  const numbers = [0, 1, 2, 5, 999, 1000, 1234, 12_345, 1_234_567, -1234, 1.5];
  for (const lang of ['fr', 'en'] as const) {
    it(`groups digits as Intl does (${lang})`, () => {
      for (const n of numbers) expect(formatCount(lang, n), String(n)).toBe(n.toLocaleString(lang));
    });
    it(`chooses the singular exactly when Intl does (${lang})`, () => {
      const rules = new Intl.PluralRules(lang);
      for (const n of numbers) {
        const singular = rules.select(n) === 'one';
        const text = counted(lang, 'workCount', n);
        expect(text.endsWith(lang === 'fr' ? ' œuvre' : ' work'), `${n}: ${text}`).toBe(singular);
      }
    });
  }
});
