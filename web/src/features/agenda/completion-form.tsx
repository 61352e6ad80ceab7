import {
  Button,
  Checkbox,
  Group,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../ui/format.ts';
import { promiseAmountText, type CompletionDraft, type CompletionProblem } from './agenda-model.ts';
import { FOCUS_IDS } from './agenda-focus.ts';
import { OUTCOMES, type TAgendaItem } from './agenda-schemas.ts';

export type FieldProblems = Partial<
  Record<'outcome' | 'amount' | 'promisedOn' | 'invoices' | 'followUpOn', CompletionProblem>
>;

type CompletionFormProps = {
  item: TAgendaItem;
  draft: CompletionDraft;
  onChange: (draft: CompletionDraft) => void;
  onSave: () => void;
  isSaving: boolean;
  problems: FieldProblems;
};

/**
 * How the action went, in one gesture: the outcome (keys 1–7), a note, and with
 * « Promesse de paiement » the promise itself (amount — the invoices ticked unless typed —,
 * date, invoices, confirmation by e-mail); an optional follow-up date. One save, one POST.
 */
export function CompletionForm(props: CompletionFormProps) {
  const { item, draft, onChange, problems } = props;
  const { t } = useTranslation();
  const format = useFormatters();
  const problem = (field: keyof FieldProblems) => {
    const code = problems[field];
    return code === undefined ? undefined : t(`agenda.problems.${code}`);
  };
  const isPromise = draft.outcome === 'promise_given';
  return (
    <Stack gap="sm" data-testid="agenda-completion">
      <Stack gap={4}>
        <Text size="sm" fw={600} id="agenda-outcome-label">
          {t('agenda.outcome.label')}
        </Text>
        <Group gap={6} role="radiogroup" aria-labelledby="agenda-outcome-label">
          {OUTCOMES.map((outcome, index) => (
            <Button
              key={outcome}
              id={index === 0 ? FOCUS_IDS.firstOutcome : undefined}
              size="xs"
              variant={draft.outcome === outcome ? 'filled' : 'default'}
              role="radio"
              aria-checked={draft.outcome === outcome}
              onClick={() => onChange({ ...draft, outcome })}
              data-testid={`outcome-${outcome}`}
              leftSection={
                <Text span size="xs" c={draft.outcome === outcome ? 'inherit' : 'dimmed'}>
                  {index + 1}
                </Text>
              }
            >
              {t(`agenda.outcome.${outcome}`)}
            </Button>
          ))}
        </Group>
        {problem('outcome') === undefined ? null : (
          <Text size="xs" c="red" role="alert">
            {problem('outcome')}
          </Text>
        )}
      </Stack>
      {isPromise ? (
        <Stack gap="xs" data-testid="promise-fields">
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
            <TextInput
              id={FOCUS_IDS.amount}
              size="sm"
              label={t('agenda.form.amount')}
              rightSection={<Text size="xs">{item.currency === 'EUR' ? '€' : item.currency}</Text>}
              value={promiseAmountText(draft, item)}
              onChange={(event) => onChange({ ...draft, promiseAmount: event.currentTarget.value })}
              error={problem('amount')}
              inputMode="decimal"
              autoComplete="off"
              data-testid="promise-amount"
            />
            <TextInput
              size="sm"
              label={t('agenda.form.promisedOn')}
              placeholder={t('dates.placeholder')}
              value={draft.promisedOn}
              onChange={(event) => onChange({ ...draft, promisedOn: event.currentTarget.value })}
              error={problem('promisedOn')}
              inputMode="numeric"
              autoComplete="off"
              data-testid="promise-date"
            />
          </SimpleGrid>
          {item.invoices.length === 0 ? (
            problem('invoices') === undefined ? null : (
              <Text size="xs" c="red" role="alert">
                {problem('invoices')}
              </Text>
            )
          ) : (
            <Checkbox.Group
              label={t('agenda.form.invoices')}
              value={[...draft.promiseInvoiceIds]}
              onChange={(ids) => onChange({ ...draft, promiseInvoiceIds: new Set(ids) })}
              error={problem('invoices')}
            >
              <Stack gap={4} mt={4}>
                {item.invoices.map((invoice) => (
                  <Checkbox
                    key={invoice.id}
                    value={invoice.id}
                    size="xs"
                    label={`${invoice.number} · ${format.amount(invoice.openCents, item.currency)}`}
                    data-testid="promise-invoice"
                  />
                ))}
              </Stack>
            </Checkbox.Group>
          )}
          <Checkbox
            size="sm"
            label={t('agenda.form.confirmByEmail')}
            checked={draft.confirmByEmail}
            disabled={item.contact === null || item.contact.email === null}
            onChange={(event) =>
              onChange({ ...draft, confirmByEmail: event.currentTarget.checked })
            }
            data-testid="promise-confirm-email"
          />
        </Stack>
      ) : null}
      <Textarea
        id={FOCUS_IDS.note}
        size="sm"
        label={t('agenda.form.note')}
        placeholder={t('agenda.form.notePlaceholder')}
        autosize
        minRows={2}
        maxRows={6}
        value={draft.note}
        onChange={(event) => onChange({ ...draft, note: event.currentTarget.value })}
        data-testid="agenda-note"
      />
      <Group gap="sm" align="flex-end" justify="space-between">
        <TextInput
          size="sm"
          w={220}
          label={t('agenda.form.followUpOn')}
          placeholder={t('dates.placeholder')}
          value={draft.followUpOn}
          onChange={(event) => onChange({ ...draft, followUpOn: event.currentTarget.value })}
          error={problem('followUpOn')}
          inputMode="numeric"
          autoComplete="off"
          data-testid="agenda-follow-up"
        />
        <Button
          onClick={props.onSave}
          loading={props.isSaving}
          data-testid="agenda-save"
          rightSection={
            <Text span size="xs" opacity={0.8}>
              {t('agenda.form.saveChord')}
            </Text>
          }
        >
          {t('agenda.form.save')}
        </Button>
      </Group>
    </Stack>
  );
}
