// Versioned screening scripts and the screenings (calls) scored against them.
// A scorecard keeps the script version it was scored with, so editing the
// script never rewrites history.
export const sql = `
CREATE TABLE screening_scripts (
  version INTEGER PRIMARY KEY,
  script_json TEXT NOT NULL,
  created_at TEXT NOT NULL,
  change_note TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE screenings (
  id INTEGER PRIMARY KEY,
  candidate_id INTEGER NOT NULL REFERENCES candidates(id) ON DELETE CASCADE,
  script_version INTEGER NOT NULL REFERENCES screening_scripts(version),
  label TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'in-progress' CHECK (status IN ('in-progress', 'finished')),
  current_question_index INTEGER NOT NULL DEFAULT 0,
  started_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  finished_at TEXT,
  recommendation TEXT CHECK (recommendation IN ('advance', 'hold', 'decline')),
  suggested_json TEXT,
  summary_notes TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE INDEX screenings_candidate ON screenings(candidate_id);

CREATE TABLE screening_answers (
  screening_id INTEGER NOT NULL REFERENCES screenings(id) ON DELETE CASCADE,
  question_id TEXT NOT NULL,
  ticked_good_json TEXT NOT NULL DEFAULT '[]',
  ticked_red_json TEXT NOT NULL DEFAULT '[]',
  notes TEXT NOT NULL DEFAULT '',
  rating INTEGER CHECK (rating BETWEEN 1 AND 4),
  elapsed_ms INTEGER NOT NULL DEFAULT 0,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (screening_id, question_id)
) STRICT, WITHOUT ROWID;
`;
