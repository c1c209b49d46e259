// The one string per row that the list reads (db/queries/candidate-list-rows.ts) was built
// by each list query: at 10,000 candidates its SQL took ~25 ms (sort included), mostly in
// number-to-text conversions and concatenation, against ~17 ms to read the string ready-made
// (min of 25 runs each, same process). The string now lives on the candidate row, kept
// current by triggers on every column it is made of (about 0.1 ms more per imported file).
//
// list_row: concat_ws(U+001F, …) of, in order: id; a mask of the NULL columns (1 name,
// 2 email, 4 location, 8 current_title, 16 no analysis, 32 years_experience) since
// concat_ws leaves NULLs out; name, email, location, current_title, status, created_at,
// updated_at, file_count, tool_codes; from the latest analysis sub_role, evidence_level,
// evidence_score, is_padded, padding_score, seniority, years_experience; then the number
// of employers and the employers themselves (unescaped, so the list needs no JSON parse;
// '-' if employers_json is not JSON).
/** The list_row of the candidate whose id is the SQL expression `id` (exported for the tests). */
export const listRowOf = (id: string): string => `(
  SELECT concat_ws(char(31),
    c.id,
    (c.name IS NULL) * 1 + (c.email IS NULL) * 2 + (c.location IS NULL) * 4 + (c.current_title IS NULL) * 8
      + (a.resume_file_id IS NULL) * 16 + (a.years_experience IS NULL) * 32,
    c.name, c.email, c.location, c.current_title, c.status, c.created_at, c.updated_at, c.file_count, c.tool_codes,
    a.sub_role, a.evidence_level, a.evidence_score, a.is_padded, a.padding_score, a.seniority, a.years_experience,
    CASE WHEN json_valid(c.employers_json) THEN (
      SELECT concat_ws(char(31), count(*), group_concat(value, char(31)))
      FROM (SELECT e.value FROM json_each(c.employers_json) e WHERE e.type = 'text' ORDER BY e.key))
    ELSE '-' END)
  FROM candidates c LEFT JOIN analyses a ON a.resume_file_id = c.latest_resume_file_id
  WHERE c.id = ${id})`;

// The UPDATE OF list leaves out list_row itself, so the triggers' own updates do not fire them.
const candidateColumns =
  'name, email, location, current_title, employers_json, status, created_at, updated_at, file_count, tool_codes, latest_resume_file_id';

export const sql = `
ALTER TABLE candidates ADD COLUMN list_row TEXT;

CREATE TRIGGER candidates_list_row_insert AFTER INSERT ON candidates
BEGIN
  UPDATE candidates SET list_row = ${listRowOf('NEW.id')} WHERE id = NEW.id;
END;

CREATE TRIGGER candidates_list_row_update AFTER UPDATE OF ${candidateColumns} ON candidates
BEGIN
  UPDATE candidates SET list_row = ${listRowOf('NEW.id')} WHERE id = NEW.id;
END;

CREATE TRIGGER analyses_list_row_insert AFTER INSERT ON analyses
BEGIN
  UPDATE candidates SET list_row = ${listRowOf('NEW.candidate_id')}
  WHERE id = NEW.candidate_id AND latest_resume_file_id = NEW.resume_file_id;
END;

CREATE TRIGGER analyses_list_row_update AFTER UPDATE ON analyses
BEGIN
  UPDATE candidates SET list_row = ${listRowOf('candidates.id')}
  WHERE id IN (OLD.candidate_id, NEW.candidate_id) AND latest_resume_file_id IN (OLD.resume_file_id, NEW.resume_file_id);
END;

CREATE TRIGGER analyses_list_row_delete AFTER DELETE ON analyses
BEGIN
  UPDATE candidates SET list_row = ${listRowOf('OLD.candidate_id')}
  WHERE id = OLD.candidate_id AND latest_resume_file_id = OLD.resume_file_id;
END;

UPDATE candidates SET list_row = ${listRowOf('candidates.id')};
`;
