// Resumes are now read by several readers, OCR among them, and the product says which one and
// how sure OCR was. Files from before this migration have no reader (NULL) and count as read
// from their text layer.
export const sql = `
ALTER TABLE resume_files ADD COLUMN reader TEXT;
ALTER TABLE resume_files ADD COLUMN ocr_confidence INTEGER;
ALTER TABLE resume_files ADD COLUMN ocr_pages INTEGER NOT NULL DEFAULT 0;
ALTER TABLE resume_files ADD COLUMN reading_note TEXT;
ALTER TABLE resume_files ADD COLUMN low_confidence_words_json TEXT NOT NULL DEFAULT '[]';
CREATE INDEX resume_files_ocr_confidence ON resume_files (ocr_confidence) WHERE ocr_confidence IS NOT NULL;
`;
