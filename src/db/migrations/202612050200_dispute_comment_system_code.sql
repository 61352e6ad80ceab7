-- What the system says in a dispute's thread (a dispute closing by itself) is kept as a
-- message code, `system_code`, and worded when read, in the reader's language
-- (src/disputes/thread.ts `presentComment`; the words: src/shared/messages/disputes.*.ts).
-- A person's comment has none. `body` stays NOT NULL and the system still fills it with the
-- French words: exports, reports and any reader of the column as it is keep working, and no
-- reader has to choose between two columns that may be empty. The code, when there, wins.
-- The codes are those of `SYSTEM_COMMENT_CODES` (src/disputes/model.ts): a new one comes with
-- its migration, so that a reader never meets a code it has no words for.
ALTER TABLE dispute_comment ADD COLUMN system_code text;
ALTER TABLE dispute_comment ADD CONSTRAINT dispute_comment_system_code_check
  CHECK (
    system_code IS NULL
    OR (author_kind = 'system' AND system_code IN ('dispute_closed_paid', 'dispute_closed_by_credit'))
  );

-- The system's comments written before this one, in the French words of then (a no-break
-- space before the colon), are given their code, so that they read in each language too.
UPDATE dispute_comment
SET system_code = CASE body
    WHEN U&'Clos de lui-m\00EAme\00A0: ses factures sont pay\00E9es.' THEN 'dispute_closed_paid'
    ELSE 'dispute_closed_by_credit'
  END
WHERE author_kind = 'system'
  AND body IN (
    U&'Clos de lui-m\00EAme\00A0: ses factures sont pay\00E9es.',
    U&'Clos de lui-m\00EAme\00A0: un avoir a \00E9t\00E9 imput\00E9 sur ses factures.'
  );
