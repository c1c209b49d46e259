// The full candidate list (10,000 rows) took ~250 ms. Two causes, measured:
// - file counts and tool lists computed per row by subqueries: they are kept on the
//   candidate row instead, the file count by triggers (a file can be added, replaced
//   or deleted by cascade from several places), the tool lists by the one writer of
//   candidate_tools (db/queries/analyses.ts replaceCandidateTools);
// - the list joins analyses for its summary columns, and each analyses row carried the
//   whole analysis JSON, so the join walked wide rows: the JSON moves to its own table.
export const sql = `
ALTER TABLE candidates ADD COLUMN file_count INTEGER NOT NULL DEFAULT 0;
-- JSON arrays of tool ids, sorted: JSON.parse turns 10,000 of them into arrays ~5x faster than splitting text.
ALTER TABLE candidates ADD COLUMN tools_shipped_json TEXT NOT NULL DEFAULT '[]';
ALTER TABLE candidates ADD COLUMN tools_listed_json TEXT NOT NULL DEFAULT '[]';

UPDATE candidates SET
  file_count = (SELECT COUNT(*) FROM resume_files f WHERE f.candidate_id = candidates.id AND f.status = 'imported'),
  tools_shipped_json = (SELECT json_group_array(tool_id) FROM (
    SELECT tool_id FROM candidate_tools t WHERE t.candidate_id = candidates.id AND t.status = 'evidence' ORDER BY tool_id)),
  tools_listed_json = (SELECT json_group_array(tool_id) FROM (
    SELECT tool_id FROM candidate_tools t WHERE t.candidate_id = candidates.id AND t.status = 'listed' ORDER BY tool_id));

CREATE TRIGGER resume_files_count_insert AFTER INSERT ON resume_files
WHEN NEW.status = 'imported' AND NEW.candidate_id IS NOT NULL
BEGIN
  UPDATE candidates SET file_count = file_count + 1 WHERE id = NEW.candidate_id;
END;

CREATE TRIGGER resume_files_count_delete AFTER DELETE ON resume_files
WHEN OLD.status = 'imported' AND OLD.candidate_id IS NOT NULL
BEGIN
  UPDATE candidates SET file_count = file_count - 1 WHERE id = OLD.candidate_id;
END;

CREATE TRIGGER resume_files_count_update AFTER UPDATE OF status, candidate_id ON resume_files
BEGIN
  UPDATE candidates SET file_count = file_count - 1 WHERE OLD.status = 'imported' AND id = OLD.candidate_id;
  UPDATE candidates SET file_count = file_count + 1 WHERE NEW.status = 'imported' AND id = NEW.candidate_id;
END;

CREATE TABLE analysis_results (
  resume_file_id INTEGER PRIMARY KEY REFERENCES analyses(resume_file_id) ON DELETE CASCADE,
  result_json TEXT NOT NULL
) STRICT;
INSERT INTO analysis_results (resume_file_id, result_json) SELECT resume_file_id, result_json FROM analyses;
ALTER TABLE analyses DROP COLUMN result_json;
`;
