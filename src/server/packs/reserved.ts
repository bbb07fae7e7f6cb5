/**
 * Pack ids the box keeps for what is made on the box itself: the files an animateur
 * sorted (`pack-local`) and the notices written in the editor (`notices-locales`).
 * A pack from a stick or an upload may not take them: it would replace, or on removal
 * delete, the library's own work.
 */
export const RESERVED_PACK_IDS: ReadonlySet<string> = new Set(['pack-local', 'notices-locales']);
