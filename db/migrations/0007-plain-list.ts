// The candidate list is read with one plain query of named columns (db/queries/candidates.ts)
// instead of the packed list_row string of migration 0005 and the one-character tool codes
// of 0004, which needed five triggers and a hand-written decoder to stay correct.
// The tool lists the list shows come back as JSON arrays on the candidate row, written by
// the one writer of candidate_tools (db/queries/analyses.ts replaceCandidateTools): building
// them per query from candidate_tools costs ~55 ms more CPU at 10,000 candidates.
export const sql = `
DROP TRIGGER candidates_list_row_insert;
DROP TRIGGER candidates_list_row_update;
DROP TRIGGER analyses_list_row_insert;
DROP TRIGGER analyses_list_row_update;
DROP TRIGGER analyses_list_row_delete;
ALTER TABLE candidates DROP COLUMN list_row;

-- Tool ids in tool-id order, as JSON arrays.
ALTER TABLE candidates ADD COLUMN tools_shipped_json TEXT NOT NULL DEFAULT '[]';
ALTER TABLE candidates ADD COLUMN tools_listed_json TEXT NOT NULL DEFAULT '[]';
UPDATE candidates SET
  tools_shipped_json = (SELECT json_group_array(tool_id ORDER BY tool_id) FILTER (WHERE status = 'evidence')
                        FROM candidate_tools t WHERE t.candidate_id = candidates.id),
  tools_listed_json = (SELECT json_group_array(tool_id ORDER BY tool_id) FILTER (WHERE status = 'listed')
                       FROM candidate_tools t WHERE t.candidate_id = candidates.id);

ALTER TABLE candidates DROP COLUMN tool_codes;
DROP TABLE tool_codes;

-- It served the SQL tool filter, which is gone: the list is filtered in memory.
DROP INDEX candidate_tools_tool;
`;
