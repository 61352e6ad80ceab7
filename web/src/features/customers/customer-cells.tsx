import { Anchor, Text, type MantineSize } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { TCustomerSummary } from '../../../../src/customers/schemas.ts';

/**
 * Where a customer of the list leads, and the state that brings its page's back link to
 * this very page of the list (filters included).
 */
export function useCustomerLink(customerId: string): {
  to: string;
  state: { listSearch: string };
} {
  const location = useLocation();
  return { to: `/customers/${customerId}`, state: { listSearch: location.search } };
}

/** The customer's name, a link to its page; the table row and the phone card share it. */
export function CustomerNameLink({ customer }: { customer: TCustomerSummary }) {
  const { to, state } = useCustomerLink(customer.id);
  return (
    <Anchor
      component={Link}
      to={to}
      state={state}
      fw={500}
      size="sm"
      c="var(--mantine-color-text)"
      data-testid="customer-name"
    >
      {customer.legalName}
    </Anchor>
  );
}

/** `size` only sizes the dash shown when there is no city (`md`: Mantine's default). */
export function CustomerCity({ city, size = 'md' }: { city: string | null; size?: MantineSize }) {
  const { t } = useTranslation();
  return (
    city ?? (
      <Text span size={size} c="dimmed">
        {t('common.none')}
      </Text>
    )
  );
}

export function CustomerCollector({
  collector,
  size = 'sm',
}: {
  collector: TCustomerSummary['collector'];
  size?: MantineSize;
}) {
  const { t } = useTranslation();
  return (
    collector?.displayName ?? (
      <Text span size={size} c="dimmed">
        {t('customers.noCollector')}
      </Text>
    )
  );
}
