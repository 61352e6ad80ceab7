import { Badge, DataList, Group, Paper, SimpleGrid, Text, Title, Tooltip } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TAddress, TCustomerDetail } from '../../../../src/customers/schemas.ts';
import { useCurrentSession } from '../auth/session.ts';
import { useFormatters } from '../../ui/format.ts';
import { RiskBadge } from './customer-badges.tsx';
import { CustomerContacts } from './customer-contacts.tsx';
import { formatSiren, formatSiret } from './identifiers.ts';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={2} size="h5" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel c="dimmed">{label}</DataList.ItemLabel>
      <DataList.ItemValue>{children}</DataList.ItemValue>
    </DataList.Item>
  );
}

function Missing() {
  const { t } = useTranslation();
  return (
    <Text span c="dimmed">
      {t('common.none')}
    </Text>
  );
}

function AddressLines({ address }: { address: TAddress }) {
  const { i18n } = useTranslation();
  const cityLine = [address.postalCode, address.city].filter(Boolean).join(' ');
  const country =
    address.country === 'FR'
      ? null
      : (new Intl.DisplayNames([i18n.resolvedLanguage ?? 'fr'], { type: 'region' }).of(
          address.country,
        ) ?? address.country);
  const lines = [address.line1, address.line2, cityLine, country].filter(
    (line): line is string => line !== null && line !== '',
  );
  if (lines.length === 0) {
    return <Missing />;
  }
  return (
    <Text span size="sm" style={{ whiteSpace: 'pre-line' }}>
      {lines.join('\n')}
    </Text>
  );
}

export function CustomerIdentity({ customer }: { customer: TCustomerDetail }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const session = useCurrentSession();
  const depositRatio = customer.depositBps / 10_000;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" data-testid="customer-identity">
      <Section title={t('customer.identity.company')}>
        <DataList labelWidth={150} size="sm">
          <Item label={t('customer.identity.siren')}>
            {customer.siren === null ? <Missing /> : formatSiren(customer.siren)}
          </Item>
          <Item label={t('customer.identity.siret')}>
            {customer.siret === null ? <Missing /> : formatSiret(customer.siret)}
          </Item>
          <Item label={t('customer.identity.vat')}>{customer.vatNumber ?? <Missing />}</Item>
          <Item label={t('customer.identity.billingAddress')}>
            <AddressLines address={customer.billingAddress} />
          </Item>
          <Item label={t('customer.identity.deliveryAddress')}>
            {customer.deliveryAddress === null ? (
              <Text span size="sm" c="dimmed">
                {t('customer.identity.sameAsBilling')}
              </Text>
            ) : (
              <AddressLines address={customer.deliveryAddress} />
            )}
          </Item>
        </DataList>
      </Section>
      <Section title={t('customer.identity.terms')}>
        <DataList labelWidth={150} size="sm">
          <Item label={t('customer.identity.paymentTerms')}>
            <Group gap="xs">
              <span data-testid="payment-terms">
                {format.paymentTerms(customer.paymentTerms.code)}
              </span>
              {customer.paymentTerms.exceedsLegalMaximum ? (
                <Tooltip label={t('customer.identity.exceedsLegalMaximumHint')} multiline w={280}>
                  <Badge color="orange" variant="light" data-testid="terms-exceed-legal-maximum">
                    {t('customer.identity.exceedsLegalMaximum')}
                  </Badge>
                </Tooltip>
              ) : null}
            </Group>
          </Item>
          <Item label={t('customer.identity.paymentMethod')}>
            {t(`paymentMethod.${customer.paymentMethod}`)}
            {customer.paymentMethod === 'cheque' ? (
              <Text span size="xs" c="orange.8">
                {' '}
                ({t('customer.identity.chequeDiscouraged')})
              </Text>
            ) : null}
          </Item>
          <Item label={t('customer.identity.deposit')}>
            {customer.depositBps === 0
              ? t('customer.identity.noDeposit')
              : format.percent(depositRatio)}
          </Item>
        </DataList>
      </Section>
      <Section title={t('customer.identity.followUp')}>
        <DataList labelWidth={150} size="sm">
          <Item label={t('customer.identity.collector')}>
            {customer.collector?.displayName ?? <Missing />}
          </Item>
          <Item label={t('customer.identity.salesRep')}>{customer.salesRep ?? <Missing />}</Item>
          <Item label={t('customer.identity.risk')}>
            <RiskBadge risk={customer.riskCategory} />
          </Item>
          <Item label={t('customer.identity.createdAt')}>
            {format.dateTime(customer.createdAt, session.company.timeZone)}
          </Item>
          <Item label={t('customer.identity.updatedAt')}>
            {format.dateTime(customer.updatedAt, session.company.timeZone)}
          </Item>
        </DataList>
      </Section>
      <Section title={t('customer.identity.contacts')}>
        <CustomerContacts contacts={customer.contacts} />
      </Section>
    </SimpleGrid>
  );
}
