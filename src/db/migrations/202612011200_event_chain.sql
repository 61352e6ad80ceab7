-- The audit trail, numbered and chained per company (ADR 14).
--
-- * `seq` numbers each company's events 1, 2, 3… without gaps, and replaces the
--   identity `id` that all companies shared: a tenant could read the others'
--   activity from the gaps in it.
-- * `hash` = sha256(hash of the previous event of the company ‖ event_canonical(…)),
--   the first event's previous hash being empty. Changing, removing or inserting
--   an event breaks the chain from there on, and `encaisse audit verify` says where.
-- * Events are written at COMMIT: the application stages them in a temporary table
--   of its session, and a deferred trigger numbers and chains them when the
--   transaction commits, under the company's `event_chain_head` row lock. That
--   lock is the last one a transaction takes, so it cannot deadlock with the row
--   locks the ledger takes before, and it is held only while the transaction's own
--   events are chained, not for the whole of a long import.

ALTER TABLE event ADD COLUMN seq bigint, ADD COLUMN hash bytea;

-- What the hash covers, as bytes that depend on no setting (DateStyle, TimeZone,
-- client encoding) and are the same on every PostgreSQL, PGlite included:
--   int8 seq · uuid company · int8 occurred_at (µs since 2000-01-01 UTC, the wire
--   format: microseconds included) · actor_type · actor_id · action · entity_type ·
--   uuid entity · customer (0x00 when none, else 0x01 and the uuid) · data
-- with each text as int4 character count (-1 for NULL) then its UTF-8 bytes, all
-- integers big-endian, and data last as the UTF-8 of jsonb's text, which is
-- canonical (keys sorted, one space after ':' and ','). Written as one expression
-- so the planner inlines it (a helper function per field runs ~5× slower).
CREATE FUNCTION event_canonical(
  seq bigint, company_id uuid, occurred_at timestamptz, actor_type text, actor_id text,
  action text, entity_type text, entity_id uuid, customer_id uuid, data jsonb
) RETURNS bytea LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT int8send(seq) || uuid_send(company_id) || timestamptz_send(occurred_at)
      || int4send(char_length(actor_type)) || convert_to(actor_type, 'UTF8')
      || int4send(coalesce(char_length(actor_id), -1)) || coalesce(convert_to(actor_id, 'UTF8'), '\x'::bytea)
      || int4send(char_length(action)) || convert_to(action, 'UTF8')
      || int4send(char_length(entity_type)) || convert_to(entity_type, 'UTF8')
      || uuid_send(entity_id)
      || coalesce('\x01'::bytea || uuid_send(customer_id), '\x00'::bytea)
      || convert_to(data::text, 'UTF8')
$$;

-- The chain as a running aggregate: `event_chain(previous, canonical) OVER (ORDER BY
-- seq ROWS UNBOUNDED PRECEDING)` gives each event its hash in one pass, starting
-- from `previous` (the head's hash). PL/pgSQL: an aggregate calls a SQL function
-- through the SQL executor each row, ~40% slower.
CREATE FUNCTION event_chain_step(state bytea, previous bytea, canonical bytea) RETURNS bytea
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
BEGIN
  RETURN sha256(coalesce(state, previous) || canonical);
END;
$$;
CREATE AGGREGATE event_chain(previous bytea, canonical bytea) (
  SFUNC = event_chain_step,
  STYPE = bytea
);

-- Existing events keep their order (the identity id) and are numbered and chained
-- in one statement. The append-only trigger is set aside for it, in this
-- transaction only; the rows' content does not change.
ALTER TABLE event DISABLE TRIGGER event_append_only;
UPDATE event e
   SET seq = chained.seq, hash = chained.hash
  FROM (
    SELECT numbered.id, numbered.company_id, numbered.seq,
           event_chain('\x'::bytea, event_canonical(numbered.seq, numbered.company_id,
             numbered.occurred_at, numbered.actor_type, numbered.actor_id, numbered.action,
             numbered.entity_type, numbered.entity_id, numbered.customer_id, numbered.data))
             OVER (PARTITION BY numbered.company_id ORDER BY numbered.seq ROWS UNBOUNDED PRECEDING) AS hash
      FROM (SELECT id, company_id, occurred_at, actor_type, actor_id, action, entity_type,
                   entity_id, customer_id, data,
                   row_number() OVER (PARTITION BY company_id ORDER BY id) AS seq
              FROM event) AS numbered
  ) AS chained
 WHERE e.company_id = chained.company_id AND e.id = chained.id;
ALTER TABLE event ENABLE TRIGGER event_append_only;

DROP INDEX event_customer_id_idx;
ALTER TABLE event DROP CONSTRAINT event_pkey;
ALTER TABLE event DROP COLUMN id;
ALTER TABLE event
  ALTER COLUMN seq SET NOT NULL,
  ALTER COLUMN hash SET NOT NULL,
  ADD CONSTRAINT event_pkey PRIMARY KEY (company_id, seq),
  ADD CONSTRAINT event_seq_check CHECK (seq > 0),
  ADD CONSTRAINT event_hash_check CHECK (octet_length(hash) = 32);
CREATE INDEX event_customer_id_idx ON event (company_id, customer_id, seq) WHERE customer_id IS NOT NULL;

-- The last event of each company: appending locks this row, so two transactions
-- of one company chain one after the other, and no two events get one seq.
CREATE TABLE event_chain_head (
  company_id uuid NOT NULL,
  seq bigint NOT NULL,
  hash bytea NOT NULL,
  CONSTRAINT event_chain_head_pkey PRIMARY KEY (company_id),
  CONSTRAINT event_chain_head_company_id_fkey FOREIGN KEY (company_id) REFERENCES company (id)
);
INSERT INTO event_chain_head (company_id, seq, hash)
SELECT DISTINCT ON (company_id) company_id, seq, hash FROM event ORDER BY company_id, seq DESC;

-- Numbers and chains the events staged for `target` in this transaction, moves
-- them into `event` and advances the head; returns how many. Called at COMMIT by
-- the trigger below. READ COMMITTED (the application's level): FOR UPDATE waits
-- for a concurrent appender to commit, then reads its new head.
CREATE FUNCTION event_chain_append(target uuid) RETURNS bigint LANGUAGE plpgsql
  -- The rows are sorted by staging order once; 64 MB keeps ~300,000 of them off disk.
  SET work_mem = '64MB' AS $$
DECLARE
  head_seq bigint;
  head_hash bytea;
  appended bigint;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_temp.event_pending WHERE company_id = target) THEN
    DELETE FROM pg_temp.event_pending_company WHERE company_id = target;
    RETURN 0;
  END IF;
  INSERT INTO event_chain_head (company_id, seq, hash) VALUES (target, 0, '\x'::bytea)
    ON CONFLICT (company_id) DO NOTHING;
  SELECT seq, hash INTO head_seq, head_hash
    FROM event_chain_head WHERE company_id = target FOR UPDATE;
  INSERT INTO event (company_id, seq, occurred_at, actor_type, actor_id, action, entity_type,
                     entity_id, customer_id, data, hash)
  SELECT company_id, seq, occurred_at, actor_type, actor_id, action, entity_type, entity_id,
         customer_id, data,
         event_chain(head_hash, event_canonical(seq, company_id, occurred_at, actor_type,
           actor_id, action, entity_type, entity_id, customer_id, data))
           OVER (ORDER BY ord ROWS UNBOUNDED PRECEDING)
    FROM (SELECT pending.*, head_seq + row_number() OVER (ORDER BY ord) AS seq
            FROM pg_temp.event_pending AS pending WHERE company_id = target) AS numbered;
  GET DIAGNOSTICS appended = ROW_COUNT;
  UPDATE event_chain_head
     SET seq = head_seq + appended,
         hash = (SELECT hash FROM event WHERE company_id = target AND seq = head_seq + appended)
   WHERE company_id = target;
  DELETE FROM pg_temp.event_pending WHERE company_id = target;
  DELETE FROM pg_temp.event_pending_company WHERE company_id = target;
  RETURN appended;
END;
$$;

-- Every company with staged events, in company order: two transactions writing
-- for the same companies lock their heads in the same order.
CREATE FUNCTION event_chain_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM event_chain_append(company_id)
     FROM (SELECT company_id FROM pg_temp.event_pending_company ORDER BY company_id) AS pending;
  RETURN NULL;
END;
$$;

-- Opens this session's staging tables (once per session) and marks `target` as
-- having events to chain at COMMIT. Temporary tables: rows cost no WAL and no
-- shared buffers, ON COMMIT DELETE ROWS empties them at every commit without
-- leaving dead rows (PGlite runs no autovacuum), and sessions never see each
-- other's. The marker table has one row per company and transaction, so its
-- deferred trigger runs once, not once per staged event.
CREATE FUNCTION event_pending_prepare(target uuid) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF to_regclass('pg_temp.event_pending') IS NULL THEN
    CREATE TEMPORARY TABLE event_pending (
      ord bigint GENERATED ALWAYS AS IDENTITY,
      company_id uuid NOT NULL,
      occurred_at timestamptz NOT NULL DEFAULT now(),
      actor_type text NOT NULL,
      actor_id text,
      action text NOT NULL,
      entity_type text NOT NULL,
      entity_id uuid NOT NULL,
      customer_id uuid,
      data jsonb NOT NULL DEFAULT '{}'::jsonb
    ) ON COMMIT DELETE ROWS;
    CREATE TEMPORARY TABLE event_pending_company (
      company_id uuid NOT NULL,
      CONSTRAINT event_pending_company_pkey PRIMARY KEY (company_id)
    ) ON COMMIT DELETE ROWS;
    CREATE CONSTRAINT TRIGGER event_chain_at_commit AFTER INSERT ON pg_temp.event_pending_company
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION event_chain_at_commit();
  END IF;
  INSERT INTO pg_temp.event_pending_company (company_id) VALUES (target) ON CONFLICT DO NOTHING;
END;
$$;

-- TRUNCATE skips row triggers: refuse it with a statement trigger, which binds the
-- table's owner and a superuser too (until they disable it; `audit verify` then
-- finds the hole). The chain heads are never deleted either.
CREATE FUNCTION audit_refuse_erasing() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% rows are append-only: % refused', TG_TABLE_NAME, TG_OP;
END;
$$;
CREATE TRIGGER event_no_truncate BEFORE TRUNCATE ON event
  FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_erasing();
CREATE TRIGGER event_chain_head_no_delete BEFORE DELETE ON event_chain_head
  FOR EACH ROW EXECUTE FUNCTION audit_refuse_erasing();
CREATE TRIGGER event_chain_head_no_truncate BEFORE TRUNCATE ON event_chain_head
  FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_erasing();

-- The application's role (the one migrating, usually the tables' owner) gives up
-- the privileges it never needs on the trail. A superuser ignores privileges, and
-- an owner may grant them back: this is a second lock, the triggers the first.
REVOKE UPDATE, DELETE, TRUNCATE ON event FROM PUBLIC, CURRENT_USER;
REVOKE DELETE, TRUNCATE ON event_chain_head FROM PUBLIC, CURRENT_USER;
