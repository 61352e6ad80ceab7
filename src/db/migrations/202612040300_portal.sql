-- What the customer portal adds (issue 10, docs/portal.md).

-- « J'approuve cette facture »: the customer's accounts-payable clerk said the invoice is
-- right (what the pre-due contact asks). One per invoice: approving again changes nothing.
-- `ip` and the link are kept as the evidence of who said so.
CREATE TABLE invoice_approval (
  company_id uuid NOT NULL,
  invoice_id uuid NOT NULL,
  customer_id uuid NOT NULL,
  approved_at timestamptz NOT NULL,
  approved_by_name text,
  access_link_id uuid,
  ip text,
  CONSTRAINT invoice_approval_pkey PRIMARY KEY (company_id, invoice_id),
  CONSTRAINT invoice_approval_invoice_id_fkey FOREIGN KEY (company_id, invoice_id)
    REFERENCES invoice (company_id, id)
);
CREATE INDEX invoice_approval_customer_idx ON invoice_approval (company_id, customer_id);

-- The PDF of an invoice as the company issued it (uploaded, or imported beside the
-- invoices), with its SHA-256; the portal hands it out.
CREATE TABLE invoice_document (
  company_id uuid NOT NULL,
  invoice_id uuid NOT NULL,
  file_name text NOT NULL,
  content_type text NOT NULL,
  size_bytes integer NOT NULL,
  sha256 char(64) NOT NULL,
  content bytea NOT NULL,
  uploaded_by_name text,
  created_at timestamptz NOT NULL,
  CONSTRAINT invoice_document_pkey PRIMARY KEY (company_id, invoice_id),
  CONSTRAINT invoice_document_invoice_id_fkey FOREIGN KEY (company_id, invoice_id)
    REFERENCES invoice (company_id, id),
  CONSTRAINT invoice_document_size_bytes_check CHECK (size_bytes BETWEEN 1 AND 10485760)
);

-- Where the customer pays: shown on the portal (and on a statement of account).
CREATE TABLE company_bank_details (
  company_id uuid NOT NULL,
  account_holder text NOT NULL,
  iban text NOT NULL,
  bic text,
  bank_name text,
  updated_at timestamptz NOT NULL,
  CONSTRAINT company_bank_details_pkey PRIMARY KEY (company_id),
  CONSTRAINT company_bank_details_company_id_fkey FOREIGN KEY (company_id) REFERENCES company (id)
);
