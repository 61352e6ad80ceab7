import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RISK_CATEGORIES } from '../../../../src/customers/schemas.ts';
import type { TDunningScenario } from '../../../../src/dunning/schemas.ts';
import { ApiError } from '../../api.ts';
import { describeError, describeIssue, ErrorAlert } from '../../ui/error-alert.tsx';
import { useDeleteScenario, useSaveScenario } from './dunning-api.ts';
import { StepCard } from './step-card.tsx';
import {
  buildScenarioRequest,
  emptyScenarioValues,
  newStepRow,
  NO_ISSUES,
  scenarioIssuesOf,
  scenarioValues,
  sortStepsByDay,
  type ScenarioIssues,
  type ScenarioValues,
  type StepRow,
  type TRiskCategory,
} from './step-editor-model.ts';

type ScenarioEditorProps = {
  /** The stored scenario, or `null` for a new one. */
  scenario: TDunningScenario | null;
  templateIds: readonly string[];
  canEdit: boolean;
  onSaved: (saved: TDunningScenario) => void;
  onDeleted: () => void;
  onCancel: () => void;
};

// New steps' keys for the editor, unique for the page's life: they never reach the server.
let stepKeys = 0;
const newKey = () => `new-${++stepKeys}`;

const isRiskCategory = (value: string | null): value is TRiskCategory =>
  RISK_CATEGORIES.some((category) => category === value);

/**
 * One scenario: its name, the defaults it stands for, its steps by day. Saving sends the
 * steps by day and shows each of the server's problems (all at once) on the step at fault;
 * what was typed stays. Deleting asks first, and says why the server refuses (409).
 */
export function ScenarioEditor({
  scenario,
  templateIds,
  canEdit,
  onSaved,
  onDeleted,
  onCancel,
}: ScenarioEditorProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState<ScenarioValues>(() =>
    scenario === null ? emptyScenarioValues(newKey) : scenarioValues(scenario),
  );
  const [issues, setIssues] = useState<ScenarioIssues>(NO_ISSUES);
  const [isSaved, setSaved] = useState(false);
  const [isDeleting, setDeleting] = useState(false);
  const save = useSaveScenario();
  const remove = useDeleteScenario();

  const change = (changes: Partial<ScenarioValues>) => {
    setSaved(false);
    setValues((current) => ({ ...current, ...changes }));
  };
  const changeStep = (key: string, changes: Partial<StepRow>) =>
    change({
      steps: values.steps.map((step) => (step.key === key ? { ...step, ...changes } : step)),
    });

  const submit = () => {
    const built = buildScenarioRequest(values, {
      invalidAmount: t('dunning.editor.invalidAmount'),
      invalidDay: t('dunning.editor.invalidDay'),
    });
    if (!built.ok) {
      setIssues(built.issues);
      return;
    }
    setIssues(NO_ISSUES);
    save.mutate(
      { id: scenario?.id, request: built.request },
      {
        onSuccess: (saved) => {
          setValues(scenarioValues(saved));
          setSaved(true);
          onSaved(saved);
        },
        onError: (error) => {
          setIssues(
            error instanceof ApiError
              ? scenarioIssuesOf(error.problem, built.stepKeys, describeIssue)
              : { ...NO_ISSUES, other: [describeError(error)] },
          );
        },
      },
    );
  };

  const headline =
    save.error instanceof ApiError
      ? describeError(new ApiError({ ...save.error.problem, issues: [] }))
      : null;

  return (
    <Stack
      gap="md"
      component="form"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
      aria-label={t('dunning.editor.label', { name: values.name })}
      data-testid="scenario-editor"
    >
      <TextInput
        label={t('dunning.editor.name')}
        value={values.name}
        onChange={(event) => change({ name: event.currentTarget.value })}
        readOnly={!canEdit}
        error={issues.scenario['name']}
        maxLength={200}
        data-testid="scenario-name"
      />
      <Group align="flex-start" gap="lg">
        <Checkbox
          label={t('dunning.editor.isCompanyDefault')}
          description={t('dunning.editor.isCompanyDefaultHint')}
          checked={values.isCompanyDefault}
          onChange={(event) => change({ isCompanyDefault: event.currentTarget.checked })}
          disabled={!canEdit}
          error={issues.scenario['isCompanyDefault']}
          maw={360}
          data-testid="scenario-company-default"
        />
        <Select
          label={t('dunning.editor.riskCategory')}
          data={[
            { value: '', label: t('dunning.editor.noRiskCategory') },
            ...RISK_CATEGORIES.map((category) => ({
              value: category,
              label: t(`riskCategory.${category}`),
            })),
          ]}
          value={values.riskCategory ?? ''}
          onChange={(value) => change({ riskCategory: isRiskCategory(value) ? value : null })}
          allowDeselect={false}
          readOnly={!canEdit}
          error={issues.scenario['riskCategory']}
          comboboxProps={{ withinPortal: true }}
          data-testid="scenario-risk-category"
        />
      </Group>
      <div>
        <Title order={3} size="h5">
          {t('dunning.editor.steps')}
        </Title>
        <Text size="xs" c="dimmed">
          {t('dunning.editor.stepsHint')}
        </Text>
      </div>
      {issues.scenario['steps'] === undefined ? null : (
        <Text c="red" size="sm">
          {issues.scenario['steps']}
        </Text>
      )}
      <Stack
        gap="sm"
        role="list"
        aria-label={t('dunning.editor.steps')}
        data-testid="scenario-steps"
      >
        {values.steps.map((step) => (
          <StepCard
            key={step.key}
            step={step}
            templateIds={templateIds}
            issues={issues.steps[step.key] ?? {}}
            canEdit={canEdit}
            onChange={(changes) => changeStep(step.key, changes)}
            onRemove={() => change({ steps: values.steps.filter((row) => row.key !== step.key) })}
          />
        ))}
      </Stack>
      {canEdit ? (
        <Group gap="xs">
          <Button
            variant="light"
            onClick={() => change({ steps: [...values.steps, newStepRow(values.steps, newKey)] })}
            disabled={values.steps.length >= 50}
            data-testid="step-add"
          >
            {t('dunning.editor.addStep')}
          </Button>
          <Button
            variant="default"
            onClick={() => change({ steps: sortStepsByDay(values.steps) })}
            data-testid="steps-sort"
          >
            {t('dunning.editor.sortSteps')}
          </Button>
        </Group>
      ) : null}
      {issues.other.length > 0 || headline !== null ? (
        <Alert
          color="red"
          variant="light"
          title={headline ?? t('errors.title')}
          role="alert"
          data-testid="scenario-refused"
        >
          {issues.other.map((text) => (
            <div key={text}>{text}</div>
          ))}
        </Alert>
      ) : null}
      {isSaved ? (
        <Alert color="green" variant="light" data-testid="scenario-saved">
          {t('dunning.editor.saved')}
        </Alert>
      ) : null}
      {canEdit ? (
        <Group justify="space-between" gap="xs">
          {scenario === null ? (
            <Button variant="default" onClick={onCancel}>
              {t('dunning.editor.cancel')}
            </Button>
          ) : (
            <Button
              variant="subtle"
              color="red"
              onClick={() => setDeleting(true)}
              data-testid="scenario-delete"
            >
              {t('dunning.editor.delete')}
            </Button>
          )}
          <Button type="submit" loading={save.isPending} data-testid="scenario-save">
            {scenario === null ? t('dunning.editor.create') : t('dunning.editor.save')}
          </Button>
        </Group>
      ) : null}
      <Modal
        opened={isDeleting}
        onClose={() => {
          remove.reset();
          setDeleting(false);
        }}
        title={t('dunning.editor.deleteTitle')}
        centered
        data-testid="scenario-delete-dialog"
      >
        <Stack gap="md">
          <Text size="sm">{t('dunning.editor.deleteText', { name: scenario?.name ?? '' })}</Text>
          {remove.isError ? <ErrorAlert error={remove.error} /> : null}
          <Group justify="flex-end" gap="sm">
            <Button
              variant="default"
              onClick={() => setDeleting(false)}
              disabled={remove.isPending}
            >
              {t('dunning.editor.keep')}
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() => {
                if (scenario !== null) {
                  remove.mutate(scenario.id, {
                    onSuccess: () => {
                      setDeleting(false);
                      onDeleted();
                    },
                  });
                }
              }}
              data-testid="scenario-delete-confirm"
            >
              {t('dunning.editor.deleteConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
