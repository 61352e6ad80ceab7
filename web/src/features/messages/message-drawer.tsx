import { Anchor, Drawer, Group, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { useFormatters } from '../../ui/format.ts';
import { useIsPhone } from '../../ui/use-is-phone.ts';
import { useCurrentSession } from '../auth/session.ts';
import { CustomerName, MessageStatusBadge } from './message-parts.tsx';
import { attachmentUrl, useMessage } from './messages-api.ts';

type MessageDrawerProps = { messageId: string | null; onClose: () => void };

/**
 * One message as it went out (or will): its recipients, status and why it failed, its
 * text as sent, and for a letter (or an e-mail with one) its PDF.
 */
export function MessageDrawer({ messageId, onClose }: MessageDrawerProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const session = useCurrentSession();
  const isPhone = useIsPhone();
  const message = useMessage(messageId);
  const data = message.data;
  const zone = session.company.timeZone;
  return (
    <Drawer
      opened={messageId !== null}
      onClose={onClose}
      position="right"
      size={isPhone ? '100%' : 'lg'}
      title={data?.subject ?? t('messages.detail.title')}
      closeButtonProps={{ 'aria-label': t('messages.detail.close') }}
      data-testid="message-drawer"
    >
      {message.isError ? (
        <ErrorAlert error={message.error} onRetry={() => void message.refetch()} />
      ) : data === undefined ? (
        <Skeleton height={240} />
      ) : (
        <Stack gap="sm" data-testid="message-detail">
          <Group gap="xs">
            <MessageStatusBadge status={data.status} reason={data.lastError} />
            <Text size="sm">{t(`messages.channels.${data.channel}`)}</Text>
            <Text size="sm" c="dimmed">
              {t('messages.detail.attempts', { count: data.attempts })}
            </Text>
          </Group>
          {data.lastError === null ? null : (
            <Text
              size="sm"
              c={data.status === 'sent' ? 'dimmed' : 'red'}
              data-testid="message-reason"
            >
              {t('messages.detail.reason', { reason: data.lastError })}
            </Text>
          )}
          {data.status === 'queued' && data.nextAttemptAt !== null && data.channel !== 'letter' ? (
            <Text size="sm" c="dimmed">
              {t('messages.detail.nextAttempt', {
                date: format.dateTime(data.nextAttemptAt, zone),
              })}
            </Text>
          ) : null}
          <div>
            <Text size="xs" c="dimmed">
              {t('messages.detail.recipients')}
            </Text>
            <Text
              size="sm"
              style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}
              data-testid="message-recipients"
            >
              {data.channel === 'letter' ? data.recipients.join('\n') : data.recipients.join(', ')}
            </Text>
          </div>
          <div>
            <Text size="xs" c="dimmed">
              {t('messages.detail.customer')}
            </Text>
            <CustomerName customerId={data.customer?.id ?? null} />
          </div>
          <Group gap="lg">
            <div>
              <Text size="xs" c="dimmed">
                {t('messages.detail.createdAt')}
              </Text>
              <Text size="sm">{format.dateTime(data.createdAt, zone)}</Text>
            </div>
            {data.sentAt === null ? null : (
              <div>
                <Text size="xs" c="dimmed">
                  {t('messages.detail.sentAt')}
                </Text>
                <Text size="sm">{format.dateTime(data.sentAt, zone)}</Text>
              </div>
            )}
          </Group>
          {data.hasAttachment ? (
            <Anchor
              href={attachmentUrl(data.id)}
              target="_blank"
              rel="noopener"
              data-testid="message-open-pdf"
            >
              {data.channel === 'letter'
                ? t('messages.detail.openPdf')
                : t('messages.detail.attachment', { name: data.attachmentName ?? 'PDF' })}
            </Anchor>
          ) : null}
          <Text size="xs" c="dimmed">
            {t('messages.detail.body')}
          </Text>
          <Paper withBorder p="sm" radius="md">
            <Text
              size="sm"
              style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
              data-testid="message-body"
            >
              {data.bodyText}
            </Text>
          </Paper>
        </Stack>
      )}
    </Drawer>
  );
}
