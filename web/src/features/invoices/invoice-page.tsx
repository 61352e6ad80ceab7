import {
  Anchor,
  Badge,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Timeline,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import type { TInvoice } from '../../../../src/ledger/schemas.ts';
import { ApiError } from '../../api.ts';
import { Amount } from '../../ui/amount.tsx';
import { DaysLateBadge } from '../../ui/days-late-badge.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { useFormatters } from '../../ui/format.ts';
import { useCurrentSession } from '../auth/session.ts';
import { InvoiceDocuments } from '../credit/documents-panel.tsx';
import { actionColor, actionLabelKey, eventFacts } from '../customers/timeline-labels.ts';
import { signedAmount } from './invoice-amounts.ts';
import { INVOICE_STATUS_COLORS, isInvoicePageState } from './invoice-cells.tsx';
import { InvoiceDispute } from './invoice-dispute.tsx';
import { invoiceLife, type InvoiceLifeLine } from './invoice-life.ts';
import { useInvoice, useInvoiceAllocations, useInvoiceEvents } from './invoices-api.ts';

/** An invoice or credit note: its key facts, its life in date order, its audit trail. */
export function InvoicePage() {
  const { t } = useTranslation();
  const { invoiceId = '' } = useParams();
  const location = useLocation();
  const invoice = useInvoice(invoiceId);
  const backTo = isInvoicePageState(location.state) ? location.state.backTo : '/invoices';
  return (
    <Stack gap="md">
      <Anchor component={Link} to={backTo} size="sm" w="fit-content" data-testid="invoice-back">
        ← {t('invoice.back')}
      </Anchor>
      {invoice.isPending ? <Skeleton height={120} radius="md" aria-hidden="true" /> : null}
      {invoice.isError ? (
        <ErrorAlert
          error={invoice.error}
          {...(invoice.error instanceof ApiError && invoice.error.status === 404
            ? { title: t('invoice.notFound') }
            : { onRetry: () => void invoice.refetch() })}
        />
      ) : null}
      {invoice.data === undefined ? null : (
        <>
          <InvoiceHeader invoice={invoice.data} />
          <InvoiceDispute invoice={invoice.data} />
          <InvoiceFacts invoice={invoice.data} />
          <InvoiceDocuments invoiceId={invoice.data.id} />
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <InvoiceLife invoice={invoice.data} />
            <InvoiceEvents invoiceId={invoice.data.id} />
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}

function InvoiceHeader({ invoice }: { invoice: TInvoice }) {
  const { t } = useTranslation();
  useDocumentTitle(`${invoice.number} · ${t('app.name')}`);
  return (
    <Group gap="sm" align="center">
      <Title order={1} size="h3" data-testid="invoice-number">
        {t(`invoiceKind.${invoice.kind}`)}{' '}
        <Text span inherit ff="monospace">
          {invoice.number}
        </Text>
      </Title>
      <Badge
        color={INVOICE_STATUS_COLORS[invoice.status]}
        variant="dot"
        data-testid="invoice-status"
      >
        {t(`invoiceStatus.${invoice.status}`)}
      </Badge>
    </Group>
  );
}

function InvoiceFacts({ invoice }: { invoice: TInvoice }) {
  const { t } = useTranslation();
  const format = useFormatters();
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
  const isSettled = invoice.status === 'paid';
  return (
    <SimpleGrid
      cols={{ base: 2, sm: 3, lg: 6 }}
      spacing="sm"
      role="group"
      aria-label={t('invoice.facts.label')}
      data-testid="invoice-facts"
    >
      {fact(
        t('invoice.facts.customer'),
        <Anchor component={Link} to={`/customers/${invoice.customerId}`} inherit>
          {invoice.customerName}{' '}
          <Text span size="xs" c="dimmed" ff="monospace">
            {invoice.customerCode}
          </Text>
        </Anchor>,
        'invoice-customer',
      )}
      {fact(t('invoice.facts.issueDate'), format.day(invoice.issueDate), 'invoice-issue-date')}
      {fact(t('invoice.facts.dueDate'), format.day(invoice.dueDate), 'invoice-due-date')}
      {fact(
        t('invoice.facts.amount'),
        <Amount value={signedAmount(invoice, invoice.amount)} currency={invoice.currency} />,
        'invoice-amount',
      )}
      {fact(
        t('invoice.facts.openAmount'),
        <Amount
          value={signedAmount(invoice, invoice.openAmount)}
          currency={invoice.currency}
          tone="dimmedWhenZero"
        />,
        'invoice-open-amount',
      )}
      {fact(
        t('invoice.facts.daysLate'),
        invoice.kind === 'credit_note' || isSettled ? (
          <Text span c="dimmed">
            {t('common.none')}
          </Text>
        ) : (
          <DaysLateBadge days={invoice.daysLate} showNotDue />
        ),
        'invoice-days-late',
      )}
    </SimpleGrid>
  );
}

function InvoiceLife({ invoice }: { invoice: TInvoice }) {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const allocations = useInvoiceAllocations(invoice.id);
  const lines =
    allocations.data === undefined
      ? []
      : invoiceLife(invoice, allocations.data.items, session.company.today);
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={2} size="h5" mb="sm">
        {t('invoice.life.title')}
      </Title>
      {allocations.isError ? (
        <ErrorAlert error={allocations.error} onRetry={() => void allocations.refetch()} />
      ) : allocations.data === undefined ? (
        <Skeleton height={120} aria-hidden="true" />
      ) : (
        <Timeline
          bulletSize={14}
          lineWidth={2}
          active={lines.length}
          aria-label={t('invoice.life.label')}
        >
          {lines.map((line) => (
            <Timeline.Item
              key={line.kind === 'allocation' ? line.allocation.id : line.kind}
              color={lifeColor(line)}
              title={<LifeTitle line={line} />}
              data-testid="invoice-life-line"
              data-kind={line.kind}
            >
              <LifeBody line={line} />
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Paper>
  );
}

function lifeColor(line: InvoiceLifeLine): string {
  switch (line.kind) {
    case 'issued':
      return 'gray';
    case 'due':
      return line.isPast ? 'red' : 'blue';
    case 'allocation':
      return line.allocation.undoneAt === null ? 'teal' : 'orange';
  }
}

function LifeTitle({ line }: { line: InvoiceLifeLine }) {
  const { t } = useTranslation();
  switch (line.kind) {
    case 'issued':
      return t('invoice.life.issued');
    case 'due':
      return line.isPast ? t('invoice.life.duePast') : t('invoice.life.dueToCome');
    case 'allocation': {
      const { allocation } = line;
      const label = line.isUseOfCreditNote
        ? t('invoice.life.usedOn', { number: allocation.invoiceNumber })
        : allocation.paymentReference === null
          ? t('invoice.life.creditNote', { number: allocation.creditNoteNumber ?? '' })
          : t('invoice.life.payment', { reference: allocation.paymentReference });
      return (
        <Text span inherit td={allocation.undoneAt === null ? undefined : 'line-through'}>
          {label}
        </Text>
      );
    }
  }
}

function LifeBody({ line }: { line: InvoiceLifeLine }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const session = useCurrentSession();
  return (
    <>
      <Text size="sm" c="dimmed">
        {format.day(line.date)}
        {line.kind === 'allocation' ? (
          <>
            {' · '}
            <Amount value={line.allocation.amount} currency={line.allocation.currency} />
          </>
        ) : null}
      </Text>
      {line.kind === 'allocation' && line.allocation.undoneAt !== null ? (
        <Text size="xs" c="orange.8" data-testid="invoice-life-undone">
          {t('invoice.life.undone', {
            date: format.dateTime(line.allocation.undoneAt, session.company.timeZone),
          })}
        </Text>
      ) : null}
    </>
  );
}

function InvoiceEvents({ invoiceId }: { invoiceId: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const session = useCurrentSession();
  const events = useInvoiceEvents(invoiceId);
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={2} size="h5" mb="sm">
        {t('invoice.events.title')}
      </Title>
      {events.isError ? (
        <ErrorAlert error={events.error} onRetry={() => void events.refetch()} />
      ) : events.data === undefined ? (
        <Skeleton height={120} aria-hidden="true" />
      ) : events.data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('invoice.events.empty')}
        </Text>
      ) : (
        <Timeline
          bulletSize={12}
          lineWidth={2}
          active={events.data.items.length}
          aria-label={t('invoice.events.label')}
        >
          {events.data.items.map((event) => {
            const labelKey = actionLabelKey(event.action);
            const facts = eventFacts(event.data);
            const actor = event.actor.name ?? t('customer.timeline.system');
            return (
              <Timeline.Item
                key={event.seq}
                color={actionColor(event.action)}
                title={labelKey === undefined ? event.action : t(labelKey)}
                data-testid="invoice-event"
              >
                {facts.amount === undefined || facts.currency === undefined ? null : (
                  <Text size="sm">{format.amount(facts.amount, facts.currency)}</Text>
                )}
                <Text size="xs" c="dimmed">
                  {format.dateTime(event.occurredAt, session.company.timeZone)} ·{' '}
                  {t('customer.timeline.by', { actor })}
                </Text>
              </Timeline.Item>
            );
          })}
        </Timeline>
      )}
    </Paper>
  );
}
