import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  findFileFolderClash,
  MAX_COMPONENT_BYTES,
  storedName,
  storedPath,
  unsafePathReason,
} from './names.js';

describe('the one name rule (inspection and copy)', () => {
  it('counts a component in UTF-8 bytes, as ext4 stores it', () => {
    const fits = 'é'.repeat(127) + 'a'; // 255 bytes
    const over = 'é'.repeat(128); // 256 bytes, 128 characters
    expect(Buffer.byteLength(fits)).toBe(MAX_COMPONENT_BYTES);
    expect(unsafePathReason(`livres/${fits}`)).toBeNull();
    expect(unsafePathReason(`livres/${over}`)).toMatch(/255 octets/);
  });

  it('refuses C0, DEL and C1 controls, and lone surrogates', () => {
    expect(unsafePathReason('a\u0007.txt')).toMatch(/contrôle/);
    expect(unsafePathReason('a\u007f.txt')).toMatch(/contrôle/);
    expect(unsafePathReason('a\u009b2J.txt')).toMatch(/contrôle/);
    expect(unsafePathReason('a\u0085.txt')).toMatch(/contrôle/);
    expect(unsafePathReason('a\ud800.txt')).toMatch(/UTF-8/);
    expect(unsafePathReason('a\udc00.txt')).toMatch(/UTF-8/);
    expect(unsafePathReason('emoji-\ud83d\ude00.txt')).toBeNull(); // a real pair is fine
    expect(unsafePathReason('a\u00a0b.txt')).toBeNull(); // U+00A0 is not a control
  });

  it('refuses what a FAT or exFAT export stick cannot hold', () => {
    for (const ch of ['"', '*', ':', '<', '>', '?', '|'])
      expect(unsafePathReason(`livre ${ch} b.txt`), ch).toMatch(/FAT/);
    expect(unsafePathReason('dossier./a.txt')).toMatch(/FAT/);
    expect(unsafePathReason('a.txt ')).toMatch(/FAT/);
  });

  it('writes exactly the checked name (NFC) and nothing that was not checked', () => {
    const nfd = 'Fore\u0302t.epub';
    expect(storedName(nfd)).toBe('Forêt.epub');
    expect(storedPath('/r', `livres/${nfd}`)).toBe(path.join('/r', 'livres', 'Forêt.epub'));
    expect(() => storedPath('/r', '../x')).toThrow();
    expect(() => storedPath('/r', 'a\u009b')).toThrow();
  });

  it('finds a name used for a file and for a folder, whatever the case', () => {
    expect(findFileFolderClash(['Docs', 'docs/a.txt'])).toEqual(['Docs', 'docs/']);
    expect(findFileFolderClash(['a/b', 'a'])).toEqual(['a', 'a/']);
    expect(findFileFolderClash(['Docs'], ['docs'])).toEqual(['Docs', 'docs/']);
    expect(findFileFolderClash(['docs/a.txt', 'docs/b.txt', 'x'])).toBeNull();
  });
});
