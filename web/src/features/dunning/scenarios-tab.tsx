import {
  Badge,
  Button,
  Grid,
  Group,
  Paper,
  Skeleton,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TDunningScenarioList } from '../../../../src/dunning/schemas.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { useFormatters } from '../../ui/format.ts';
import { useScenarios, useTemplates } from './dunning-api.ts';
import { ScenarioEditor } from './scenario-editor.tsx';

type ScenarioSummary = TDunningScenarioList['items'][number];
type ScenariosTabProps = { canEdit: boolean };

/** Nothing picked yet: the company default is shown; `new`: a scenario being made. */
type Selection = { kind: 'new' } | { kind: 'scenario'; id: string } | null;

/**
 * The company's scenarios, the company default first, each with its badges and the number
 * of customers given it; the one picked opens in the editor beside (below, on a phone).
 */
export function ScenariosTab({ canEdit }: ScenariosTabProps) {
  const { t } = useTranslation();
  const scenarios = useScenarios();
  const templates = useTemplates();
  const [selection, setSelection] = useState<Selection>(null);
  const items = scenarios.data?.items;
  const isNew = selection?.kind === 'new';
  const pickedId = selection?.kind === 'scenario' ? selection.id : undefined;
  const selected: ScenarioSummary | undefined = isNew
    ? undefined
    : (items?.find((item) => item.id === pickedId) ?? items?.[0]);
  const pick = (id: string) => setSelection({ kind: 'scenario', id });
  const templateIds = [...new Set((templates.data?.items ?? []).map((item) => item.templateId))];
  if (scenarios.isError) {
    return <ErrorAlert error={scenarios.error} onRetry={() => void scenarios.refetch()} />;
  }
  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Stack gap="xs">
          {canEdit ? (
            <Button
              variant="light"
              onClick={() => setSelection({ kind: 'new' })}
              data-testid="scenario-new"
            >
              {t('dunning.scenarios.new')}
            </Button>
          ) : null}
          <Stack
            gap="xs"
            role="list"
            aria-label={t('dunning.scenarios.listLabel')}
            data-testid="scenario-list"
          >
            {items === undefined
              ? [0, 1].map((index) => <Skeleton key={index} height={72} radius="md" />)
              : items.map((item) => (
                  <ScenarioCard
                    key={item.id}
                    scenario={item}
                    isSelected={!isNew && selected?.id === item.id}
                    onSelect={() => pick(item.id)}
                  />
                ))}
            {items?.length === 0 ? <Text c="dimmed">{t('dunning.scenarios.empty')}</Text> : null}
          </Stack>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 8 }}>
        {isNew ? (
          <ScenarioEditor
            key="new"
            scenario={null}
            templateIds={templateIds}
            canEdit={canEdit}
            onSaved={(saved) => pick(saved.id)}
            onDeleted={() => setSelection(null)}
            onCancel={() => setSelection(null)}
          />
        ) : selected === undefined ? (
          items === undefined ? (
            <Skeleton height={320} radius="md" />
          ) : (
            <Text c="dimmed">{t('dunning.scenarios.select')}</Text>
          )
        ) : (
          <ScenarioEditor
            // A fresh editor per scenario; after a save it shows what the server stored.
            key={selected.id}
            scenario={selected}
            templateIds={templateIds}
            canEdit={canEdit}
            onSaved={(saved) => pick(saved.id)}
            onDeleted={() => setSelection(null)}
            onCancel={() => setSelection(null)}
          />
        )}
      </Grid.Col>
    </Grid>
  );
}

type ScenarioCardProps = { scenario: ScenarioSummary; isSelected: boolean; onSelect: () => void };

function ScenarioCard({ scenario, isSelected, onSelect }: ScenarioCardProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <Paper
      withBorder
      radius="md"
      role="listitem"
      style={isSelected ? { borderColor: 'var(--mantine-primary-color-filled)' } : undefined}
      data-testid="scenario-card"
      data-selected={isSelected}
    >
      <UnstyledButton onClick={onSelect} p="sm" w="100%" aria-current={isSelected}>
        <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
          {scenario.name}
        </Text>
        <Group gap={6} mt={4}>
          {scenario.isCompanyDefault ? (
            <Badge size="sm" variant="filled" data-testid="scenario-company-default-badge">
              {t('dunning.scenarios.companyDefault')}
            </Badge>
          ) : null}
          {scenario.riskCategory === null ? null : (
            <Badge size="sm" variant="light" color="orange">
              {t('dunning.scenarios.riskDefault', {
                category: t(`riskCategory.${scenario.riskCategory}`),
              })}
            </Badge>
          )}
        </Group>
        <Text size="xs" c="dimmed" mt={4} data-testid="scenario-counts">
          {t('dunning.scenarios.steps', { count: scenario.steps.length })} ·{' '}
          {t('dunning.scenarios.customers', {
            count: scenario.customerCount,
            formatted: format.integer(scenario.customerCount),
          })}
        </Text>
      </UnstyledButton>
    </Paper>
  );
}
