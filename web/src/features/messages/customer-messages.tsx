import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { EmptyTab } from '../customers/empty-tab.tsx';
import { MessageDrawer } from './message-drawer.tsx';
import { MessageList } from './message-list.tsx';
import { useMessages } from './messages-api.ts';

/** The « Messages » tab of a customer: what was sent to it, newest first, each to open. */
export function CustomerMessages({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const [openId, setOpenId] = useState<string | null>(null);
  const messages = useMessages({ customerId });
  if (messages.isError) {
    return <ErrorAlert error={messages.error} onRetry={() => void messages.refetch()} />;
  }
  const items = messages.data?.pages.flatMap((page) => page.items);
  if (items?.length === 0) {
    return <EmptyTab text={t('messages.customerEmpty')} testId="customer-messages-empty" />;
  }
  return (
    <>
      <MessageList
        items={items}
        isStale={messages.isFetching && !messages.isFetchingNextPage && !messages.isPending}
        showCustomer={false}
        hasMore={messages.hasNextPage}
        isLoadingMore={messages.isFetchingNextPage}
        onMore={() => void messages.fetchNextPage()}
        onOpen={setOpenId}
      />
      <MessageDrawer messageId={openId} onClose={() => setOpenId(null)} />
    </>
  );
}
