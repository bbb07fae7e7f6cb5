-- Search at library scale (issue 21, docs/benchmarks.md): every match ranked, true totals.
--
-- works_fts ranked matches with BM25, which costs one evaluation per match; only the newest
-- 1,000 could be ranked. search_fts (every word of a work) and search_head (title and
-- authors only) need no scoring at query time:
--  * a query asks which works hold its words in search_head before the others (tiers, see
--    catalogue/repo/search.ts); a table of its own, because a column filter still reads
--    every row of a word's doclist, and title words are a small part of them;
--  * their rowid is a static rank, (title word count) << 32 | works.rowid, so FTS5's own
--    rowid order is the order inside a tier (short titles first, then the oldest) and a
--    page is read with ORDER BY rowid LIMIT, never a sort of every match;
--  * facets holds one token per filter value ('_t_' type, '_l_' language, '_c_' licence,
--    '_h_' theme slug, each value in hex: exact, and no visitor word can contain '_'),
--    so filters are intersected inside FTS5 and totals count only kept works;
--  * prefixes of 1 to 6 letters are indexed: a word as typed is one doclist, read lazily;
--  * contentless: the text lives in works; contentless_delete lets a pack removal delete.

DROP TABLE works_fts;

-- The one definition of what search_fts holds for a work: the repository inserts and
-- deletes through it, and this migration fills both tables from it.
CREATE VIEW search_source AS
SELECT
  ((min(31, length(trim(w.title)) - length(replace(trim(w.title), ' ', '')) + 1)) << 32)
    | w.rowid AS key,
  w.rowid AS work_rowid,
  w.pack_id AS pack_id,
  replace(w.title || ' ' || coalesce(
    (SELECT group_concat(a.name, ' ') FROM work_authors a WHERE a.work_rowid = w.rowid), ''
  ), '_', ' ') AS head,
  replace(coalesce(
    (SELECT group_concat(t.label, ' ') FROM work_themes wt JOIN themes t ON t.slug = wt.theme
      WHERE wt.work_rowid = w.rowid), ''
  ) || ' ' || w.description, '_', ' ') AS body,
  '_t_' || hex(w.type) || ' _l_' || hex(w.language) || ' _c_' || hex(w.licence) || coalesce(
    (SELECT ' ' || group_concat('_h_' || hex(wt.theme), ' ') FROM work_themes wt
      WHERE wt.work_rowid = w.rowid), ''
  ) AS facets
FROM works w;

CREATE VIRTUAL TABLE search_fts USING fts5(
  head, body, facets,
  tokenize = "unicode61 remove_diacritics 2 tokenchars '_'",
  prefix = '1 2 3 4 5 6',
  detail = column,
  content = '',
  contentless_delete = 1
);

CREATE VIRTUAL TABLE search_head USING fts5(
  head, facets,
  tokenize = "unicode61 remove_diacritics 2 tokenchars '_'",
  prefix = '1 2 3 4 5 6',
  detail = column,
  content = '',
  contentless_delete = 1
);

INSERT INTO search_fts (rowid, head, body, facets)
  SELECT key, head, body, facets FROM search_source;
INSERT INTO search_fts (search_fts) VALUES ('optimize');
INSERT INTO search_head (rowid, head, facets) SELECT key, head, facets FROM search_source;
INSERT INTO search_head (search_head) VALUES ('optimize');
