import { describe, expect, it } from 'vitest';
import { DeviceKeys } from './device-keys.js';

describe('device keys', () => {
  it('gives one phone the same key, another phone or another thing another key', () => {
    const keys = new DeviceKeys();
    const a = keys.of('visitor', '10.0.0.2', 'Mozilla/5.0 (Android)');
    expect(keys.of('visitor', '10.0.0.2', 'Mozilla/5.0 (Android)')).toBe(a);
    expect(keys.of('visitor', '10.0.0.3', 'Mozilla/5.0 (Android)')).not.toBe(a);
    expect(keys.of('address', '10.0.0.2', 'Mozilla/5.0 (Android)')).not.toBe(a);
  });

  it('holds nothing a key could be read back from, and forgets everything once renewed', () => {
    const keys = new DeviceKeys();
    const a = keys.of('visitor', '10.0.0.2', 'Firefox');
    expect(a).not.toContain('10.0.0.2');
    expect(new DeviceKeys().of('visitor', '10.0.0.2', 'Firefox')).not.toBe(a);
    keys.renew();
    expect(keys.of('visitor', '10.0.0.2', 'Firefox')).not.toBe(a);
  });
});
