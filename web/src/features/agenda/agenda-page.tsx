import {
  ActionIcon,
  Anchor,
  Box,
  Drawer,
  Grid,
  Group,
  Loader,
  Skeleton,
  Stack,
  Text,
  Tooltip,
} from '@mantine/core';
import { EmptyState } from '@mantine/core';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { can } from '../../../../src/app/permissions.ts';
import { ROLES } from '../../../../src/shared/schemas.ts';
import type { CalendarDate } from '../../../../src/shared/calendar-date.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { useFormatters } from '../../ui/format.ts';
import { PageTitle } from '../../ui/page-title.tsx';
import { useIsPhone } from '../../ui/use-is-phone.ts';
import { useCurrentSession } from '../auth/session.ts';
import { useQueueKeyboard } from '../cash-application/use-queue-keyboard.ts';
import {
  useAgenda,
  useCompleteAgendaItem,
  useDecideApproval,
  useReassignAgendaItem,
  useSnoozeAgendaItem,
} from './agenda-api.ts';
import { AgendaFiltersBar } from './agenda-filters.tsx';
import { FOCUS_IDS, focusSoon } from './agenda-focus.ts';
import { AgendaItemCard } from './agenda-item-card.tsx';
import { AGENDA_KEYS, agendaCommandFor, isSaveChord } from './agenda-keys.ts';
import {
  buildCompletion,
  emptyDraft,
  hasAgendaFilters,
  isApproval,
  parseAgendaFilters,
  serializeAgendaFilters,
  defaultAssigneeFor,
  type AgendaFilters,
  type CompletionDraft,
} from './agenda-model.ts';
import { AgendaPanel } from './agenda-panel.tsx';
import type { TAgendaItem } from './agenda-schemas.ts';
import classes from './agenda.module.css';
import type { FieldProblems } from './completion-form.tsx';
import { ShortcutHelp } from './shortcut-help.tsx';

/** Whether the role may act on the agenda (complete, snooze, reassign, approve): the server's rule. */
export function canActOnAgenda(role: string): boolean {
  const known = ROLES.find((name) => name === role);
  return known !== undefined && can(known, 'dunning:assign');
}

/** The filters live in the URL, as the lists' do; a collector's default is « Mes actions ». */
function useAgendaFilters(role: string) {
  const [search, setSearch] = useSearchParams();
  const viewer = useMemo(() => ({ role }), [role]);
  const filters = useMemo(() => parseAgendaFilters(search, viewer), [search, viewer]);
  const update = useCallback(
    (changes: Partial<AgendaFilters>) =>
      setSearch((current) =>
        serializeAgendaFilters({ ...parseAgendaFilters(current, viewer), ...changes }, viewer),
      ),
    [setSearch, viewer],
  );
  const clear = useCallback(
    () =>
      update({
        assignee: defaultAssigneeFor(viewer),
        kind: undefined,
        stepId: undefined,
        riskCategory: undefined,
      }),
    [update, viewer],
  );
  return { filters, update, clear, hasFilters: hasAgendaFilters(filters, viewer) };
}

/**
 * The collector's day (issue 9, docs/agenda.md): the actions ranked by money at stake and
 * lateness, filtered by collector, kind, step and risk; the selected one opens beside the
 * list (in a drawer on a phone) to be completed, snoozed, reassigned or approved — by mouse
 * or by keyboard, the focus going to the next action once one is done.
 */
export function AgendaPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const session = useCurrentSession();
  const isPhone = useIsPhone();
  const canAct = canActOnAgenda(session.user.role);
  const { filters, update, clear, hasFilters } = useAgendaFilters(session.user.role);
  const agenda = useAgenda(filters);
  const items = agenda.data?.items;
  const [selected, setSelected] = useState(0);
  const [isDrawerOpen, setDrawerOpen] = useState(false);
  const [isHelpOpen, setHelpOpen] = useState(false);
  const [isSnoozeOpen, setSnoozeOpen] = useState(false);
  const [draftOf, setDraftOf] = useState<{ itemId: string; draft: CompletionDraft } | null>(null);
  const [problemsOf, setProblemsOf] = useState<{ itemId: string; problems: FieldProblems } | null>(
    null,
  );
  const complete = useCompleteAgendaItem();
  const snooze = useSnoozeAgendaItem();
  const reassign = useReassignAgendaItem();
  const decide = useDecideApproval();
  const cards = useRef<(HTMLDivElement | null)[]>([]);
  // After an action leaves the list, the card that came up under the selection takes the focus.
  // (A count, not a flag: the list has often refreshed already when the change is told done.)
  const [focusRequest, setFocusRequest] = useState(0);

  const count = items?.length ?? 0;
  const current = Math.min(selected, Math.max(count - 1, 0));
  const item: TAgendaItem | undefined = items?.[current];
  const today = (agenda.data?.today ?? '') as CalendarDate;
  const draft =
    item === undefined
      ? undefined
      : draftOf !== null && draftOf.itemId === item.id
        ? draftOf.draft
        : emptyDraft(item);
  const problems = item !== undefined && problemsOf?.itemId === item.id ? problemsOf.problems : {};
  const busy = complete.isPending
    ? 'complete'
    : snooze.isPending
      ? 'snooze'
      : reassign.isPending
        ? 'reassign'
        : decide.isPending
          ? decide.variables.decision
          : null;
  const failure = [complete, snooze, reassign, decide].find((mutation) => mutation.isError)?.error;

  const itemId = item?.id;
  const focusedRequest = useRef(0);
  useEffect(() => {
    if (focusRequest > focusedRequest.current && itemId !== undefined && !agenda.isFetching) {
      focusedRequest.current = focusRequest;
      cards.current[current]?.focus();
    }
  }, [focusRequest, itemId, current, agenda.isFetching]);

  const resetMutations = () => {
    complete.reset();
    snooze.reset();
    reassign.reset();
    decide.reset();
  };
  const select = useCallback((index: number) => {
    setSelected(index);
    setSnoozeOpen(false);
    cards.current[index]?.focus();
  }, []);
  const open = useCallback(
    (index: number) => {
      setSelected(index);
      if (isPhone) {
        setDrawerOpen(true);
      }
      // Into the panel: its first outcome, or « Valider et envoyer » for a message.
      const target = items?.[index];
      focusSoon(
        target !== undefined && isApproval(target) ? FOCUS_IDS.approve : FOCUS_IDS.firstOutcome,
      );
    },
    [isPhone, items],
  );
  const setDraft = (next: CompletionDraft) => {
    if (item !== undefined) {
      setDraftOf({ itemId: item.id, draft: next });
    }
  };
  /** After a change the item leaves (or moves): the next one is selected, the drawer closes. */
  const afterChange = () => {
    setFocusRequest((request) => request + 1);
    setDrawerOpen(false);
    setSnoozeOpen(false);
    setDraftOf(null);
    setProblemsOf(null);
  };

  const save = () => {
    if (item === undefined || draft === undefined || !canAct || isApproval(item) || busy !== null) {
      return;
    }
    const built = buildCompletion(draft, item, today);
    if (!built.ok) {
      setProblemsOf({
        itemId: item.id,
        problems: Object.fromEntries(built.problems.map((entry) => [entry.field, entry.problem])),
      });
      return;
    }
    setProblemsOf(null);
    resetMutations();
    complete.mutate({ id: item.id, request: built.request }, { onSuccess: afterChange });
  };
  const approveOrDismiss = (decision: 'approve' | 'dismiss') => {
    if (item === undefined || !isApproval(item) || busy !== null) {
      return;
    }
    resetMutations();
    decide.mutate({ id: item.id, decision }, { onSuccess: afterChange });
  };
  const snoozeTo = (until: CalendarDate) => {
    if (item !== undefined) {
      resetMutations();
      setSnoozeOpen(false);
      snooze.mutate({ id: item.id, until }, { onSuccess: afterChange });
    }
  };
  const reassignTo = (assigneeId: string) => {
    if (item !== undefined) {
      resetMutations();
      reassign.mutate({ id: item.id, assigneeId }, { onSuccess: afterChange });
    }
  };

  // Ctrl+Enter saves wherever the focus is, the note included (the queue's keys stay off there).
  // The listeners are set once and call the latest `save` and `command` (kept after each render).
  const saveRef = useRef(save);
  const commandRef = useRef<(key: string, index: number) => void>(() => undefined);
  useLayoutEffect(() => {
    saveRef.current = save;
    commandRef.current = command;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (isSaveChord(event) && !event.defaultPrevented) {
        event.preventDefault();
        saveRef.current();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  function command(key: string, index: number): void {
    const command = agendaCommandFor(key);
    const target = items?.[index];
    if (command === undefined || target === undefined) {
      return;
    }
    if (command.kind === 'help') {
      setHelpOpen((isOpen) => !isOpen);
      return;
    }
    if (!canAct) {
      return;
    }
    if (command.kind === 'approve') {
      if (isApproval(target)) {
        approveOrDismiss('approve');
      }
      return;
    }
    if (isPhone) {
      setDrawerOpen(true);
    }
    if (command.kind === 'snooze') {
      setSnoozeOpen(true);
      return;
    }
    if (isApproval(target)) {
      return;
    }
    const outcome = command.kind === 'promise' ? 'promise_given' : command.outcome;
    const base =
      draftOf !== null && draftOf.itemId === target.id ? draftOf.draft : emptyDraft(target);
    setDraftOf({ itemId: target.id, draft: { ...base, outcome } });
    // Then the words: the amount of a promise, else the note.
    if (outcome === 'promise_given') {
      focusSoon(FOCUS_IDS.amount, { select: true });
    } else {
      focusSoon(FOCUS_IDS.note);
    }
  }
  const keys = useMemo(
    () =>
      Object.fromEntries(
        AGENDA_KEYS.map((key) => [key, (index: number) => commandRef.current(key, index)]),
      ),
    [],
  );
  useQueueKeyboard({
    isEnabled: !isHelpOpen && busy === null && (!isPhone || !isDrawerOpen),
    count,
    selected: current,
    onSelect: select,
    onConfirm: open,
    keys,
  });

  const panel =
    item === undefined || draft === undefined ? null : (
      <AgendaPanel
        item={item}
        today={today}
        canAct={canAct}
        draft={draft}
        onDraftChange={setDraft}
        problems={problems}
        onSave={save}
        onApprove={() => approveOrDismiss('approve')}
        onDismiss={() => approveOrDismiss('dismiss')}
        onSnooze={snoozeTo}
        onReassign={reassignTo}
        isSnoozeOpen={isSnoozeOpen}
        onSnoozeOpenChange={setSnoozeOpen}
        busy={busy}
        error={failure ?? null}
      />
    );

  return (
    <Stack gap={0} data-testid="agenda-page">
      <PageTitle title={t('agenda.title')}>
        <Group gap="sm">
          {agenda.isFetching && !agenda.isPending ? (
            <Loader size="xs" aria-label={t('common.loading')} />
          ) : null}
          {agenda.data === undefined ? null : (
            <Text size="sm" c="dimmed" data-testid="agenda-count">
              {t('agenda.count', {
                count: agenda.data.total,
                formatted: format.integer(agenda.data.total),
                date: format.day(agenda.data.today),
              })}
            </Text>
          )}
          <Anchor component={Link} to="/dunning/run" size="sm" data-testid="agenda-run-link">
            {t('agenda.dailyRun')}
          </Anchor>
          <Tooltip label={t('agenda.help.button')}>
            <ActionIcon
              variant="default"
              aria-label={t('agenda.help.button')}
              onClick={() => setHelpOpen(true)}
              data-testid="agenda-help"
            >
              ?
            </ActionIcon>
          </Tooltip>
        </Group>
      </PageTitle>
      <AgendaFiltersBar
        filters={filters}
        userId={session.user.id}
        hasFilters={hasFilters}
        onChange={(changes) => {
          setSelected(0);
          update(changes);
        }}
        onClear={clear}
      />
      {canAct && !isPhone ? (
        <Text size="xs" c="dimmed" mb="sm" data-testid="agenda-keyboard-hint">
          {t('agenda.keyboardHint')}
        </Text>
      ) : null}
      {agenda.isError ? (
        <ErrorAlert error={agenda.error} onRetry={() => void agenda.refetch()} />
      ) : items === undefined ? (
        <Stack gap="sm" aria-hidden="true">
          {[0, 1, 2].map((index) => (
            <Skeleton key={index} height={96} radius="md" />
          ))}
        </Stack>
      ) : items.length === 0 ? (
        <EmptyState
          py="xl"
          title={t('agenda.empty.title')}
          description={hasFilters ? t('agenda.empty.filtered') : t('agenda.empty.text')}
          data-testid="agenda-empty"
        />
      ) : (
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Stack
              gap="xs"
              role="list"
              aria-label={t('agenda.listLabel')}
              aria-busy={agenda.isPlaceholderData}
              style={{ opacity: agenda.isPlaceholderData ? 0.6 : 1, transition: 'opacity 120ms' }}
              data-testid="agenda-list"
            >
              {items.map((entry, index) => (
                <AgendaItemCard
                  key={entry.id}
                  ref={(element) => {
                    cards.current[index] = element;
                  }}
                  item={entry}
                  isSelected={index === current}
                  onSelect={() => setSelected(index)}
                  onOpen={() => {
                    setSelected(index);
                    if (isPhone) {
                      setDrawerOpen(true);
                    }
                  }}
                />
              ))}
            </Stack>
          </Grid.Col>
          {isPhone ? null : (
            <Grid.Col span={{ base: 12, md: 7 }}>
              <Box
                className={classes.panel}
                onKeyDown={(event) => {
                  if (event.key === 'Escape' && !isSnoozeOpen) {
                    cards.current[current]?.focus();
                  }
                }}
              >
                {panel}
              </Box>
            </Grid.Col>
          )}
        </Grid>
      )}
      {isPhone ? (
        <Drawer
          opened={isDrawerOpen && panel !== null}
          onClose={() => {
            setDrawerOpen(false);
            cards.current[current]?.focus();
          }}
          position="bottom"
          size="100%"
          title={t('agenda.panel.label')}
          closeButtonProps={{ 'aria-label': t('agenda.panel.close') }}
        >
          {panel}
        </Drawer>
      ) : null}
      <ShortcutHelp opened={isHelpOpen} onClose={() => setHelpOpen(false)} />
    </Stack>
  );
}
