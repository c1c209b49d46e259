// Loading the full list (10,000 candidates, ~28 tools each) spent 20–25 ms of its 70–100 ms
// in JSON.parse of the tools_shipped_json / tools_listed_json arrays: ~280,000 tool-id
// strings created and internalised per call, and then scavenged. Each tool id now gets a
// small permanent code, and the candidate row keeps its two tool lists as one short
// string of one character per tool, which the list decodes into the same few tool-id
// strings (db/queries/candidate-list-rows.ts; ~1 ms for all 10,000). candidate_tools stays
// the source of truth for filters; tool_codes only grows (a code is never reused or changed).
//
// tool_codes: code N stands for the character U+0020 + N (code 1 is '!'); the CHECK keeps
// every character below the UTF-16 surrogate range.
// candidates.tool_codes: the shipped tools' characters, one space, the listed-only tools'
// characters, each list in tool-id order (' ' when there are none).
export const sql = `
CREATE TABLE tool_codes (
  code INTEGER PRIMARY KEY CHECK (code BETWEEN 1 AND 55000),
  tool_id TEXT NOT NULL UNIQUE
) STRICT;
INSERT INTO tool_codes (tool_id) SELECT DISTINCT tool_id FROM candidate_tools ORDER BY tool_id;

ALTER TABLE candidates ADD COLUMN tool_codes TEXT NOT NULL DEFAULT ' ';
UPDATE candidates SET tool_codes = (
  SELECT coalesce(group_concat(char(32 + k.code), '' ORDER BY t.tool_id) FILTER (WHERE t.status = 'evidence'), '')
    || ' ' || coalesce(group_concat(char(32 + k.code), '' ORDER BY t.tool_id) FILTER (WHERE t.status = 'listed'), '')
  FROM candidate_tools t JOIN tool_codes k ON k.tool_id = t.tool_id
  WHERE t.candidate_id = candidates.id);

ALTER TABLE candidates DROP COLUMN tools_shipped_json;
ALTER TABLE candidates DROP COLUMN tools_listed_json;
`;
