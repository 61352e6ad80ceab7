import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCustomerSearch } from './cash-application-api.ts';

/** A customer as the picker offers it. */
export type CustomerChoice = { id: string; code: string; name: string };

type CustomerPickerProps = {
  value: CustomerChoice | null;
  /** The suggestions' customers, offered before anything is typed. */
  suggested: readonly CustomerChoice[];
  onChange: (customer: CustomerChoice) => void;
};

const label = (customer: CustomerChoice) => `${customer.code} · ${customer.name}`;

/**
 * Picks the customer who paid: among the suggestions' customers, or any customer found by
 * name or code (the server searches; the list shows what it answers, unfiltered).
 */
export function CustomerPicker({ value, suggested, onChange }: CustomerPickerProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  // Once a customer is picked the box shows its label; searching for that finds nothing new.
  const isLabel = value !== null && search === label(value);
  const found = useCustomerSearch(isLabel ? '' : debounced);
  const choices = new Map<string, CustomerChoice>();
  for (const customer of [...(value === null ? [] : [value]), ...suggested]) {
    choices.set(customer.id, customer);
  }
  for (const customer of found.data?.items ?? []) {
    choices.set(customer.id, { id: customer.id, code: customer.code, name: customer.legalName });
  }
  return (
    <Select
      label={t('cashApplication.edit.customer')}
      placeholder={t('cashApplication.edit.customerPlaceholder')}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={t('cashApplication.edit.noCustomer')}
      data={[...choices.values()].map((customer) => ({
        value: customer.id,
        label: label(customer),
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
      data-testid="edit-customer"
    />
  );
}
