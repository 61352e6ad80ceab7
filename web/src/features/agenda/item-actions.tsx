import { Button, Group, Menu, Popover, Select, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseCalendarDate, type CalendarDate } from '../../../../src/shared/calendar-date.ts';
import { useFormatters } from '../../ui/format.ts';
import { useCollectors } from '../customers/customers-api.ts';
import { snoozeDates } from './agenda-model.ts';
import type { TAgendaItem } from './agenda-schemas.ts';

type ItemActionsProps = {
  item: TAgendaItem;
  today: CalendarDate;
  /** The snooze menu, open by the key `s` too. */
  isSnoozeOpen: boolean;
  onSnoozeOpenChange: (isOpen: boolean) => void;
  onSnooze: (until: CalendarDate) => void;
  onReassign: (assigneeId: string) => void;
  isBusy: boolean;
};

/** Put an action off to a later day (tomorrow, in three days, a date), or give it to someone else. */
export function ItemActions(props: ItemActionsProps) {
  const { item, today } = props;
  const { t } = useTranslation();
  const format = useFormatters();
  const collectors = useCollectors(true);
  const [isPicking, setPicking] = useState(false);
  const [dateText, setDateText] = useState('');
  const [dateError, setDateError] = useState<string | undefined>(undefined);
  const { tomorrow, inThreeDays } = snoozeDates(today);
  const submitDate = () => {
    const date = parseCalendarDate(dateText.trim());
    if (date === undefined) {
      setDateError(t('dates.invalid'));
      return;
    }
    if (date <= today) {
      setDateError(t('agenda.problems.date_past'));
      return;
    }
    setDateError(undefined);
    setPicking(false);
    setDateText('');
    props.onSnooze(date);
  };
  return (
    <Group gap="xs" align="flex-end" wrap="wrap">
      <Popover
        opened={isPicking}
        onChange={setPicking}
        position="bottom-start"
        withinPortal
        trapFocus
      >
        <Popover.Target>
          <div>
            <Menu
              opened={props.isSnoozeOpen}
              onChange={props.onSnoozeOpenChange}
              position="bottom-start"
              withinPortal
            >
              <Menu.Target>
                <Button
                  size="xs"
                  variant="default"
                  loading={props.isBusy}
                  data-testid="agenda-snooze"
                >
                  {t('agenda.snooze.button')}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item onClick={() => props.onSnooze(tomorrow)} data-testid="snooze-tomorrow">
                  {t('agenda.snooze.tomorrow', { date: format.day(tomorrow) })}
                </Menu.Item>
                <Menu.Item
                  onClick={() => props.onSnooze(inThreeDays)}
                  data-testid="snooze-three-days"
                >
                  {t('agenda.snooze.inThreeDays', { date: format.day(inThreeDays) })}
                </Menu.Item>
                <Menu.Item onClick={() => setPicking(true)} data-testid="snooze-pick">
                  {t('agenda.snooze.pick')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </div>
        </Popover.Target>
        <Popover.Dropdown>
          <Stack gap="xs">
            <TextInput
              size="xs"
              label={t('agenda.snooze.date')}
              placeholder={t('dates.placeholder')}
              value={dateText}
              onChange={(event) => setDateText(event.currentTarget.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey) {
                  event.preventDefault();
                  submitDate();
                }
              }}
              error={dateError}
              data-autofocus
              data-testid="snooze-date"
            />
            <Button size="xs" onClick={submitDate} data-testid="snooze-date-submit">
              {t('agenda.snooze.confirm')}
            </Button>
          </Stack>
        </Popover.Dropdown>
      </Popover>
      <Select
        size="xs"
        w={200}
        aria-label={t('agenda.reassign.label')}
        placeholder={t('agenda.reassign.placeholder')}
        searchable
        value={null}
        data={(collectors.data?.items ?? [])
          .filter((user) => user.id !== item.assignee?.id)
          .map((user) => ({ value: user.id, label: user.displayName }))}
        onChange={(assigneeId) => {
          if (assigneeId !== null) {
            props.onReassign(assigneeId);
          }
        }}
        comboboxProps={{ withinPortal: true }}
        data-testid="agenda-reassign"
      />
    </Group>
  );
}
