import { describe, expect, it } from 'vitest';
import { readDeviceId } from './device-id.js';

// An id made by `syncthing generate` (its Luhn check characters are Syncthing's own).
const ID = 'L4MXG6N-HEGRARR-UCEVEP2-LHPVKSH-N5R2MW3-5BAQA3X-UK764DY-3DG4MQY';

describe('readDeviceId', () => {
  it('reads an id however it was pasted: case, spaces, dashes, 0/1/8 for O/I/B', () => {
    expect(readDeviceId(ID)).toEqual({ ok: true, id: ID });
    expect(readDeviceId(` ${ID.toLowerCase().replace(/-/g, ' ')}\n`)).toEqual({ ok: true, id: ID });
    expect(readDeviceId(ID.replace(/-/g, '').replace('HEGR', 'HEGR'))).toEqual({
      ok: true,
      id: ID,
    });
    expect(readDeviceId(ID.replace('5BAQA3X', '5BAQA3X'.replace('B', '8')))).toEqual({
      ok: true,
      id: ID,
    });
  });

  it('catches one mistyped character, a missing group or stray characters, in French', () => {
    const typo = readDeviceId(ID.replace('HEGRARR', 'HEGRARS'));
    expect(typo).toEqual({ ok: false, message: expect.stringContaining('faute de frappe') });
    expect(readDeviceId(ID.slice(0, -8))).toEqual({
      ok: false,
      message: expect.stringContaining('celui-ci en a 49'),
    });
    expect(readDeviceId(`${ID}!`)).toEqual({
      ok: false,
      message: expect.stringContaining('caractères'),
    });
    expect(readDeviceId('   ')).toEqual({ ok: false, message: expect.stringContaining('Collez') });
  });
});
