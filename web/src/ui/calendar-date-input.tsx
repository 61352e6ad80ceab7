import { TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, parseCalendarDate, parseIsoDate } from '../../../src/shared/calendar-date.ts';

type CalendarDateInputProps = {
  label: string;
  /** `YYYY-MM-DD`, or `''` for no date. */
  value: string;
  onChange: (date: string) => void;
  'data-testid'?: string;
};

/** Shown as `31/12/2025` whatever the browser's own locale (native date inputs follow it). */
function toText(value: string): string {
  const date = parseIsoDate(value);
  return date === undefined ? '' : formatDate(date, 'fr');
}

/**
 * A date typed as people write it (`31/12/2025`, also `2025-12-31`), checked when the field
 * is left or Enter is pressed; impossible dates (`31/02/2025`) are refused with a message.
 */
export function CalendarDateInput({
  label,
  value,
  onChange,
  'data-testid': testId,
}: CalendarDateInputProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(() => toText(value));
  const [shownValue, setShownValue] = useState(value);
  const [isInvalid, setIsInvalid] = useState(false);

  if (value !== shownValue) {
    // The URL moved (back/forward, "clear filters"): show its date.
    setShownValue(value);
    setDraft(toText(value));
    setIsInvalid(false);
  }

  const commit = () => {
    const text = draft.trim();
    if (text === '') {
      setIsInvalid(false);
      if (value !== '') {
        onChange('');
      }
      return;
    }
    const date = parseCalendarDate(text);
    if (date === undefined) {
      setIsInvalid(true);
      return;
    }
    setIsInvalid(false);
    setDraft(toText(date));
    if (date !== value) {
      onChange(date);
    }
  };

  return (
    <TextInput
      size="xs"
      label={label}
      placeholder={t('dates.placeholder')}
      value={draft}
      onChange={(event) => setDraft(event.currentTarget.value)}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          commit();
        }
      }}
      error={isInvalid ? t('dates.invalid') : undefined}
      inputMode="numeric"
      autoComplete="off"
      w={118}
      data-testid={testId}
    />
  );
}
