import { Group, SegmentedControl, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CalendarDateInput } from '../../ui/calendar-date-input.tsx';
import { SearchInput } from '../../ui/search-input.tsx';
import {
  INVOICE_KIND_FILTERS,
  INVOICE_STATUS_FILTERS,
  type DateFilter,
  type InvoiceListParams,
} from './invoice-list-params.ts';

type InvoiceFiltersProps = {
  params: InvoiceListParams;
  onChange: (changes: Partial<InvoiceListParams>) => void;
};

export function InvoiceFilters({ params, onChange }: InvoiceFiltersProps) {
  const { t } = useTranslation();
  const dateInput = (filter: DateFilter, label: string) => (
    <CalendarDateInput
      label={label}
      value={params[filter]}
      onChange={(date) => onChange({ [filter]: date })}
      data-testid={`invoice-${filter}`}
    />
  );
  return (
    <Group gap="md" align="flex-end" mb="md">
      <SearchInput
        value={params.search}
        onSearch={(search) => onChange({ search })}
        label={t('invoices.search')}
        placeholder={t('invoices.searchPlaceholder')}
        clearLabel={t('invoices.clearSearch')}
        data-testid="invoice-search"
      />
      <SearchInput
        value={params.customerCode}
        onSearch={(customerCode) => onChange({ customerCode })}
        label={t('invoices.customerCode')}
        placeholder={t('invoices.customerCodePlaceholder')}
        clearLabel={t('invoices.clearCustomerCode')}
        width={{ base: '100%', sm: 180 }}
        data-testid="invoice-customer-code"
      />
      <SegmentedControl
        size="xs"
        aria-label={t('invoices.status')}
        value={params.status}
        onChange={(value) => {
          const status = INVOICE_STATUS_FILTERS.find((filter) => filter === value);
          if (status !== undefined) {
            onChange({ status });
          }
        }}
        data={INVOICE_STATUS_FILTERS.map((status) => ({
          value: status,
          label: t(`invoices.statuses.${status}`),
        }))}
        data-testid="invoice-status-filter"
      />
      <Select
        size="xs"
        aria-label={t('invoices.kind')}
        value={params.kind}
        allowDeselect={false}
        onChange={(value) => {
          const kind = INVOICE_KIND_FILTERS.find((filter) => filter === value);
          if (kind !== undefined) {
            onChange({ kind });
          }
        }}
        data={INVOICE_KIND_FILTERS.map((kind) => ({
          value: kind,
          label: t(`invoices.kinds.${kind}`),
        }))}
        w={200}
      />
      <Group gap={6} align="flex-end">
        {dateInput('issuedFrom', t('invoices.issuedFrom'))}
        {dateInput('issuedTo', t('invoices.issuedTo'))}
      </Group>
      <Group gap={6} align="flex-end">
        {dateInput('dueFrom', t('invoices.dueFrom'))}
        {dateInput('dueTo', t('invoices.dueTo'))}
      </Group>
    </Group>
  );
}
