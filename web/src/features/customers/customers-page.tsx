import { Group, Loader, Paper, Select, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { useFormatters } from '../../ui/format.ts';
import { PageTitle } from '../../ui/page-title.tsx';
import { Pager } from '../../ui/pager.tsx';
import { SearchInput } from '../../ui/search-input.tsx';
import { useListParams } from '../../ui/use-list-params.ts';
import { CUSTOMER_STATUSES } from '../../../../src/customers/schemas.ts';
import { CUSTOMER_PAGE_SIZE, customerListCodec } from './customer-list-params.ts';
import { CustomersTable } from './customers-table.tsx';
import { useCustomerPage } from './customers-api.ts';

const ALL = 'all';

export function CustomersPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const [params, update] = useListParams(customerListCodec);
  const customers = useCustomerPage(params);
  const total = customers.data?.total;
  const hasFilters = params.search !== '' || params.status !== undefined;

  return (
    <>
      <PageTitle title={t('customers.title')}>
        {total === undefined ? null : (
          <Text size="sm" c="dimmed" data-testid="customer-count">
            {t('customers.count', { count: total, formatted: format.integer(total) })}
          </Text>
        )}
      </PageTitle>
      <Paper withBorder radius="md" p="md">
        <Group mb="md" gap="sm" align="center">
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
              onClearFilters={() => update({ search: '', status: undefined })}
              onFirstPage={() => update({ page: 1 })}
            />
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
