import { Stack, Text } from '@mantine/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TBankLineItem } from '../../../../src/bank/matching/schemas.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { useMatchBankLine, useSetBankLineAside } from './cash-application-api.ts';
import { EditMatchDialog } from './edit-match-dialog.tsx';
import { bestSuggestion, requestFromSuggestion } from './match-form-model.ts';
import { QueuedLineCard } from './queued-line-card.tsx';
import { useQueueKeyboard } from './use-queue-keyboard.ts';

type QueuePanelProps = { items: readonly TBankLineItem[]; canWrite: boolean };

/**
 * The lines waiting for a person, one selected at a time: confirm its best suggestion,
 * edit it, or set it aside, by mouse or by keyboard. When a line leaves the queue the
 * selection stays in place, on the line that came up.
 */
export function QueuePanel({ items, canWrite }: QueuePanelProps) {
  const { t } = useTranslation();
  const [selected, setSelected] = useState(0);
  const [editing, setEditing] = useState<TBankLineItem | null>(null);
  const confirm = useMatchBankLine();
  const setAside = useSetBankLineAside();
  const cards = useRef<(HTMLDivElement | null)[]>([]);
  // After a change made from the keyboard, the selection keeps the focus as lines move.
  const refocus = useRef(false);
  const current = Math.min(selected, Math.max(items.length - 1, 0));
  const busyLineId = confirm.isPending
    ? confirm.variables.lineId
    : setAside.isPending
      ? setAside.variables.lineId
      : undefined;

  // The line now under the selection: another one once the selected line left the queue.
  const selectedLineId = items[current]?.line.id;
  useEffect(() => {
    if (refocus.current && editing === null && selectedLineId !== undefined) {
      refocus.current = false;
      cards.current[current]?.focus();
    }
  }, [selectedLineId, current, editing]);

  const select = useCallback((index: number) => {
    setSelected(index);
    cards.current[index]?.focus();
  }, []);
  const editAt = useCallback(
    (index: number) => {
      const item = items[index];
      if (item !== undefined) {
        setSelected(index);
        refocus.current = true;
        setEditing(item);
      }
    },
    [items],
  );
  // Without a suggestion there is nothing to confirm: the keyboard's Enter opens the editor.
  const confirmAt = useCallback(
    (index: number) => {
      const item = items[index];
      const best = item === undefined ? undefined : bestSuggestion(item.match);
      if (item === undefined || best === undefined) {
        editAt(index);
        return;
      }
      setSelected(index);
      refocus.current = true;
      setAside.reset();
      confirm.mutate({ lineId: item.line.id, request: requestFromSuggestion(best) });
    },
    [items, confirm, setAside, editAt],
  );
  const setAsideAt = useCallback(
    (index: number) => {
      const item = items[index];
      if (item !== undefined) {
        setSelected(index);
        refocus.current = true;
        confirm.reset();
        setAside.mutate({ lineId: item.line.id, aside: true });
      }
    },
    [items, confirm, setAside],
  );
  useQueueKeyboard({
    isEnabled: canWrite && editing === null && busyLineId === undefined,
    count: items.length,
    selected: current,
    onSelect: select,
    onConfirm: confirmAt,
    onEdit: editAt,
    onSetAside: setAsideAt,
  });
  const failure = confirm.isError ? confirm.error : setAside.isError ? setAside.error : null;
  return (
    <Stack gap="sm">
      {canWrite ? (
        <Text size="xs" c="dimmed" data-testid="keyboard-hint">
          {t('cashApplication.keyboardHint')}
        </Text>
      ) : null}
      {failure === null ? null : <ErrorAlert error={failure} />}
      <Stack gap="sm" role="list" aria-label={t('cashApplication.tabs.queuedLabel')}>
        {items.map((item, index) => (
          <QueuedLineCard
            key={item.line.id}
            ref={(element) => {
              cards.current[index] = element;
            }}
            item={item}
            isSelected={index === current}
            canWrite={canWrite}
            isBusy={busyLineId === item.line.id}
            onSelect={() => setSelected(index)}
            onConfirm={() => confirmAt(index)}
            onEdit={() => editAt(index)}
            onSetAside={() => setAsideAt(index)}
          />
        ))}
      </Stack>
      <EditMatchDialog item={editing} onClose={() => setEditing(null)} />
    </Stack>
  );
}
