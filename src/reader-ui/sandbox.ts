import type { Plugin } from 'vite';

/** The chapter frames foliate-js creates (its paginator and its fixed-layout renderer). */
const FRAMES = /foliate-js\/(paginator|fixed-layout)\.js$/;
const LOOSE = "setAttribute('sandbox', 'allow-same-origin allow-scripts')";
const STRICT = "setAttribute('sandbox', 'allow-same-origin')";

/**
 * foliate-js sandboxes each chapter's frame with `allow-scripts` because of a WebKit bug
 * (its event listeners inside the frame). The box never lets a book's script run, so the
 * build takes `allow-scripts` away: the frame keeps only `allow-same-origin` (the reader
 * lays the chapter out from the page). The build fails if the line is not found, so an
 * update of foliate-js cannot bring scripts back unnoticed.
 */
export function noBookScripts(): Plugin {
  return {
    name: 'lanterne-no-book-scripts',
    enforce: 'pre',
    transform(code, id) {
      if (!FRAMES.test(id.split('?')[0] ?? '')) return null;
      if (!code.includes(LOOSE)) {
        throw new Error(`${id}: the frame's sandbox line changed; check it keeps scripts off`);
      }
      return { code: code.split(LOOSE).join(STRICT), map: null };
    },
  };
}
