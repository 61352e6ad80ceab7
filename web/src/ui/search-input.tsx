import { CloseButton, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';

type SearchInputProps = {
  /** The search the page currently shows (from the URL). */
  value: string;
  onSearch: (text: string) => void;
  label: string;
  placeholder: string;
  clearLabel: string;
  /** The box's width; a search of names wants room, a code less. */
  width?: { base: string | number; sm: string | number };
  'data-testid'?: string;
};

const DEBOUNCE_MS = 300;

/**
 * Types freely, asks the server once the user pauses (the URL holds the search). When the
 * URL changes from elsewhere (back/forward), it shows the URL's search again.
 */
export function SearchInput({
  value,
  onSearch,
  label,
  placeholder,
  clearLabel,
  width = { base: '100%', sm: 340 },
  'data-testid': testId,
}: SearchInputProps) {
  const [draft, setDraft] = useState(value);
  const [shownValue, setShownValue] = useState(value);
  // What we last asked for: when the URL comes back with it, it is our own echo and the
  // draft (which may already hold more keystrokes) is left alone.
  const [submitted, setSubmitted] = useState(value);
  const search = useDebouncedCallback((text: string) => {
    setSubmitted(text.trim());
    onSearch(text.trim());
  }, DEBOUNCE_MS);

  if (value !== shownValue) {
    setShownValue(value);
    if (value !== submitted) {
      // Moved from elsewhere (back/forward, a link): show the URL's search.
      search.cancel();
      setSubmitted(value);
      setDraft(value);
    }
  }

  const change = (text: string) => {
    setDraft(text);
    search(text);
  };

  return (
    <TextInput
      type="search"
      aria-label={label}
      placeholder={placeholder}
      value={draft}
      onChange={(event) => change(event.currentTarget.value)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          search.flush();
        }
      }}
      rightSection={
        draft === '' ? null : (
          <CloseButton
            size="sm"
            aria-label={clearLabel}
            onClick={() => {
              search.cancel();
              setDraft('');
              setSubmitted('');
              onSearch('');
            }}
          />
        )
      }
      w={width}
      data-testid={testId}
    />
  );
}
