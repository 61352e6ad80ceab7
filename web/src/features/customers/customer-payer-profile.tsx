/**
 * The payer profile on the customer page and in the customer list (issue 11,
 * docs/formulas.md « Payer profile »): the category A–D as a coloured badge with its
 * meaning, the weighted days late, the on-time shares and the 6-month trend
 * (`GET /api/customers/{id}/payer-profile`); in the list, one request for the page's ids
 * (`GET /api/reports/payers?customerIds=…`), never one per row.
 */
import { LineChart } from '@mantine/charts';
import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title, Tooltip } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  ZCustomerPayerProfile,
  ZPayerReport,
  type TCustomerPayerProfile,
} from '../../../../src/reports/payer-schemas.ts';
import { apiGet } from '../../api.ts';
import { useFormatters } from '../../ui/format.ts';
import { chartMonthLabel } from '../dashboard/dashboard-model.ts';

type PayerCategory = NonNullable<TCustomerPayerProfile['profiles'][number]['category']>;
type PayerProfile = TCustomerPayerProfile['profiles'][number];

/** A pays on time, D is the worst: green to red. */
const CATEGORY_COLOR: Record<PayerCategory, string> = {
  A: 'teal',
  B: 'yellow',
  C: 'orange',
  D: 'red',
};

const payerKeys = {
  profile: (customerId: string) => ['customers', 'detail', customerId, 'payer-profile'] as const,
  page: (ids: readonly string[]) => ['reports', 'payers', 'page', ids] as const,
};

/**
 * What a list's « Profil » cell shows: the category (`null`: no history; `undefined`: not
 * known, nothing shown) and the thresholds it was made with.
 */
export type PayerProfileCell = {
  category: PayerCategory | null | undefined;
  thresholds: readonly number[];
};

/** The category as a coloured badge, its meaning (with the thresholds) in its tooltip. */
export function PayerCategoryBadge({ category, thresholds }: PayerProfileCell) {
  const { t } = useTranslation();
  if (category === undefined) {
    return null;
  }
  if (category === null) {
    return (
      <Text span size="xs" c="dimmed" data-testid="payer-category">
        {t('payerProfile.noCategory')}
      </Text>
    );
  }
  const [a = 0, b = 0, c = 0] = thresholds;
  return (
    <Tooltip label={t(`payerProfile.meaning.${category}`, { a, b, c })} withArrow>
      <Badge
        color={CATEGORY_COLOR[category]}
        variant="filled"
        radius="sm"
        aria-label={t('payerProfile.badgeLabel', { category })}
        data-testid="payer-category"
      >
        {category}
      </Badge>
    </Tooltip>
  );
}

/**
 * The categories of the customers `ids` (a page of the list), in each customer's `currency`
 * (else its first), with the thresholds they were made with.
 */
export function usePayerCategories(customers: readonly { id: string; currency: string }[]) {
  const ids = customers.map((customer) => customer.id);
  const query = useQuery({
    queryKey: payerKeys.page(ids),
    queryFn: ({ signal }) =>
      apiGet(
        '/api/reports/payers',
        ZPayerReport,
        { customerIds: ids.join(','), limit: 1000, sort: 'name' },
        signal,
      ),
    enabled: ids.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  const categories = new Map<string, PayerCategory | null>();
  for (const customer of customers) {
    const rows = query.data?.rows.filter((row) => row.customerId === customer.id) ?? [];
    const row = rows.find((one) => one.currency === customer.currency) ?? rows[0];
    if (row !== undefined) {
      categories.set(customer.id, row.category);
    }
  }
  return { categories, thresholds: query.data?.thresholds ?? [] };
}

/** The customer page's payer card: one block per currency the customer has history in. */
export function CustomerPayerProfile({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const query = useQuery({
    queryKey: payerKeys.profile(customerId),
    queryFn: ({ signal }) =>
      apiGet(
        `/api/customers/${encodeURIComponent(customerId)}/payer-profile`,
        ZCustomerPayerProfile,
        {},
        signal,
      ),
  });
  if (query.data === undefined) {
    return null;
  }
  const { profiles, thresholds, from, asOf } = query.data;
  return (
    <Paper withBorder radius="md" p="md" data-testid="payer-profile">
      <Group justify="space-between" align="baseline" mb="xs">
        <Title order={2} size="h5">
          {t('payerProfile.title')}
        </Title>
        <Text size="xs" c="dimmed">
          {t('payerProfile.window', { from: format.day(from), asOf: format.day(asOf) })}
        </Text>
      </Group>
      {profiles.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('payerProfile.noHistory')}
        </Text>
      ) : (
        <Stack gap="md">
          {profiles.map((profile) => (
            <CurrencyProfile
              key={profile.currency}
              profile={profile}
              thresholds={thresholds}
              isOneOfMany={profiles.length > 1}
            />
          ))}
        </Stack>
      )}
    </Paper>
  );
}

function CurrencyProfile({
  profile,
  thresholds,
  isOneOfMany,
}: {
  profile: PayerProfile;
  thresholds: readonly number[];
  isOneOfMany: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const days = (value: number | null) =>
    value === null ? '—' : t('payerProfile.days', { days: format.oneDecimal(value) });
  const share = (value: number | null) => (value === null ? '—' : format.percent(value / 100));
  const [a = 0, b = 0, c = 0] = thresholds;
  const data = profile.trend.map((point) => ({
    month: chartMonthLabel(point.month, format.language),
    days: point.weightedDaysLate,
  }));
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" data-testid="payer-profile-currency">
      <Stack gap={6}>
        <Group gap="xs">
          <PayerCategoryBadge category={profile.category} thresholds={thresholds} />
          {isOneOfMany ? (
            <Text span size="xs" c="dimmed">
              {profile.currency}
            </Text>
          ) : null}
          {profile.category === null ? null : (
            <Text span size="sm" data-testid="payer-category-meaning">
              {t(`payerProfile.meaning.${profile.category}`, { a, b, c })}
            </Text>
          )}
        </Group>
        <Text size="sm">
          {t('payerProfile.weightedDaysLate')}{' '}
          <Text span fw={650} data-testid="payer-days-late">
            {days(profile.weightedDaysLate)}
          </Text>
        </Text>
        <Text size="sm" data-testid="payer-on-time">
          {t('payerProfile.onTime', {
            amount: share(profile.onTimeShareByAmount),
            invoices: share(profile.onTimeShareByCount),
          })}
        </Text>
      </Stack>
      <Stack gap={2}>
        <Text size="xs" c="dimmed">
          {t('payerProfile.trend')}
        </Text>
        <LineChart
          h={120}
          data={data}
          dataKey="month"
          series={[{ name: 'days', label: t('payerProfile.weightedDaysLate'), color: 'indigo.6' }]}
          valueFormatter={(value) => days(value)}
          connectNulls
          curveType="linear"
          withDots
          gridAxis="none"
          data-testid="payer-trend"
        />
      </Stack>
    </SimpleGrid>
  );
}
