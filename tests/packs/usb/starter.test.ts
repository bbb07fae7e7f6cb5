import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { usbService } from '../../../src/server/packs/watch/service.js';
import { startFeatures } from '../../../src/server/start.js';
import { makeTestBox, type TestBox } from '../../helpers/box.js';
import { plugStick, waitForEntry, writePack } from './helpers.js';

let box: TestBox | undefined;
afterEach(async () => {
  await box?.cleanup();
});

describe('the USB watcher starts with the box', () => {
  it('finds a stick already plugged in at start, then one plugged in later, and stops cleanly', async () => {
    box = makeTestBox();
    const media = box.ctx.config.mediaDir;
    plugStick(media, 'AVANT', (root) => writePack(path.join(root, 'pack'), { id: 'avant' }));
    const stop = await startFeatures(box.ctx);
    try {
      const queue = usbService(box.ctx).queue;
      await waitForEntry(queue, (e) => e.summary?.id === 'avant' && e.state === 'waiting');
      plugStick(media, 'APRES', (root) => writePack(root, { id: 'apres' }));
      const later = await waitForEntry(
        queue,
        (e) => e.summary?.id === 'apres' && e.state === 'waiting',
      );
      expect(later.stickLabel).toBe('APRES');
    } finally {
      await stop();
    }
  });
});
