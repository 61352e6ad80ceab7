import { Anchor, Badge, Text, Tooltip, type MantineColor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMessageCustomer, type MessageStatus } from './messages-api.ts';

const STATUS_COLORS: Readonly<Record<MessageStatus, MantineColor>> = {
  queued: 'gray',
  sending: 'blue',
  sent: 'green',
  failed: 'red',
  bounced: 'orange',
};

/** A message's status; a failure or a bounce says why on hover (and in the detail). */
export function MessageStatusBadge({
  status,
  reason,
}: {
  status: MessageStatus;
  reason: string | null;
}) {
  const { t } = useTranslation();
  const badge = (
    <Badge color={STATUS_COLORS[status]} variant="light" data-testid="message-status">
      {t(`messages.statuses.${status}`)}
    </Badge>
  );
  const hasReason = (status === 'failed' || status === 'bounced') && reason !== null;
  return hasReason ? (
    <Tooltip label={reason} multiline maw={360}>
      {badge}
    </Tooltip>
  ) : (
    badge
  );
}

/**
 * The customer a message is for, by name: the API gives its id, the customer's own page
 * its name (one request per customer, shared by every row naming it).
 */
export function CustomerName({ customerId }: { customerId: string | null }) {
  const { t } = useTranslation();
  const customer = useMessageCustomer(customerId);
  if (customerId === null) {
    return (
      <Text span c="dimmed" size="sm">
        {t('messages.noCustomer')}
      </Text>
    );
  }
  return (
    <Anchor
      component={Link}
      to={`/customers/${encodeURIComponent(customerId)}`}
      size="sm"
      onClick={(event) => event.stopPropagation()}
      style={{ overflowWrap: 'anywhere' }}
      data-testid="message-customer"
    >
      {customer.data === undefined ? '…' : `${customer.data.code} · ${customer.data.legalName}`}
    </Anchor>
  );
}
