import {
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Skeleton,
  Stack,
  Switch,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { can } from '../../../../src/app/permissions.ts';
import type { TDisputeStatus, TDisputeSummary } from '../../../../src/disputes/schemas.ts';
import { CardList } from '../../ui/card-list.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { PageTitle } from '../../ui/page-title.tsx';
import { useIsPhone } from '../../ui/use-is-phone.ts';
import { pickOne } from '../../ui/use-list-params.ts';
import { useCurrentSession } from '../auth/session.ts';
import { DisputeCard } from './dispute-card.tsx';
import {
  BOARD_STATUSES,
  groupByStatus,
  keepShown,
  STATUS_COLORS,
  toBoardQuery,
  type BoardFilters,
} from './dispute-labels.ts';
import { DisputeSettings } from './dispute-settings.tsx';
import { useDepartments, useDisputeCauses, useDisputes } from './disputes-api.ts';
import { OpenDisputeModal } from './open-dispute-form.tsx';
import { useCauseLabel } from './use-dispute-words.ts';

const TABS = ['board', 'reports', 'settings'] as const;

// The charts (recharts and d3, their own chunk) load with the reports tab, not with the app.
const DisputeReports = lazy(async () => ({
  default: (await import('./dispute-reports.tsx')).DisputeReports,
}));

/**
 * « Litiges »: the board (a column per status, filtered by department, cause and lateness),
 * the reports and the company's causes and departments. The tab and the filters live in
 * the URL, so a board is shared by its address.
 */
export function DisputesPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const tab = pickOne(search.get('tab'), TABS) ?? 'board';
  return (
    <Stack gap={0} data-testid="disputes-page">
      <PageTitle title={t('disputes.title')} />
      <Tabs
        value={tab}
        onChange={(value) => {
          const next = pickOne(value, TABS);
          if (next !== undefined) {
            setSearch(next === 'board' ? {} : { tab: next }, { replace: true });
          }
        }}
        keepMounted={false}
      >
        <Tabs.List mb="md" aria-label={t('disputes.tabs.label')}>
          {TABS.map((name) => (
            <Tabs.Tab key={name} value={name} data-testid={`disputes-tab-${name}`}>
              {t(`disputes.tabs.${name}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="board">
          <DisputeBoard />
        </Tabs.Panel>
        <Tabs.Panel value="reports">
          <Suspense fallback={<Skeleton height={480} radius="md" />}>
            <DisputeReports />
          </Suspense>
        </Tabs.Panel>
        <Tabs.Panel value="settings">
          <DisputeSettings />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function readFilters(search: URLSearchParams): BoardFilters {
  return {
    departmentId: search.get('department') ?? '',
    cause: search.get('cause') ?? '',
    isOverdueOnly: search.get('overdue') === '1',
  };
}

function DisputeBoard() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useCurrentSession();
  const isPhone = useIsPhone();
  const [search, setSearch] = useSearchParams();
  const filters = readFilters(search);
  const disputes = useDisputes(toBoardQuery(filters));
  const [isOpening, setOpening] = useState(false);
  const setFilter = (name: 'department' | 'cause' | 'overdue', value: string) => {
    const next = new URLSearchParams(search);
    if (value === '') {
      next.delete(name);
    } else {
      next.set(name, value);
    }
    setSearch(next, { replace: true });
  };
  const shown =
    disputes.data === undefined
      ? undefined
      : groupByStatus(keepShown(disputes.data.items, filters));
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="sm">
        <BoardFilterBar filters={filters} onChange={setFilter} />
        {can(session.user.role, 'dunning:assign') ? (
          <Button onClick={() => setOpening(true)} data-testid="dispute-open-from-board">
            {t('disputes.open.button')}
          </Button>
        ) : null}
      </Group>
      {disputes.isError ? (
        <ErrorAlert error={disputes.error} onRetry={() => void disputes.refetch()} />
      ) : null}
      {isPhone ? (
        <PhoneBoard columns={shown} isStale={disputes.isPlaceholderData} />
      ) : (
        <SimpleGrid cols={4} spacing="sm" data-testid="dispute-board">
          {BOARD_STATUSES.map((status) => (
            <BoardColumn
              key={status}
              status={status}
              items={shown?.[status]}
              isStale={disputes.isPlaceholderData}
            />
          ))}
        </SimpleGrid>
      )}
      <OpenDisputeModal
        isOpen={isOpening}
        onClose={() => setOpening(false)}
        onOpened={(dispute) => {
          setOpening(false);
          void navigate(`/disputes/${dispute.id}`);
        }}
      />
    </Stack>
  );
}

function BoardFilterBar({
  filters,
  onChange,
}: {
  filters: BoardFilters;
  onChange: (name: 'department' | 'cause' | 'overdue', value: string) => void;
}) {
  const { t } = useTranslation();
  const departments = useDepartments();
  const causes = useDisputeCauses();
  const causeLabel = useCauseLabel();
  return (
    <Group gap="sm" align="flex-end" data-testid="dispute-filters">
      <NativeSelect
        label={t('disputes.department')}
        value={filters.departmentId}
        onChange={(event) => onChange('department', event.currentTarget.value)}
        data={[
          { value: '', label: t('disputes.board.allDepartments') },
          ...(departments.data ?? []).map((department) => ({
            value: department.id,
            label: department.name,
          })),
        ]}
        data-testid="dispute-filter-department"
      />
      <NativeSelect
        label={t('disputes.cause')}
        value={filters.cause}
        onChange={(event) => onChange('cause', event.currentTarget.value)}
        data={[
          { value: '', label: t('disputes.board.allCauses') },
          ...(causes.data ?? []).map((cause) => ({
            value: cause.code,
            label: causeLabel(cause.code),
          })),
        ]}
        data-testid="dispute-filter-cause"
      />
      <Switch
        label={t('disputes.board.overdueOnly')}
        checked={filters.isOverdueOnly}
        onChange={(event) => onChange('overdue', event.currentTarget.checked ? '1' : '')}
        mb={8}
        data-testid="dispute-filter-overdue"
      />
    </Group>
  );
}

function ColumnTitle({ status, count }: { status: TDisputeStatus; count: number | undefined }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" justify="space-between" wrap="nowrap">
      <Title order={2} size="h5">
        {t(`disputes.statuses.${status}`)}
      </Title>
      {count === undefined ? null : (
        <Badge color={STATUS_COLORS[status]} variant="light" data-testid="dispute-column-count">
          {count}
        </Badge>
      )}
    </Group>
  );
}

function BoardColumn({
  status,
  items,
  isStale,
}: {
  status: TDisputeStatus;
  items: TDisputeSummary[] | undefined;
  isStale: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      bg="gray.0"
      data-testid={`dispute-column-${status}`}
      aria-label={t(`disputes.statuses.${status}`)}
    >
      <Stack gap="sm">
        <ColumnTitle status={status} count={items?.length} />
        <ColumnCards items={items} isStale={isStale} status={status} />
      </Stack>
    </Paper>
  );
}

function ColumnCards({
  items,
  isStale,
  status,
}: {
  items: TDisputeSummary[] | undefined;
  isStale: boolean;
  status: TDisputeStatus;
}) {
  const { t } = useTranslation();
  if (items !== undefined && items.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="dispute-column-empty">
        {t('disputes.board.empty')}
      </Text>
    );
  }
  return (
    <CardList
      items={items}
      isStale={isStale}
      label={t(`disputes.statuses.${status}`)}
      cardHeight={96}
      testId="dispute-cards"
      renderCard={(dispute) => <DisputeCard key={dispute.id} dispute={dispute} />}
    />
  );
}

/** At phone width one column at a time, picked above it: four side by side do not fit. */
function PhoneBoard({
  columns,
  isStale,
}: {
  columns: Record<TDisputeStatus, TDisputeSummary[]> | undefined;
  isStale: boolean;
}) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<TDisputeStatus>('open');
  return (
    <Stack gap="sm" data-testid="dispute-board">
      <SegmentedControl
        fullWidth
        orientation="vertical"
        transitionDuration={0}
        value={status}
        onChange={(value) => setStatus(pickOne(value, BOARD_STATUSES) ?? 'open')}
        data={BOARD_STATUSES.map((value) => ({
          value,
          label: `${t(`disputes.statuses.${value}`)}${columns === undefined ? '' : ` (${columns[value].length})`}`,
        }))}
        data-testid="dispute-phone-status"
      />
      <div data-testid={`dispute-column-${status}`}>
        <ColumnCards items={columns?.[status]} isStale={isStale} status={status} />
      </div>
    </Stack>
  );
}
