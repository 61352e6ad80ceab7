import {
  Button,
  Group,
  Modal,
  NativeSelect,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { parseIsoDate } from '../../../../src/shared/calendar-date.ts';
import { parseAmount } from '../../../../src/shared/money.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { useIsPhone } from '../../ui/use-is-phone.ts';
import { AttachmentPicker } from './attachment-picker.tsx';
import { PORTAL_ATTACHMENT_TYPES } from './attachment-check.ts';
import {
  usePromisePayment,
  useReportProblem,
  type PortalItem,
  type ReportedProblem,
} from './portal-api.ts';
import { amountInputText, numbersOf, selectionOf } from './portal-model.ts';

/** The largest message a customer may write (the contract's `message`, 1..2000). */
const MAX_MESSAGE_LENGTH = 2_000;

type FormProps = {
  token: string;
  /** The invoices the form is about: one, or the selection. */
  items: PortalItem[];
  onClose: () => void;
};

/** A form in a dialog, full screen on a phone where a floating box would be cramped. */
function FormModal({
  title,
  onClose,
  testId,
  children,
}: {
  title: string;
  onClose: () => void;
  testId: string;
  children: ReactNode;
}) {
  const isPhone = useIsPhone();
  return (
    <Modal
      opened
      onClose={onClose}
      title={title}
      fullScreen={isPhone}
      size="lg"
      data-testid={testId}
    >
      {children}
    </Modal>
  );
}

/**
 * « Il y a un problème »: the cause (the company's list), a message and files. The files are
 * checked as they are picked; the dispute is opened first, then they are attached to it.
 */
export function ProblemForm({
  token,
  items,
  causes,
  causeName,
  onClose,
  onDone,
}: FormProps & {
  causes: readonly string[];
  causeName: (code: string) => string;
  onDone: (reported: ReportedProblem) => void;
}) {
  const { t } = useTranslation();
  const report = useReportProblem(token);
  const [cause, setCause] = useState('');
  const [message, setMessage] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = () => {
    if (cause === '') {
      setProblem(t('portal.problem.causeMissing'));
      return;
    }
    if (message.trim() === '') {
      setProblem(t('portal.problem.messageMissing'));
      return;
    }
    setProblem(null);
    report.mutate(
      {
        invoices: items.map((item) => ({ invoiceId: item.invoiceId })),
        cause,
        message: message.trim(),
        files,
      },
      { onSuccess: onDone },
    );
  };

  return (
    <FormModal title={t('portal.problem.title')} onClose={onClose} testId="problem-form">
      <Stack gap="sm">
        <Text size="sm">{t('portal.problem.invoices', { numbers: numbersOf(items) })}</Text>
        <NativeSelect
          size="md"
          label={t('portal.problem.cause')}
          value={cause}
          onChange={(event) => setCause(event.currentTarget.value)}
          data={[
            { value: '', label: t('portal.problem.causePlaceholder'), disabled: true },
            ...causes.map((code) => ({ value: code, label: causeName(code) })),
          ]}
          data-testid="problem-cause"
        />
        <Textarea
          size="md"
          label={t('portal.problem.message')}
          description={t('portal.problem.messageHint')}
          value={message}
          onChange={(event) => setMessage(event.currentTarget.value)}
          maxLength={MAX_MESSAGE_LENGTH}
          autosize
          minRows={4}
          data-testid="problem-message"
        />
        <AttachmentPicker
          files={files}
          onChange={setFiles}
          types={PORTAL_ATTACHMENT_TYPES}
          testId="problem-attachments"
        />
        {problem === null ? null : (
          <Text size="sm" c="red.7" role="alert" data-testid="problem-refused">
            {problem}
          </Text>
        )}
        {report.isError ? <ErrorAlert error={report.error} /> : null}
        <Group justify="flex-end" gap="sm" grow>
          <Button variant="default" size="md" onClick={onClose}>
            {t('portal.problem.cancel')}
          </Button>
          <Button
            size="md"
            color="orange"
            loading={report.isPending}
            onClick={submit}
            data-testid="problem-send"
          >
            {t('portal.problem.send')}
          </Button>
        </Group>
      </Stack>
    </FormModal>
  );
}

/**
 * « Je paierai le … »: a day from today on (the browser's picker is told so, and the check
 * says it again when typed), and the amount, the open total of the invoices until changed.
 */
export function PromiseForm({
  token,
  items,
  today,
  onClose,
  onDone,
}: FormProps & {
  today: string;
  onDone: (promise: { promisedOn: string; amountCents: number; currency: string }) => void;
}) {
  const { t, i18n } = useTranslation();
  const promise = usePromisePayment(token);
  const selection = selectionOf(items, new Set(items.map((item) => item.invoiceId)));
  const [promisedOn, setPromisedOn] = useState('');
  const [amount, setAmount] = useState(() =>
    amountInputText(selection.openCents, i18n.resolvedLanguage === 'en' ? 'en' : 'fr'),
  );
  const [problem, setProblem] = useState<string | null>(null);

  const submit = () => {
    const date = parseIsoDate(promisedOn);
    if (date === undefined) {
      setProblem(t('portal.promise.dateMissing'));
      return;
    }
    // ISO dates compare as text.
    if (date < today) {
      setProblem(t('portal.promise.dateBeforeToday'));
      return;
    }
    const parsed = parseAmount(amount, 2);
    if (!parsed.ok || parsed.value <= 0) {
      setProblem(t('portal.promise.amountInvalid'));
      return;
    }
    setProblem(null);
    promise.mutate(
      {
        invoiceIds: selection.items.map((item) => item.invoiceId),
        promisedOn: date,
        amountCents: parsed.value,
      },
      { onSuccess: (answer) => onDone(answer.promise) },
    );
  };

  return (
    <FormModal title={t('portal.promise.title')} onClose={onClose} testId="promise-form">
      <Stack gap="sm">
        <Text size="sm">
          {t('portal.promise.invoices', { numbers: numbersOf(selection.items) })}
        </Text>
        <TextInput
          type="date"
          size="md"
          label={t('portal.promise.date')}
          value={promisedOn}
          min={today}
          onChange={(event) => setPromisedOn(event.currentTarget.value)}
          data-testid="promise-date"
        />
        <TextInput
          size="md"
          label={t('portal.promise.amount', { currency: selection.currency })}
          value={amount}
          onChange={(event) => setAmount(event.currentTarget.value)}
          inputMode="decimal"
          data-testid="promise-amount"
        />
        {problem === null ? null : (
          <Text size="sm" c="red.7" role="alert" data-testid="promise-refused">
            {problem}
          </Text>
        )}
        {promise.isError ? <ErrorAlert error={promise.error} /> : null}
        <Group justify="flex-end" gap="sm" grow>
          <Button variant="default" size="md" onClick={onClose}>
            {t('portal.promise.cancel')}
          </Button>
          <Button size="md" loading={promise.isPending} onClick={submit} data-testid="promise-save">
            {t('portal.promise.save')}
          </Button>
        </Group>
      </Stack>
    </FormModal>
  );
}
