// Candidates, their resume files (every version, and every file that failed),
// the analysis of each imported file, and a log of import runs.
export const sql = `
CREATE TABLE import_runs (
  id INTEGER PRIMARY KEY,
  roots_json TEXT NOT NULL,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  status TEXT NOT NULL DEFAULT 'running'
    CHECK (status IN ('running', 'completed', 'cancelled', 'interrupted')),
  total_files INTEGER NOT NULL DEFAULT 0,
  imported_count INTEGER NOT NULL DEFAULT 0,
  duplicate_count INTEGER NOT NULL DEFAULT 0,
  failed_count INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE candidates (
  id INTEGER PRIMARY KEY,
  -- 'email:<address>' or 'name:<normalised name>' or 'file:<sha256>' when neither is known.
  identity_key TEXT NOT NULL UNIQUE,
  name TEXT,
  email TEXT,
  phone TEXT,
  location TEXT,
  current_title TEXT,
  employers_json TEXT NOT NULL DEFAULT '[]',
  status TEXT NOT NULL DEFAULT 'new'
    CHECK (status IN ('new', 'screening', 'advanced', 'on-hold', 'declined')),
  notes TEXT NOT NULL DEFAULT '',
  latest_resume_file_id INTEGER,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE resume_files (
  id INTEGER PRIMARY KEY,
  candidate_id INTEGER REFERENCES candidates(id) ON DELETE CASCADE,
  import_run_id INTEGER REFERENCES import_runs(id) ON DELETE SET NULL,
  path TEXT NOT NULL,
  file_name TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  size_bytes INTEGER NOT NULL,
  mtime_ms INTEGER NOT NULL,
  detected_type TEXT NOT NULL,
  text TEXT,
  status TEXT NOT NULL CHECK (status IN ('imported', 'failed')),
  error_code TEXT,
  error_reason TEXT,
  imported_at TEXT NOT NULL,
  CHECK ((status = 'imported') = (candidate_id IS NOT NULL AND text IS NOT NULL)),
  CHECK ((status = 'failed') = (error_code IS NOT NULL))
) STRICT;

CREATE UNIQUE INDEX resume_files_imported_sha ON resume_files(sha256) WHERE status = 'imported';
CREATE INDEX resume_files_sha ON resume_files(sha256);
CREATE INDEX resume_files_candidate ON resume_files(candidate_id);

CREATE TABLE analyses (
  resume_file_id INTEGER PRIMARY KEY REFERENCES resume_files(id) ON DELETE CASCADE,
  candidate_id INTEGER NOT NULL REFERENCES candidates(id) ON DELETE CASCADE,
  engine_version TEXT NOT NULL,
  sub_role TEXT NOT NULL,
  sub_role_confidence REAL NOT NULL,
  evidence_level TEXT NOT NULL CHECK (evidence_level IN ('strong', 'moderate', 'weak', 'none')),
  evidence_score INTEGER NOT NULL,
  is_padded INTEGER NOT NULL CHECK (is_padded IN (0, 1)),
  padding_score INTEGER NOT NULL,
  seniority TEXT NOT NULL,
  years_experience REAL,
  result_json TEXT NOT NULL,
  analyzed_at TEXT NOT NULL
) STRICT;

CREATE INDEX analyses_candidate ON analyses(candidate_id);

-- One row per tool per candidate's latest analysis, so the list can filter on
-- "shipped with X" versus "only lists X" without parsing JSON.
CREATE TABLE candidate_tools (
  candidate_id INTEGER NOT NULL REFERENCES candidates(id) ON DELETE CASCADE,
  tool_id TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('evidence', 'listed')),
  PRIMARY KEY (candidate_id, tool_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX candidate_tools_tool ON candidate_tools(tool_id, status);

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value_json TEXT NOT NULL
) STRICT;
`;
