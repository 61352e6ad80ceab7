import { Button, EmptyState } from '@mantine/core';
import { useTranslation } from 'react-i18next';

type EmptyListProps = {
  title: string;
  description: string;
  clearFiltersLabel: string;
  /** Past page 1 the list may only look empty: offer to go back to the start. */
  isPastFirstPage: boolean;
  hasFilters: boolean;
  onFirstPage: () => void;
  onClearFilters: () => void;
  'data-testid'?: string;
};

/** What a filtered, paged list shows when it has no row, with the ways out. */
export function EmptyList(props: EmptyListProps) {
  const { t } = useTranslation();
  return (
    <EmptyState
      py="xl"
      title={props.title}
      description={props.description}
      data-testid={props['data-testid']}
    >
      <EmptyState.Actions>
        {props.isPastFirstPage ? (
          <Button variant="default" onClick={props.onFirstPage}>
            {t('paging.firstPage')}
          </Button>
        ) : null}
        {props.hasFilters ? (
          <Button variant="light" onClick={props.onClearFilters}>
            {props.clearFiltersLabel}
          </Button>
        ) : null}
      </EmptyState.Actions>
    </EmptyState>
  );
}
