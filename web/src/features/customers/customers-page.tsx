import { Button, Group, Loader, Paper, Select, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { ExportMenu } from '../../ui/export-menu.tsx';
import { useFormatters } from '../../ui/format.ts';
import { PageTitle } from '../../ui/page-title.tsx';
import { Pager } from '../../ui/pager.tsx';
import { SearchInput } from '../../ui/search-input.tsx';
import { useListParams } from '../../ui/use-list-params.ts';
import { CUSTOMER_STATUSES } from '../../../../src/customers/schemas.ts';
import { useCurrentSession } from '../auth/session.ts';
import { CustomerFormModal } from './customer-form.tsx';
import { canWriteCustomers } from './customer-form-model.ts';
import {
  ALL_COLLECTORS,
  CUSTOMER_PAGE_SIZE,
  customerListCodecFor,
  defaultCollectorFor,
  toCustomerOrder,
} from './customer-list-params.ts';
import { CustomerTotals } from './customer-totals.tsx';
import { CustomersTable } from './customers-table.tsx';
import { useCollectors, useCustomerPage, useCustomerTotals } from './customers-api.ts';

const ALL = 'all';

export function CustomersPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const navigate = useNavigate();
  const session = useCurrentSession();
  const { id: userId, role } = session.user;
  const defaultCollector = defaultCollectorFor({ id: userId, role });
  const codec = useMemo(() => customerListCodecFor({ id: userId, role }), [userId, role]);
  const [params, update] = useListParams(codec);
  const customers = useCustomerPage(params);
  const totals = useCustomerTotals(params);
  const collectors = useCollectors(true);
  const [isCreating, setCreating] = useState(false);
  const total = customers.data?.total;
  const hasFilters =
    params.search !== '' || params.status !== undefined || params.collector !== defaultCollector;
  // Every customer, the signed-in user's own, then every other user's by name.
  const collectorOptions = [
    { value: ALL_COLLECTORS, label: t('customers.scope.all') },
    { value: userId, label: t('customers.scope.mine') },
    ...(collectors.data?.items ?? [])
      .filter((user) => user.id !== userId)
      .map((user) => ({ value: user.id, label: user.displayName })),
  ];

  return (
    <>
      <PageTitle title={t('customers.title')}>
        <Group gap="md">
          {total === undefined ? null : (
            <Text size="sm" c="dimmed" data-testid="customer-count">
              {t('customers.count', { count: total, formatted: format.integer(total) })}
            </Text>
          )}
          <ExportMenu
            path="/api/customers/export"
            query={toCustomerOrder(params)}
            testId="customer-export"
          />
          {canWriteCustomers(session.user.role) ? (
            <Button size="sm" onClick={() => setCreating(true)} data-testid="customer-new">
              {t('customers.new')}
            </Button>
          ) : null}
        </Group>
      </PageTitle>
      <CustomerFormModal
        opened={isCreating}
        onClose={() => setCreating(false)}
        onSaved={(customer) => {
          setCreating(false);
          void navigate(`/customers/${customer.id}`);
        }}
      />
      <Paper withBorder radius="md" p="md">
        <Group mb="md" gap="sm" align="center">
          <Select
            aria-label={t('customers.scope.label')}
            value={params.collector}
            allowDeselect={false}
            searchable
            onChange={(collector) => {
              if (collector !== null) {
                update({ collector });
              }
            }}
            data={collectorOptions}
            w={220}
            data-testid="customer-collector-filter"
          />
          <SearchInput
            value={params.search}
            onSearch={(search) => update({ search })}
            label={t('customers.search')}
            placeholder={t('customers.searchPlaceholder')}
            clearLabel={t('customers.clearSearch')}
            data-testid="customer-search"
          />
          <Select
            aria-label={t('customers.status')}
            value={params.status ?? ALL}
            allowDeselect={false}
            onChange={(value) =>
              update({ status: CUSTOMER_STATUSES.find((status) => status === value) })
            }
            data={[
              { value: ALL, label: t('customers.allStatuses') },
              ...CUSTOMER_STATUSES.map((status) => ({
                value: status,
                label: t(`customerStatus.${status}`),
              })),
            ]}
            w={200}
            data-testid="customer-status-filter"
          />
          {customers.isFetching && !customers.isPending ? (
            <Loader size="xs" aria-label={t('common.loading')} />
          ) : null}
        </Group>
        {customers.isError ? (
          <ErrorAlert error={customers.error} onRetry={() => void customers.refetch()} />
        ) : (
          <>
            <CustomersTable
              page={customers.data}
              params={params}
              isStale={customers.isPlaceholderData}
              hasFilters={hasFilters}
              onSort={(sort) => update(sort)}
              onClearFilters={() =>
                update({ search: '', status: undefined, collector: defaultCollector })
              }
              onFirstPage={() => update({ page: 1 })}
            />
            {customers.data === undefined || totals.data === undefined ? null : (
              <CustomerTotals
                totals={totals.data.totals}
                count={customers.data.total}
                isStale={totals.isPlaceholderData || customers.isPlaceholderData}
              />
            )}
            <Pager
              page={params.page}
              pageSize={customers.data?.pageSize ?? CUSTOMER_PAGE_SIZE}
              total={total ?? 0}
              onChange={(page) => update({ page })}
            />
          </>
        )}
      </Paper>
    </>
  );
}
