// Recruiter corrections of the engine's verdict (contract/corrections.ts). One row per resume version
// and field (one per tool for a tool's status), so a re-analysis of the same version, which rewrites
// its analysis row, keeps them, and a new version starts clean and shows them as hints. The engine's
// value and version at the time are kept, so `shipped eval --corrections` can say how often the two agree.
// Deleting the candidate or the resume version deletes its corrections.
export const sql = `
CREATE TABLE corrections (
  id INTEGER PRIMARY KEY,
  candidate_id INTEGER NOT NULL REFERENCES candidates(id) ON DELETE CASCADE,
  resume_file_id INTEGER NOT NULL REFERENCES resume_files(id) ON DELETE CASCADE,
  field TEXT NOT NULL CHECK (field IN ('subRole', 'evidence', 'padding', 'tool')),
  -- '' unless field = 'tool', so the UNIQUE key below holds (NULLs would never collide).
  tool_id TEXT NOT NULL DEFAULT '' CHECK ((field = 'tool') = (tool_id <> '')),
  value TEXT NOT NULL,
  engine_value TEXT NOT NULL,
  engine_version TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  corrected_at TEXT NOT NULL,
  UNIQUE (resume_file_id, field, tool_id)
) STRICT;

CREATE INDEX corrections_candidate ON corrections(candidate_id);
`;
