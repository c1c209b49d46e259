// Retention: a candidate the recruiter marks to keep is never listed for erasure by age
// (main/retention/). The months setting itself lives in the settings table ('retention').
export const sql = `
ALTER TABLE candidates ADD COLUMN is_kept INTEGER NOT NULL DEFAULT 0 CHECK (is_kept IN (0, 1));
`;
