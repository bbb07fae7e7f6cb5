import { expect, it } from 'vitest';
import { benchApplianceLoad } from '../../scripts/bench/appliance-load.js';
import { netnsUnavailable } from './lab.js';

const unavailable = netnsUnavailable();
if (unavailable) console.warn(`[réseau] test de charge sauté : ${unavailable}`);

// The short version of `npm run bench`'s 60 s run: 200 phones for 10 s, zero errors.
// Latency is reported by the benchmark (docs/benchmarks.md), never asserted here.
it.skipIf(unavailable !== null)(
  '200 phones browse, search and resume downloads across the box network for 10 s without a single error',
  async () => {
    const result = await benchApplianceLoad({ seconds: 10, phones: 200 });
    if (result.skipped) throw new Error(result.reason);
    expect(result.errorSamples).toEqual([]);
    expect(result.errors).toBe(0);
    // Every phone got through at least a full round of pages, and downloads happened.
    expect(result.pages).toBeGreaterThanOrEqual(200 * 4);
    expect(result.downloads).toBeGreaterThan(0);
  },
  120_000,
);
