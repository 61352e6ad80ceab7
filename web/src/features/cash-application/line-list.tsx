import { Button, EmptyState, Skeleton, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TBankLineItem, TBankLineMatchStatus } from '../../../../src/bank/matching/schemas.ts';
import { BankImportCard } from '../imports/bank-import-card.tsx';

type LineListProps = {
  status: TBankLineMatchStatus;
  /**
   * Whether the user may import statements: an empty queue then offers the upload itself,
   * another empty list the way to the Imports page (which a role without it does not see).
   */
  canImport: boolean;
  items: readonly TBankLineItem[] | undefined;
  children: (items: readonly TBankLineItem[]) => ReactNode;
};

/** A list of lines: skeletons while the first page comes, what to do when it is empty. */
export function LineList({ status, canImport, items, children }: LineListProps) {
  const { t } = useTranslation();
  if (items === undefined) {
    return (
      <Stack gap="sm" aria-hidden="true">
        {[0, 1, 2].map((index) => (
          <Skeleton key={index} height={150} radius="md" />
        ))}
      </Stack>
    );
  }
  if (items.length === 0) {
    if (status === 'queued' && canImport) {
      return (
        <Stack gap="md">
          <Text c="dimmed" size="sm" data-testid="bank-lines-empty">
            {t('cashApplication.empty.queued')} {t('cashApplication.empty.importHint')}
          </Text>
          <BankImportCard />
        </Stack>
      );
    }
    return (
      <EmptyState
        py="xl"
        title={t(`cashApplication.empty.${status}`)}
        description={t('cashApplication.empty.importHint')}
        data-testid="bank-lines-empty"
      >
        {canImport ? (
          <EmptyState.Actions>
            <Button component={Link} to="/imports" variant="light">
              {t('cashApplication.empty.goToImports')}
            </Button>
          </EmptyState.Actions>
        ) : null}
      </EmptyState>
    );
  }
  return children(items);
}
