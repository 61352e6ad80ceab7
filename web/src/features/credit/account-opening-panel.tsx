import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Stack,
  Text,
  Textarea,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toLanguage } from '../../../../src/shared/language.ts';
import { ApiError } from '../../api.ts';
import { describeError, ErrorAlert } from '../../ui/error-alert.tsx';
import { useFormatters } from '../../ui/format.ts';
import { useCurrentSession } from '../auth/session.ts';
import { canWriteCustomers } from '../customers/customer-form-model.ts';
import { useAccountOpening, useActivateCustomer } from './account-opening-api.ts';
import {
  canOverrideOpening,
  isActivationAllowed,
  isOpeningShown,
  openingProblemOf,
  openingReasonText,
  type OpeningProblem,
  type TAccountOpening,
  type TOpeningItem,
  type TOpeningItemCode,
} from './account-opening-model.ts';

const STATE_LOOKS: Readonly<Record<TOpeningItem['state'], { color: string; glyph: string }>> = {
  done: { color: 'teal', glyph: '✓' },
  missing: { color: 'red', glyph: '✕' },
  warning: { color: 'orange', glyph: '!' },
};

/**
 * The « Ouverture de compte » panel (issue 12, docs/credit.md « Account opening »), at the
 * top of a prospect's « Crédit » tab until it is activated: each item of the checklist with
 * its state and why, « Activer le client » once no blocking item is missing, and for
 * administrators and credit managers « Activer malgré tout… » with a reason. Nothing for a
 * customer that is no longer a prospect.
 */
export function AccountOpeningPanel({ customerId }: { customerId: string }) {
  const opening = useAccountOpening(customerId);
  if (opening.isError) {
    return <ErrorAlert error={opening.error} onRetry={() => void opening.refetch()} />;
  }
  // Nothing while it loads: most customers are not prospects, and show no panel at all.
  if (opening.data === undefined || !isOpeningShown(opening.data)) {
    return null;
  }
  return <OpeningView customerId={customerId} opening={opening.data} />;
}

/** Each item's label, by code, for the list and for the refusals that name items. */
function useItemLabel(): (code: string) => string {
  const { t } = useTranslation();
  return (code) => t(`credit.opening.items.${code as TOpeningItemCode}`, { defaultValue: code });
}

/** A refusal in words; what is not a server's answer (the network) is said as it is. */
function useProblem(error: unknown): OpeningProblem {
  const { i18n } = useTranslation();
  const itemLabel = useItemLabel();
  if (error === null || error === undefined) {
    return { reason: undefined, messages: [] };
  }
  return error instanceof ApiError
    ? openingProblemOf(toLanguage(i18n.resolvedLanguage), error.problem, itemLabel)
    : { reason: undefined, messages: [describeError(error)] };
}

function ProblemAlert({ messages }: { messages: readonly string[] }) {
  if (messages.length === 0) {
    return null;
  }
  return (
    <Alert color="red" variant="light" role="alert" data-testid="opening-problem">
      {messages.map((text) => (
        <Text key={text} size="sm">
          {text}
        </Text>
      ))}
    </Alert>
  );
}

function OpeningView({ customerId, opening }: { customerId: string; opening: TAccountOpening }) {
  const { t } = useTranslation();
  const { role } = useCurrentSession().user;
  const itemLabel = useItemLabel();
  const [isOverriding, setOverriding] = useState(false);
  const activate = useActivateCustomer(customerId);
  const problem = useProblem(activate.error);
  const isAllowed = isActivationAllowed(opening);
  const summary = opening.isComplete
    ? t('credit.opening.complete')
    : isAllowed
      ? t('credit.opening.readyWithGaps')
      : t('credit.opening.incomplete');
  return (
    <Paper withBorder radius="md" p="md" data-testid="account-opening">
      <Title order={2} size="h5" mb={4}>
        {t('credit.opening.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm" data-testid="opening-summary">
        {summary}
      </Text>
      <Stack gap={6} component="ul" p={0} m={0} aria-label={t('credit.opening.label')}>
        {opening.items.map((item) => (
          <OpeningLine key={item.code} item={item} label={itemLabel(item.code)} />
        ))}
      </Stack>
      {canWriteCustomers(role) ? (
        <Stack gap="xs" mt="md">
          <ProblemAlert messages={problem.messages} />
          <Group justify="flex-end" gap="xs">
            {canOverrideOpening(role, opening) ? (
              <Button
                variant="default"
                onClick={() => setOverriding(true)}
                data-testid="opening-override"
              >
                {t('credit.opening.override')}
              </Button>
            ) : null}
            <Button
              disabled={!isAllowed}
              loading={activate.isPending}
              onClick={() => activate.mutate({})}
              data-testid="opening-activate"
            >
              {t('credit.opening.activate')}
            </Button>
          </Group>
        </Stack>
      ) : null}
      <Modal
        opened={isOverriding}
        onClose={() => setOverriding(false)}
        title={t('credit.opening.overrideTitle')}
      >
        {isOverriding ? (
          <OverrideForm
            customerId={customerId}
            missing={opening.blockingMissing.map(itemLabel).join(', ')}
            onDone={() => setOverriding(false)}
          />
        ) : null}
      </Modal>
    </Paper>
  );
}

/** One item: its icon, its name, « Bloquant » when it stops the activation, and why. */
function OpeningLine({ item, label }: { item: TOpeningItem; label: string }) {
  const { t } = useTranslation();
  const detail = useItemDetail(item);
  const look = STATE_LOOKS[item.state];
  return (
    <Group
      component="li"
      gap="sm"
      wrap="nowrap"
      align="flex-start"
      style={{ listStyle: 'none' }}
      data-testid="opening-item"
      data-code={item.code}
      data-state={item.state}
    >
      <ThemeIcon
        color={look.color}
        variant="light"
        radius="xl"
        size="sm"
        role="img"
        aria-label={t(`credit.opening.state.${item.state}`)}
      >
        <span aria-hidden>{look.glyph}</span>
      </ThemeIcon>
      <Stack gap={0} miw={0}>
        <Group gap="xs">
          <Text size="sm" fw={600}>
            {label}
          </Text>
          {item.blocking && item.state === 'missing' ? (
            <Badge color="red" variant="light" size="xs">
              {t('credit.opening.blocking')}
            </Badge>
          ) : null}
        </Group>
        {detail === undefined ? null : (
          <Text
            size="xs"
            c={item.state === 'done' ? 'dimmed' : 'inherit'}
            style={{ overflowWrap: 'anywhere' }}
            data-testid="opening-item-reason"
          >
            {detail}
          </Text>
        )}
      </Stack>
    </Group>
  );
}

/**
 * What a line says under its name: the server's reason, else what a done item settled
 * (the deposit, the terms and their longest delay, who decided the limit), else nothing.
 */
function useItemDetail(item: TOpeningItem): string | undefined {
  const { t } = useTranslation();
  const format = useFormatters();
  const reason = openingReasonText(format.language, item, (field) =>
    t(`credit.opening.fields.${field}`),
  );
  if (reason !== undefined) {
    return reason;
  }
  const params = item.params ?? {};
  const { bps, code, longestDays, decidedBy, decidedAt } = params;
  if (item.code === 'deposit' && typeof bps === 'number') {
    return bps === 0
      ? t('credit.opening.noDeposit')
      : t('credit.opening.deposit', { percent: format.percent(bps / 10_000) });
  }
  if (item.code === 'payment_terms' && typeof code === 'string' && longestDays !== undefined) {
    return t('credit.opening.terms', { terms: format.paymentTerms(code), days: longestDays });
  }
  if (
    item.code === 'credit_limit' &&
    typeof decidedBy === 'string' &&
    typeof decidedAt === 'string'
  ) {
    return t('credit.opening.decidedBy', { who: decidedBy, date: format.day(decidedAt) });
  }
  return undefined;
}

/**
 * « Activer malgré tout… »: what is passed over, and why, kept in the audit trail. The
 * reason is the server's to check (400 `override_reason_required` when blank), said under it.
 */
function OverrideForm(props: { customerId: string; missing: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const activate = useActivateCustomer(props.customerId);
  const problem = useProblem(activate.error);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        activate.mutate({ override: { reason } }, { onSuccess: props.onDone });
      }}
      data-testid="opening-override-form"
    >
      <Stack gap="sm">
        <Text size="sm">{t('credit.opening.overrideHint', { items: props.missing })}</Text>
        <Textarea
          label={t('credit.form.reason')}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          autosize
          minRows={2}
          maxLength={2000}
          error={problem.reason}
          data-testid="opening-override-reason"
        />
        <ProblemAlert messages={problem.messages} />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onDone}>
            {t('credit.form.cancel')}
          </Button>
          <Button type="submit" loading={activate.isPending} data-testid="opening-override-confirm">
            {t('credit.opening.confirm')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
