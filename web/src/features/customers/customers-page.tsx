import { Button, Group, Loader, Paper, SegmentedControl, Select, Text } from '@mantine/core';
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
  CUSTOMER_PAGE_SIZE,
  CUSTOMER_SCOPES,
  customerListCodecFor,
  defaultScopeFor,
  toCustomerOrder,
} from './customer-list-params.ts';
import { CustomerTotals } from './customer-totals.tsx';
import { CustomersTable } from './customers-table.tsx';
import { useCustomerPage, useCustomerTotals } from './customers-api.ts';

const ALL = 'all';

export function CustomersPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const navigate = useNavigate();
  const session = useCurrentSession();
  const defaultScope = defaultScopeFor(session.user.role);
  const codec = useMemo(() => customerListCodecFor(defaultScope), [defaultScope]);
  const [params, update] = useListParams(codec);
  const customers = useCustomerPage(params, session.user.id);
  const totals = useCustomerTotals(params, session.user.id);
  const [isCreating, setCreating] = useState(false);
  const total = customers.data?.total;
  const hasFilters =
    params.search !== '' || params.status !== undefined || params.scope !== defaultScope;

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
            query={toCustomerOrder(params, session.user.id)}
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
          <SegmentedControl
            value={params.scope}
            onChange={(value) => {
              const scope = CUSTOMER_SCOPES.find((known) => known === value);
              if (scope !== undefined) {
                update({ scope });
              }
            }}
            data={[
              { value: 'mine', label: t('customers.scope.mine') },
              { value: 'all', label: t('customers.scope.all') },
            ]}
            aria-label={t('customers.scope.label')}
            data-testid="customer-scope"
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
              onClearFilters={() => update({ search: '', status: undefined, scope: defaultScope })}
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
