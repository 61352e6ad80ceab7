import { Anchor, Box, Button, Group, Stack, Tabs } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../api.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { pickOne } from '../../ui/use-list-params.ts';
import { useCurrentSession } from '../auth/session.ts';
import { CustomerAllocations } from './customer-allocations.tsx';
import { CustomerDisputes } from './customer-disputes.tsx';
import { CustomerFormModal } from './customer-form.tsx';
import { canWriteCustomers } from './customer-form-model.ts';
import { CustomerHeader, CustomerHeaderSkeleton } from './customer-header.tsx';
import { CustomerIdentity } from './customer-identity.tsx';
import { CustomerKeyFigures } from './customer-key-figures.tsx';
import { CustomerPayerProfile } from './customer-payer-profile.tsx';
import { CustomerOpenItems } from './customer-open-items.tsx';
import { CustomerPayments } from './customer-payments.tsx';
import { CustomerPortalButton } from './customer-portal.tsx';
import { CustomerPromises } from './customer-promises.tsx';
import { CustomerTimeline } from './customer-timeline.tsx';
import { CustomerMessages } from '../messages/customer-messages.tsx';
import { CustomerDunning } from '../dunning/customer-dunning.tsx';
import { CustomerCredit } from '../credit/customer-credit.tsx';
import { useCustomer } from './customers-api.ts';

/** Open items first: it is what a collector opens a customer for. */
const TABS = [
  'open-items',
  'identity',
  'payments',
  'allocations',
  'promises',
  'disputes',
  'timeline',
  'messages',
  'dunning',
  'credit',
] as const;
type CustomerTab = (typeof TABS)[number];

function hasListSearch(state: unknown): state is { listSearch: string } {
  return (
    typeof state === 'object' &&
    state !== null &&
    typeof (state as { listSearch?: unknown }).listSearch === 'string'
  );
}

export function CustomerPage() {
  const { t } = useTranslation();
  const { customerId = '' } = useParams();
  const location = useLocation();
  const [searchParams, setSearchParams] = useSearchParams();
  const tab: CustomerTab = pickOne(searchParams.get('tab'), TABS) ?? 'open-items';
  const customer = useCustomer(customerId);
  const session = useCurrentSession();
  const [isEditing, setEditing] = useState(false);
  const backTo = `/customers${hasListSearch(location.state) ? location.state.listSearch : ''}`;

  const selectTab = (value: string | null) => {
    const next = pickOne(value, TABS);
    if (next !== undefined) {
      // Replace, not push: Back leaves the customer rather than walking through its tabs.
      setSearchParams(next === 'open-items' ? {} : { tab: next }, {
        replace: true,
        state: location.state,
      });
    }
  };

  return (
    <Stack gap="md">
      <Anchor component={Link} to={backTo} size="sm" w="fit-content" data-testid="customer-back">
        ← {t('customer.back')}
      </Anchor>
      {customer.isPending ? <CustomerHeaderSkeleton /> : null}
      {customer.isError ? (
        <ErrorAlert
          error={customer.error}
          {...(customer.error instanceof ApiError && customer.error.status === 404
            ? { title: t('customer.notFound') }
            : { onRetry: () => void customer.refetch() })}
        />
      ) : null}
      {customer.data === undefined ? null : (
        <>
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            {/* The name wraps (a long word too) so that « Modifier » keeps its width on a phone. */}
            <Box miw={0} style={{ overflowWrap: 'anywhere' }}>
              <CustomerHeader customer={customer.data} />
            </Box>
            <Group gap="xs" wrap="nowrap">
              <CustomerPortalButton customerId={customer.data.id} />
              {canWriteCustomers(session.user.role) ? (
                <Button
                  variant="default"
                  onClick={() => setEditing(true)}
                  style={{ flexShrink: 0 }}
                  data-testid="customer-edit"
                >
                  {t('customer.edit')}
                </Button>
              ) : null}
            </Group>
          </Group>
          <CustomerFormModal
            opened={isEditing}
            customer={customer.data}
            onClose={() => setEditing(false)}
            onSaved={() => setEditing(false)}
          />
          <CustomerKeyFigures customer={customer.data} />
          <CustomerPayerProfile customerId={customer.data.id} />
          <Tabs
            key={customer.data.id}
            value={tab}
            onChange={selectTab}
            keepMounted={false}
            variant="outline"
          >
            <Tabs.List aria-label={t('customer.tabs.label')}>
              <Tabs.Tab value="open-items">{t('customer.tabs.openItems')}</Tabs.Tab>
              <Tabs.Tab value="identity">{t('customer.tabs.identity')}</Tabs.Tab>
              <Tabs.Tab value="payments">{t('customer.tabs.payments')}</Tabs.Tab>
              <Tabs.Tab value="allocations">{t('customer.tabs.allocations')}</Tabs.Tab>
              <Tabs.Tab value="promises">{t('customer.tabs.promises')}</Tabs.Tab>
              <Tabs.Tab value="disputes">{t('disputes.title')}</Tabs.Tab>
              <Tabs.Tab value="timeline">{t('customer.tabs.timeline')}</Tabs.Tab>
              <Tabs.Tab value="messages">{t('customer.tabs.messages')}</Tabs.Tab>
              <Tabs.Tab value="dunning">{t('customer.tabs.dunning')}</Tabs.Tab>
              <Tabs.Tab value="credit">{t('credit.tab')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="open-items" pt="md">
              <CustomerOpenItems customerId={customer.data.id} />
            </Tabs.Panel>
            <Tabs.Panel value="identity" pt="md">
              <CustomerIdentity customer={customer.data} />
            </Tabs.Panel>
            <Tabs.Panel value="payments" pt="md">
              <CustomerPayments customerId={customer.data.id} />
            </Tabs.Panel>
            <Tabs.Panel value="allocations" pt="md">
              <CustomerAllocations customerId={customer.data.id} />
            </Tabs.Panel>
            <Tabs.Panel value="promises" pt="md">
              <CustomerPromises customerId={customer.data.id} />
            </Tabs.Panel>
            <Tabs.Panel value="disputes" pt="md">
              <CustomerDisputes customerId={customer.data.id} />
            </Tabs.Panel>
            <Tabs.Panel value="timeline" pt="md">
              <CustomerTimeline customerId={customer.data.id} />
            </Tabs.Panel>
            <Tabs.Panel value="messages" pt="md">
              <CustomerMessages customerId={customer.data.id} />
            </Tabs.Panel>
            <Tabs.Panel value="dunning" pt="md">
              <CustomerDunning customerId={customer.data.id} />
            </Tabs.Panel>
            <Tabs.Panel value="credit" pt="md">
              <CustomerCredit customerId={customer.data.id} />
            </Tabs.Panel>
          </Tabs>
        </>
      )}
    </Stack>
  );
}
