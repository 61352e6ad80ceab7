import {
  Anchor,
  Badge,
  Button,
  FileButton,
  Group,
  Paper,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ATTACHMENT_TYPES, MAX_COMMENT_LENGTH } from '../../../../src/disputes/model.ts';
import type { TDisputeDetail } from '../../../../src/disputes/schemas.ts';
import type { TDisputeComment } from '../../../../src/disputes/thread-schemas.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { useFormatters } from '../../ui/format.ts';
import { formatFileSize } from '../imports/file-size.ts';
import { useCurrentSession } from '../auth/session.ts';
import { useAddAttachment, useAddComment, attachmentUrl } from './disputes-api.ts';

const AUTHOR_COLORS: Record<TDisputeComment['authorKind'], string> = {
  staff: 'blue',
  department: 'grape',
  customer: 'orange',
  system: 'gray',
};

/**
 * The thread: the messages of staff, of the department (through its link) and of the
 * customer (the portal), oldest first, each with the outcome it proposes; the documents
 * with their checksum, downloadable; a message box and « Joindre un document ».
 */
export function DisputeThread({
  dispute,
  mayChange,
}: {
  dispute: TDisputeDetail;
  mayChange: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const session = useCurrentSession();
  return (
    <Paper withBorder radius="md" p="md" data-testid="dispute-thread">
      <Title order={2} size="h4" mb="sm">
        {t('disputes.thread.title')}
      </Title>
      <Stack gap="sm">
        {dispute.comments.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('disputes.thread.empty')}
          </Text>
        ) : (
          dispute.comments.map((comment) => (
            <Paper key={comment.id} withBorder radius="sm" p="xs" data-testid="dispute-comment">
              <Group gap="xs" mb={4}>
                <Badge size="xs" variant="light" color={AUTHOR_COLORS[comment.authorKind]}>
                  {t(`disputes.thread.authors.${comment.authorKind}`)}
                </Badge>
                <Text size="xs" fw={600}>
                  {comment.authorName ?? ''}
                </Text>
                <Text size="xs" c="dimmed">
                  {format.dateTime(comment.createdAt, session.company.timeZone)}
                </Text>
              </Group>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="dispute-comment-body">
                {comment.body}
              </Text>
              {comment.proposedOutcome === null ? null : (
                <Text size="xs" mt={4} c="dimmed" data-testid="dispute-comment-proposal">
                  {t('disputes.thread.proposes', {
                    outcome: t(`disputes.outcomes.${comment.proposedOutcome}`),
                  })}
                </Text>
              )}
            </Paper>
          ))
        )}
        <Attachments dispute={dispute} />
        {mayChange && dispute.status !== 'resolved' ? <ThreadInputs dispute={dispute} /> : null}
      </Stack>
    </Paper>
  );
}

function Attachments({ dispute }: { dispute: TDisputeDetail }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const session = useCurrentSession();
  if (dispute.attachments.length === 0) {
    return null;
  }
  return (
    <Stack gap={4} data-testid="dispute-attachments">
      <Text size="sm" fw={600}>
        {t('disputes.thread.attachments')}
      </Text>
      {dispute.attachments.map((attachment) => (
        <Group key={attachment.id} gap="xs" wrap="nowrap" data-testid="dispute-attachment">
          <Anchor
            href={attachmentUrl(dispute.id, attachment.id)}
            download={attachment.fileName}
            size="sm"
            data-testid="dispute-attachment-link"
          >
            {attachment.fileName}
          </Anchor>
          <Text size="xs" c="dimmed" truncate title={`SHA-256 ${attachment.sha256}`}>
            {formatFileSize(attachment.sizeBytes, format.language)} ·{' '}
            {t(`disputes.thread.authors.${attachment.uploadedByKind}`)}
            {attachment.uploadedByName === null ? '' : ` (${attachment.uploadedByName})`} ·{' '}
            {format.dateTime(attachment.createdAt, session.company.timeZone)}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}

function ThreadInputs({ dispute }: { dispute: TDisputeDetail }) {
  const { t } = useTranslation();
  const comment = useAddComment(dispute.id);
  const attach = useAddAttachment(dispute.id);
  const [body, setBody] = useState('');
  return (
    <Stack gap="xs">
      <Textarea
        label={t('disputes.thread.message')}
        placeholder={t('disputes.thread.messagePlaceholder')}
        autosize
        minRows={2}
        maxRows={8}
        maxLength={MAX_COMMENT_LENGTH}
        value={body}
        onChange={(event) => setBody(event.currentTarget.value)}
        data-testid="dispute-comment-input"
      />
      {comment.isError ? <ErrorAlert error={comment.error} /> : null}
      {attach.isError ? <ErrorAlert error={attach.error} /> : null}
      <Group justify="space-between">
        <FileButton
          accept={ATTACHMENT_TYPES.join(',')}
          onChange={(file) => {
            if (file !== null) {
              attach.mutate(file);
            }
          }}
        >
          {(props) => (
            <Button
              {...props}
              variant="default"
              size="xs"
              loading={attach.isPending}
              data-testid="dispute-attach"
            >
              {t('disputes.thread.attach')}
            </Button>
          )}
        </FileButton>
        <Button
          size="xs"
          disabled={body.trim() === ''}
          loading={comment.isPending}
          onClick={() => comment.mutate({ body: body.trim() }, { onSuccess: () => setBody('') })}
          data-testid="dispute-comment-send"
        >
          {t('disputes.thread.send')}
        </Button>
      </Group>
    </Stack>
  );
}
