// Erasure and accountability (issue 19).
// - suppressions: people deleted with "don't import this person again", kept only as one-way
//   hashes (the file's sha256, a sha256 of the normalised email) so the list itself names nobody.
// - audit_log: who did what and when, append-only (triggers refuse UPDATE and DELETE). It holds
//   ids, counts and hashes, never names, emails, paths or resume text; candidate_id has no foreign
//   key on purpose, so the record of a deletion outlives the candidate.
export const sql = `
CREATE TABLE suppressions (
  kind TEXT NOT NULL CHECK (kind IN ('file-sha256', 'email-sha256')),
  hash TEXT NOT NULL CHECK (length(hash) = 64),
  created_at TEXT NOT NULL,
  PRIMARY KEY (kind, hash)
) STRICT, WITHOUT ROWID;

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL CHECK (actor IN ('app', 'cli')),
  action TEXT NOT NULL CHECK (action IN (
    'import', 'delete', 'brief-export', 'status-change', 'notes-change', 'backup', 'restore', 'encrypt', 'correction'
  )),
  candidate_id INTEGER,
  details_json TEXT NOT NULL DEFAULT '{}'
) STRICT;

CREATE INDEX audit_log_candidate ON audit_log(candidate_id, id);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
`;
