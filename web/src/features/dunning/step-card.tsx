import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  TextInput,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ZChannel } from '../../../../src/dunning/schemas.ts';
import { RISK_CATEGORIES } from '../../../../src/customers/schemas.ts';
import {
  dayLabel,
  TEMPLATE_CHANNELS,
  type Channel,
  type StepRow,
  type TRiskCategory,
} from './step-editor-model.ts';

type StepCardProps = {
  step: StepRow;
  templateIds: readonly string[];
  /** The step's problems by field (`offsetDays`, `templateId`…; `step` for the whole step). */
  issues: Readonly<Record<string, string>>;
  canEdit: boolean;
  onChange: (changes: Partial<StepRow>) => void;
  onRemove: () => void;
};

const isChannel = (value: string | null): value is Channel =>
  ZChannel.options.some((channel) => channel === value);
const isRiskCategory = (value: string): value is TRiskCategory =>
  RISK_CATEGORIES.some((category) => category === value);

/**
 * One step of a scenario, as a card (it reads the same on a phone): its day typed as a
 * signed number and shown « J−10 », its channel, template, approval and conditions, with
 * the server's problems under the fields at fault.
 */
export function StepCard({
  step,
  templateIds,
  issues,
  canEdit,
  onChange,
  onRemove,
}: StepCardProps) {
  const { t } = useTranslation();
  const day = step.offsetDays === '' ? 'J ?' : dayLabel(step.offsetDays);
  const hasTemplate = TEMPLATE_CHANNELS.includes(step.channel);
  const hasIssues = Object.keys(issues).length > 0;
  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      role="listitem"
      aria-label={t('dunning.step.label', { day })}
      data-testid="step-row"
      data-day={step.offsetDays}
      data-has-issues={hasIssues}
      style={hasIssues ? { borderColor: 'var(--mantine-color-red-6)' } : undefined}
    >
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Badge size="lg" variant="light" data-testid="step-day-label">
          {day}
        </Badge>
        {canEdit ? (
          <Button
            variant="subtle"
            color="red"
            size="compact-sm"
            onClick={onRemove}
            aria-label={t('dunning.step.remove', { day })}
            data-testid="step-remove"
          >
            ✕
          </Button>
        ) : null}
      </Group>
      {issues['step'] === undefined ? null : (
        <Alert color="red" variant="light" mb="xs" p="xs" data-testid="step-issue">
          {issues['step']}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, xs: 2, lg: 3 }} spacing="sm" verticalSpacing="xs">
        <NumberInput
          label={t('dunning.step.day')}
          value={step.offsetDays}
          onChange={(value) => onChange({ offsetDays: typeof value === 'number' ? value : '' })}
          allowDecimal={false}
          min={-365}
          max={365}
          readOnly={!canEdit}
          error={issues['offsetDays']}
          data-testid="step-day"
        />
        <Select
          label={t('dunning.step.channel')}
          data={ZChannel.options.map((channel) => ({
            value: channel,
            label: t(`dunning.channels.${channel}`),
          }))}
          value={step.channel}
          onChange={(value) => {
            if (isChannel(value)) {
              onChange({ channel: value });
            }
          }}
          allowDeselect={false}
          readOnly={!canEdit}
          error={issues['channel']}
          comboboxProps={{ withinPortal: true }}
          data-testid="step-channel"
        />
        {hasTemplate ? (
          <Select
            label={t('dunning.step.template')}
            data={[
              ...new Set([...templateIds, ...(step.templateId === null ? [] : [step.templateId])]),
            ]}
            value={step.templateId}
            onChange={(value) => onChange({ templateId: value })}
            placeholder={t('dunning.step.noTemplate')}
            clearable={canEdit}
            readOnly={!canEdit}
            error={issues['templateId']}
            comboboxProps={{ withinPortal: true }}
            data-testid="step-template"
          />
        ) : null}
        <MultiSelect
          label={t('dunning.step.riskCategories')}
          data={RISK_CATEGORIES.map((category) => ({
            value: category,
            label: t(`riskCategory.${category}`),
          }))}
          value={step.riskCategories}
          onChange={(values) => onChange({ riskCategories: values.filter(isRiskCategory) })}
          placeholder={step.riskCategories.length === 0 ? t('dunning.step.allRiskCategories') : ''}
          readOnly={!canEdit}
          error={issues['riskCategories']}
          comboboxProps={{ withinPortal: true }}
          data-testid="step-risks"
        />
        <TextInput
          label={t('dunning.step.minOverdue')}
          description={t('dunning.step.minOverdueHint')}
          value={step.minOverdue}
          onChange={(event) => onChange({ minOverdue: event.currentTarget.value })}
          inputMode="decimal"
          readOnly={!canEdit}
          error={issues['minOverdueCents']}
          data-testid="step-min-overdue"
        />
        <Checkbox
          mt={{ base: 0, xs: 'lg' }}
          label={t('dunning.step.needsApproval')}
          checked={step.needsApproval}
          onChange={(event) => onChange({ needsApproval: event.currentTarget.checked })}
          disabled={!canEdit}
          error={issues['needsApproval']}
          data-testid="step-needs-approval"
        />
      </SimpleGrid>
    </Paper>
  );
}
