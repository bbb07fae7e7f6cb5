import { AsyncLocalStorage } from 'node:async_hooks';
import type { MiddlewareHandler } from 'hono';
import type { AssetStore } from './assets.js';

/**
 * The one function pages link their CSS, scripts and icons through. Components are
 * plain JSX without the context, so the request's asset store is found in the request's
 * async scope (set by `assetScope` in `createApp`; holds no state of its own: two boxes
 * in one process each see their own store).
 */
const scope = new AsyncLocalStorage<AssetStore>();

export function assetScope(store: AssetStore): MiddlewareHandler {
  return (_c, next) => scope.run(store, next);
}

/** `/static/portal.3f2a9c1d0b.css` inside a request; `/static/portal.css` outside one. */
export function assetUrl(name: string): string {
  return scope.getStore()?.url(name) ?? `/static/${name}`;
}
