import { Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { TCustomerDetail } from '../../../../src/customers/schemas.ts';
import { CustomerStatusBadge, RiskBadge } from './customer-badges.tsx';
import { formatSiren } from './identifiers.ts';

export function CustomerHeader({ customer }: { customer: TCustomerDetail }) {
  const { t } = useTranslation();
  useDocumentTitle(`${customer.legalName} · ${t('app.name')}`);
  const facts = [
    t('customer.code', { code: customer.code }),
    customer.siren === null ? undefined : `SIREN ${formatSiren(customer.siren)}`,
    customer.billingAddress.city ?? undefined,
    customer.collector?.displayName,
  ].filter((fact) => fact !== undefined);
  return (
    <Stack gap={4}>
      <Group gap="sm" align="center">
        <Title order={1} size="h3" data-testid="customer-name">
          {customer.legalName}
        </Title>
        <CustomerStatusBadge status={customer.status} />
        <RiskBadge risk={customer.riskCategory} />
      </Group>
      <Text size="sm" c="dimmed" data-testid="customer-code">
        {facts.join(' · ')}
      </Text>
    </Stack>
  );
}

export function CustomerHeaderSkeleton() {
  return (
    <Stack gap={8} aria-hidden="true">
      <Skeleton height={26} width={320} />
      <Skeleton height={12} width={220} />
      <Group grow mt="sm">
        {[0, 1, 2, 3, 4].map((index) => (
          <Skeleton key={index} height={86} radius="md" />
        ))}
      </Group>
    </Stack>
  );
}
