-- Anonymous statistics: per-day counters only. No visitor identifier, address, user
-- agent or search history is ever stored (see docs/statistics.md).
CREATE TABLE stats_daily (
  -- Local calendar day, YYYY-MM-DD.
  day TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  -- views, visitors, devices, searches, searches-empty, failed-phrase, downloads, plays,
  -- notice-open, notice-finish, notice-step, notice-feedback, kiosk-sessions,
  -- kiosk-length, kiosk-hour, packs-imported.
  metric TEXT NOT NULL,
  -- What is counted within the metric ('' when nothing), e.g. a work id or 'portal:home'.
  key TEXT NOT NULL,
  value INTEGER NOT NULL,
  PRIMARY KEY (metric, day, key)
) STRICT, WITHOUT ROWID;

-- Retention deletes by day across all metrics.
CREATE INDEX stats_daily_day ON stats_daily (day);
