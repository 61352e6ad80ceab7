import { useTranslation } from 'react-i18next';
import { ZBankImportReport, type TImportBankQuery } from '../../../../src/bank/schemas.ts';
import type { QueryValue } from '../../api.ts';
import { BankReport } from './bank-report.tsx';
import { ImportCard } from './import-card.tsx';
import { OptionCheckbox } from './option-checkbox.tsx';
import { useImportForm } from './use-import-form.ts';

type BankOptions = { isAddingAccounts: boolean };

function bankQuery(options: BankOptions) {
  return {
    addAccount: options.isAddingAccounts ? 'true' : undefined,
  } satisfies Partial<Record<Exclude<keyof TImportBankQuery, 'dryRun'>, QueryValue>>;
}

/** A bank statement file to import, with the options of `encaisse import bank`, and its statements. */
export function BankImportCard() {
  const { t } = useTranslation();
  const form = useImportForm('bank', ZBankImportReport, { isAddingAccounts: false }, bankQuery);
  return (
    <ImportCard
      {...form.card}
      report={form.answer === undefined ? null : <BankReport report={form.answer.report} />}
      options={
        <OptionCheckbox
          label={t('imports.bank.addAccount')}
          description={t('imports.bank.addAccountHint')}
          checked={form.options.isAddingAccounts}
          onChange={(checked) => form.change({ isAddingAccounts: checked })}
          disabled={form.isBusy}
        />
      }
    />
  );
}
