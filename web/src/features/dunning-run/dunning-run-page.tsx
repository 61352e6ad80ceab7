import {
  Anchor,
  Button,
  Group,
  Modal,
  Paper,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { can } from '../../../../src/app/permissions.ts';
import { ROLES } from '../../../../src/shared/schemas.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { useFormatters } from '../../ui/format.ts';
import { PageTitle } from '../../ui/page-title.tsx';
import { useCurrentSession } from '../auth/session.ts';
import { useDunningRuns, useRunDunning } from './dunning-run-api.ts';
import type { TRunList } from './dunning-run-schemas.ts';
import { RunReportView } from './run-report-view.tsx';

/** Whether the role may preview and launch the run (`dunning:configure`): the server's rule. */
export function canRunDunning(role: string): boolean {
  const known = ROLES.find((name) => name === role);
  return known !== undefined && can(known, 'dunning:configure');
}

/**
 * The daily run (docs/dunning.md "The daily run"): the last runs with their counts; a
 * preview of today's — what would go out per customer and step, what is held back and why —
 * and, for credit managers, the run itself, after a confirmation.
 */
export function DunningRunPage() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const mayRun = canRunDunning(session.user.role);
  const runs = useDunningRuns();
  const run = useRunDunning();
  const [isConfirming, setConfirming] = useState(false);
  return (
    <Stack gap="md" data-testid="dunning-run-page">
      <PageTitle title={t('dunningRun.title')}>
        <Group gap="sm">
          <Anchor component={Link} to="/agenda" size="sm">
            {t('dunningRun.toAgenda')}
          </Anchor>
          {mayRun ? (
            <>
              <Button
                variant="default"
                onClick={() => run.mutate({ dryRun: true })}
                loading={run.isPending && run.variables.dryRun}
                disabled={run.isPending}
                data-testid="run-preview-button"
              >
                {t('dunningRun.preview')}
              </Button>
              <Button
                onClick={() => setConfirming(true)}
                loading={run.isPending && !run.variables.dryRun}
                disabled={run.isPending}
                data-testid="run-launch-button"
              >
                {t('dunningRun.launch')}
              </Button>
            </>
          ) : null}
        </Group>
      </PageTitle>
      <Modal
        opened={isConfirming}
        onClose={() => setConfirming(false)}
        title={t('dunningRun.confirm.title')}
      >
        <Stack gap="md">
          <Text size="sm">{t('dunningRun.confirm.text')}</Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('dunningRun.confirm.cancel')}
            </Button>
            <Button
              onClick={() => {
                setConfirming(false);
                run.mutate({ dryRun: false });
              }}
              data-testid="run-confirm"
            >
              {t('dunningRun.confirm.run')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      {run.isError ? <ErrorAlert error={run.error} /> : null}
      {run.data === undefined ? null : (
        <RunReportView report={run.data} onClose={() => run.reset()} />
      )}
      <Paper withBorder radius="md" p="md">
        <Title order={2} size="h4" mb="sm">
          {t('dunningRun.runs.title')}
        </Title>
        {runs.isError ? (
          <ErrorAlert error={runs.error} onRetry={() => void runs.refetch()} />
        ) : runs.data === undefined ? (
          <Skeleton height={120} radius="md" />
        ) : runs.data.runs.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="runs-empty">
            {t('dunningRun.runs.empty')}
          </Text>
        ) : (
          <RunsTable runs={runs.data.runs} timeZone={session.company.timeZone} />
        )}
      </Paper>
    </Stack>
  );
}

function RunsTable({ runs, timeZone }: { runs: TRunList['runs']; timeZone: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  // A run still going, or written before a count existed, has no figure yet for it.
  const countText = (value: number | undefined) =>
    value === undefined ? t('common.none') : format.integer(value);
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table fz="sm" verticalSpacing={6} data-testid="runs-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('dunningRun.runs.runOn')}</Table.Th>
            <Table.Th>{t('dunningRun.runs.finishedAt')}</Table.Th>
            <Table.Th ta="right">{t('dunningRun.counts.customers')}</Table.Th>
            <Table.Th ta="right">{t('dunningRun.counts.messages')}</Table.Th>
            <Table.Th ta="right">{t('dunningRun.counts.awaitingApproval')}</Table.Th>
            <Table.Th ta="right">{t('dunningRun.counts.tasks')}</Table.Th>
            <Table.Th ta="right">{t('dunningRun.counts.heldBack')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {runs.map((entry) => (
            <Table.Tr key={entry.id} data-testid="run-row">
              <Table.Td>{format.day(entry.runOn)}</Table.Td>
              <Table.Td>
                {entry.finishedAt === null
                  ? t('dunningRun.runs.running')
                  : format.dateTime(entry.finishedAt, timeZone)}
              </Table.Td>
              <Table.Td ta="right">{countText(entry.counts.customers)}</Table.Td>
              <Table.Td ta="right">{countText(entry.counts.messages)}</Table.Td>
              <Table.Td ta="right">{countText(entry.counts.awaitingApproval)}</Table.Td>
              <Table.Td ta="right">{countText(entry.counts.tasks)}</Table.Td>
              <Table.Td ta="right">{countText(entry.counts.heldBack)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
