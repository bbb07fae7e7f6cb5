/**
 * A value made on first use and kept: for things that cost memory or time when made
 * (Intl formatters map in several MB of ICU data), which a box at rest need not hold.
 *
 * @example
 *   const long = lazy(() => new Intl.DateTimeFormat('fr-FR', { month: 'long' }));
 *   long().format(new Date());
 */
export function lazy<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= make());
}
