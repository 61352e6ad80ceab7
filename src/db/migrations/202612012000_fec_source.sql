-- Where an invoice, credit note or payment imported from a FEC comes from: its journal,
-- entry number and rank in the entry (`VT/F2024-0012/2`, src/imports/fec/fec-format.ts).
-- NULL for every other item (typed in, a CSV, the API). An import finds its items again
-- by number and reference, as every import does; the key says which items a FEC gave,
-- so that a later FEC lacking one of them can say so (docs/import.md, "FEC").
--
-- Not unique: when the books renumber an entry, its key may name another document in the
-- next FEC while the first one is still stored. Not indexed: it is read once per import,
-- over the company's rows of the file's period.
ALTER TABLE invoice ADD COLUMN source_key text;
ALTER TABLE payment ADD COLUMN source_key text;
