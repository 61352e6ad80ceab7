import {
  Alert,
  Button,
  Code,
  CopyButton,
  Group,
  Modal,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TDisputeDetail } from '../../../../src/disputes/schemas.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { useFormatters } from '../../ui/format.ts';
import { useCurrentSession } from '../auth/session.ts';
import { useCreateDisputeLink, useRevokeDisputeLink } from './disputes-api.ts';

/** A URL shown this once, with a copy button: the server keeps only its token's hash. */
export function OnceShownUrl({ url, testId }: { url: string; testId: string }) {
  const { t } = useTranslation();
  const absolute = new URL(url, window.location.origin).toString();
  return (
    <Alert color="blue" variant="light" title={t('disputes.links.shownOnce')}>
      <Stack gap="xs">
        <Code block data-testid={testId} style={{ overflowWrap: 'anywhere' }}>
          {absolute}
        </Code>
        <CopyButton value={absolute}>
          {({ copied, copy }) => (
            <Button size="xs" variant="light" onClick={copy} w="fit-content">
              {copied ? t('disputes.links.copied') : t('disputes.links.copy')}
            </Button>
          )}
        </CopyButton>
      </Stack>
    </Alert>
  );
}

/**
 * The department's links: « Envoyer le lien au service » (to the assignee unless told
 * otherwise; the URL shown once), the links given out and when each was last used, revocable.
 */
export function DisputeLinks({
  dispute,
  mayChange,
}: {
  dispute: TDisputeDetail;
  mayChange: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const session = useCurrentSession();
  const revoke = useRevokeDisputeLink(dispute.id);
  const [isSending, setSending] = useState(false);
  const isResolved = dispute.status === 'resolved';
  return (
    <Paper withBorder radius="md" p="md" data-testid="dispute-links">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t('disputes.links.title')}
        </Title>
        {mayChange && !isResolved ? (
          <Button size="xs" onClick={() => setSending(true)} data-testid="dispute-send-link">
            {t('disputes.links.send')}
          </Button>
        ) : null}
      </Group>
      {dispute.links.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('disputes.links.none')}
        </Text>
      ) : (
        <Stack gap="xs">
          {dispute.links.map((link) => (
            <Group key={link.id} justify="space-between" wrap="nowrap" data-testid="dispute-link">
              <div>
                <Text size="sm">
                  {[link.recipientName, link.recipientEmail]
                    .filter((part) => part !== null)
                    .join(' · ') || t('disputes.links.noRecipient')}
                </Text>
                <Text size="xs" c="dimmed">
                  {link.revokedAt === null
                    ? t('disputes.links.expires', {
                        date: format.dateTime(link.expiresAt, session.company.timeZone),
                      })
                    : t('disputes.links.revoked', {
                        date: format.dateTime(link.revokedAt, session.company.timeZone),
                      })}
                  {link.lastUsedAt === null
                    ? ''
                    : ` · ${t('disputes.links.lastUsed', {
                        date: format.dateTime(link.lastUsedAt, session.company.timeZone),
                      })}`}
                </Text>
              </div>
              {mayChange && link.revokedAt === null ? (
                <Button
                  size="xs"
                  variant="subtle"
                  color="red"
                  loading={revoke.isPending && revoke.variables === link.id}
                  onClick={() => revoke.mutate(link.id)}
                  data-testid="dispute-link-revoke"
                >
                  {t('disputes.links.revoke')}
                </Button>
              ) : null}
            </Group>
          ))}
        </Stack>
      )}
      {revoke.isError ? <ErrorAlert error={revoke.error} /> : null}
      <SendLinkDialog dispute={dispute} isOpen={isSending} onClose={() => setSending(false)} />
    </Paper>
  );
}

function SendLinkDialog({
  dispute,
  isOpen,
  onClose,
}: {
  dispute: TDisputeDetail;
  isOpen: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreateDisputeLink(dispute.id);
  const [name, setName] = useState(dispute.assignee.name ?? '');
  const [email, setEmail] = useState(dispute.assignee.email ?? '');
  const close = () => {
    create.reset();
    onClose();
  };
  const send = () => {
    const keptName = name.trim();
    const keptEmail = email.trim();
    create.mutate({
      ...(keptName === '' ? {} : { recipientName: keptName }),
      ...(keptEmail === '' ? {} : { recipientEmail: keptEmail }),
    });
  };
  return (
    <Modal
      opened={isOpen}
      onClose={close}
      title={t('disputes.links.sendTitle', { reference: dispute.reference })}
      centered
      data-testid="dispute-link-dialog"
    >
      {create.data === undefined ? (
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('disputes.links.explain')}
          </Text>
          <TextInput
            label={t('disputes.links.recipientName')}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            data-testid="dispute-link-name"
          />
          <TextInput
            label={t('disputes.links.recipientEmail')}
            type="email"
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
            data-testid="dispute-link-email"
          />
          {create.isError ? <ErrorAlert error={create.error} /> : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close} disabled={create.isPending}>
              {t('disputes.cancel')}
            </Button>
            <Button onClick={send} loading={create.isPending} data-testid="dispute-link-confirm">
              {t('disputes.links.confirm')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Stack gap="sm">
          <OnceShownUrl url={create.data.url} testId="dispute-link-url" />
          <Group justify="flex-end">
            <Button onClick={close} data-testid="dispute-link-done">
              {t('disputes.links.done')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
