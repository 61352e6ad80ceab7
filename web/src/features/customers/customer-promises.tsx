import {
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  Paper,
  Select,
  Skeleton,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../../src/app/permissions.ts';
import { ZInvoicePage, type TInvoice } from '../../../../src/ledger/schemas.ts';
import { PROMISE_CHANNELS, type PromiseChannel } from '../../../../src/promises/model.ts';
import {
  ZPaymentPromise,
  ZPromiseList,
  type TCreatePromiseRequest,
  type TPaymentPromise,
} from '../../../../src/promises/schemas.ts';
import { parseAmount, sumCents, cents, toDecimalString } from '../../../../src/shared/money.ts';
import { ROLES } from '../../../../src/shared/schemas.ts';
import { apiGet, apiSend } from '../../api.ts';
import { Amount } from '../../ui/amount.tsx';
import { CalendarDateInput } from '../../ui/calendar-date-input.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { useFormatters } from '../../ui/format.ts';
import { useCurrentSession } from '../auth/session.ts';
import { customerKeys } from './customers-api.ts';
import { EmptyTab } from './empty-tab.tsx';

const STATUS_COLORS: Readonly<Record<TPaymentPromise['status'], string>> = {
  live: 'blue',
  kept: 'green',
  partly_kept: 'orange',
  broken: 'red',
  cancelled: 'gray',
};

const promiseKeys = (customerId: string) => [...customerKeys.detail(customerId), 'promises'];

function customerPath(customerId: string): string {
  return `/api/customers/${encodeURIComponent(customerId)}/promises`;
}

/** Whether the role may take or cancel a promise (`dunning:assign`): the server's rule. */
function canTakePromises(role: string): boolean {
  const known = ROLES.find((name) => name === role);
  return known !== undefined && can(known, 'dunning:assign');
}

/**
 * The customer's payment promises, newest first, as cards (a phone's width as a desk's):
 * when and how much, the invoices, what came in, its fate, who took it and how; and the
 * « Nouvelle promesse » form for those who may take one.
 */
export function CustomerPromises({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const mayAct = canTakePromises(session.user.role);
  const [isTaking, setTaking] = useState(false);
  const promises = useQuery({
    queryKey: promiseKeys(customerId),
    queryFn: ({ signal }) => apiGet(customerPath(customerId), ZPromiseList, { limit: 200 }, signal),
  });

  return (
    <Stack gap="sm">
      {mayAct ? (
        <Group justify="flex-end">
          <Button onClick={() => setTaking(true)} data-testid="promise-new">
            {t('customer.promises.new')}
          </Button>
        </Group>
      ) : null}
      {promises.isError ? (
        <ErrorAlert error={promises.error} onRetry={() => void promises.refetch()} />
      ) : promises.data === undefined ? (
        [0, 1].map((index) => <Skeleton key={index} height={96} radius="md" />)
      ) : promises.data.items.length === 0 ? (
        <EmptyTab text={t('customer.promises.empty')} testId="promises-empty" />
      ) : (
        <Stack gap="xs" role="list" aria-label={t('customer.promises.label')}>
          {promises.data.items.map((promise) => (
            <PromiseCard key={promise.id} promise={promise} mayAct={mayAct} />
          ))}
        </Stack>
      )}
      <Modal
        opened={isTaking}
        onClose={() => setTaking(false)}
        title={t('customer.promises.new')}
        size="lg"
      >
        {isTaking ? (
          <NewPromiseForm customerId={customerId} onDone={() => setTaking(false)} />
        ) : null}
      </Modal>
    </Stack>
  );
}

function PromiseStatusBadge({ status }: { status: TPaymentPromise['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" data-testid="promise-status">
      {t(`customer.promises.status.${status}`)}
    </Badge>
  );
}

function PromiseCard({ promise, mayAct }: { promise: TPaymentPromise; mayAct: boolean }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const queryClient = useQueryClient();
  const cancel = useMutation({
    mutationFn: () =>
      apiSend(
        'POST',
        `/api/promises/${encodeURIComponent(promise.id)}/cancel`,
        ZPaymentPromise,
        {},
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: customerKeys.all }),
  });
  return (
    <Paper withBorder radius="md" p="sm" role="listitem" data-testid="promise-card">
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text span size="sm" data-testid="promise-date">
          {t('customer.promises.by', { date: format.day(promise.promisedOn) })}
        </Text>
        <Text span size="sm" fw={600} data-testid="promise-amount">
          <Amount value={promise.amountCents} currency={promise.currency} />
        </Text>
      </Group>
      <Group justify="space-between" wrap="nowrap" gap="xs" mt={4}>
        <Text size="xs" c="dimmed" truncate data-testid="promise-invoices">
          {promise.invoices.map((invoice) => invoice.number).join(', ')}
        </Text>
        <PromiseStatusBadge status={promise.status} />
      </Group>
      <Text size="xs" mt={4} data-testid="promise-paid">
        {promise.status === 'cancelled'
          ? t('customer.promises.cancelledOn', { date: format.day(promise.settledOn ?? '') })
          : t(
              promise.status === 'live' ? 'customer.promises.paidSoFar' : 'customer.promises.paid',
              {
                amount: format.amount(promise.paidCents, promise.currency),
                deadline: format.day(promise.deadline),
              },
            )}
      </Text>
      <Text size="xs" c="dimmed" mt={4} data-testid="promise-taken">
        {t('customer.promises.taken', {
          date: format.day(promise.createdOn),
          who: promise.takenBy.name ?? t('customer.timeline.system'),
          channel: t(`customer.promises.channel.${promise.channel}`),
        })}
      </Text>
      {promise.note === null ? null : (
        <Text size="xs" mt={4} style={{ overflowWrap: 'anywhere' }}>
          {promise.note}
        </Text>
      )}
      {mayAct && promise.status === 'live' ? (
        <Group justify="flex-end" mt="xs">
          <Button
            size="xs"
            variant="subtle"
            color="red"
            loading={cancel.isPending}
            onClick={() => cancel.mutate()}
            data-testid="promise-cancel"
          >
            {t('customer.promises.cancel')}
          </Button>
        </Group>
      ) : null}
      {cancel.isError ? <ErrorAlert error={cancel.error} /> : null}
    </Paper>
  );
}

/** `123456` cents → `1234,56`, which `parseAmount` reads back unchanged. */
function amountText(amount: number): string {
  return toDecimalString(cents(amount)).replace('.', ',');
}

/** The customer's open invoices (not credit notes), the promise's choices: one page of 200. */
function useOpenInvoices(customerId: string) {
  return useQuery({
    queryKey: ['invoices', 'promisable', customerId],
    queryFn: ({ signal }) =>
      apiGet(
        '/api/invoices',
        ZInvoicePage,
        { customerId, kind: 'invoice', status: 'unpaid', sort: 'due_date', pageSize: 200 },
        signal,
      ),
  });
}

/**
 * A new promise: the invoices it covers (ticked), the amount (their open total until
 * typed), the day, how it was given, a note, and whether to confirm it by e-mail. The
 * server checks it all again and says what it refuses, field by field.
 */
function NewPromiseForm({ customerId, onDone }: { customerId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const queryClient = useQueryClient();
  const invoices = useOpenInvoices(customerId);
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const [amount, setAmount] = useState<string | null>(null);
  const [promisedOn, setPromisedOn] = useState('');
  const [channel, setChannel] = useState<PromiseChannel>('phone');
  const [note, setNote] = useState('');
  const [confirmByEmail, setConfirmByEmail] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: (body: TCreatePromiseRequest) =>
      apiSend('POST', customerPath(customerId), ZPaymentPromise, body),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: customerKeys.all });
      onDone();
    },
  });

  const items: TInvoice[] = invoices.data?.items ?? [];
  const chosen = items.filter((invoice) => ticked.has(invoice.id));
  const total = sumCents(chosen.map((invoice) => cents(invoice.openAmount)));
  const currency = chosen[0]?.currency ?? items[0]?.currency ?? 'EUR';
  const amountShown = amount ?? (chosen.length === 0 ? '' : amountText(total));

  const toggle = (id: string) => {
    const next = new Set(ticked);
    if (next.has(id)) {
      next.delete(id);
    } else {
      next.add(id);
    }
    setTicked(next);
  };

  const submit = () => {
    const parsed = parseAmount(amountShown, 2);
    if (!parsed.ok || parsed.value <= 0) {
      setProblem(t('customer.promises.form.amountInvalid'));
      return;
    }
    if (promisedOn === '') {
      setProblem(t('customer.promises.form.dateMissing'));
      return;
    }
    if (chosen.length === 0) {
      setProblem(t('customer.promises.form.invoicesMissing'));
      return;
    }
    setProblem(null);
    create.mutate({
      amountCents: parsed.value,
      promisedOn,
      invoiceIds: chosen.map((invoice) => invoice.id),
      channel,
      confirmByEmail,
      ...(note.trim() === '' ? {} : { note: note.trim() }),
    });
  };

  if (invoices.isError) {
    return <ErrorAlert error={invoices.error} onRetry={() => void invoices.refetch()} />;
  }
  return (
    <Stack gap="sm">
      <Stack gap={4} role="group" aria-label={t('customer.promises.form.invoices')}>
        <Text size="sm" fw={500}>
          {t('customer.promises.form.invoices')}
        </Text>
        {invoices.data === undefined ? (
          <Skeleton height={48} />
        ) : items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('customer.promises.form.noOpenInvoice')}
          </Text>
        ) : (
          items.map((invoice) => (
            <Checkbox
              key={invoice.id}
              checked={ticked.has(invoice.id)}
              onChange={() => toggle(invoice.id)}
              data-testid="promise-invoice"
              label={t('customer.promises.form.invoice', {
                number: invoice.number,
                due: format.day(invoice.dueDate),
                open: format.amount(invoice.openAmount, invoice.currency),
              })}
            />
          ))
        )}
      </Stack>
      <Group grow align="flex-start" wrap="wrap">
        <TextInput
          label={t('customer.promises.form.amount', { currency })}
          value={amountShown}
          onChange={(event) => setAmount(event.currentTarget.value)}
          inputMode="decimal"
          miw={160}
          data-testid="promise-amount-input"
        />
        <CalendarDateInput
          label={t('customer.promises.form.date')}
          value={promisedOn}
          onChange={setPromisedOn}
          data-testid="promise-date-input"
        />
      </Group>
      <Select
        label={t('customer.promises.form.channel')}
        value={channel}
        onChange={(value) => {
          const next = PROMISE_CHANNELS.find((entry) => entry === value);
          if (next !== undefined) {
            setChannel(next);
          }
        }}
        data={PROMISE_CHANNELS.map((value) => ({
          value,
          label: t(`customer.promises.channel.${value}`),
        }))}
        allowDeselect={false}
        data-testid="promise-channel"
      />
      <Textarea
        label={t('customer.promises.form.note')}
        value={note}
        onChange={(event) => setNote(event.currentTarget.value)}
        autosize
        minRows={2}
        maxLength={2000}
      />
      <Checkbox
        label={t('customer.promises.form.confirmByEmail')}
        checked={confirmByEmail}
        onChange={(event) => setConfirmByEmail(event.currentTarget.checked)}
        data-testid="promise-confirm-email"
      />
      {problem === null ? null : (
        <Text size="sm" c="red" role="alert">
          {problem}
        </Text>
      )}
      {create.isError ? <ErrorAlert error={create.error} /> : null}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t('customer.promises.form.close')}
        </Button>
        <Button onClick={submit} loading={create.isPending} data-testid="promise-save">
          {t('customer.promises.form.save')}
        </Button>
      </Group>
    </Stack>
  );
}
