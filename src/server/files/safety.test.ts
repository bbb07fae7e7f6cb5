import { describe, expect, it } from 'vitest';
import { inlineKind, isInlineSafe } from './safety.js';

describe('what may be shown inline (one rule)', () => {
  it('shows pictures a browser draws without running anything, AVIF included', () => {
    for (const mime of ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/avif'])
      expect(inlineKind(mime), mime).toBe('image');
    expect(inlineKind('IMAGE/AVIF; q=1')).toBe('image');
  });

  it('plays sound and video, shows PDF and plain text', () => {
    expect(inlineKind('audio/mpeg')).toBe('audio');
    expect(inlineKind('audio/ogg; codecs=opus')).toBe('audio');
    expect(inlineKind('video/mp4')).toBe('video');
    expect(inlineKind('application/pdf')).toBe('pdf');
    expect(inlineKind('text/plain; charset=utf-8')).toBe('text');
  });

  it('never shows inline what could run: SVG, HTML, XML, scripts, EPUB', () => {
    for (const mime of [
      'image/svg+xml',
      'text/html',
      'application/xhtml+xml',
      'text/xml',
      'application/javascript',
      'application/epub+zip',
      'audio/',
      'video/mp4 evil',
      '',
    ]) {
      expect(inlineKind(mime), mime).toBeNull();
      expect(isInlineSafe(mime), mime).toBe(false);
    }
  });
});
