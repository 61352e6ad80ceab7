import { Button, Group, Paper, Select, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ZMessageChannel, ZMessageStatus } from '../../../../src/jobs/schemas.ts';
import { EmptyList } from '../../ui/empty-list.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { useFormatters } from '../../ui/format.ts';
import { PageTitle } from '../../ui/page-title.tsx';
import { pickOne } from '../../ui/use-list-params.ts';
import { useCurrentSession } from '../auth/session.ts';
import { canAssignDunning } from '../dunning/dunning-permissions.ts';
import { MessageDrawer } from './message-drawer.tsx';
import { MessageList } from './message-list.tsx';
import {
  useLettersToPrint,
  useMessages,
  usePrintLetters,
  type MessageFilters,
} from './messages-api.ts';

/**
 * Every message the company sent, is sending or could not send, newest first, filtered by
 * status and channel (in the URL); a message opens in a drawer with its text as sent. The
 * letters waiting for print come as one PDF (`dunning:assign`).
 */
export function MessagesPage() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const [search, setSearch] = useSearchParams();
  const filters: MessageFilters = {
    status: pickOne(search.get('status'), ZMessageStatus.options),
    channel: pickOne(search.get('channel'), ZMessageChannel.options),
  };
  const openId = search.get('message');
  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(search);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value === '') {
        next.delete(key);
      } else {
        next.set(key, value);
      }
    }
    setSearch(next, { replace: true });
  };
  const messages = useMessages(filters);
  const items = messages.data?.pages.flatMap((page) => page.items);
  const hasFilters = filters.status !== undefined || filters.channel !== undefined;
  return (
    <Stack gap="md" data-testid="messages-page">
      <PageTitle title={t('messages.title')}>
        {canAssignDunning(session.user.role) ? <PrintLettersButton /> : null}
      </PageTitle>
      <Group gap="sm" align="flex-end">
        <Select
          label={t('messages.status')}
          data={[
            { value: '', label: t('messages.allStatuses') },
            ...ZMessageStatus.options.map((status) => ({
              value: status,
              label: t(`messages.statuses.${status}`),
            })),
          ]}
          value={filters.status ?? ''}
          onChange={(value) => update({ status: value })}
          allowDeselect={false}
          w={200}
          comboboxProps={{ withinPortal: true }}
          data-testid="messages-status"
        />
        <Select
          label={t('messages.channel')}
          data={[
            { value: '', label: t('messages.allChannels') },
            ...ZMessageChannel.options.map((channel) => ({
              value: channel,
              label: t(`messages.channels.${channel}`),
            })),
          ]}
          value={filters.channel ?? ''}
          onChange={(value) => update({ channel: value })}
          allowDeselect={false}
          w={200}
          comboboxProps={{ withinPortal: true }}
          data-testid="messages-channel"
        />
      </Group>
      {messages.isError ? (
        <ErrorAlert error={messages.error} onRetry={() => void messages.refetch()} />
      ) : items?.length === 0 ? (
        <Paper withBorder radius="md">
          <EmptyList
            title={t('messages.emptyTitle')}
            description={t('messages.emptyText')}
            clearFiltersLabel={t('messages.clearFilters')}
            isPastFirstPage={false}
            hasFilters={hasFilters}
            onFirstPage={() => undefined}
            onClearFilters={() => update({ status: null, channel: null })}
            data-testid="messages-empty"
          />
        </Paper>
      ) : (
        <MessageList
          items={items}
          isStale={messages.isFetching && !messages.isFetchingNextPage && !messages.isPending}
          showCustomer
          hasMore={messages.hasNextPage}
          isLoadingMore={messages.isFetchingNextPage}
          onMore={() => void messages.fetchNextPage()}
          onOpen={(id) => update({ message: id })}
        />
      )}
      <MessageDrawer messageId={openId} onClose={() => update({ message: null })} />
    </Stack>
  );
}

/** « Imprimer les courriers (n) »: the print batch of the letters waiting, as one PDF. */
function PrintLettersButton() {
  const { t } = useTranslation();
  const format = useFormatters();
  const toPrint = useLettersToPrint(true);
  const print = usePrintLetters();
  const count = toPrint.data?.count;
  return (
    <Stack gap={4} align="flex-end">
      <Button
        variant="light"
        onClick={() => print.mutate(t('messages.print.fileName'))}
        loading={print.isPending}
        disabled={count === undefined || count === 0}
        title={count === 0 ? t('messages.print.none') : undefined}
        data-testid="letters-print"
      >
        {t('messages.print.button', { count: count ?? 0, formatted: format.integer(count ?? 0) })}
      </Button>
      {print.isError ? <ErrorAlert error={print.error} /> : null}
    </Stack>
  );
}
