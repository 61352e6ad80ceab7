import { Anchor, Badge, CloseButton, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Amount } from '../../ui/amount.tsx';
import { useFormatters } from '../../ui/format.ts';
import { channelKey } from '../agenda/agenda-item-card.tsx';
import { stepDayLabel } from '../agenda/agenda-model.ts';
import { CountBars } from './count-bars.tsx';
import { heldBackByReason } from './dunning-run-model.ts';
import type { TRunReport } from './dunning-run-schemas.ts';
import classes from './dunning-run.module.css';

/** The report keeps the first 500 lines of each list; the counts cover everything. */
const REPORT_LINES = 500;

const STATUSES = ['queued', 'awaiting_approval', 'open', 'done'] as const;
const statusKey = (status: string) => STATUSES.find((known) => known === status) ?? 'open';

/**
 * What a run did — or, previewed, would do: the counts, then per customer and step what goes
 * out, then what is held back, by reason in words.
 */
export function RunReportView({ report, onClose }: { report: TRunReport; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const groups = heldBackByReason(report.heldBack);
  return (
    <Paper withBorder radius="md" p="md" data-testid={report.dryRun ? 'run-preview' : 'run-report'}>
      <Stack gap="md">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Stack gap={2}>
            <Title order={2} size="h4">
              {t(report.dryRun ? 'dunningRun.report.previewTitle' : 'dunningRun.report.doneTitle', {
                date: format.day(report.runOn),
              })}
            </Title>
            {report.dryRun ? (
              <Text size="sm" c="dimmed">
                {t('dunningRun.report.previewNote')}
              </Text>
            ) : null}
          </Stack>
          <CloseButton aria-label={t('dunningRun.report.close')} onClick={onClose} />
        </Group>
        <CountBars counts={report.counts} />
        <Stack gap={4}>
          <Text fw={600} size="sm">
            {t(report.dryRun ? 'dunningRun.report.wouldGoOut' : 'dunningRun.report.wentOut')}
          </Text>
          {report.actions.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('dunningRun.report.noActions')}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={560}>
              <Table fz="sm" verticalSpacing={4} data-testid="run-actions">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('dunningRun.report.customer')}</Table.Th>
                    <Table.Th>{t('dunningRun.report.step')}</Table.Th>
                    <Table.Th>{t('dunningRun.report.status')}</Table.Th>
                    <Table.Th ta="right">{t('dunningRun.report.invoices')}</Table.Th>
                    <Table.Th ta="right">{t('dunningRun.report.total')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {report.actions.map((action) => (
                    <Table.Tr
                      key={`${action.customer.id}:${action.stepId}`}
                      data-testid="run-action"
                    >
                      <Table.Td className={classes.wrap}>
                        <Anchor component={Link} to={`/customers/${action.customer.id}`} inherit>
                          {action.customer.code} · {action.customer.name}
                        </Anchor>
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {stepDayLabel(action.stepDay)} ·{' '}
                        {t(`agenda.channels.${channelKey(action.channel)}`)}
                      </Table.Td>
                      <Table.Td>
                        <Badge
                          variant="light"
                          color={action.status === 'awaiting_approval' ? 'violet' : 'gray'}
                        >
                          {t(`dunningRun.status.${statusKey(action.status)}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td ta="right">{format.integer(action.invoiceCount)}</Table.Td>
                      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                        <Amount value={action.totalOpenCents} currency={action.currency} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          {report.counts.actions > report.actions.length ? (
            <Text size="xs" c="dimmed">
              {t('dunningRun.report.truncated', { shown: format.integer(REPORT_LINES) })}
            </Text>
          ) : null}
        </Stack>
        <Stack gap="xs" data-testid="run-held-back">
          <Text fw={600} size="sm">
            {t('dunningRun.report.heldBack')}
          </Text>
          {groups.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('dunningRun.report.noHeldBack')}
            </Text>
          ) : (
            groups.map((group) => (
              <Stack
                key={group.reason}
                gap={2}
                data-testid="run-hold-reason"
                data-reason={group.reason}
              >
                <Text size="sm">{t(`dunningRun.reasons.${group.reason}`)}</Text>
                <Text size="xs" c="dimmed" className={classes.wrap}>
                  {group.lines
                    .map((line) => {
                      const customer = `${line.customer.code} · ${line.customer.name}`;
                      return line.invoiceCount === 0
                        ? customer
                        : t('dunningRun.report.heldLine', {
                            customer,
                            count: line.invoiceCount,
                            formatted: format.integer(line.invoiceCount),
                          });
                    })
                    .join(t('dunningRun.report.separator'))}
                </Text>
              </Stack>
            ))
          )}
        </Stack>
      </Stack>
    </Paper>
  );
}
