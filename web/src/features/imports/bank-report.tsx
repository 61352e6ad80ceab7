import { Group, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TBankImportReport } from '../../../../src/bank/schemas.ts';
import { describeIssue } from '../../ui/error-alert.tsx';
import { useFormatters } from '../../ui/format.ts';
import { BankStatements } from './bank-statements.tsx';
import { ImportIssues, type TImportIssue } from './import-issues.tsx';
import { ImportVerdictBadge } from './import-verdict.tsx';

/** The formats as banks and their documentation name them, in every language. */
const FORMAT_NAMES: Readonly<Record<NonNullable<TBankImportReport['format']>, string>> = {
  camt053: 'camt.053',
  camt054: 'camt.054',
  cfonb120: 'CFONB 120',
};

/** The issues a second try with "Ajouter les comptes inconnus" would not have. */
const UNKNOWN_ACCOUNT_CODES: ReadonlySet<string> = new Set([
  'bank_account_unknown',
  'bank_account_unknown_number',
]);

/** What a bank statement import did: its statements, the accounts it added, why it was refused. */
export function BankReport({ report }: { report: TBankImportReport }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const count = (value: number) => ({ count: value, formatted: format.integer(value) });
  const { totals } = report;
  // The server's sentence names the CLI's flag; here the way is the checkbox above.
  const describe = (issue: TImportIssue) =>
    UNKNOWN_ACCOUNT_CODES.has(issue.code) && typeof issue.params?.['account'] === 'string'
      ? t('imports.bank.unknownAccount', { account: issue.params['account'] })
      : describeIssue(issue);
  return (
    <Stack gap="sm" data-testid="bank-report">
      <Group justify="space-between" gap="xs">
        <Text fw={600} data-testid="import-file">
          {report.file}
          {report.format === null ? null : (
            <Text span c="dimmed" fw={400}>
              {' '}
              ({FORMAT_NAMES[report.format]})
            </Text>
          )}
        </Text>
        <ImportVerdictBadge report={report} />
      </Group>
      {report.statements.length === 0 ? null : (
        <Text size="sm" data-testid="bank-totals">
          {t('imports.bank.statements', count(totals.statements))},{' '}
          {t('imports.bank.lines', count(totals.lines))} —{' '}
          {t('imports.bank.linesNew', count(totals.linesNew))},{' '}
          {t('imports.bank.linesKnown', count(totals.linesKnown))}
        </Text>
      )}
      {report.accountsAdded.length === 0 ? null : (
        <List size="sm" data-testid="bank-accounts-added">
          {report.accountsAdded.map((account) => (
            <List.Item key={account.id}>
              {t('imports.bank.accountAdded', {
                account: account.iban ?? account.name,
                currency: account.currency,
              })}
            </List.Item>
          ))}
        </List>
      )}
      <BankStatements statements={report.statements} />
      <ImportIssues
        title={t('imports.issues.fileErrors')}
        issues={report.errors}
        tone="error"
        describe={describe}
      />
      <ImportIssues title={t('imports.issues.notices')} issues={report.notices} tone="notice" />
    </Stack>
  );
}
