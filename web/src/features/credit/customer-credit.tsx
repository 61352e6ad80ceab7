import {
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ZCustomerStatus } from '../../../../src/customers/schemas.ts';
import { Amount } from '../../ui/amount.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { useFormatters } from '../../ui/format.ts';
import { useCurrentSession } from '../auth/session.ts';
import { CustomerStatusBadge } from '../customers/customer-badges.tsx';
import { AccountOpeningPanel } from './account-opening-panel.tsx';
import {
  useCustomerCredit,
  useHoldDecision,
  useOrder,
  type TCustomerCredit,
} from './credit-api.ts';
import { ExceptionForm, LimitForm, ReasonForm } from './credit-forms.tsx';
import { CreditGauge } from './credit-gauge.tsx';
import { canDecideCredit, canDecideLimit } from './credit-model.ts';
import { CustomerOrders } from './orders-section.tsx';
import { ScreeningPanel } from './screening-panel.tsx';

type Limit = NonNullable<TCustomerCredit['limit']>;
type Dialog = 'limit' | 'exception' | 'hold' | 'release';

const STATE_COLORS: Readonly<Record<Limit['state'], string>> = {
  in_force: 'teal',
  not_started: 'blue',
  expired: 'red',
};

function Section({
  title,
  children,
  testId,
}: {
  title: string;
  children: ReactNode;
  testId: string;
}) {
  return (
    <Paper withBorder radius="md" p="md" data-testid={testId}>
      <Title order={2} size="h5" mb="xs">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/**
 * The « Crédit » tab of a customer (issue 12, docs/credit.md): its legal entity and accounts,
 * the limit in force and where it comes from, the exposure against it (a gauge with the
 * thresholds, and its parts per currency), the live exceptions, the holds and the history of
 * decisions; and the decisions, for the roles that may take them. A prospect's account
 * opening comes first (`AccountOpeningPanel`).
 */
export function CustomerCredit({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const credit = useCustomerCredit(customerId);
  if (credit.isError) {
    return <ErrorAlert error={credit.error} onRetry={() => void credit.refetch()} />;
  }
  if (credit.data === undefined) {
    return (
      <Stack gap="sm" aria-label={t('common.loading')}>
        <Skeleton height={140} radius="md" />
        <Skeleton height={140} radius="md" />
      </Stack>
    );
  }
  return <CreditView customerId={customerId} credit={credit.data} />;
}

function CreditView({ customerId, credit }: { customerId: string; credit: TCustomerCredit }) {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const currency = credit.limit?.currency ?? session.company.currency;
  const close = () => setDialog(null);
  return (
    <Stack gap="md" data-testid="customer-credit">
      <AccountOpeningPanel customerId={customerId} />
      <ScreeningPanel customerId={customerId} />
      <CreditActions customerId={customerId} credit={credit} onOpen={setDialog} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <LimitSection limit={credit.limit} />
        <ExposureSection credit={credit} />
      </SimpleGrid>
      <EntitySection credit={credit} customerId={customerId} />
      <ExceptionsSection credit={credit} />
      <HoldsSection credit={credit} />
      <CustomerOrders customerId={customerId} />
      <HistorySection history={credit.history} />
      <Modal
        opened={dialog === 'limit'}
        onClose={close}
        title={t('credit.actions.decideLimit')}
        size="lg"
      >
        {dialog === 'limit' ? (
          <LimitForm customerId={customerId} credit={credit} currency={currency} onDone={close} />
        ) : null}
      </Modal>
      <Modal
        opened={dialog === 'exception'}
        onClose={close}
        title={t('credit.actions.grantException')}
      >
        {dialog === 'exception' ? (
          <ExceptionForm
            customerId={customerId}
            currency={currency}
            initialAmountCents={null}
            initialUntil=""
            onDone={close}
          />
        ) : null}
      </Modal>
      <Modal
        opened={dialog === 'hold' || dialog === 'release'}
        onClose={close}
        title={t(dialog === 'release' ? 'credit.form.releaseTitle' : 'credit.form.holdTitle')}
      >
        {dialog === 'hold' || dialog === 'release' ? (
          <HoldForm
            customerId={customerId}
            kind={dialog === 'hold' ? 'place' : 'release'}
            onDone={close}
          />
        ) : null}
      </Modal>
    </Stack>
  );
}

/** The decisions the role may take: a limit (levels 2–3), an exception, a hold or its release. */
function CreditActions(props: {
  customerId: string;
  credit: TCustomerCredit;
  onOpen: (dialog: Dialog) => void;
}) {
  const { t } = useTranslation();
  const { role } = useCurrentSession().user;
  if (!canDecideCredit(role)) {
    return null;
  }
  const account = props.credit.accounts.find((entry) => entry.id === props.customerId);
  const isHeld =
    account?.status === 'on_hold' ||
    props.credit.holds.some((hold) => hold.customerId === props.customerId);
  return (
    <Group justify="flex-end" gap="xs">
      {canDecideLimit(role) ? (
        <Button
          variant="default"
          onClick={() => props.onOpen('limit')}
          data-testid="credit-action-limit"
        >
          {t('credit.actions.decideLimit')}
        </Button>
      ) : null}
      <Button
        variant="default"
        onClick={() => props.onOpen('exception')}
        data-testid="credit-action-exception"
      >
        {t('credit.actions.grantException')}
      </Button>
      {isHeld ? (
        <Button
          color="teal"
          variant="light"
          onClick={() => props.onOpen('release')}
          data-testid="credit-action-release"
        >
          {t('credit.actions.release')}
        </Button>
      ) : account?.status === 'active' ? (
        <Button
          color="red"
          variant="light"
          onClick={() => props.onOpen('hold')}
          data-testid="credit-action-hold"
        >
          {t('credit.actions.hold')}
        </Button>
      ) : null}
    </Group>
  );
}

function HoldForm(props: { customerId: string; kind: 'place' | 'release'; onDone: () => void }) {
  const decide = useHoldDecision(props.customerId, props.kind);
  return (
    <ReasonForm
      onSubmit={(reason) => decide.mutate(reason, { onSuccess: props.onDone })}
      isPending={decide.isPending}
      error={decide.error}
      onCancel={props.onDone}
    />
  );
}

/** Who answers for the limit: a decider and their level, a file, or only the record. */
function useLimitSource(): (limit: Limit) => string {
  const { t } = useTranslation();
  return (limit) => {
    switch (limit.source) {
      case 'decision':
        return t('credit.limit.decidedBy', {
          who: limit.decidedBy?.name ?? t('credit.limit.someone'),
          level: limit.authorityLevel ?? t('common.none'),
        });
      case 'import':
        return t('credit.limit.imported');
      case 'account':
        return t('credit.limit.fromRecord');
    }
  };
}

function LimitSection({ limit }: { limit: Limit | null }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { today } = useCurrentSession().company;
  const sourceOf = useLimitSource();
  if (limit === null) {
    return (
      <Section title={t('credit.limit.title')} testId="credit-limit">
        <Text size="sm" c="dimmed" data-testid="credit-limit-none">
          {t('credit.limit.none')}
        </Text>
      </Section>
    );
  }
  const isReviewDue = limit.reviewOn !== null && limit.reviewOn <= today;
  return (
    <Section title={t('credit.limit.title')} testId="credit-limit">
      <Group justify="space-between" align="baseline" gap="xs">
        <Text fw={700} size="xl" data-testid="credit-limit-amount">
          <Amount value={limit.amountCents} currency={limit.currency} />
        </Text>
        <Badge color={STATE_COLORS[limit.state]} variant="light" data-testid="credit-limit-state">
          {t(`credit.limit.state.${limit.state}`)}
        </Badge>
      </Group>
      <Stack gap={4} mt="xs">
        <Text size="sm" data-testid="credit-limit-covered">
          {limit.coveredCents === 0 || limit.cover === null
            ? t('credit.limit.uncovered')
            : t('credit.limit.covered', {
                amount: format.amount(limit.coveredCents, limit.currency),
                cover: t(`credit.cover.${limit.cover}`),
              })}
        </Text>
        <Text size="sm" data-testid="credit-limit-validity">
          {limit.expiresOn === null
            ? t('credit.limit.validFrom', { date: format.day(limit.validFrom) })
            : t('credit.limit.validBetween', {
                from: format.day(limit.validFrom),
                to: format.day(limit.expiresOn),
              })}
        </Text>
        <Group gap="xs">
          <Text size="sm" data-testid="credit-limit-review">
            {limit.reviewOn === null
              ? t('credit.limit.noReview')
              : t('credit.limit.review', { date: format.day(limit.reviewOn) })}
          </Text>
          {isReviewDue ? (
            <Badge color="orange" variant="light" data-testid="credit-review-due">
              {t('credit.limit.reviewDue')}
            </Badge>
          ) : null}
        </Group>
        <Text size="sm" c="dimmed" data-testid="credit-limit-source">
          {sourceOf(limit)}
        </Text>
        {limit.reason === null ? null : (
          <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {t('credit.limit.reason', { reason: limit.reason })}
          </Text>
        )}
      </Stack>
    </Section>
  );
}

function ExposureSection({ credit }: { credit: TCustomerCredit }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const limit = credit.limit;
  const main =
    limit === null
      ? undefined
      : credit.exposures.find((parts) => parts.currency === limit.currency);
  return (
    <Section title={t('credit.exposure.title')} testId="credit-exposure">
      {limit === null ? null : (
        <Stack gap={4} mb="sm">
          <Group justify="space-between" align="baseline" gap="xs">
            <Text fw={700} size="lg" data-testid="credit-exposure-against">
              {t('credit.exposure.against', {
                exposure: format.amount(main?.totalCents ?? 0, limit.currency),
                limit: format.amount(limit.amountCents, limit.currency),
              })}
            </Text>
            {credit.level === null ? null : (
              <Badge
                color={credit.level === 'block' ? 'red' : 'orange'}
                variant="light"
                data-testid="credit-exposure-level"
              >
                {t(`credit.exposure.level.${credit.level}`)}
              </Badge>
            )}
          </Group>
          {credit.usedBps === null ? null : (
            <Text size="sm" c="dimmed" data-testid="credit-exposure-used">
              {t('credit.exposure.used', { percent: format.percent(credit.usedBps / 10_000) })}
            </Text>
          )}
          <CreditGauge
            exposureCents={main?.totalCents ?? 0}
            limitCents={limit.amountCents}
            policy={credit.policy}
          />
        </Stack>
      )}
      {credit.exposures.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('credit.exposure.none')}
        </Text>
      ) : (
        credit.exposures.map((parts) => (
          <Table
            key={parts.currency}
            verticalSpacing={4}
            mt="xs"
            aria-label={t('credit.exposure.parts', { currency: parts.currency })}
            data-testid="credit-exposure-parts"
          >
            <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>
              {t('credit.exposure.parts', { currency: parts.currency })}
            </Table.Caption>
            <Table.Tbody>
              <PartRow
                label={t('credit.exposure.openItems')}
                value={parts.openItemsCents}
                currency={parts.currency}
              />
              <PartRow
                label={t('credit.exposure.orders')}
                value={parts.ordersCents}
                currency={parts.currency}
              />
              <PartRow
                label={t('credit.exposure.unappliedCash')}
                value={-parts.unappliedCashCents}
                currency={parts.currency}
              />
              <PartRow
                label={t('credit.exposure.total')}
                value={parts.totalCents}
                currency={parts.currency}
                isTotal
              />
            </Table.Tbody>
          </Table>
        ))
      )}
    </Section>
  );
}

function PartRow(props: { label: string; value: number; currency: string; isTotal?: boolean }) {
  const weight = props.isTotal === true ? 600 : 400;
  return (
    <Table.Tr>
      <Table.Td fw={weight}>{props.label}</Table.Td>
      <Table.Td ta="right" fw={weight}>
        <Amount value={props.value} currency={props.currency} />
      </Table.Td>
    </Table.Tr>
  );
}

function EntitySection({ credit, customerId }: { credit: TCustomerCredit; customerId: string }) {
  const { t } = useTranslation();
  return (
    <Section title={t('credit.entity.title')} testId="credit-entity">
      <Text size="sm" fw={600} data-testid="credit-entity-name">
        {credit.entity.kind === 'siren'
          ? t('credit.entity.siren', { siren: credit.entity.siren })
          : t('credit.entity.account')}
      </Text>
      {credit.entity.kind === 'siren' ? (
        <Text size="xs" c="dimmed">
          {t('credit.entity.sirenHint')}
        </Text>
      ) : null}
      <Table verticalSpacing={4} mt="xs" aria-label={t('credit.entity.accounts')}>
        <Table.Tbody>
          {credit.accounts.map((account) => {
            const status = ZCustomerStatus.safeParse(account.status);
            return (
              <Table.Tr key={account.id} data-testid="credit-entity-account">
                <Table.Td ff="monospace">{account.code}</Table.Td>
                <Table.Td>
                  {account.id === customerId ? (
                    <Text span size="sm" fw={600}>
                      {account.name}
                    </Text>
                  ) : (
                    <Anchor component={Link} to={`/customers/${account.id}?tab=credit`} size="sm">
                      {account.name}
                    </Anchor>
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  {status.success ? <CustomerStatusBadge status={status.data} /> : account.status}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Section>
  );
}

/** Whom an exception is for: the entity, or the held order it let through (by its number). */
function ExceptionTarget({ orderId }: { orderId: string | null }) {
  const { t } = useTranslation();
  if (orderId === null) {
    return <>{t('credit.exceptions.forEntity')}</>;
  }
  return <OrderTarget orderId={orderId} />;
}

function OrderTarget({ orderId }: { orderId: string }) {
  const { t } = useTranslation();
  const order = useOrder(orderId);
  return (
    <>
      {order.data === undefined
        ? t('credit.exceptions.forSomeOrder')
        : t('credit.exceptions.forOrder', { number: order.data.number })}
    </>
  );
}

function ExceptionsSection({ credit }: { credit: TCustomerCredit }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <Section title={t('credit.exceptions.title')} testId="credit-exceptions">
      {credit.exceptions.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="credit-exceptions-empty">
          {t('credit.exceptions.empty')}
        </Text>
      ) : (
        <Stack gap="xs" role="list" aria-label={t('credit.exceptions.title')}>
          {credit.exceptions.map((exception) => (
            <Paper
              key={exception.id}
              withBorder
              radius="sm"
              p="xs"
              role="listitem"
              data-testid="credit-exception"
            >
              <Group justify="space-between" gap="xs">
                <Text size="sm" fw={600} data-testid="credit-exception-amount">
                  {t('credit.exceptions.until', {
                    amount: format.amount(exception.amountCents, exception.currency),
                    date: format.day(exception.expiresOn),
                  })}
                </Text>
                <Text size="xs" c="dimmed" data-testid="credit-exception-target">
                  <ExceptionTarget orderId={exception.orderId} />
                </Text>
              </Group>
              <Text
                size="sm"
                mt={4}
                style={{ overflowWrap: 'anywhere' }}
                data-testid="credit-exception-reason"
              >
                {exception.reason}
              </Text>
              <Text size="xs" c="dimmed" mt={4}>
                {t('credit.exceptions.granted', {
                  date: format.day(exception.grantedOn),
                  who: exception.grantedBy?.name ?? t('credit.limit.someone'),
                  level: exception.authorityLevel,
                })}
              </Text>
            </Paper>
          ))}
        </Stack>
      )}
    </Section>
  );
}

function HoldsSection({ credit }: { credit: TCustomerCredit }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { timeZone } = useCurrentSession().company;
  const nameOf = (customerId: string) =>
    credit.accounts.find((account) => account.id === customerId)?.name ?? '';
  return (
    <Section title={t('credit.holds.title')} testId="credit-holds">
      {credit.holds.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="credit-holds-empty">
          {t('credit.holds.empty')}
        </Text>
      ) : (
        <Stack gap="xs" role="list" aria-label={t('credit.holds.title')}>
          {credit.holds.map((hold) => (
            <Paper
              key={`${hold.customerId}-${hold.source}-${hold.placedAt}`}
              withBorder
              radius="sm"
              p="xs"
              role="listitem"
              data-testid="credit-hold"
            >
              <Group justify="space-between" gap="xs">
                <Badge color="red" variant="light" data-testid="credit-hold-source">
                  {t(`credit.holds.source.${hold.source}`)}
                </Badge>
                <Text size="xs" c="dimmed">
                  {t('credit.holds.since', { date: format.dateTime(hold.placedAt, timeZone) })}
                </Text>
              </Group>
              {credit.accounts.length > 1 ? (
                <Text size="sm" mt={4}>
                  {nameOf(hold.customerId)}
                </Text>
              ) : null}
              {hold.reason === null ? null : (
                <Text size="sm" mt={4} style={{ overflowWrap: 'anywhere' }}>
                  {hold.reason}
                </Text>
              )}
            </Paper>
          ))}
        </Stack>
      )}
    </Section>
  );
}

function HistorySection({ history }: { history: TCustomerCredit['history'] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const sourceOf = useLimitSource();
  return (
    <Section title={t('credit.history.title')} testId="credit-history">
      {history.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('credit.history.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing={4} aria-label={t('credit.history.label')}>
            <Table.Tbody>
              {history.map((limit, index) => (
                <Table.Tr
                  key={limit.id ?? `${limit.validFrom}-${index}`}
                  data-testid="credit-history-row"
                >
                  <Table.Td>
                    {t('credit.history.from', { date: format.day(limit.validFrom) })}
                  </Table.Td>
                  <Table.Td ta="right" fw={600}>
                    <Amount value={limit.amountCents} currency={limit.currency} />
                  </Table.Td>
                  <Table.Td>{sourceOf(limit)}</Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{limit.reason ?? ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}
