import { Button, Group, Paper, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TMessageItem } from '../../../../src/jobs/schemas.ts';
import { CardList } from '../../ui/card-list.tsx';
import { useFormatters } from '../../ui/format.ts';
import { TableSkeletonRows } from '../../ui/table-skeleton.tsx';
import classes from '../../ui/table.module.css';
import { useIsPhone } from '../../ui/use-is-phone.ts';
import { useCurrentSession } from '../auth/session.ts';
import { CustomerName, MessageStatusBadge } from './message-parts.tsx';

type MessageListProps = {
  items: readonly TMessageItem[] | undefined;
  isStale: boolean;
  /** The customer column is left out on a customer's own page. */
  showCustomer: boolean;
  hasMore: boolean;
  isLoadingMore: boolean;
  onMore: () => void;
  onOpen: (id: string) => void;
};

/**
 * Messages newest first: a table, or a card per message at phone width (no sideways
 * scrolling); a row or card opens the message. Older ones come a page at a time.
 */
export function MessageList(props: MessageListProps) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  return (
    <Stack gap="sm">
      {isPhone ? (
        <CardList
          items={props.items}
          isStale={props.isStale}
          label={t('messages.tableLabel')}
          cardHeight={84}
          testId="message-cards"
          renderCard={(message) => (
            <MessageCard
              key={message.id}
              message={message}
              showCustomer={props.showCustomer}
              onOpen={() => props.onOpen(message.id)}
            />
          )}
        />
      ) : (
        <MessageTable {...props} />
      )}
      {props.hasMore ? (
        <Group justify="center">
          <Button
            variant="default"
            onClick={props.onMore}
            loading={props.isLoadingMore}
            data-testid="messages-more"
          >
            {t('messages.more')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}

function recipientsText(message: TMessageItem): string {
  // A letter's recipients are its address lines: its first line (the name) says enough.
  return message.channel === 'letter'
    ? (message.recipients[0] ?? '')
    : message.recipients.join(', ');
}

function MessageTable({ items, isStale, showCustomer, onOpen }: MessageListProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const session = useCurrentSession();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table
        highlightOnHover
        aria-label={t('messages.tableLabel')}
        aria-busy={items === undefined || isStale}
        style={{ opacity: isStale ? 0.6 : 1, transition: 'opacity 120ms' }}
        data-testid="messages-table"
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('messages.columns.date')}</Table.Th>
            <Table.Th>{t('messages.columns.channel')}</Table.Th>
            <Table.Th>{t('messages.columns.recipients')}</Table.Th>
            <Table.Th>{t('messages.columns.subject')}</Table.Th>
            {showCustomer ? <Table.Th>{t('messages.columns.customer')}</Table.Th> : null}
            <Table.Th>{t('messages.columns.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items === undefined ? (
            <TableSkeletonRows columns={showCustomer ? 6 : 5} rows={5} />
          ) : (
            items.map((message) => (
              <Table.Tr
                key={message.id}
                className={classes.clickableRow}
                tabIndex={0}
                onClick={() => onOpen(message.id)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter') {
                    onOpen(message.id);
                  }
                }}
                aria-label={t('messages.open', {
                  subject: message.subject ?? t(`messages.channels.${message.channel}`),
                })}
                data-testid="message-row"
                data-message-id={message.id}
              >
                <Table.Td className={classes.date}>
                  {format.dateTime(message.sentAt ?? message.createdAt, session.company.timeZone)}
                </Table.Td>
                <Table.Td>{t(`messages.channels.${message.channel}`)}</Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{recipientsText(message)}</Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>
                  {message.subject ?? (
                    <Text span c="dimmed" size="sm">
                      {t('messages.noSubject')}
                    </Text>
                  )}
                </Table.Td>
                {showCustomer ? (
                  <Table.Td>
                    <CustomerName customerId={message.customer?.id ?? null} />
                  </Table.Td>
                ) : null}
                <Table.Td>
                  <MessageStatusBadge status={message.status} reason={message.lastError} />
                </Table.Td>
              </Table.Tr>
            ))
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

type MessageCardProps = { message: TMessageItem; showCustomer: boolean; onOpen: () => void };

function MessageCard({ message, showCustomer, onOpen }: MessageCardProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const session = useCurrentSession();
  return (
    <Paper
      withBorder
      radius="md"
      role="listitem"
      data-testid="message-card"
      data-message-id={message.id}
    >
      <UnstyledButton onClick={onOpen} p="sm" w="100%">
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
            {message.subject ?? t(`messages.channels.${message.channel}`)}
          </Text>
          <MessageStatusBadge status={message.status} reason={message.lastError} />
        </Group>
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {t(`messages.channels.${message.channel}`)} · {recipientsText(message)}
        </Text>
        <Text size="xs" c="dimmed">
          {format.dateTime(message.sentAt ?? message.createdAt, session.company.timeZone)}
        </Text>
        {message.status === 'failed' || message.status === 'bounced' ? (
          <Text size="xs" c="red" style={{ overflowWrap: 'anywhere' }}>
            {message.lastError}
          </Text>
        ) : null}
      </UnstyledButton>
      {showCustomer ? (
        <Text px="sm" pb="sm" size="xs">
          <CustomerName customerId={message.customer?.id ?? null} />
        </Text>
      ) : null}
    </Paper>
  );
}
