import {
  Anchor,
  Badge,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { TDisputeDetail } from '../../../../src/disputes/schemas.ts';
import { ApiError } from '../../api.ts';
import { Amount } from '../../ui/amount.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { useFormatters } from '../../ui/format.ts';
import classes from '../../ui/table.module.css';
import { useCurrentSession } from '../auth/session.ts';
import { DisputeLinks } from './dispute-links.tsx';
import { DisputeResolution, ResolvedOutcome } from './dispute-resolution.tsx';
import { DisputeRouting } from './dispute-routing.tsx';
import { DisputeThread } from './dispute-thread.tsx';
import { DisputeTimeline } from './dispute-timeline.tsx';
import { DisputeStatusBadge, OverdueBadge } from './dispute-card.tsx';
import { canChangeDisputes } from './dispute-labels.ts';
import { useDispute } from './disputes-api.ts';
import { useCauseLabel } from './use-dispute-words.ts';

/**
 * A dispute's page: who contests what and how much is held back, the invoices and their
 * disputed parts, where it is routed, its thread and documents, the department's link, the
 * resolution and its history.
 */
export function DisputePage() {
  const { t } = useTranslation();
  const { disputeId = '' } = useParams();
  const dispute = useDispute(disputeId);
  const session = useCurrentSession();
  const mayChange = canChangeDisputes(session.user.role);
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/disputes" size="sm" w="fit-content" data-testid="dispute-back">
        ← {t('disputes.back')}
      </Anchor>
      {dispute.isPending ? <Skeleton height={160} radius="md" aria-hidden="true" /> : null}
      {dispute.isError ? (
        <ErrorAlert
          error={dispute.error}
          {...(dispute.error instanceof ApiError && dispute.error.status === 404
            ? { title: t('disputes.notFound') }
            : { onRetry: () => void dispute.refetch() })}
        />
      ) : null}
      {dispute.data === undefined ? null : (
        <>
          <DisputeHeader dispute={dispute.data} mayChange={mayChange} />
          <DisputeFacts dispute={dispute.data} />
          <ResolvedOutcome dispute={dispute.data} />
          <DisputeInvoices dispute={dispute.data} />
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <Stack gap="md">
              {mayChange && dispute.data.status !== 'resolved' ? (
                <DisputeRouting key={dispute.data.updatedAt} dispute={dispute.data} />
              ) : null}
              <DisputeLinks dispute={dispute.data} mayChange={mayChange} />
            </Stack>
            <DisputeThread dispute={dispute.data} mayChange={mayChange} />
          </SimpleGrid>
          <DisputeTimeline events={dispute.data.timeline} />
        </>
      )}
    </Stack>
  );
}

function DisputeHeader({ dispute, mayChange }: { dispute: TDisputeDetail; mayChange: boolean }) {
  const { t } = useTranslation();
  useDocumentTitle(`${dispute.reference} · ${t('app.name')}`);
  return (
    <Group justify="space-between" align="center" gap="sm">
      <Group gap="sm" align="center">
        <Title order={1} size="h3" data-testid="dispute-reference">
          {t('disputes.one')}{' '}
          <Text span inherit ff="monospace">
            {dispute.reference}
          </Text>
        </Title>
        <DisputeStatusBadge dispute={dispute} />
        <OverdueBadge dispute={dispute} />
      </Group>
      {mayChange && dispute.status !== 'resolved' ? <DisputeResolution dispute={dispute} /> : null}
    </Group>
  );
}

function DisputeFacts({ dispute }: { dispute: TDisputeDetail }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const causeLabel = useCauseLabel();
  const fact = (label: string, value: ReactNode, testId: string) => (
    <Paper withBorder radius="md" p="sm" data-testid={testId}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="md" fw={500} mt={4} component="div">
        {value}
      </Text>
    </Paper>
  );
  const assignee = [dispute.assignee.name, dispute.assignee.email].filter((part) => part !== null);
  return (
    <Stack gap="sm">
      <SimpleGrid
        cols={{ base: 2, sm: 3, lg: 6 }}
        spacing="sm"
        role="group"
        aria-label={t('disputes.facts.label')}
      >
        {fact(
          t('disputes.customer'),
          <Anchor component={Link} to={`/customers/${dispute.customer.id}`} inherit>
            {dispute.customer.name}{' '}
            <Text span size="xs" c="dimmed" ff="monospace">
              {dispute.customer.code}
            </Text>
          </Anchor>,
          'dispute-customer',
        )}
        {fact(
          t('disputes.amount'),
          <Amount value={dispute.amountCents} currency={dispute.currency} />,
          'dispute-amount',
        )}
        {fact(
          t('disputes.heldBack'),
          <Amount value={dispute.heldBackCents} currency={dispute.currency} />,
          'dispute-held-back',
        )}
        {fact(t('disputes.cause'), causeLabel(dispute.cause), 'dispute-cause')}
        {fact(
          t('disputes.department'),
          <>
            {dispute.department?.name ?? t('disputes.noDepartment')}
            {assignee.length === 0 ? null : (
              <Text size="xs" c="dimmed">
                {assignee.join(' · ')}
              </Text>
            )}
          </>,
          'dispute-department',
        )}
        {fact(
          t('disputes.deadline'),
          <Text span inherit c={dispute.isOverdue ? 'red.7' : 'inherit'}>
            {format.day(dispute.deadline)}
          </Text>,
          'dispute-deadline',
        )}
      </SimpleGrid>
      <Text size="sm" c="dimmed" data-testid="dispute-raised">
        {t('disputes.raisedOn', {
          date: format.day(dispute.raisedOn),
          actor: dispute.raisedBy.name ?? t(`disputes.sources.${dispute.source}`),
        })}
        {dispute.salesRep === null
          ? ''
          : ` · ${t('disputes.salesRep', { name: dispute.salesRep })}`}
      </Text>
      {dispute.description === null ? null : (
        <Paper withBorder radius="md" p="sm" data-testid="dispute-description">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {dispute.description}
          </Text>
        </Paper>
      )}
    </Stack>
  );
}

/** The invoices, the part of each that is disputed, what is still open and held back. */
function DisputeInvoices({ dispute }: { dispute: TDisputeDetail }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={2} size="h4" mb="sm">
        {t('disputes.invoices')}
      </Title>
      <Table.ScrollContainer minWidth={520}>
        <Table aria-label={t('disputes.invoices')} data-testid="dispute-invoices">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('disputes.invoice')}</Table.Th>
              <Table.Th className={classes.number}>{t('disputes.disputedPart')}</Table.Th>
              <Table.Th className={classes.number}>{t('disputes.openAmount')}</Table.Th>
              <Table.Th className={classes.number}>{t('disputes.heldBack')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {dispute.invoices.map((invoice) => (
              <Table.Tr key={invoice.invoiceId} data-testid="dispute-invoice">
                <Table.Td>
                  <Anchor component={Link} to={`/invoices/${invoice.invoiceId}`} ff="monospace">
                    {invoice.number}
                  </Anchor>
                </Table.Td>
                <Table.Td className={classes.number} data-testid="dispute-invoice-part">
                  {invoice.disputedCents === null ? (
                    <Badge variant="light" color="gray" size="sm">
                      {t('disputes.wholeOpen')}
                    </Badge>
                  ) : (
                    <Amount value={invoice.disputedCents} currency={dispute.currency} />
                  )}
                </Table.Td>
                <Table.Td className={classes.number}>
                  <Amount value={invoice.openCents} currency={dispute.currency} />
                </Table.Td>
                <Table.Td className={classes.number} data-testid="dispute-invoice-held-back">
                  <Amount value={invoice.heldBackCents} currency={dispute.currency} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
