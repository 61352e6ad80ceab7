import {
  Badge,
  Button,
  Group,
  Paper,
  Skeleton,
  Stack,
  Table,
  Text,
  ThemeIcon,
  Title,
  Tooltip,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Amount } from '../../ui/amount.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { useFormatters } from '../../ui/format.ts';
import { useCurrentSession } from '../auth/session.ts';
import type { TSalesOrder } from './credit-api.ts';
import { useDocuments } from './documents-api.ts';
import { DocumentsTable } from './documents-list.tsx';
import { canAttachDocument, type DocumentTarget } from './documents-model.ts';
import { DocumentUploadForm } from './documents-upload.tsx';
import { useCustomerOrders } from './orders-api.ts';

type ChecklistItem = keyof TSalesOrder['checklist'];

/** The validation checklist of an order, in the order it is worked through (issue 12). */
const CHECKLIST: readonly ChecklistItem[] = [
  'pricesAgreed',
  'deliveryDateConfirmed',
  'confirmationSent',
];

const STATUS_COLORS: Readonly<Record<TSalesOrder['status'], string>> = {
  pending_check: 'gray',
  validated: 'blue',
  held: 'orange',
  delivered: 'teal',
  invoiced: 'green',
  cancelled: 'red',
};

/** The columns of a row, which an unfolded row's documents span. */
const COLUMNS = 10;

/**
 * The « Commandes » section of a customer's « Crédit » tab (issue 12, docs/credit.md
 * « Orders »): its orders, the newest first, each with what is left to invoice (what it adds
 * to the exposure), its status and hold reason in words, its validation checklist (prices and
 * conditions agreed, delivery date confirmed feasible, confirmation sent), when it was
 * delivered and how much is invoiced; each unfolds to its documents (docs/evidence.md), with
 * « Ajouter un document » for the roles that may write orders.
 */
export function CustomerOrders({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const orders = useCustomerOrders(customerId);
  const [openId, setOpenId] = useState<string | null>(null);
  return (
    <Paper withBorder radius="md" p="md" data-testid="credit-orders">
      <Title order={2} size="h5" mb="xs">
        {t('credit.orders.title')}
      </Title>
      {orders.isError ? (
        <ErrorAlert error={orders.error} onRetry={() => void orders.refetch()} />
      ) : orders.data === undefined ? (
        <Skeleton height={80} aria-hidden="true" />
      ) : orders.data.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="credit-orders-empty">
          {t('credit.orders.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={960}>
          <Table verticalSpacing={4} aria-label={t('credit.orders.label')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('credit.orders.number')}</Table.Th>
                <Table.Th>{t('credit.orders.date')}</Table.Th>
                <Table.Th ta="right">{t('credit.orders.amount')}</Table.Th>
                <Table.Th ta="right">{t('credit.orders.remaining')}</Table.Th>
                <Table.Th>{t('credit.orders.status')}</Table.Th>
                <Table.Th>{t('credit.orders.reason')}</Table.Th>
                <Table.Th>{t('credit.orders.checklist')}</Table.Th>
                <Table.Th>{t('credit.orders.deliveredOn')}</Table.Th>
                <Table.Th ta="right">{t('credit.orders.invoiced')}</Table.Th>
                <Table.Th>{t('credit.orders.documents')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {orders.data.map((order) => (
                <OrderRows
                  key={order.id}
                  order={order}
                  isOpen={openId === order.id}
                  onToggle={() => setOpenId(openId === order.id ? null : order.id)}
                />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}

/** An order's row, and below it, unfolded, its documents. */
function OrderRows(props: { order: TSalesOrder; isOpen: boolean; onToggle: () => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { order } = props;
  const none = t('common.none');
  return (
    <>
      <Table.Tr data-testid="credit-order-row" data-order-number={order.number}>
        <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }} data-testid="credit-order-number">
          {order.number}
        </Table.Td>
        <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.day(order.orderedOn)}</Table.Td>
        <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }} data-testid="credit-order-amount">
          <Amount value={order.amountCents} currency={order.currency} />
        </Table.Td>
        <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }} data-testid="credit-order-remaining">
          <Amount value={order.remainingCents} currency={order.currency} />
        </Table.Td>
        <Table.Td>
          <Badge
            color={STATUS_COLORS[order.status]}
            variant="light"
            data-testid="credit-order-status"
          >
            {t(`credit.orders.statusName.${order.status}`)}
          </Badge>
        </Table.Td>
        <Table.Td data-testid="credit-order-reason">
          {order.holdReason === null ? none : t(`credit.holdReason.${order.holdReason}`)}
        </Table.Td>
        <Table.Td>
          <Checklist order={order} />
        </Table.Td>
        <Table.Td style={{ whiteSpace: 'nowrap' }} data-testid="credit-order-delivered">
          {order.deliveredOn === null ? none : format.day(order.deliveredOn)}
        </Table.Td>
        <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }} data-testid="credit-order-invoiced">
          <Amount value={order.invoicedCents} currency={order.currency} tone="dimmedWhenZero" />
        </Table.Td>
        <Table.Td>
          <Button
            size="compact-xs"
            variant="subtle"
            onClick={props.onToggle}
            aria-expanded={props.isOpen}
            aria-label={t('credit.orders.documentsOf', { number: order.number })}
            data-testid="credit-order-documents-toggle"
          >
            {props.isOpen ? t('credit.orders.hideDocuments') : t('credit.orders.showDocuments')}
          </Button>
        </Table.Td>
      </Table.Tr>
      {props.isOpen ? (
        <Table.Tr data-testid="credit-order-documents">
          <Table.Td colSpan={COLUMNS}>
            <OrderDocuments order={order} />
          </Table.Td>
        </Table.Tr>
      ) : null}
    </>
  );
}

/** The three checks as small ticks and crosses, each said in words on hover and to readers. */
function Checklist({ order }: { order: TSalesOrder }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap" data-testid="credit-order-checklist">
      {CHECKLIST.map((item) => {
        const isDone = order.checklist[item];
        const label = t(isDone ? 'credit.orders.checkDone' : 'credit.orders.checkMissing', {
          item: t(`credit.orders.check.${item}`),
        });
        return (
          <Tooltip key={item} label={label}>
            <ThemeIcon
              color={isDone ? 'teal' : 'red'}
              variant="light"
              radius="xl"
              size="sm"
              role="img"
              aria-label={label}
              data-testid="credit-order-check"
              data-item={item}
              data-done={isDone}
            >
              <span aria-hidden>{isDone ? '✓' : '✕'}</span>
            </ThemeIcon>
          </Tooltip>
        );
      })}
    </Group>
  );
}

/** An unfolded order's documents, read once unfolded, and the upload for those who may. */
function OrderDocuments({ order }: { order: TSalesOrder }) {
  const { t } = useTranslation();
  const { role } = useCurrentSession().user;
  const target: DocumentTarget = { orderId: order.id };
  const documents = useDocuments(target);
  return (
    <Stack gap="xs" p="xs">
      <Text size="sm" fw={600}>
        {t('credit.orders.documentsOf', { number: order.number })}
      </Text>
      {documents.isError ? (
        <ErrorAlert error={documents.error} onRetry={() => void documents.refetch()} />
      ) : documents.data === undefined ? (
        <Skeleton height={40} aria-hidden="true" />
      ) : documents.data.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="credit-order-documents-empty">
          {t('credit.documents.orderEmpty')}
        </Text>
      ) : (
        <DocumentsTable
          documents={documents.data}
          label={t('credit.documents.orderLabel')}
          showOrigin={false}
        />
      )}
      {canAttachDocument(role, target) && documents.data !== undefined ? (
        <DocumentUploadForm
          target={target}
          kept={documents.data}
          defaultKind="delivery_receipt"
          buttonLabel={t('credit.documents.add')}
        />
      ) : null}
    </Stack>
  );
}
