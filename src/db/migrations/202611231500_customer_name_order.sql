-- Customers sort and match by name as a French reader expects: "Électricité Roux"
-- among the E, not after the Z, and found by "electricite". Byte order (the C and
-- C.UTF-8 collations of PGlite and of most servers) puts accented capitals after "z",
-- and PGlite has no ICU French collation. This key folds case, the accents of French
-- (and neighbouring languages) and the æ/œ ligatures, the same way on both databases.
CREATE FUNCTION customer_name_key(name text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$
    SELECT replace(replace(replace(replace(
      translate(lower($1),
        'àáâãäåçèéêëìíîïñòóôõöùúûüýÿÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝ',
        'aaaaaaceeeeiiiinooooouuuuyyaaaaaaceeeeiiiinooooouuuuy'),
      'æ', 'ae'), 'œ', 'oe'), 'Æ', 'ae'), 'Œ', 'oe')
  $$;

-- Stored, so that a search compares keys computed once per write instead of folding
-- every name of the company at every keystroke.
ALTER TABLE customer
  ADD COLUMN name_key text NOT NULL GENERATED ALWAYS AS (customer_name_key(legal_name)) STORED;

-- Paging by name, deep pages included, walks this index alone (as the index it
-- replaces did): `code` breaks ties, `legal_name` is included for index-only scans.
CREATE INDEX customer_company_id_name_key_code_idx ON customer (company_id, name_key, code)
  INCLUDE (legal_name);
DROP INDEX customer_company_id_lower_legal_name_code_idx;
