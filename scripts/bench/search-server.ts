/**
 * The box as `main.ts` starts it, with the search path chosen by `BENCH_SEARCH`:
 * `reference` swaps in the search of before issue 21 (`reference-search.ts`), anything
 * else keeps the box's own. Bundled by `search-http.ts` into `.bench/search-server/`, so
 * both paths run as the same kind of bundle and differ only by their search; bench only.
 */
import { CatalogueRepo } from '../../src/server/catalogue/repo.js';
import { loadConfig } from '../../src/server/config.js';
import { openBox } from '../../src/server/core/open-box.js';
import { listen } from '../../src/server/server.js';
import { startFeatures } from '../../src/server/start.js';
import { ReferenceSearchRows, referenceQuery } from './reference-search.js';

const config = loadConfig();
const box = openBox({ config, emptyStaging: true });
if (process.env['BENCH_SEARCH'] === 'reference') {
  const reference = new ReferenceSearchRows(box.ctx.db);
  CatalogueRepo.prototype.search = (query, filters, limit, offset) =>
    reference.search(referenceQuery(query), filters, limit, offset);
}
await listen(box.ctx, config.port, config.host);
await startFeatures(box.ctx);
