import { Box, Button, Group, Loader, Stack, Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type {
  TBankLineCounts,
  TBankLineMatchStatus,
} from '../../../../src/bank/matching/schemas.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { useFormatters } from '../../ui/format.ts';
import { PageTitle } from '../../ui/page-title.tsx';
import { Pager } from '../../ui/pager.tsx';
import { parsePage, pickOne } from '../../ui/use-list-params.ts';
import { useCurrentSession } from '../auth/session.ts';
import { AppliedLineCard } from './applied-line-card.tsx';
import { BANK_LINE_PAGE_SIZE, useBankLinePage, useRunMatcher } from './cash-application-api.ts';
import {
  canApplyMatches,
  canChangeThreshold,
  canImportStatements,
} from './cash-application-permissions.ts';
import { LineList } from './line-list.tsx';
import { QueuePanel } from './queue-panel.tsx';
import { RunReport } from './run-report.tsx';
import { SetAsideLineCard } from './set-aside-line-card.tsx';
import { ThresholdSetting } from './threshold-setting.tsx';

const TABS = ['queued', 'applied', 'setAside'] as const;
type Tab = (typeof TABS)[number];
/** What « Écartées » holds: set aside by a person, or by the statement itself. */
const SET_ASIDE_KINDS = ['ignored', 'outgoing', 'reversal', 'reversed'] as const;
type SetAsideKind = (typeof SET_ASIDE_KINDS)[number];

/** The tab, the kind of line set aside and the page live in the URL, as the lists' filters do. */
function useCashApplicationParams() {
  const [search, setSearch] = useSearchParams();
  const tab: Tab = pickOne(search.get('tab'), TABS) ?? 'queued';
  const kind: SetAsideKind = pickOne(search.get('kind'), SET_ASIDE_KINDS) ?? 'ignored';
  const page = parsePage(search.get('page'));
  const update = (changes: { tab?: Tab; kind?: SetAsideKind; page?: number }) => {
    const next = { tab, kind, page: 1, ...changes };
    const params = new URLSearchParams();
    if (next.tab !== 'queued') {
      params.set('tab', next.tab);
    }
    if (next.tab === 'setAside' && next.kind !== 'ignored') {
      params.set('kind', next.kind);
    }
    if (next.page > 1) {
      params.set('page', String(next.page));
    }
    setSearch(params);
  };
  const status: TBankLineMatchStatus =
    tab === 'queued' ? 'queued' : tab === 'applied' ? 'applied' : kind;
  return { tab, kind, page, status, update };
}

/**
 * Cash application: the lines of the bank statements the matcher could not apply alone,
 * each with its best suggestion to confirm, edit or set aside; what was applied, by whom
 * and why, with the way back; the lines set aside. The matcher can be run again here, and
 * its threshold read (and changed, by those who may).
 */
export function CashApplicationPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const session = useCurrentSession();
  const canWrite = canApplyMatches(session.user.role);
  const { tab, kind, page, status, update } = useCashApplicationParams();
  const lines = useBankLinePage(status, page);
  const run = useRunMatcher();
  const counts = lines.data?.counts;
  const countOf = (...statuses: (keyof TBankLineCounts)[]) =>
    counts === undefined
      ? '…'
      : format.integer(statuses.reduce((sum, name) => sum + counts[name], 0));
  return (
    <Stack gap={0} data-testid="cash-application-page">
      <PageTitle title={t('cashApplication.title')}>
        <Group gap="xs">
          {lines.isFetching && !lines.isPending ? (
            <Loader size="xs" aria-label={t('common.loading')} />
          ) : null}
          {canWrite ? (
            <Button
              variant="light"
              onClick={() => run.mutate()}
              loading={run.isPending}
              data-testid="run-matcher"
            >
              {t('cashApplication.run.button')}
            </Button>
          ) : null}
        </Group>
      </PageTitle>
      <ThresholdSetting canChange={canChangeThreshold(session.user.role)} />
      {run.isError ? <ErrorAlert error={run.error} /> : null}
      {run.data === undefined ? null : <RunReport report={run.data} onClose={() => run.reset()} />}
      <Tabs
        value={tab}
        onChange={(value) => {
          const next = pickOne(value, TABS);
          if (next !== undefined) {
            update({ tab: next });
          }
        }}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="queued" data-testid="tab-queued">
            {t('cashApplication.tabs.queued', { n: countOf('queued') })}
          </Tabs.Tab>
          <Tabs.Tab value="applied" data-testid="tab-applied">
            {t('cashApplication.tabs.applied', { n: countOf('applied') })}
          </Tabs.Tab>
          <Tabs.Tab value="setAside" data-testid="tab-set-aside">
            {t('cashApplication.tabs.setAside', {
              n: countOf('ignored', 'outgoing', 'reversal', 'reversed'),
            })}
          </Tabs.Tab>
        </Tabs.List>
      </Tabs>
      {tab === 'setAside' ? (
        <Tabs
          value={kind}
          variant="pills"
          onChange={(value) => {
            const next = pickOne(value, SET_ASIDE_KINDS);
            if (next !== undefined) {
              update({ kind: next });
            }
          }}
          mb="md"
        >
          <Tabs.List>
            {SET_ASIDE_KINDS.map((name) => (
              <Tabs.Tab key={name} value={name} data-testid={`set-aside-${name}`}>
                {t(`cashApplication.setAside.kinds.${name}`, { n: countOf(name) })}
              </Tabs.Tab>
            ))}
          </Tabs.List>
        </Tabs>
      ) : null}
      {lines.isError ? (
        <ErrorAlert error={lines.error} onRetry={() => void lines.refetch()} />
      ) : (
        <Box
          aria-busy={lines.isPending || lines.isPlaceholderData}
          style={{ opacity: lines.isPlaceholderData ? 0.6 : 1, transition: 'opacity 120ms' }}
        >
          <LineList
            status={status}
            canImport={canImportStatements(session.user.role)}
            items={lines.data?.items}
          >
            {(items) =>
              tab === 'queued' ? (
                <QueuePanel items={items} canWrite={canWrite} />
              ) : (
                <Stack gap="sm" role="list" aria-label={t(`cashApplication.tabs.${tab}Label`)}>
                  {items.map((item) =>
                    tab === 'applied' ? (
                      <AppliedLineCard key={item.line.id} item={item} canWrite={canWrite} />
                    ) : (
                      <SetAsideLineCard key={item.line.id} item={item} canWrite={canWrite} />
                    ),
                  )}
                </Stack>
              )
            }
          </LineList>
          <Pager
            page={page}
            pageSize={lines.data?.pageSize ?? BANK_LINE_PAGE_SIZE}
            total={lines.data?.total ?? 0}
            onChange={(next) => update({ page: next })}
          />
        </Box>
      )}
    </Stack>
  );
}
