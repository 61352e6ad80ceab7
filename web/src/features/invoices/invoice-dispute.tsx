import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  NativeSelect,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../../src/app/permissions.ts';
import {
  ZDisputeReason,
  type TDispute,
  type TDisputeReason,
} from '../../../../src/disputes/schemas.ts';
import type { TInvoice } from '../../../../src/ledger/schemas.ts';
import { parseAmount } from '../../../../src/shared/money.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { useFormatters } from '../../ui/format.ts';
import { useCurrentSession } from '../auth/session.ts';
import { useInvoiceDispute, useRaiseDispute, useResolveDispute } from './disputes-api.ts';

const REASONS = ZDisputeReason.options;

/** The « Litige » badge of a disputed invoice in a list. */
export function DisputedBadge() {
  const { t } = useTranslation();
  return (
    <Badge color="orange" variant="light" size="xs" data-testid="disputed-badge">
      {t('dispute.short')}
    </Badge>
  );
}

/**
 * An invoice's dispute on its page: « Contester » while none is open (invoices still
 * owed only), else « En litige » with the reason, the note and the disputed part, and
 * « Lever le litige ». Only a role that may take an invoice out of dunning sees the buttons.
 */
export function InvoiceDispute({ invoice }: { invoice: TInvoice }) {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const dispute = useInvoiceDispute(invoice.id);
  const [isRaising, setRaising] = useState(false);
  const [isResolving, setResolving] = useState(false);
  const mayChange = can(session.user.role, 'dunning:assign');
  if (invoice.kind === 'credit_note' || dispute.data === undefined) {
    return dispute.isError ? <ErrorAlert error={dispute.error} /> : null;
  }
  const open = dispute.data.dispute;
  if (open === null) {
    if (!mayChange || invoice.status === 'paid') {
      return null;
    }
    return (
      <>
        <Group>
          <Button
            variant="default"
            size="xs"
            onClick={() => setRaising(true)}
            data-testid="dispute-raise"
          >
            {t('dispute.raise')}
          </Button>
        </Group>
        <RaiseDisputeDialog
          invoice={invoice}
          isOpen={isRaising}
          onClose={() => setRaising(false)}
        />
      </>
    );
  }
  return (
    <>
      <OpenDispute dispute={open} onResolve={mayChange ? () => setResolving(true) : undefined} />
      <ResolveDisputeDialog
        invoice={invoice}
        isOpen={isResolving}
        onClose={() => setResolving(false)}
      />
    </>
  );
}

function OpenDispute({
  dispute,
  onResolve,
}: {
  dispute: TDispute;
  onResolve?: (() => void) | undefined;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <Alert
      color="orange"
      variant="light"
      data-testid="invoice-dispute"
      title={
        <Group gap="xs">
          <Badge color="orange" data-testid="dispute-badge">
            {t('dispute.badge')}
          </Badge>
          <Text span fw={600} size="sm" data-testid="dispute-reason">
            {t(`dispute.reasons.${dispute.reason}`)}
          </Text>
        </Group>
      }
    >
      <Stack gap={4}>
        {dispute.note === null ? null : (
          <Text size="sm" data-testid="dispute-note">
            {dispute.note}
          </Text>
        )}
        <Text size="sm" data-testid="dispute-amount">
          {dispute.amountCents === null
            ? t('dispute.wholeAmount')
            : t('dispute.disputedAmount', {
                amount: format.amount(dispute.amountCents, dispute.currency),
              })}
        </Text>
        <Text size="xs" c="dimmed">
          {t('dispute.raisedOn', {
            date: format.day(dispute.raisedOn),
            actor: dispute.raisedBy.name ?? t('customer.timeline.system'),
          })}
          {' · '}
          {t('dispute.heldBack')}
        </Text>
        {onResolve === undefined ? null : (
          <Group mt={4}>
            <Button size="xs" variant="default" onClick={onResolve} data-testid="dispute-resolve">
              {t('dispute.resolve')}
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}

type DialogProps = { invoice: TInvoice; isOpen: boolean; onClose: () => void };

/** The reason (a list), a note and, optionally, the disputed part of what is open. */
function RaiseDisputeDialog({ invoice, isOpen, onClose }: DialogProps) {
  const { t } = useTranslation();
  const raise = useRaiseDispute(invoice.id);
  const [reason, setReason] = useState<TDisputeReason>('price');
  const [note, setNote] = useState('');
  const [amount, setAmount] = useState('');
  const [amountProblem, setAmountProblem] = useState<string | undefined>();
  const close = () => {
    raise.reset();
    setAmountProblem(undefined);
    onClose();
  };
  const save = () => {
    let amountCents: number | null = null;
    if (amount.trim() !== '') {
      const parsed = parseAmount(amount, 2);
      if (!parsed.ok) {
        setAmountProblem(t('dispute.amountInvalid'));
        return;
      }
      if (parsed.value <= 0) {
        setAmountProblem(t('dispute.amountNotPositive'));
        return;
      }
      amountCents = parsed.value;
    }
    setAmountProblem(undefined);
    const trimmed = note.trim();
    raise.mutate(
      { reason, amountCents, ...(trimmed === '' ? {} : { note: trimmed }) },
      {
        onSuccess: () => {
          setNote('');
          setAmount('');
          close();
        },
      },
    );
  };
  return (
    <Modal
      opened={isOpen}
      onClose={close}
      title={t('dispute.raiseTitle', { number: invoice.number })}
      centered
      data-testid="dispute-dialog"
    >
      <Stack gap="sm">
        <NativeSelect
          label={t('dispute.reason')}
          value={reason}
          onChange={(event) => {
            const picked = ZDisputeReason.safeParse(event.currentTarget.value);
            if (picked.success) {
              setReason(picked.data);
            }
          }}
          data={REASONS.map((value) => ({ value, label: t(`dispute.reasons.${value}`) }))}
          data-testid="dispute-reason-select"
        />
        <Textarea
          label={t('dispute.note')}
          placeholder={t('dispute.notePlaceholder')}
          autosize
          minRows={2}
          maxRows={6}
          maxLength={2000}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          data-testid="dispute-note-input"
        />
        <TextInput
          label={t('dispute.amount')}
          description={t('dispute.amountHint')}
          rightSection={
            <Text size="xs">{invoice.currency === 'EUR' ? '€' : invoice.currency}</Text>
          }
          value={amount}
          onChange={(event) => setAmount(event.currentTarget.value)}
          error={amountProblem}
          inputMode="decimal"
          autoComplete="off"
          data-testid="dispute-amount-input"
        />
        {raise.isError ? <ErrorAlert error={raise.error} /> : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close} disabled={raise.isPending}>
            {t('dispute.cancel')}
          </Button>
          <Button onClick={save} loading={raise.isPending} data-testid="dispute-save">
            {t('dispute.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** An optional note on how the dispute ended, then the invoice goes back to its scenario. */
function ResolveDisputeDialog({ invoice, isOpen, onClose }: DialogProps) {
  const { t } = useTranslation();
  const resolve = useResolveDispute(invoice.id);
  const [note, setNote] = useState('');
  const close = () => {
    resolve.reset();
    onClose();
  };
  return (
    <Modal
      opened={isOpen}
      onClose={close}
      title={t('dispute.resolveTitle', { number: invoice.number })}
      centered
      data-testid="dispute-resolve-dialog"
    >
      <Stack gap="sm">
        <Textarea
          label={t('dispute.resolutionNote')}
          autosize
          minRows={2}
          maxRows={6}
          maxLength={2000}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          data-testid="dispute-resolution-note"
        />
        {resolve.isError ? <ErrorAlert error={resolve.error} /> : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close} disabled={resolve.isPending}>
            {t('dispute.keep')}
          </Button>
          <Button
            color="orange"
            loading={resolve.isPending}
            onClick={() =>
              resolve.mutate(note.trim(), {
                onSuccess: () => {
                  setNote('');
                  close();
                },
              })
            }
            data-testid="dispute-resolve-confirm"
          >
            {t('dispute.resolve')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
