import { describe, expect, it } from 'vitest';
import { makeConfig } from '../config.js';
import { BoxNames, hostName, plainIp } from './addresses.js';
import { looksCaptive } from './detect.js';

describe('looksCaptive', () => {
  it.each([
    ['CaptiveNetworkSupport-481.0.1 wispr', true],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148',
      true,
    ],
    [
      'Mozilla/5.0 (Linux; Android 14; Pixel 7; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/120.0 Mobile Safari/537.36',
      true,
    ],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
      false,
    ],
    [
      'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36',
      false,
    ],
    [
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36',
      false,
    ],
    ['', false],
  ])('%s → %s', (ua, expected) => {
    expect(looksCaptive(ua, false)).toBe(expected);
  });

  it('trusts a probe redirect whatever the user agent', () => {
    expect(looksCaptive('', true)).toBe(true);
  });
});

describe('host names', () => {
  it('normalises Host headers', () => {
    expect(hostName('Captive.Apple.COM.:80')).toBe('captive.apple.com');
    expect(hostName('[fe80::1]:8080')).toBe('fe80::1');
    expect(hostName('10.3.141.1')).toBe('10.3.141.1');
    expect(hostName(undefined)).toBe('');
    expect(plainIp('::ffff:10.3.141.7')).toBe('10.3.141.7');
  });

  it('knows the box by its names, public URL, loopback and the address it was reached on', () => {
    const names = new BoxNames(
      makeConfig({ publicUrl: 'http://biblio.lan:8080', hostnames: ['lanterne.lan'] }),
    );
    expect(names.isBox('lanterne.lan', '')).toBe(true);
    expect(names.isBox('biblio.lan', '')).toBe(true);
    expect(names.isBox('localhost', '')).toBe(true);
    expect(names.isBox('10.9.9.9', '10.9.9.9')).toBe(true);
    expect(names.isBox('captive.apple.com', '10.9.9.9')).toBe(false);
    expect(names.origin({ client: '', local: '10.9.9.9', localPort: 80 })).toBe('http://10.9.9.9');
    expect(names.origin({ client: '', local: 'fd00::1', localPort: 8080 })).toBe(
      'http://[fd00::1]:8080',
    );
    expect(names.origin({ client: '', local: '', localPort: 0 })).toBe('http://biblio.lan:8080');
  });
});
