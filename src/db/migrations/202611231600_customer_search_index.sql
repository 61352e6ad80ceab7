-- Searching customers by part of a name, code, SIREN or city ("martin", "C0012",
-- "81351", "chateauroux") finds the matching rows through trigrams instead of reading every customer of the
-- company (size L: ~150 ms a keystroke). pg_trgm ships with PostgreSQL and is a
-- trusted extension: any user allowed to create objects in the database may add it.
-- Fewer than three characters give no trigram; such searches still read the rows.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX customer_search_idx ON customer
  USING gin (
    name_key gin_trgm_ops,
    code gin_trgm_ops,
    (siren::text) gin_trgm_ops,
    (customer_name_key(billing_city)) gin_trgm_ops
  );
