import { Alert, Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TDisputeSummary } from '../../../../src/disputes/schemas.ts';
import type { TInvoice } from '../../../../src/ledger/schemas.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { useFormatters } from '../../ui/format.ts';
import { useCurrentSession } from '../auth/session.ts';
import { DisputeStatusBadge } from '../disputes/dispute-card.tsx';
import { canChangeDisputes } from '../disputes/dispute-labels.ts';
import { OpenDisputeModal } from '../disputes/open-dispute-form.tsx';
import { useCauseLabel } from '../disputes/use-dispute-words.ts';
import { useInvoiceDispute } from './disputes-api.ts';

/** The « Litige » badge of a disputed invoice in a list. */
export function DisputedBadge() {
  const { t } = useTranslation();
  return (
    <Badge color="orange" variant="light" size="xs" data-testid="disputed-badge">
      {t('disputes.invoicePanel.short')}
    </Badge>
  );
}

/**
 * An invoice's dispute on its page: « Contester » while none is open (invoices still owed
 * only), which opens the dispute form with this invoice ticked; else « En litige » with its
 * reference (to the dispute's page, where it is routed and resolved), its cause, the part of
 * this invoice that is disputed, its status and department.
 */
export function InvoiceDispute({ invoice }: { invoice: TInvoice }) {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const dispute = useInvoiceDispute(invoice.id);
  const [isOpening, setOpening] = useState(false);
  if (invoice.kind === 'credit_note' || dispute.data === undefined) {
    return dispute.isError ? <ErrorAlert error={dispute.error} /> : null;
  }
  const open = dispute.data.dispute;
  if (open !== null) {
    return <OpenDispute dispute={open} invoiceId={invoice.id} />;
  }
  if (!canChangeDisputes(session.user.role) || invoice.status === 'paid') {
    return null;
  }
  return (
    <>
      <Group>
        <Button
          variant="default"
          size="xs"
          onClick={() => setOpening(true)}
          data-testid="dispute-raise"
        >
          {t('disputes.invoicePanel.raise')}
        </Button>
      </Group>
      <OpenDisputeModal
        invoice={invoice}
        isOpen={isOpening}
        onClose={() => setOpening(false)}
        onOpened={() => setOpening(false)}
      />
    </>
  );
}

function OpenDispute({ dispute, invoiceId }: { dispute: TDisputeSummary; invoiceId: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const causeLabel = useCauseLabel();
  const part = dispute.invoices.find((invoice) => invoice.invoiceId === invoiceId);
  return (
    <Alert
      color="orange"
      variant="light"
      data-testid="invoice-dispute"
      title={
        <Group gap="xs">
          <Badge color="orange" data-testid="dispute-badge">
            {t('disputes.invoicePanel.badge')}
          </Badge>
          <Anchor
            component={Link}
            to={`/disputes/${dispute.id}`}
            ff="monospace"
            fw={600}
            size="sm"
            data-testid="invoice-dispute-reference"
          >
            {dispute.reference}
          </Anchor>
          <Text span fw={600} size="sm" data-testid="invoice-dispute-cause">
            {causeLabel(dispute.cause)}
          </Text>
          <DisputeStatusBadge dispute={dispute} />
        </Group>
      }
    >
      <Stack gap={4}>
        {dispute.description === null ? null : (
          <Text size="sm" data-testid="invoice-dispute-description">
            {dispute.description}
          </Text>
        )}
        <Text size="sm" data-testid="invoice-dispute-part">
          {part === undefined || part.disputedCents === null
            ? t('disputes.invoicePanel.whole')
            : t('disputes.invoicePanel.part', {
                amount: format.amount(part.disputedCents, dispute.currency),
              })}
        </Text>
        <Text size="xs" c="dimmed" data-testid="invoice-dispute-department">
          {dispute.department?.name ?? t('disputes.noDepartment')}
          {' · '}
          {t('disputes.deadlineOn', { date: format.day(dispute.deadline) })}
          {' · '}
          {t('disputes.invoicePanel.heldBack')}
        </Text>
      </Stack>
    </Alert>
  );
}
