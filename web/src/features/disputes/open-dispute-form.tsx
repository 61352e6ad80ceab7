import {
  Button,
  Checkbox,
  Group,
  Modal,
  NativeSelect,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TDisputeDetail } from '../../../../src/disputes/schemas.ts';
import { MAX_DISPUTE_NOTE_LENGTH } from '../../../../src/disputes/model.ts';
import type { TInvoice } from '../../../../src/ledger/schemas.ts';
import { Amount } from '../../ui/amount.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import classes from '../../ui/table.module.css';
import { useCustomerSearch } from '../cash-application/cash-application-api.ts';
import { useInvoicePage } from '../invoices/invoices-api.ts';
import { readDisputedPart } from './dispute-labels.ts';
import { useDepartments, useDisputeCauses, useOpenDispute } from './disputes-api.ts';
import { useCauseLabel } from './use-dispute-words.ts';

type Customer = { id: string; code: string; name: string };

type OpenDisputeModalProps = {
  isOpen: boolean;
  onClose: () => void;
  onOpened: (dispute: TDisputeDetail) => void;
  /** The invoice the form is opened from (its page): its customer, it ticked. */
  invoice?: TInvoice;
};

/**
 * « Ouvrir un litige », from an invoice's page (that invoice ticked) or from the board (the
 * customer picked first): the customer's open invoices with the part of each that is
 * disputed (blank: all that is open), a cause, a department and what the customer says.
 */
export function OpenDisputeModal({ isOpen, onClose, onOpened, invoice }: OpenDisputeModalProps) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<Customer | null>(null);
  const customer =
    invoice === undefined
      ? picked
      : { id: invoice.customerId, code: invoice.customerCode, name: invoice.customerName };
  return (
    <Modal
      opened={isOpen}
      onClose={onClose}
      title={
        invoice === undefined
          ? t('disputes.open.title')
          : t('disputes.open.titleInvoice', { number: invoice.number })
      }
      size="xl"
      centered
      data-testid="open-dispute-dialog"
    >
      <Stack gap="sm">
        {invoice === undefined ? <CustomerChoice value={picked} onChange={setPicked} /> : null}
        {customer === null ? null : (
          <OpenDisputeForm
            key={customer.id}
            customerId={customer.id}
            initialInvoiceIds={invoice === undefined ? [] : [invoice.id]}
            onCancel={onClose}
            onOpened={onOpened}
          />
        )}
      </Stack>
    </Modal>
  );
}

function CustomerChoice({
  value,
  onChange,
}: {
  value: Customer | null;
  onChange: (customer: Customer) => void;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const found = useCustomerSearch(debounced);
  const choices = new Map<string, Customer>();
  if (value !== null) {
    choices.set(value.id, value);
  }
  for (const item of found.data?.items ?? []) {
    choices.set(item.id, { id: item.id, code: item.code, name: item.legalName });
  }
  return (
    <Select
      label={t('disputes.open.customer')}
      placeholder={t('disputes.open.customerPlaceholder')}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={t('disputes.open.noCustomer')}
      data={[...choices.values()].map((customer) => ({
        value: customer.id,
        label: `${customer.code} · ${customer.name}`,
      }))}
      value={value?.id ?? null}
      onChange={(id) => {
        const customer = id === null ? undefined : choices.get(id);
        if (customer !== undefined) {
          onChange(customer);
        }
      }}
      allowDeselect={false}
      comboboxProps={{ withinPortal: true }}
      data-testid="open-dispute-customer"
    />
  );
}

type FormProps = {
  customerId: string;
  initialInvoiceIds: readonly string[];
  onCancel: () => void;
  onOpened: (dispute: TDisputeDetail) => void;
};

/** The form itself, for one customer. */
function OpenDisputeForm({ customerId, initialInvoiceIds, onCancel, onOpened }: FormProps) {
  const { t } = useTranslation();
  const causeLabel = useCauseLabel();
  const causes = useDisputeCauses();
  const departments = useDepartments();
  const invoices = useInvoicePage({
    customerId,
    kind: 'invoice',
    status: 'unpaid',
    sort: 'due_date',
    order: 'asc',
    page: 1,
    pageSize: 200,
  });
  const open = useOpenDispute();
  const [ticked, setTicked] = useState<ReadonlySet<string>>(() => new Set(initialInvoiceIds));
  const [parts, setParts] = useState<Readonly<Record<string, string>>>({});
  const [partProblems, setPartProblems] = useState<Readonly<Record<string, string>>>({});
  const [cause, setCause] = useState('');
  const [departmentId, setDepartmentId] = useState('');
  const [description, setDescription] = useState('');
  const [formProblem, setFormProblem] = useState<string | undefined>();

  const activeCauses = (causes.data ?? []).filter((item) => item.isActive);
  const chosenCause = cause === '' ? activeCauses[0]?.code : cause;
  const items = invoices.data?.items ?? [];

  const toggle = (id: string, isTicked: boolean) => {
    const next = new Set(ticked);
    if (isTicked) {
      next.add(id);
    } else {
      next.delete(id);
    }
    setTicked(next);
  };

  const save = () => {
    const chosen = items.filter((item) => ticked.has(item.id));
    if (chosen.length === 0) {
      setFormProblem(t('disputes.open.noInvoice'));
      return;
    }
    if (chosenCause === undefined) {
      setFormProblem(t('disputes.open.noCause'));
      return;
    }
    const problems: Record<string, string> = {};
    const request: { invoiceId: string; disputedCents: number | null }[] = [];
    for (const item of chosen) {
      const part = readDisputedPart(parts[item.id] ?? '', item.openAmount);
      if (part.ok) {
        request.push({ invoiceId: item.id, disputedCents: part.cents });
      } else {
        problems[item.id] = t(`disputes.open.part.${part.problem}`);
      }
    }
    setPartProblems(problems);
    if (Object.keys(problems).length > 0) {
      setFormProblem(undefined);
      return;
    }
    setFormProblem(undefined);
    const kept = description.trim();
    open.mutate(
      {
        invoices: request,
        cause: chosenCause,
        ...(kept === '' ? {} : { description: kept }),
        ...(departmentId === '' ? {} : { departmentId }),
      },
      { onSuccess: onOpened },
    );
  };

  if (invoices.isError) {
    return <ErrorAlert error={invoices.error} onRetry={() => void invoices.refetch()} />;
  }
  return (
    <Stack gap="sm" data-testid="open-dispute-form">
      <Table.ScrollContainer minWidth={520}>
        <Table aria-label={t('disputes.open.invoices')} data-testid="open-dispute-invoices">
          <Table.Thead>
            <Table.Tr>
              <Table.Th />
              <Table.Th>{t('disputes.invoice')}</Table.Th>
              <Table.Th className={classes.number}>{t('disputes.openAmount')}</Table.Th>
              <Table.Th>{t('disputes.open.disputedPart')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => (
              <Table.Tr key={item.id} data-testid="open-dispute-invoice" data-number={item.number}>
                <Table.Td>
                  <Checkbox
                    aria-label={item.number}
                    checked={ticked.has(item.id)}
                    onChange={(event) => toggle(item.id, event.currentTarget.checked)}
                    data-testid="open-dispute-invoice-tick"
                  />
                </Table.Td>
                <Table.Td ff="monospace">{item.number}</Table.Td>
                <Table.Td className={classes.number}>
                  <Amount value={item.openAmount} currency={item.currency} />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    size="xs"
                    aria-label={t('disputes.open.disputedPartOf', { number: item.number })}
                    placeholder={t('disputes.open.wholeOpen')}
                    disabled={!ticked.has(item.id)}
                    value={parts[item.id] ?? ''}
                    onChange={(event) => {
                      const text = event.currentTarget.value;
                      setParts((current) => ({ ...current, [item.id]: text }));
                    }}
                    error={partProblems[item.id]}
                    inputMode="decimal"
                    autoComplete="off"
                    data-testid="open-dispute-part"
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {invoices.data !== undefined && items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('disputes.open.nothingOpen')}
        </Text>
      ) : null}
      <Group grow align="flex-start">
        <NativeSelect
          label={t('disputes.cause')}
          value={chosenCause ?? ''}
          onChange={(event) => setCause(event.currentTarget.value)}
          data={activeCauses.map((item) => ({ value: item.code, label: causeLabel(item.code) }))}
          data-testid="open-dispute-cause"
        />
        <NativeSelect
          label={t('disputes.department')}
          value={departmentId}
          onChange={(event) => setDepartmentId(event.currentTarget.value)}
          data={[
            { value: '', label: t('disputes.noDepartment') },
            ...(departments.data ?? [])
              .filter((department) => department.isActive)
              .map((department) => ({ value: department.id, label: department.name })),
          ]}
          data-testid="open-dispute-department"
        />
      </Group>
      <Textarea
        label={t('disputes.description')}
        placeholder={t('disputes.open.descriptionPlaceholder')}
        autosize
        minRows={2}
        maxRows={6}
        maxLength={MAX_DISPUTE_NOTE_LENGTH}
        value={description}
        onChange={(event) => setDescription(event.currentTarget.value)}
        data-testid="open-dispute-description"
      />
      {formProblem === undefined ? null : (
        <Text size="sm" c="red.7" role="alert">
          {formProblem}
        </Text>
      )}
      {open.isError ? <ErrorAlert error={open.error} /> : null}
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onCancel} disabled={open.isPending}>
          {t('disputes.cancel')}
        </Button>
        <Button onClick={save} loading={open.isPending} data-testid="open-dispute-save">
          {t('disputes.open.save')}
        </Button>
      </Group>
    </Stack>
  );
}
