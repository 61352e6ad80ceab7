import { Badge, Button, Checkbox, Group, Paper, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Amount } from '../../ui/amount.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { useFormatters } from '../../ui/format.ts';
import { downloadInvoice, type PortalItem } from './portal-api.ts';
import { hasOpenDispute, isActionable } from './portal-model.ts';

/** What a card asks the page to do for its item. */
export type ItemActions = {
  onApprove: (items: PortalItem[]) => void;
  onProblem: (items: PortalItem[]) => void;
  onPromise: (items: PortalItem[]) => void;
};

type PortalItemCardProps = ItemActions & {
  token: string;
  item: PortalItem;
  isChosen: boolean;
  onToggle: () => void;
  /** While an approval is on its way: its buttons wait. */
  isBusy: boolean;
};

/**
 * One invoice or credit note, as a card a thumb can work: its number, dates, amounts and
 * days late, its PDF, what was already said about it (approved, a dispute, a promise) and
 * the three actions, each a full-width target on a phone.
 */
export function PortalItemCard({
  token,
  item,
  isChosen,
  onToggle,
  isBusy,
  onApprove,
  onProblem,
  onPromise,
}: PortalItemCardProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const pdf = useMutation({ mutationFn: () => downloadInvoice(token, item) });
  const isInvoice = item.kind === 'invoice';
  const canAct = isActionable(item);
  const title = isInvoice
    ? t('portal.items.invoice', { number: item.number })
    : t('portal.items.creditNote', { number: item.number });

  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      role="listitem"
      data-testid="portal-item"
      data-number={item.number}
      bg={isChosen ? 'teal.0' : 'white'}
    >
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          {canAct ? (
            <Checkbox
              size="md"
              checked={isChosen}
              onChange={onToggle}
              label={<Text fw={650}>{title}</Text>}
              aria-label={t('portal.items.select', { number: item.number })}
              data-testid="item-select"
            />
          ) : (
            <Text fw={650}>{title}</Text>
          )}
          <Text fw={650} size="lg" data-testid="item-open">
            <Amount value={item.openCents} currency={item.currency} />
          </Text>
        </Group>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text size="sm" c="dimmed">
            {t('portal.items.issued', { date: format.day(item.issueDate) })}
          </Text>
          <Text size="sm" data-testid="item-due">
            {t('portal.items.due', { date: format.day(item.dueDate) })}
          </Text>
        </Group>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text size="sm" c="dimmed">
            {t('portal.items.amount')} <Amount value={item.amountCents} currency={item.currency} />
          </Text>
          {!isInvoice ? null : item.daysLate > 0 ? (
            <Badge color="red" variant="light" data-testid="item-late">
              {t('portal.items.late', { count: item.daysLate })}
            </Badge>
          ) : (
            <Badge color="gray" variant="light" data-testid="item-late">
              {t('portal.items.notDue')}
            </Badge>
          )}
        </Group>
        <ItemState item={item} />
        {item.hasDocument ? (
          <Button
            variant="default"
            size="md"
            fullWidth
            loading={pdf.isPending}
            onClick={() => pdf.mutate()}
            aria-label={t('portal.items.pdfLabel', { number: item.number })}
            data-testid="item-pdf"
          >
            {t('portal.items.pdf')}
          </Button>
        ) : null}
        {pdf.isError ? <ErrorAlert error={pdf.error} /> : null}
        {canAct ? (
          <Stack gap={6}>
            {item.approvedAt === null ? (
              <Button
                size="md"
                fullWidth
                color="teal"
                loading={isBusy}
                onClick={() => onApprove([item])}
                data-testid="item-approve"
              >
                {t('portal.actions.approve')}
              </Button>
            ) : null}
            {hasOpenDispute(item) ? null : (
              <Button
                size="md"
                fullWidth
                variant="light"
                color="orange"
                onClick={() => onProblem([item])}
                data-testid="item-problem"
              >
                {t('portal.actions.problem')}
              </Button>
            )}
            <Button
              size="md"
              fullWidth
              variant="light"
              onClick={() => onPromise([item])}
              data-testid="item-promise"
            >
              {t('portal.actions.promise')}
            </Button>
          </Stack>
        ) : null}
      </Stack>
    </Paper>
  );
}

/** What the customer already said about the item, newest facts the list got back. */
function ItemState({ item }: { item: PortalItem }) {
  const { t } = useTranslation();
  const format = useFormatters();
  if (item.approvedAt === null && item.dispute === null && item.promise === null) {
    return null;
  }
  return (
    <Stack gap={4}>
      {item.approvedAt === null ? null : (
        <Text size="sm" c="teal.8" fw={600} data-testid="item-approved">
          {t('portal.items.approvedOn', {
            // The business's own clock: the portal's companies are French (DESIGN.md).
            date: format.dateTime(item.approvedAt, 'Europe/Paris'),
          })}
        </Text>
      )}
      {item.dispute === null ? null : (
        <Text size="sm" c="orange.8" fw={600} data-testid="item-dispute">
          {t('portal.items.dispute', {
            reference: item.dispute.reference,
            status: t(`portal.items.disputeStatus.${item.dispute.status}`),
          })}
        </Text>
      )}
      {item.promise === null ? null : (
        <Text size="sm" c="blue.8" fw={600} data-testid="item-promised">
          {t('portal.items.promise', {
            date: format.day(item.promise.promisedOn),
            amount: format.amount(item.promise.amountCents, item.currency),
          })}
        </Text>
      )}
    </Stack>
  );
}
