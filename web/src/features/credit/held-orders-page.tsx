import {
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Skeleton,
  Stack,
  Table,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { CalendarDate } from '../../../../src/shared/calendar-date.ts';
import { AreaPage } from '../../app/area-page.tsx';
import { Amount } from '../../ui/amount.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { useFormatters } from '../../ui/format.ts';
import { PageTitle } from '../../ui/page-title.tsx';
import { pickOne } from '../../ui/use-list-params.ts';
import { useCurrentSession } from '../auth/session.ts';
import {
  useCreditAlerts,
  useCustomerCredit,
  useHeldOrderDecision,
  useHeldOrders,
  type TCreditAlert,
  type TSalesOrder,
} from './credit-api.ts';
import { ExceptionForm, ReasonForm } from './credit-forms.tsx';
import { canDecideCredit, defaultExceptionEnd, orderExcessCents } from './credit-model.ts';

const TABS = ['orders', 'alerts'] as const;

/** What a decider does with a held order; an exception is decided on the customer. */
type OrderAction = 'exception' | 'prepayment' | 'prepayment_received' | 'refuse';

/**
 * « Commandes bloquées » (issue 12, docs/credit.md « Decisions on a hold »): the orders the
 * credit check held, with what each asks of the decider, those waiting for their prepayment,
 * and the open alerts in a second tab.
 */
export function HeldOrdersPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const tab = pickOne(search.get('tab'), TABS) ?? 'orders';
  return (
    <AreaPage area="heldOrders">
      <Stack gap={0} data-testid="held-orders-page">
        <PageTitle title={t('credit.queue.title')} />
        <Tabs
          value={tab}
          onChange={(value) => {
            const next = pickOne(value, TABS);
            if (next !== undefined) {
              setSearch(next === 'orders' ? {} : { tab: next }, { replace: true });
            }
          }}
          keepMounted={false}
        >
          <Tabs.List mb="md" aria-label={t('credit.queue.tabs.label')}>
            {TABS.map((name) => (
              <Tabs.Tab key={name} value={name} data-testid={`held-orders-tab-${name}`}>
                {t(`credit.queue.tabs.${name}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          <Tabs.Panel value="orders">
            <HeldOrders />
          </Tabs.Panel>
          <Tabs.Panel value="alerts">
            <CreditAlerts />
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </AreaPage>
  );
}

function HeldOrders() {
  const { t } = useTranslation();
  const orders = useHeldOrders();
  // The last decision asked stays drawn while its dialog closes; `turn` gives each a fresh form.
  const [acting, setActing] = useState<{
    order: TSalesOrder;
    action: OrderAction;
    turn: number;
  } | null>(null);
  const [isOpen, setOpen] = useState(false);
  if (orders.isError) {
    return <ErrorAlert error={orders.error} onRetry={() => void orders.refetch()} />;
  }
  if (orders.data === undefined) {
    return <Skeleton height={160} radius="md" />;
  }
  // An order on prepayment stays held until the money is in: it has left the decisions' queue.
  const waiting = orders.data.filter((order) => order.holdReason === 'prepayment_required');
  const held = orders.data.filter((order) => order.holdReason !== 'prepayment_required');
  const act = (order: TSalesOrder, action: OrderAction) => {
    setActing({ order, action, turn: (acting?.turn ?? 0) + 1 });
    setOpen(true);
  };
  const close = () => setOpen(false);
  return (
    <Stack gap="lg">
      {held.length === 0 ? (
        <Paper withBorder radius="md" p="lg">
          <Text c="dimmed" size="sm" ta="center" data-testid="held-orders-empty">
            {t('credit.queue.empty')}
          </Text>
        </Paper>
      ) : (
        <OrderTable orders={held} label={t('credit.queue.label')} onAct={act} />
      )}
      {waiting.length === 0 ? null : (
        <Stack gap="xs">
          <Title order={2} size="h5">
            {t('credit.queue.prepaymentTitle')}
          </Title>
          <OrderTable orders={waiting} label={t('credit.queue.prepaymentLabel')} onAct={act} />
        </Stack>
      )}
      <Modal
        opened={isOpen}
        onClose={close}
        title={
          acting === null
            ? ''
            : acting.action === 'exception'
              ? t('credit.queue.exceptionTitle', { number: acting.order.number })
              : t(`credit.queue.decisionTitle.${acting.action}`, { number: acting.order.number })
        }
      >
        {acting === null ? null : acting.action === 'exception' ? (
          <OrderException key={acting.turn} order={acting.order} onDone={close} />
        ) : (
          <OrderDecision
            key={acting.turn}
            order={acting.order}
            kind={acting.action}
            onDone={close}
          />
        )}
      </Modal>
    </Stack>
  );
}

function OrderTable(props: {
  orders: readonly TSalesOrder[];
  label: string;
  onAct: (order: TSalesOrder, action: OrderAction) => void;
}) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table
        verticalSpacing="xs"
        highlightOnHover
        aria-label={props.label}
        data-testid="held-orders-table"
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('credit.queue.number')}</Table.Th>
            <Table.Th>{t('credit.queue.customer')}</Table.Th>
            <Table.Th>{t('credit.queue.date')}</Table.Th>
            <Table.Th ta="right">{t('credit.queue.amount')}</Table.Th>
            <Table.Th>{t('credit.queue.reason')}</Table.Th>
            <Table.Th>{t('credit.queue.exposure')}</Table.Th>
            <Table.Th>{t('credit.queue.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.orders.map((order) => (
            <OrderRow key={order.id} order={order} onAct={(action) => props.onAct(order, action)} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * One held order. Its customer's credit is read for the row (the list names the customer by
 * id only; one read per row, 100 rows at most, each shared with the customer's tab).
 */
function OrderRow({ order, onAct }: { order: TSalesOrder; onAct: (action: OrderAction) => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const session = useCurrentSession();
  const credit = useCustomerCredit(order.customerId);
  const account = credit.data?.accounts.find((entry) => entry.id === order.customerId);
  const limit = credit.data?.limit ?? null;
  const exposure =
    credit.data?.exposures.find((parts) => parts.currency === order.currency)?.totalCents ?? 0;
  const mayDecide = canDecideCredit(session.user.role);
  const isWaiting = order.holdReason === 'prepayment_required';
  return (
    <Table.Tr data-testid="held-order-row" data-order-number={order.number}>
      <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }} data-testid="held-order-number">
        {order.number}
      </Table.Td>
      <Table.Td>
        <Anchor
          component={Link}
          to={`/customers/${order.customerId}?tab=credit`}
          size="sm"
          data-testid="held-order-customer"
        >
          {account === undefined ? t('common.loading') : `${account.name} (${account.code})`}
        </Anchor>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.day(order.orderedOn)}</Table.Td>
      <Table.Td
        ta="right"
        fw={600}
        style={{ whiteSpace: 'nowrap' }}
        data-testid="held-order-amount"
      >
        <Amount value={order.amountCents} currency={order.currency} />
      </Table.Td>
      <Table.Td>
        {order.holdReason === null ? null : (
          <Badge
            color={isWaiting ? 'blue' : 'orange'}
            variant="light"
            data-testid="held-order-reason"
          >
            {t(`credit.holdReason.${order.holdReason}`)}
          </Badge>
        )}
      </Table.Td>
      <Table.Td data-testid="held-order-exposure">
        {credit.data === undefined ? (
          <Skeleton height={14} w={120} />
        ) : limit === null || limit.currency !== order.currency ? (
          <Text size="sm">
            {format.amount(exposure, order.currency)} · {t('credit.queue.noLimit')}
          </Text>
        ) : (
          <Stack gap={0}>
            <Text size="sm">
              {t('credit.exposure.against', {
                exposure: format.amount(exposure, order.currency),
                limit: format.amount(limit.amountCents, limit.currency),
              })}
            </Text>
            <Text size="xs" c="dimmed">
              {t('credit.queue.exposureAfter', {
                amount: format.amount(exposure + order.amountCents, order.currency),
              })}
            </Text>
          </Stack>
        )}
      </Table.Td>
      <Table.Td>
        {mayDecide ? (
          <Group gap={4} wrap="wrap">
            {isWaiting ? (
              <Button
                size="compact-sm"
                variant="light"
                color="teal"
                onClick={() => onAct('prepayment_received')}
                data-testid="held-order-prepayment-received"
              >
                {t('credit.queue.prepaymentReceived')}
              </Button>
            ) : (
              <>
                <Button
                  size="compact-sm"
                  variant="light"
                  onClick={() => onAct('exception')}
                  disabled={credit.data === undefined}
                  data-testid="held-order-exception"
                >
                  {t('credit.actions.grantException')}
                </Button>
                <Button
                  size="compact-sm"
                  variant="default"
                  onClick={() => onAct('prepayment')}
                  data-testid="held-order-prepayment"
                >
                  {t('credit.queue.prepayment')}
                </Button>
              </>
            )}
            <Button
              size="compact-sm"
              variant="subtle"
              color="red"
              onClick={() => onAct('refuse')}
              data-testid="held-order-refuse"
            >
              {t('credit.queue.refuse')}
            </Button>
          </Group>
        ) : null}
      </Table.Td>
    </Table.Tr>
  );
}

/** The exception for one held order, prefilled: what it puts over the limit, for 30 days. */
function OrderException({ order, onDone }: { order: TSalesOrder; onDone: () => void }) {
  const { t } = useTranslation();
  const { today } = useCurrentSession().company;
  const credit = useCustomerCredit(order.customerId);
  if (credit.data === undefined) {
    return <Skeleton height={120} />;
  }
  return (
    <ExceptionForm
      customerId={order.customerId}
      currency={order.currency}
      initialAmountCents={orderExcessCents(order, credit.data, today)}
      initialUntil={defaultExceptionEnd(today as CalendarDate)}
      orderId={order.id}
      hint={t('credit.queue.exceptionHint')}
      onDone={onDone}
    />
  );
}

function OrderDecision(props: {
  order: TSalesOrder;
  kind: Exclude<OrderAction, 'exception'>;
  onDone: () => void;
}) {
  const decide = useHeldOrderDecision(props.order.id);
  return (
    <ReasonForm
      onSubmit={(reason) =>
        decide.mutate({ kind: props.kind, reason }, { onSuccess: props.onDone })
      }
      isPending={decide.isPending}
      error={decide.error}
      onCancel={props.onDone}
    />
  );
}

function CreditAlerts() {
  const { t } = useTranslation();
  const alerts = useCreditAlerts();
  if (alerts.isError) {
    return <ErrorAlert error={alerts.error} onRetry={() => void alerts.refetch()} />;
  }
  if (alerts.data === undefined) {
    return <Skeleton height={120} radius="md" />;
  }
  if (alerts.data.length === 0) {
    return (
      <Paper withBorder radius="md" p="lg">
        <Text c="dimmed" size="sm" ta="center" data-testid="credit-alerts-empty">
          {t('credit.alerts.empty')}
        </Text>
      </Paper>
    );
  }
  return (
    <Stack gap="xs" role="list" aria-label={t('credit.alerts.label')}>
      {alerts.data.map((alert) => (
        <AlertCard key={alert.id} alert={alert} />
      ))}
    </Stack>
  );
}

function AlertCard({ alert }: { alert: TCreditAlert }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <Paper withBorder radius="md" p="sm" role="listitem" data-testid="credit-alert">
      <Group justify="space-between" gap="xs">
        <Badge color={alert.level === 'block' ? 'red' : 'orange'} variant="light">
          {t(`credit.alerts.level.${alert.level}`)}
        </Badge>
        <Text size="xs" c="dimmed">
          {t('credit.alerts.raised', { date: format.day(alert.raisedOn) })}
        </Text>
      </Group>
      <Group justify="space-between" gap="xs" mt={4}>
        {alert.entity.kind === 'siren' ? (
          <Anchor
            component={Link}
            to={`/customers?search=${encodeURIComponent(alert.entity.siren)}&collector=all`}
            size="sm"
          >
            {t('credit.alerts.siren', { siren: alert.entity.siren })}
          </Anchor>
        ) : (
          <Anchor
            component={Link}
            to={`/customers/${alert.entity.customerId}?tab=credit`}
            size="sm"
          >
            {t('credit.alerts.account')}
          </Anchor>
        )}
        <Text size="sm" fw={600}>
          {t('credit.alerts.against', {
            exposure: format.amount(alert.exposureCents, alert.currency),
            limit: format.amount(alert.limitCents, alert.currency),
          })}
        </Text>
      </Group>
    </Paper>
  );
}
