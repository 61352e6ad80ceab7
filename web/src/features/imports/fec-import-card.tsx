import { SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ZFecImportReport, type TImportFecQuery } from '../../../../src/imports/schemas.ts';
import type { QueryValue } from '../../api.ts';
import { FecReport } from './fec-report.tsx';
import { ImportCard } from './import-card.tsx';
import { OptionCheckbox } from './option-checkbox.tsx';
import { useImportForm } from './use-import-form.ts';

type FecOptions = {
  receivableAccounts: string;
  salesJournals: string;
  isPartial: boolean;
};

/** The options as the form opens: the server's defaults. */
const FEC_DEFAULTS: FecOptions = { receivableAccounts: '', salesJournals: '', isPartial: false };

/** The query of `POST /api/imports/fec`; an option left empty is the server's default. */
function fecQuery(options: FecOptions) {
  return {
    receivableAccounts: options.receivableAccounts.trim() || undefined,
    salesJournals: options.salesJournals.trim() || undefined,
    partial: options.isPartial ? 'true' : undefined,
  } satisfies Partial<Record<Exclude<keyof TImportFecQuery, 'dryRun'>, QueryValue>>;
}

/** A FEC to import, with the options of `encaisse import fec`, and what the import did. */
export function FecImportCard() {
  const { t } = useTranslation();
  const form = useImportForm('fec', ZFecImportReport, FEC_DEFAULTS, fecQuery);
  return (
    <ImportCard
      {...form.card}
      report={form.answer === undefined ? null : <FecReport report={form.answer.report} />}
      options={
        <>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" maw={720}>
            <TextInput
              label={t('imports.fec.receivableAccounts')}
              description={t('imports.fec.receivableAccountsHint')}
              placeholder="411"
              value={form.options.receivableAccounts}
              onChange={(event) => form.change({ receivableAccounts: event.currentTarget.value })}
              disabled={form.isBusy}
            />
            <TextInput
              label={t('imports.fec.salesJournals')}
              description={t('imports.fec.salesJournalsHint')}
              placeholder="VT"
              value={form.options.salesJournals}
              onChange={(event) => form.change({ salesJournals: event.currentTarget.value })}
              disabled={form.isBusy}
            />
          </SimpleGrid>
          <OptionCheckbox
            label={t('imports.fec.partial')}
            checked={form.options.isPartial}
            onChange={(checked) => form.change({ isPartial: checked })}
            disabled={form.isBusy}
          />
        </>
      }
    />
  );
}
