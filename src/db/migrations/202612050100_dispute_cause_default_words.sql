-- A default cause may be re-timed, retired or moved without being renamed: its row then has
-- no label of its own (NULL), and the catalogue's words for it (`dispute_cause_<code>`) are
-- shown in the reader's language. The company's own causes still carry a label (the
-- service refuses one without). The length check holds for a label that is there.
ALTER TABLE dispute_cause ALTER COLUMN label DROP NOT NULL;
