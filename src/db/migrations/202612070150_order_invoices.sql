-- The invoices of an order (issue 12, docs/credit.md « Invoicing lag »), as the ERP reports
-- them with the order's invoicing: the link the evidence follows (an order's signed delivery
-- receipt is found from its invoices) and what the invoicing lag is measured on. The days are
-- kept on the link as they stood when it was made: the order's delivery day (NULL until the
-- order is delivered, filled then) and the invoice's issue day.
CREATE TABLE sales_order_invoice (
  company_id uuid NOT NULL,
  order_id uuid NOT NULL,
  invoice_id uuid NOT NULL,
  customer_id uuid NOT NULL,
  delivered_on date,
  invoiced_on date NOT NULL,
  amount_cents bigint NOT NULL,
  currency char(3) NOT NULL,
  CONSTRAINT sales_order_invoice_pkey PRIMARY KEY (company_id, order_id, invoice_id),
  CONSTRAINT sales_order_invoice_order_id_fkey FOREIGN KEY (company_id, order_id)
    REFERENCES sales_order (company_id, id),
  CONSTRAINT sales_order_invoice_invoice_id_fkey FOREIGN KEY (company_id, invoice_id)
    REFERENCES invoice (company_id, id),
  CONSTRAINT sales_order_invoice_amount_cents_check CHECK (amount_cents >= 0)
);
-- An invoice's orders (its evidence).
CREATE INDEX sales_order_invoice_invoice_idx ON sales_order_invoice (company_id, invoice_id);
-- The lag over a period: the links by invoice day.
CREATE INDEX sales_order_invoice_invoiced_on_idx ON sales_order_invoice (company_id, invoiced_on)
  INCLUDE (customer_id, delivered_on, amount_cents, currency);
