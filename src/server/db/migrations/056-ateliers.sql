-- Ateliers (workshops) and their anonymous evaluation (see docs/ateliers.md).
-- No sign-up data: seats are a count. Answers carry no address, user agent, cookie or
-- time of answering; duplicate answers are refused in memory only.
CREATE TABLE ateliers (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  -- The start as a UTC instant (ms), computed from the Europe/Paris wall time typed.
  starts_at INTEGER NOT NULL,
  duration_min INTEGER NOT NULL CHECK (duration_min BETWEEN 5 AND 1440),
  place TEXT NOT NULL DEFAULT '',
  level TEXT NOT NULL,
  -- Who it is for ("Tout public", "Seniors"…), free text.
  audience TEXT NOT NULL DEFAULT '',
  -- Number of seats (NULL: no limit). Never a list of people.
  seats INTEGER CHECK (seats IS NULL OR seats BETWEEN 1 AND 1000),
  -- JSON array of notice ids.
  notices TEXT NOT NULL DEFAULT '[]',
  -- The evaluation: open while now < eval_closes_at (NULL: never opened). Each opening
  -- gets a new round so the in-memory duplicate check starts afresh.
  eval_round INTEGER NOT NULL DEFAULT 0,
  eval_closes_at INTEGER
) STRICT;

CREATE INDEX ateliers_starts ON ateliers (starts_at);

-- The animateur's own questions: 'choice' (choices JSON array) or 'open'.
CREATE TABLE atelier_questions (
  id INTEGER PRIMARY KEY,
  atelier_id INTEGER NOT NULL REFERENCES ateliers (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('choice', 'open')),
  text TEXT NOT NULL,
  choices TEXT NOT NULL DEFAULT '[]'
) STRICT;

-- One row per participant's answer to the fixed core (scores 1..3, NULL when skipped).
CREATE TABLE atelier_answers (
  id INTEGER PRIMARY KEY,
  atelier_id INTEGER NOT NULL REFERENCES ateliers (id) ON DELETE CASCADE,
  useful INTEGER CHECK (useful BETWEEN 1 AND 3),
  clear INTEGER CHECK (clear BETWEEN 1 AND 3),
  alone_before INTEGER CHECK (alone_before BETWEEN 1 AND 3),
  alone_after INTEGER CHECK (alone_after BETWEEN 1 AND 3),
  again INTEGER CHECK (again BETWEEN 1 AND 3)
) STRICT;

-- Answers to the animateur's questions: a choice, or an open text (moderated:
-- status 'new', 'kept'; deleted texts are removed).
CREATE TABLE atelier_answer_items (
  answer_id INTEGER NOT NULL REFERENCES atelier_answers (id) ON DELETE CASCADE,
  question_id INTEGER NOT NULL REFERENCES atelier_questions (id) ON DELETE CASCADE,
  choice TEXT,
  text TEXT,
  status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'kept')),
  PRIMARY KEY (answer_id, question_id)
) STRICT;
