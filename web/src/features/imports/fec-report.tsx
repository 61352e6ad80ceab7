import { Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TFecImportReport } from '../../../../src/imports/schemas.ts';
import { useFormatters } from '../../ui/format.ts';
import classes from '../../ui/table.module.css';
import { ImportIssues } from './import-issues.tsx';
import { ImportVerdictBadge } from './import-verdict.tsx';

const KINDS = ['customers', 'invoices', 'creditNotes', 'payments', 'allocations'] as const;
const OUTCOMES = ['created', 'updated', 'unchanged'] as const;

/** What a FEC import did: lines read and rejected, the items by kind, the rejected lines. */
export function FecReport({ report }: { report: TFecImportReport }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const count = (value: number) => ({ count: value, formatted: format.integer(value) });
  const isRead = report.format !== null;
  return (
    <Stack gap="sm" data-testid="fec-report">
      <Group justify="space-between" gap="xs">
        <Text fw={600} data-testid="import-file">
          {report.file}
        </Text>
        <ImportVerdictBadge report={report} />
      </Group>
      {isRead ? (
        <>
          <Text size="sm" data-testid="fec-lines">
            {t('imports.fec.linesRead', count(report.lines))},{' '}
            {t('imports.fec.rejected', count(report.rejected))}
          </Text>
          <FecCounts report={report} />
        </>
      ) : null}
      <ImportIssues
        title={t(isRead ? 'imports.issues.errors' : 'imports.issues.fileErrors')}
        issues={report.errors}
        tone="error"
      />
      <ImportIssues title={t('imports.issues.notices')} issues={report.notices} tone="notice" />
    </Stack>
  );
}

function FecCounts({ report }: { report: TFecImportReport }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table aria-label={t('imports.fec.tableLabel')} data-testid="fec-counts" maw={720}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('imports.fec.columns.item')}</Table.Th>
            {OUTCOMES.map((outcome) => (
              <Table.Th key={outcome} className={classes.number}>
                {t(`imports.fec.columns.${outcome}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {KINDS.map((kind) => (
            <Table.Tr key={kind} data-testid="fec-count-row" data-kind={kind}>
              <Table.Td>{t(`imports.fec.kinds.${kind}`)}</Table.Td>
              {OUTCOMES.map((outcome) => (
                <Table.Td key={outcome} className={classes.number}>
                  <Text span inherit c={report[kind][outcome] === 0 ? 'dimmed' : 'inherit'}>
                    {format.integer(report[kind][outcome])}
                  </Text>
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
