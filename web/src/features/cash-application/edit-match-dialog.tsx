import { Button, Group, Modal, Radio, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TBankLineItem, TMatchSuggestion } from '../../../../src/bank/matching/schemas.ts';
import { Amount } from '../../ui/amount.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { useFormatters } from '../../ui/format.ts';
import { useMatchBankLine, useOpenInvoices } from './cash-application-api.ts';
import { CustomerPicker, type CustomerChoice } from './customer-picker.tsx';
import { MatchAmounts } from './match-amounts.tsx';
import { creditPartsOf, prefillAmounts, readMatch, type OpenInvoice } from './match-form-model.ts';

type EditMatchDialogProps = { item: TBankLineItem | null; onClose: () => void };

/** « Modifier »: another suggestion, or the customer and amounts a person chooses. */
export function EditMatchDialog({ item, onClose }: EditMatchDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={item !== null}
      onClose={onClose}
      title={t('cashApplication.edit.title')}
      size="xl"
      centered
      data-testid="edit-match-dialog"
    >
      {item === null ? null : <EditMatchForm key={item.line.id} item={item} onClose={onClose} />}
    </Modal>
  );
}

function customerOf(suggestion: TMatchSuggestion): CustomerChoice {
  return {
    id: suggestion.customerId,
    code: suggestion.customerCode,
    name: suggestion.customerName,
  };
}

function EditMatchForm({ item, onClose }: { item: TBankLineItem; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { line, match } = item;
  const { suggestions } = match;
  const first = suggestions[0];
  const [customer, setCustomer] = useState<CustomerChoice | null>(
    first === undefined ? null : customerOf(first),
  );
  const [picked, setPicked] = useState<number | null>(first === undefined ? null : 0);
  // What the person typed, by invoice; the rest shows the prefilled amounts.
  const [edited, setEdited] = useState<Record<string, string>>({});
  const save = useMatchBankLine();
  const invoices = useOpenInvoices(customer?.id ?? null);

  const suggestion =
    picked === null
      ? suggestions.find((entry) => entry.customerId === customer?.id)
      : suggestions[picked];
  const openInvoices: OpenInvoice[] = (invoices.data?.items ?? []).map((invoice) => ({
    id: invoice.id,
    number: invoice.number,
    dueDate: invoice.dueDate,
    openAmount: invoice.openAmount,
  }));
  const amounts = { ...prefillAmounts(openInvoices, line.amount, suggestion), ...edited };
  const credits = creditPartsOf(suggestion);
  const read = readMatch({
    customerId: customer?.id ?? '',
    invoices: openInvoices,
    amounts,
    credits,
    lineAmount: line.amount,
  });

  const pickSuggestion = (index: number) => {
    const chosen = suggestions[index];
    if (chosen !== undefined) {
      setPicked(index);
      setCustomer(customerOf(chosen));
      setEdited({});
    }
  };
  const pickCustomer = (next: CustomerChoice) => {
    const index = suggestions.findIndex((entry) => entry.customerId === next.id);
    setPicked(index < 0 ? null : index);
    setCustomer(next);
    setEdited({});
  };

  return (
    <Stack gap="md">
      <Group gap="lg">
        <Text size="sm" c="dimmed">
          {format.day(line.bookingDate)}
        </Text>
        <Text fw={700}>
          <Amount value={line.amount} currency={line.currency} />
        </Text>
        <Text size="sm" fw={500}>
          {line.counterpartyName ?? t('cashApplication.line.unknownPayer')}
        </Text>
        <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {line.remittanceText ?? ''}
        </Text>
      </Group>
      {suggestions.length === 0 ? null : (
        <Radio.Group
          label={t('cashApplication.edit.suggestions')}
          value={picked === null ? '' : String(picked)}
          onChange={(value) => pickSuggestion(Number(value))}
        >
          <Stack gap={6} mt={6}>
            {suggestions.map((entry, index) => (
              <Radio
                key={`${entry.customerId}-${index}`}
                value={String(index)}
                label={t('cashApplication.edit.suggestionLabel', {
                  code: entry.customerCode,
                  name: entry.customerName,
                  confidence: format.percent(entry.confidence / 100),
                  amount: format.amount(
                    entry.allocations.reduce((sum, part) => sum + part.amount, 0),
                    line.currency,
                  ),
                })}
                data-testid="edit-suggestion"
              />
            ))}
          </Stack>
        </Radio.Group>
      )}
      <CustomerPicker
        value={customer}
        suggested={suggestions.map(customerOf)}
        onChange={pickCustomer}
      />
      {customer === null ? null : invoices.isError ? (
        <ErrorAlert error={invoices.error} onRetry={() => void invoices.refetch()} />
      ) : (
        <MatchAmounts
          invoices={openInvoices}
          isLoading={invoices.isPending}
          amounts={amounts}
          credits={credits}
          read={read}
          lineAmount={line.amount}
          currency={line.currency}
          onAmountChange={(invoiceId, text) =>
            setEdited((current) => ({ ...current, [invoiceId]: text }))
          }
        />
      )}
      {save.isError ? <ErrorAlert error={save.error} /> : null}
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onClose} disabled={save.isPending}>
          {t('cashApplication.edit.cancel')}
        </Button>
        <Button
          onClick={() =>
            save.mutate({ lineId: line.id, request: read.request }, { onSuccess: onClose })
          }
          disabled={customer === null || invoices.isPending || !read.isValid}
          loading={save.isPending}
          data-testid="edit-save"
        >
          {t('cashApplication.edit.save')}
        </Button>
      </Group>
    </Stack>
  );
}
