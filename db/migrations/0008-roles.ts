// Roles (requisitions), their shortlists, the screenings started from a role, a recruiter's
// own copies of the market data, and the two analysis signals the fit ranking needs per
// candidate. (The triggers upsert rather than INSERT OR REPLACE: the upsert that writes
// analysis_results would override a trigger's OR REPLACE.) The ranking scores 10,000 candidates at once (50 ms budget): the signals are
// copied out of the analysis JSON by triggers, so ranking never parses that JSON.
export const sql = `
CREATE TABLE roles (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  sub_role TEXT NOT NULL,
  level TEXT NOT NULL CHECK (level IN ('junior', 'mid', 'senior', 'staff')),
  city TEXT NOT NULL,
  engagement TEXT NOT NULL CHECK (engagement IN ('direct', 'w2', 'c2c', 'contract-to-hire')),
  must_have_json TEXT NOT NULL DEFAULT '[]',
  nice_to_have_json TEXT NOT NULL DEFAULT '[]',
  factors_json TEXT NOT NULL DEFAULT '[]',
  intake_json TEXT NOT NULL DEFAULT '{}',
  notes TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'on-hold', 'filled', 'closed')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE role_shortlist (
  role_id INTEGER NOT NULL REFERENCES roles(id) ON DELETE CASCADE,
  candidate_id INTEGER NOT NULL REFERENCES candidates(id) ON DELETE CASCADE,
  note TEXT NOT NULL DEFAULT '',
  added_at TEXT NOT NULL,
  PRIMARY KEY (role_id, candidate_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX role_shortlist_candidate ON role_shortlist(candidate_id);

CREATE TABLE role_screenings (
  screening_id INTEGER PRIMARY KEY REFERENCES screenings(id) ON DELETE CASCADE,
  role_id INTEGER NOT NULL REFERENCES roles(id) ON DELETE CASCADE
) STRICT;
CREATE INDEX role_screenings_role ON role_screenings(role_id);

CREATE TABLE market_data_versions (
  version INTEGER PRIMARY KEY,
  label TEXT NOT NULL,
  data_json TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE analysis_fit_signals (
  resume_file_id INTEGER PRIMARY KEY REFERENCES analysis_results(resume_file_id) ON DELETE CASCADE,
  llm_serving INTEGER NOT NULL CHECK (llm_serving IN (0, 1)),
  clearance INTEGER NOT NULL CHECK (clearance IN (0, 1))
) STRICT;

CREATE TRIGGER analysis_fit_signals_insert AFTER INSERT ON analysis_results
BEGIN
  INSERT INTO analysis_fit_signals (resume_file_id, llm_serving, clearance)
  VALUES (NEW.resume_file_id,
    coalesce(json_extract(NEW.result_json, '$.signals.llmServing'), 0) != 0,
    coalesce(json_extract(NEW.result_json, '$.signals.clearance'), 0) != 0)
  ON CONFLICT (resume_file_id) DO UPDATE SET llm_serving = excluded.llm_serving, clearance = excluded.clearance;
END;

CREATE TRIGGER analysis_fit_signals_update AFTER UPDATE OF result_json ON analysis_results
BEGIN
  INSERT INTO analysis_fit_signals (resume_file_id, llm_serving, clearance)
  VALUES (NEW.resume_file_id,
    coalesce(json_extract(NEW.result_json, '$.signals.llmServing'), 0) != 0,
    coalesce(json_extract(NEW.result_json, '$.signals.clearance'), 0) != 0)
  ON CONFLICT (resume_file_id) DO UPDATE SET llm_serving = excluded.llm_serving, clearance = excluded.clearance;
END;

INSERT INTO analysis_fit_signals (resume_file_id, llm_serving, clearance)
SELECT resume_file_id,
  coalesce(json_extract(result_json, '$.signals.llmServing'), 0) != 0,
  coalesce(json_extract(result_json, '$.signals.clearance'), 0) != 0
FROM analysis_results;
`;
