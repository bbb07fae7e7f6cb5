import { describe, expect, it } from 'vitest';
import { clean, createLogger } from './log.js';

describe('the log', () => {
  it('never lets quoted text forge a log entry of its own', () => {
    const lines: string[] = [];
    const log = createLogger('info', (line) => lines.push(line));
    log.info('Pack « Contes\n2026-11-22T00:00:00.000Z ERROR faux\r\x1b[31mrouge\u202e » importé');
    expect(lines).toHaveLength(1);
    const entry = lines[0]!;
    expect(
      entry
        .split('\n')
        .slice(1)
        .every((l) => l.startsWith('    ')),
    ).toBe(true);
    for (const control of ['\u001b', '\r', '\u202e']) expect(entry).not.toContain(control);
    expect(entry).toContain('rouge');
  });

  it('keeps stack traces readable', () => {
    expect(clean('Error: non\n    at f (a.ts:1:1)')).toBe('Error: non\n        at f (a.ts:1:1)');
  });

  it('writes nothing below its level', () => {
    const lines: string[] = [];
    const log = createLogger('warn', (line) => lines.push(line));
    log.info('bavard');
    log.warn('attention');
    expect(lines).toHaveLength(1);
  });
});
