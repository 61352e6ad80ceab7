import { Button, CopyButton, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TPortalAccount } from '../../../../src/portal/schemas.ts';
import { Amount } from '../../ui/amount.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { downloadStatement } from './portal-api.ts';
import { groupIban } from './portal-model.ts';

/** Whose account it is, what is left to pay (per currency) and the statement of account. */
export function PortalAccountSummary({
  token,
  account,
}: {
  token: string;
  account: TPortalAccount;
}) {
  const { t } = useTranslation();
  const statement = useMutation({ mutationFn: () => downloadStatement(token) });
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Text fw={600} data-testid="portal-customer">
          {t('portal.accountOf', { customer: account.customer.name, code: account.customer.code })}
        </Text>
        {account.totals.map((total) => (
          <SimpleGrid
            key={total.currency}
            cols={total.creditsCents === 0 ? 2 : 3}
            spacing="xs"
            aria-label={t('portal.totals.label')}
            data-testid="portal-totals"
          >
            <Figure label={t('portal.totals.open')} testId="portal-total-open">
              <Amount value={total.openCents} currency={total.currency} fw={650} />
            </Figure>
            <Figure label={t('portal.totals.overdue')} testId="portal-total-overdue">
              <Amount
                value={total.overdueCents}
                currency={total.currency}
                tone="overdue"
                fw={650}
              />
            </Figure>
            {total.creditsCents === 0 ? null : (
              <Figure label={t('portal.totals.credits')} testId="portal-total-credits">
                <Amount value={total.creditsCents} currency={total.currency} fw={650} />
              </Figure>
            )}
          </SimpleGrid>
        ))}
        <Button
          variant="light"
          size="md"
          loading={statement.isPending}
          onClick={() => statement.mutate()}
          data-testid="portal-statement"
        >
          {t('portal.statement')}
        </Button>
        {statement.isError ? <ErrorAlert error={statement.error} /> : null}
      </Stack>
    </Paper>
  );
}

function Figure({
  label,
  testId,
  children,
}: {
  label: string;
  testId: string;
  children: ReactNode;
}) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="lg" data-testid={testId}>
        {children}
      </Text>
    </Stack>
  );
}

/**
 * Where to pay: the holder, the IBAN in groups of four with a button that copies it whole
 * (without spaces, as banking apps want it pasted), the BIC and the bank.
 */
export function PortalBankDetails({ account }: { account: TPortalAccount }) {
  const { t } = useTranslation();
  const bank = account.bankDetails;
  return (
    <Paper withBorder p="md" radius="md" data-testid="portal-bank">
      <Stack gap="xs">
        <Title order={2} size="h5">
          {t('portal.bank.title')}
        </Title>
        {bank === null ? (
          <Text size="sm" c="dimmed">
            {t('portal.bank.none', { company: account.company.legalName })}
          </Text>
        ) : (
          <>
            <Line label={t('portal.bank.holder')} value={bank.accountHolder} testId="bank-holder" />
            <Group justify="space-between" align="flex-end" wrap="wrap" gap="xs">
              <Line
                label={t('portal.bank.iban')}
                value={groupIban(bank.iban)}
                testId="bank-iban"
                mono
              />
              <CopyButton value={bank.iban.replace(/\s+/g, '')}>
                {({ copied, copy }) => (
                  <Button
                    variant={copied ? 'filled' : 'default'}
                    size="md"
                    onClick={copy}
                    data-testid="bank-copy"
                  >
                    {copied ? t('portal.bank.copied') : t('portal.bank.copy')}
                  </Button>
                )}
              </CopyButton>
            </Group>
            {bank.bic === null ? null : (
              <Line label={t('portal.bank.bic')} value={bank.bic} testId="bank-bic" mono />
            )}
            {bank.bankName === null ? null : (
              <Line label={t('portal.bank.bankName')} value={bank.bankName} testId="bank-name" />
            )}
            <Text size="xs" c="dimmed">
              {t('portal.bank.reference')}
            </Text>
          </>
        )}
      </Stack>
    </Paper>
  );
}

function Line({
  label,
  value,
  testId,
  mono = false,
}: {
  label: string;
  value: string;
  testId: string;
  mono?: boolean;
}) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text
        size="md"
        {...(mono ? { ff: 'monospace' } : {})}
        data-testid={testId}
        style={{ wordBreak: 'break-word' }}
      >
        {value}
      </Text>
    </Stack>
  );
}
