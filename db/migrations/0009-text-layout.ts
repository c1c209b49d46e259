// How each line of an extracted resume looked (page, position, font size, weight, column, Word
// paragraph style), stored as JSON beside the text it describes (contract/layout.ts), so an
// analysis run later reads the resume as the import did. Line numbers are the text's own.
// Files imported before this migration, and plain-text files, have none.
export const sql = `
ALTER TABLE resume_files ADD COLUMN layout TEXT;
`;
