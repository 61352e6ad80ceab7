import { Button, Group, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RISK_CATEGORIES } from '../../../../src/customers/schemas.ts';
import { pickOne } from '../../ui/use-list-params.ts';
import { useCollectors } from '../customers/customers-api.ts';
import { useDunningScenarios } from './agenda-api.ts';
import { channelKey } from './agenda-item-card.tsx';
import { EVERYBODY, MINE, stepDayLabel, type AgendaFilters } from './agenda-model.ts';
import { AGENDA_KINDS } from './agenda-schemas.ts';

const ANY = 'any';

type AgendaFiltersBarProps = {
  filters: AgendaFilters;
  userId: string;
  hasFilters: boolean;
  onChange: (changes: Partial<AgendaFilters>) => void;
  onClear: () => void;
};

/** Whose actions (the collectors' picker of the customers page), which kind, step and risk. */
export function AgendaFiltersBar({
  filters,
  userId,
  hasFilters,
  onChange,
  onClear,
}: AgendaFiltersBarProps) {
  const { t } = useTranslation();
  const collectors = useCollectors(true);
  const scenarios = useDunningScenarios();
  // Every step of every scenario, by its id (two scenarios may share one, e.g. the defaults').
  const steps = new Map<string, string>();
  for (const scenario of scenarios.data?.items ?? []) {
    for (const step of scenario.steps) {
      if (!steps.has(step.id)) {
        steps.set(
          step.id,
          `${stepDayLabel(step.offsetDays)} · ${t(`agenda.channels.${channelKey(step.channel)}`)}`,
        );
      }
    }
  }
  if (filters.stepId !== undefined && !steps.has(filters.stepId)) {
    steps.set(filters.stepId, filters.stepId);
  }
  return (
    <Group gap="sm" align="center" mb="md" data-testid="agenda-filters">
      <Select
        aria-label={t('agenda.filters.assignee')}
        value={filters.assignee}
        allowDeselect={false}
        searchable
        w={{ base: '100%', xs: 200 }}
        data={[
          { value: MINE, label: t('agenda.filters.mine') },
          { value: EVERYBODY, label: t('agenda.filters.everybody') },
          ...(collectors.data?.items ?? [])
            .filter((user) => user.id !== userId)
            .map((user) => ({ value: user.id, label: user.displayName })),
        ]}
        onChange={(assignee) => {
          if (assignee !== null) {
            onChange({ assignee });
          }
        }}
        data-testid="agenda-assignee-filter"
      />
      <Select
        aria-label={t('agenda.filters.kind')}
        value={filters.kind ?? ANY}
        allowDeselect={false}
        w={{ base: '100%', xs: 190 }}
        data={[
          { value: ANY, label: t('agenda.filters.allKinds') },
          ...AGENDA_KINDS.map((kind) => ({ value: kind, label: t(`agenda.kinds.${kind}`) })),
        ]}
        onChange={(value) => onChange({ kind: pickOne(value, AGENDA_KINDS) })}
        data-testid="agenda-kind-filter"
      />
      <Select
        aria-label={t('agenda.filters.step')}
        value={filters.stepId ?? ANY}
        allowDeselect={false}
        w={{ base: '100%', xs: 170 }}
        data={[
          { value: ANY, label: t('agenda.filters.allSteps') },
          ...[...steps].map(([value, label]) => ({ value, label })),
        ]}
        onChange={(value) =>
          onChange({ stepId: value === null || value === ANY ? undefined : value })
        }
        data-testid="agenda-step-filter"
      />
      <Select
        aria-label={t('agenda.filters.risk')}
        value={filters.riskCategory ?? ANY}
        allowDeselect={false}
        w={{ base: '100%', xs: 170 }}
        data={[
          { value: ANY, label: t('agenda.filters.allRisks') },
          ...RISK_CATEGORIES.map((risk) => ({ value: risk, label: t(`riskCategory.${risk}`) })),
        ]}
        onChange={(value) => onChange({ riskCategory: pickOne(value, RISK_CATEGORIES) })}
        data-testid="agenda-risk-filter"
      />
      {hasFilters ? (
        <Button variant="subtle" size="xs" onClick={onClear}>
          {t('agenda.filters.clear')}
        </Button>
      ) : null}
    </Group>
  );
}
