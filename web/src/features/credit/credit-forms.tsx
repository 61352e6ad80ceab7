import { Alert, Button, Group, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ZLimitCover } from '../../../../src/credit/schemas.ts';
import type { CalendarDate } from '../../../../src/shared/calendar-date.ts';
import { toLanguage } from '../../../../src/shared/language.ts';
import { ApiError } from '../../api.ts';
import { CalendarDateInput } from '../../ui/calendar-date-input.tsx';
import { describeError, describeIssue } from '../../ui/error-alert.tsx';
import { fieldErrorsOf } from '../customers/customer-form-model.ts';
import { useDecideLimit, useGrantException, type TCustomerCredit } from './credit-api.ts';
import { amountInputText, readAmountCents } from './credit-model.ts';

type Cover = TCustomerCredit['history'][number]['cover'];

/** A refusal, said on its fields, and what names no field above the buttons. */
type FormProblems = { fields: Readonly<Record<string, string>>; messages: readonly string[] };

const NO_PROBLEMS: FormProblems = { fields: {}, messages: [] };

/**
 * The server's refusal in the reader's language: each issue under its field (the request's
 * field names), the headline and the other issues as messages. A refusal without issues
 * (403 `credit_above_authority`, 409 `credit_still_over_limit`) is its message, not a crash.
 */
function problemsOf(error: unknown, fields: ReadonlySet<string>): FormProblems {
  if (error === null || error === undefined) {
    return NO_PROBLEMS;
  }
  if (!(error instanceof ApiError) || (error.problem.issues ?? []).length === 0) {
    return { fields: {}, messages: [describeError(error)] };
  }
  const split = fieldErrorsOf(error.problem, (field) => fields.has(field), describeIssue);
  // A headline that only repeats an issue already said under its field is left out.
  const headline = describeError(new ApiError({ ...error.problem, issues: [] }));
  const said = new Set(Object.values(split.fields));
  const messages = [...new Set([headline, ...split.other])].filter((text) => !said.has(text));
  return { fields: split.fields, messages };
}

/** The messages of a refusal, above the buttons. */
function ProblemAlert({ messages }: { messages: readonly string[] }) {
  if (messages.length === 0) {
    return null;
  }
  return (
    <Alert color="red" variant="light" role="alert" data-testid="credit-form-problem">
      {messages.map((text) => (
        <Text key={text} size="sm">
          {text}
        </Text>
      ))}
    </Alert>
  );
}

/** A date input and, under it, what is wrong with it. */
function DateField(props: {
  label: string;
  value: string;
  onChange: (date: string) => void;
  error: string | undefined;
  testId: string;
}) {
  return (
    <Stack gap={2}>
      <CalendarDateInput
        label={props.label}
        value={props.value}
        onChange={props.onChange}
        data-testid={props.testId}
      />
      {props.error === undefined ? null : (
        <Text size="xs" c="red" data-testid={`${props.testId}-error`}>
          {props.error}
        </Text>
      )}
    </Stack>
  );
}

function FormButtons(props: { onCancel: () => void; isPending: boolean; testId: string }) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={props.onCancel}>
        {t('credit.form.cancel')}
      </Button>
      <Button type="submit" loading={props.isPending} data-testid={props.testId}>
        {t('credit.form.save')}
      </Button>
    </Group>
  );
}

const LIMIT_FIELDS = new Set([
  'amountCents',
  'coveredCents',
  'cover',
  'reviewOn',
  'expiresOn',
  'reason',
]);

/**
 * « Décider l'encours autorisé »: the amount (the limit in force until changed), the covered
 * part and what covers it, the review and expiry dates, and why. The server checks it all
 * again, and the decider's authority.
 */

/** The reason every credit decision asks for, kept in the audit trail. */
function ReasonField(props: {
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <Textarea
      label={t('credit.form.reason')}
      value={props.value}
      onChange={(event) => props.onChange(event.currentTarget.value)}
      autosize
      minRows={2}
      maxLength={2000}
      error={props.error}
      data-testid="credit-form-reason"
    />
  );
}

export function LimitForm(props: {
  customerId: string;
  credit: TCustomerCredit;
  currency: string;
  onDone: () => void;
}) {
  const { t, i18n } = useTranslation();
  const language = toLanguage(i18n.resolvedLanguage);
  const current = props.credit.limit;
  const [amount, setAmount] = useState(
    current === null ? '' : amountInputText(current.amountCents, language),
  );
  const [covered, setCovered] = useState(
    current === null || current.coveredCents === 0
      ? ''
      : amountInputText(current.coveredCents, language),
  );
  const [cover, setCover] = useState<Cover>(current?.cover ?? null);
  const [reviewOn, setReviewOn] = useState(current?.reviewOn ?? '');
  const [expiresOn, setExpiresOn] = useState(current?.expiresOn ?? '');
  const [reason, setReason] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const decide = useDecideLimit(props.customerId);
  const problems = problemsOf(decide.error, LIMIT_FIELDS);
  const fieldError = (field: string) => local[field] ?? problems.fields[field];

  const submit = () => {
    const amountCents = readAmountCents(amount);
    const coveredCents = covered.trim() === '' ? 0 : readAmountCents(covered);
    const wrong: Record<string, string> = {};
    if (amountCents === undefined) {
      wrong['amountCents'] = t('credit.form.amountInvalid');
    }
    if (coveredCents === undefined) {
      wrong['coveredCents'] = t('credit.form.amountInvalid');
    }
    setLocal(wrong);
    if (amountCents === undefined || coveredCents === undefined) {
      return;
    }
    decide.mutate(
      {
        amountCents,
        currency: props.currency,
        coveredCents,
        cover: coveredCents === 0 ? null : cover,
        reviewOn: reviewOn === '' ? null : reviewOn,
        expiresOn: expiresOn === '' ? null : expiresOn,
        reason: reason.trim() === '' ? null : reason.trim(),
      },
      { onSuccess: props.onDone },
    );
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
      data-testid="credit-limit-form"
    >
      <Stack gap="sm">
        <Group grow align="flex-start" wrap="wrap">
          <TextInput
            label={t('credit.form.amount', { currency: props.currency })}
            value={amount}
            onChange={(event) => setAmount(event.currentTarget.value)}
            inputMode="decimal"
            miw={160}
            error={fieldError('amountCents')}
            data-testid="credit-form-amount"
          />
          <TextInput
            label={t('credit.form.covered', { currency: props.currency })}
            value={covered}
            onChange={(event) => setCovered(event.currentTarget.value)}
            inputMode="decimal"
            miw={160}
            error={fieldError('coveredCents')}
            data-testid="credit-form-covered"
          />
        </Group>
        <Select
          label={t('credit.form.cover')}
          value={cover ?? ''}
          onChange={(value) => setCover(ZLimitCover.safeParse(value).data ?? null)}
          data={[
            { value: '', label: t('credit.form.coverNone') },
            ...ZLimitCover.options.map((value) => ({ value, label: t(`credit.cover.${value}`) })),
          ]}
          allowDeselect={false}
          error={fieldError('cover')}
          data-testid="credit-form-cover"
        />
        <Group align="flex-start" gap="md">
          <DateField
            label={t('credit.form.reviewOn')}
            value={reviewOn}
            onChange={setReviewOn}
            error={fieldError('reviewOn')}
            testId="credit-form-review"
          />
          <DateField
            label={t('credit.form.expiresOn')}
            value={expiresOn}
            onChange={setExpiresOn}
            error={fieldError('expiresOn')}
            testId="credit-form-expiry"
          />
        </Group>
        <ReasonField value={reason} onChange={setReason} error={fieldError('reason')} />
        <ProblemAlert messages={problems.messages} />
        <FormButtons
          onCancel={props.onDone}
          isPending={decide.isPending}
          testId="credit-form-save"
        />
      </Stack>
    </form>
  );
}

const EXCEPTION_FIELDS = new Set(['amountCents', 'expiresOn', 'reason']);

/**
 * « Accorder une dérogation »: how much over the limit, until when (92 days at most), and
 * why; for the entity, or for one held order (`orderId`, the amount offered being what it
 * puts over the limit).
 */
export function ExceptionForm(props: {
  customerId: string;
  currency: string;
  initialAmountCents: number | null;
  initialUntil: CalendarDate | '';
  orderId?: string;
  hint?: string;
  onDone: () => void;
}) {
  const { t, i18n } = useTranslation();
  const language = toLanguage(i18n.resolvedLanguage);
  const [amount, setAmount] = useState(
    props.initialAmountCents === null || props.initialAmountCents <= 0
      ? ''
      : amountInputText(props.initialAmountCents, language),
  );
  const [until, setUntil] = useState<string>(props.initialUntil);
  const [reason, setReason] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const grant = useGrantException(props.customerId);
  const problems = problemsOf(grant.error, EXCEPTION_FIELDS);
  const fieldError = (field: string) => local[field] ?? problems.fields[field];

  const submit = () => {
    const amountCents = readAmountCents(amount);
    const wrong: Record<string, string> = {};
    if (amountCents === undefined) {
      wrong['amountCents'] = t('credit.form.amountInvalid');
    }
    if (until === '') {
      wrong['expiresOn'] = t('credit.form.dateMissing');
    }
    setLocal(wrong);
    if (amountCents === undefined || until === '') {
      return;
    }
    grant.mutate(
      {
        amountCents,
        currency: props.currency,
        expiresOn: until,
        reason,
        ...(props.orderId === undefined ? {} : { orderId: props.orderId }),
      },
      { onSuccess: props.onDone },
    );
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
      data-testid="credit-exception-form"
    >
      <Stack gap="sm">
        {props.hint === undefined ? null : (
          <Text size="sm" c="dimmed">
            {props.hint}
          </Text>
        )}
        <Group align="flex-start" gap="md">
          <TextInput
            label={t('credit.form.amount', { currency: props.currency })}
            value={amount}
            onChange={(event) => setAmount(event.currentTarget.value)}
            inputMode="decimal"
            miw={160}
            error={fieldError('amountCents')}
            data-testid="credit-form-amount"
          />
          <DateField
            label={t('credit.form.until')}
            value={until}
            onChange={setUntil}
            error={fieldError('expiresOn')}
            testId="credit-form-until"
          />
        </Group>
        <ReasonField value={reason} onChange={setReason} error={fieldError('reason')} />
        <ProblemAlert messages={problems.messages} />
        <FormButtons
          onCancel={props.onDone}
          isPending={grant.isPending}
          testId="credit-form-save"
        />
      </Stack>
    </form>
  );
}

const REASON_FIELDS = new Set(['reason']);

/**
 * A decision that only asks why (a hold placed or released, a held order decided): the
 * reason, and the refusal said on it or above the buttons.
 */
export function ReasonForm(props: {
  onSubmit: (reason: string) => void;
  isPending: boolean;
  error: unknown;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const problems = problemsOf(props.error, REASON_FIELDS);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        props.onSubmit(reason);
      }}
      data-testid="credit-reason-form"
    >
      <Stack gap="sm">
        <Textarea
          label={t('credit.form.reason')}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          autosize
          minRows={2}
          maxLength={2000}
          error={problems.fields['reason']}
          data-testid="credit-form-reason"
        />
        <ProblemAlert messages={problems.messages} />
        <FormButtons
          onCancel={props.onCancel}
          isPending={props.isPending}
          testId="credit-form-save"
        />
      </Stack>
    </form>
  );
}
