import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TLinkedDispute } from '../../../../src/disputes/link-schemas.ts';
import {
  DECIDED_OUTCOMES,
  MAX_COMMENT_LENGTH,
  type DecidedOutcome,
} from '../../../../src/disputes/model.ts';
import type {
  TDisputeAttachment,
  TDisputeComment,
} from '../../../../src/disputes/thread-schemas.ts';
import { describeError, ErrorAlert } from '../../ui/error-alert.tsx';
import { useFormatters } from '../../ui/format.ts';
import { ANSWER_ATTACHMENT_TYPES } from '../portal/attachment-check.ts';
import { AttachmentPicker } from '../portal/attachment-picker.tsx';
import { useLinkToken } from '../portal/access-token.ts';
import { LinkPageLayout, LinkPageProblem, LinkPageSkeleton } from '../portal/link-page-layout.tsx';
import { LinkQueryProvider } from '../portal/link-query-provider.tsx';
import { useCauseName } from '../portal/use-cause-name.ts';
import { downloadAttachment, useAnswerDispute, useLinkedDispute } from './dispute-answer-api.ts';

/** Instants are shown on the business's clock: the companies are French (DESIGN.md). */
const TIME_ZONE = 'Europe/Paris';

/**
 * The department's answer page (`/reponse#<token>`, issue 10): the one dispute its link
 * opens — who, why, how much, by when —, its thread and documents, and a form to answer
 * with a message, a proposed outcome and proof, without an account.
 */
export function DisputeAnswerPage() {
  return (
    <LinkQueryProvider>
      <DisputeAnswerScreen />
    </LinkQueryProvider>
  );
}

function DisputeAnswerScreen() {
  const { t } = useTranslation();
  const token = useLinkToken();
  const linked = useLinkedDispute(token);
  const data = linked.data;
  const title =
    data === undefined
      ? t('disputeAnswer.titleLoading')
      : t('disputeAnswer.title', { reference: data.dispute.reference });
  return (
    <LinkPageLayout company={data?.company.legalName} title={title}>
      {token === undefined || linked.isError ? (
        <LinkPageProblem error={linked.error ?? undefined} onRetry={() => void linked.refetch()} />
      ) : data === undefined ? (
        <LinkPageSkeleton />
      ) : (
        <DisputeAnswerView token={token} linked={data} />
      )}
    </LinkPageLayout>
  );
}

function DisputeAnswerView({ token, linked }: { token: string; linked: TLinkedDispute }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { dispute } = linked;
  const recipient = linked.recipient.name;
  return (
    <Stack gap="md" data-testid="dispute-answer-page">
      <Text size="sm">
        {recipient === null
          ? t('disputeAnswer.greetingAnonymous', { company: linked.company.legalName })
          : t('disputeAnswer.greeting', { name: recipient, company: linked.company.legalName })}
      </Text>
      {dispute.status === 'resolved' ? (
        <Alert color="green" variant="light" data-testid="dispute-answer-resolved">
          {t('disputeAnswer.resolved')}
        </Alert>
      ) : (
        <Alert color="orange" variant="light" data-testid="dispute-answer-deadline">
          {t('disputeAnswer.deadline', { date: format.day(dispute.deadline) })}
        </Alert>
      )}
      <DisputeFacts linked={linked} />
      <DisputeInvoices linked={linked} />
      <DisputeThread comments={linked.comments} />
      <DisputeDocuments token={token} attachments={linked.attachments} />
      {dispute.status === 'resolved' ? null : <AnswerForm token={token} />}
      <Text size="xs" c="dimmed">
        {t('disputeAnswer.linkValidUntil', { date: format.dateTime(linked.expiresAt, TIME_ZONE) })}
      </Text>
    </Stack>
  );
}

function Section({
  title,
  label,
  testId,
  children,
}: {
  title: string;
  label?: string;
  testId: string;
  children: ReactNode;
}) {
  return (
    <Paper withBorder p="md" radius="md" aria-label={label ?? title} data-testid={testId}>
      <Stack gap="xs">
        <Title order={2} size="h5">
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

function Fact({ label, testId, children }: { label: string; testId: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500} data-testid={testId}>
        {children}
      </Text>
    </Stack>
  );
}

/** Who disputes what, for how much, since when and by when an answer is due. */
function DisputeFacts({ linked }: { linked: TLinkedDispute }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const causeName = useCauseName();
  const { dispute } = linked;
  return (
    <Section title={t('disputeAnswer.facts.label')} testId="dispute-answer-facts">
      <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm">
        <Fact label={t('disputeAnswer.facts.customer')} testId="dispute-answer-customer">
          {dispute.customer.name} ({dispute.customer.code})
        </Fact>
        <Fact label={t('disputeAnswer.facts.cause')} testId="dispute-answer-cause">
          {causeName(dispute.cause, dispute.causeLabel)}
        </Fact>
        <Fact label={t('disputeAnswer.facts.amount')} testId="dispute-answer-amount">
          {format.amount(dispute.amountCents, dispute.currency)}
        </Fact>
        <Fact label={t('disputeAnswer.facts.raisedOn')} testId="dispute-answer-raised-on">
          {format.day(dispute.raisedOn)}
        </Fact>
        <Fact label={t('disputeAnswer.facts.deadline')} testId="dispute-answer-deadline-date">
          {format.day(dispute.deadline)}
        </Fact>
        <Fact label={t('disputeAnswer.facts.status')} testId="dispute-answer-status">
          {t(`disputeAnswer.status.${dispute.status}`)}
        </Fact>
      </SimpleGrid>
      <Stack gap={0}>
        <Text size="xs" c="dimmed">
          {t('disputeAnswer.facts.description')}
        </Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="dispute-answer-description">
          {dispute.description ?? t('disputeAnswer.facts.noDescription')}
        </Text>
      </Stack>
    </Section>
  );
}

/** The invoices in the dispute, each with the part disputed (none: all of it). */
function DisputeInvoices({ linked }: { linked: TLinkedDispute }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { currency } = linked.dispute;
  return (
    <Section
      title={t('disputeAnswer.invoices.title')}
      label={t('disputeAnswer.invoices.label')}
      testId="dispute-answer-invoices"
    >
      {linked.dispute.invoices.map((invoice) => (
        <Stack key={invoice.number} gap={2} data-testid="dispute-answer-invoice">
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Text size="sm" fw={600}>
              {t('disputeAnswer.invoices.invoice', { number: invoice.number })}
            </Text>
            <Text size="sm">
              {t('disputeAnswer.invoices.amount', {
                amount: format.amount(invoice.amountCents, currency),
              })}
            </Text>
          </Group>
          <Text size="xs" c="dimmed">
            {t('disputeAnswer.invoices.dates', {
              issued: format.day(invoice.issueDate),
              due: format.day(invoice.dueDate),
            })}
          </Text>
          <Text size="sm" c="orange.8" data-testid="dispute-answer-disputed">
            {invoice.disputedCents === null
              ? t('disputeAnswer.invoices.wholeDisputed')
              : t('disputeAnswer.invoices.disputed', {
                  amount: format.amount(invoice.disputedCents, currency),
                })}
          </Text>
        </Stack>
      ))}
    </Section>
  );
}

/** The thread, oldest first, as a conversation reads. */
function DisputeThread({ comments }: { comments: readonly TDisputeComment[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <Section
      title={t('disputeAnswer.thread.title')}
      label={t('disputeAnswer.thread.label')}
      testId="dispute-answer-thread"
    >
      {comments.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('disputeAnswer.thread.empty')}
        </Text>
      ) : (
        comments.map((comment) => (
          <Paper
            key={comment.id}
            bg="gray.0"
            p="sm"
            radius="sm"
            data-testid="dispute-answer-comment"
          >
            <Stack gap={4}>
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Text size="xs" fw={600}>
                  {comment.authorName ?? t(`disputeAnswer.thread.authors.${comment.authorKind}`)}
                </Text>
                <Text size="xs" c="dimmed">
                  {format.dateTime(comment.createdAt, TIME_ZONE)}
                </Text>
              </Group>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {comment.body}
              </Text>
              {comment.proposedOutcome === null ? null : (
                <Badge variant="light" data-testid="dispute-answer-proposal">
                  {t('disputeAnswer.thread.proposed', {
                    outcome: t(`disputes.outcomes.${comment.proposedOutcome}`),
                  })}
                </Badge>
              )}
            </Stack>
          </Paper>
        ))
      )}
    </Section>
  );
}

/** The documents, each downloaded through the link (the token never goes in a URL). */
function DisputeDocuments({
  token,
  attachments,
}: {
  token: string;
  attachments: readonly TDisputeAttachment[];
}) {
  const { t } = useTranslation();
  const download = useMutation({
    mutationFn: (attachment: TDisputeAttachment) => downloadAttachment(token, attachment),
  });
  const kilobytes = (bytes: number) => Math.max(1, Math.ceil(bytes / 1024));
  return (
    <Section
      title={t('disputeAnswer.documents.title')}
      label={t('disputeAnswer.documents.label')}
      testId="dispute-answer-documents"
    >
      {attachments.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('disputeAnswer.documents.empty')}
        </Text>
      ) : (
        attachments.map((attachment) => (
          <Group
            key={attachment.id}
            justify="space-between"
            wrap="nowrap"
            gap="xs"
            data-testid="dispute-answer-document"
          >
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Text size="sm" truncate>
                {attachment.fileName}
              </Text>
              <Text size="xs" c="dimmed">
                {t('disputeAnswer.documents.size', { size: kilobytes(attachment.sizeBytes) })}
              </Text>
            </Stack>
            <Button
              variant="default"
              size="md"
              loading={download.isPending && download.variables.id === attachment.id}
              onClick={() => download.mutate(attachment)}
              style={{ flex: 'none' }}
              aria-label={t('disputeAnswer.documents.download', { name: attachment.fileName })}
              data-testid="dispute-answer-download"
            >
              {t('portal.link.download')}
            </Button>
          </Group>
        ))
      )}
      {download.isError ? <ErrorAlert error={download.error} /> : null}
    </Section>
  );
}

/** « Pas encore de proposition » is the radio's own value; the request then has none. */
const NO_OUTCOME = 'none';

/** The answer: a message, what the department proposes, and its proof. */
function AnswerForm({ token }: { token: string }) {
  const { t } = useTranslation();
  const answer = useAnswerDispute(token);
  const [message, setMessage] = useState('');
  const [outcome, setOutcome] = useState<string>(NO_OUTCOME);
  const [files, setFiles] = useState<File[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [sent, setSent] = useState<string[]>([]);

  const submit = () => {
    if (message.trim() === '') {
      setProblem(t('disputeAnswer.form.messageMissing'));
      return;
    }
    setProblem(null);
    const proposed = DECIDED_OUTCOMES.find((entry): entry is DecidedOutcome => entry === outcome);
    answer.mutate(
      {
        body: message.trim(),
        ...(proposed === undefined ? {} : { proposedOutcome: proposed }),
        files,
      },
      {
        onSuccess: ({ failedUploads }) => {
          setSent([
            t('disputeAnswer.form.sent'),
            ...failedUploads.map(({ file, error }) =>
              t('portal.attachments.uploadFailed', {
                name: file.name,
                reason: describeError(error),
              }),
            ),
          ]);
          setMessage('');
          setOutcome(NO_OUTCOME);
          setFiles([]);
        },
      },
    );
  };

  return (
    <Section title={t('disputeAnswer.form.title')} testId="dispute-answer-form">
      {sent.length === 0 ? null : (
        <Alert color="teal" variant="light" data-testid="dispute-answer-sent">
          <Stack gap={4}>
            {sent.map((line) => (
              <Text key={line} size="sm">
                {line}
              </Text>
            ))}
          </Stack>
        </Alert>
      )}
      <Textarea
        size="md"
        label={t('disputeAnswer.form.message')}
        description={t('disputeAnswer.form.messageHint')}
        value={message}
        onChange={(event) => setMessage(event.currentTarget.value)}
        maxLength={MAX_COMMENT_LENGTH}
        autosize
        minRows={4}
        data-testid="answer-message"
      />
      <Radio.Group
        label={t('disputeAnswer.form.outcome')}
        value={outcome}
        onChange={setOutcome}
        data-testid="answer-outcome"
      >
        <Stack gap="xs" mt={6}>
          {DECIDED_OUTCOMES.map((code) => (
            <Radio
              key={code}
              size="md"
              value={code}
              label={t(`disputes.outcomes.${code}`)}
              description={t(`disputeAnswer.outcomeHints.${code}`)}
              data-testid={`answer-outcome-${code}`}
            />
          ))}
          <Radio
            size="md"
            value={NO_OUTCOME}
            label={t('disputeAnswer.form.noOutcome')}
            data-testid="answer-outcome-none"
          />
        </Stack>
      </Radio.Group>
      <AttachmentPicker
        files={files}
        onChange={setFiles}
        types={ANSWER_ATTACHMENT_TYPES}
        testId="answer-attachments"
      />
      {problem === null ? null : (
        <Text size="sm" c="red.7" role="alert" data-testid="answer-refused">
          {problem}
        </Text>
      )}
      {answer.isError ? <ErrorAlert error={answer.error} /> : null}
      <Button
        size="md"
        fullWidth
        loading={answer.isPending}
        onClick={submit}
        data-testid="answer-send"
      >
        {t('disputeAnswer.form.send')}
      </Button>
    </Section>
  );
}
