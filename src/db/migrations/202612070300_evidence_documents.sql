-- Evidence documents (issue 12, docs/evidence.md): the signed delivery receipt, the order
-- confirmation, the customer's purchase order, kept beside the order or the invoice they
-- prove, with their SHA-256, so that what is produced in a dispute or before a court
-- (C. civ. art. 1353: whoever claims payment proves the obligation) is shown to be what was
-- received. Never updated nor deleted by the application: a download checks the bytes
-- against `sha256` and refuses them when they no longer match.
CREATE TABLE evidence_document (
  company_id uuid NOT NULL,
  id uuid NOT NULL,
  -- The order it is attached to (a delivery receipt, an order confirmation), or NULL.
  order_id uuid,
  -- The invoice it is attached to (the customer's purchase order), or NULL. At least one of
  -- the two is set; an invoice also lists the documents of its orders (sales_order_invoice).
  invoice_id uuid,
  -- What it proves: the evidence pack of a court order (PRODUCT.md) picks them by kind.
  kind text NOT NULL,
  -- The name it was uploaded under (control characters dropped), for the download.
  file_name text NOT NULL,
  -- Its media type without parameters (`application/pdf`), checked against its first bytes.
  content_type text NOT NULL,
  size_bytes integer NOT NULL,
  -- SHA-256 of `content` as received, lowercase hex: checked again on every download.
  sha256 char(64) NOT NULL,
  content bytea NOT NULL,
  -- The user who uploaded it (NULL for an API token, the CLI, a run) and the actor's name then.
  uploaded_by uuid,
  uploaded_by_name text,
  uploaded_at timestamptz NOT NULL,
  -- What the uploader said of it (« signé par M. Martin, réserves sur 2 palettes »).
  note text,
  CONSTRAINT evidence_document_pkey PRIMARY KEY (company_id, id),
  CONSTRAINT evidence_document_order_id_fkey FOREIGN KEY (company_id, order_id)
    REFERENCES sales_order (company_id, id),
  CONSTRAINT evidence_document_invoice_id_fkey FOREIGN KEY (company_id, invoice_id)
    REFERENCES invoice (company_id, id),
  CONSTRAINT evidence_document_target_check CHECK (order_id IS NOT NULL OR invoice_id IS NOT NULL),
  CONSTRAINT evidence_document_kind_check CHECK (kind IN
    ('delivery_receipt', 'order_confirmation', 'purchase_order', 'other')),
  CONSTRAINT evidence_document_file_name_check CHECK (char_length(file_name) BETWEEN 1 AND 200),
  CONSTRAINT evidence_document_size_bytes_check CHECK (size_bytes BETWEEN 1 AND 10485760),
  CONSTRAINT evidence_document_sha256_check CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  CONSTRAINT evidence_document_note_check CHECK (char_length(note) <= 1000),
  -- The same file uploaded twice as the same kind on the same order or invoice is kept once
  -- (NULLS NOT DISTINCT: the absent target counts as equal, PostgreSQL 15).
  CONSTRAINT evidence_document_target_sha256_key UNIQUE NULLS NOT DISTINCT
    (company_id, order_id, invoice_id, kind, sha256)
);
-- An invoice's documents, newest first.
CREATE INDEX evidence_document_invoice_idx ON evidence_document (company_id, invoice_id, uploaded_at)
  WHERE invoice_id IS NOT NULL;
-- An order's documents, and those of an invoice's orders, newest first.
CREATE INDEX evidence_document_order_idx ON evidence_document (company_id, order_id, uploaded_at)
  WHERE order_id IS NOT NULL;
