import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../ui/page-title.tsx';
import { BankImportCard } from './bank-import-card.tsx';
import { FecImportCard } from './fec-import-card.tsx';

/** Imports: the books as a FEC, and bank statements, each uploaded with its report. */
export function ImportsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle title={t('imports.title')} />
      <Stack gap="md" data-testid="imports-page">
        <Text size="sm" c="dimmed" maw={760}>
          {t('imports.intro')}
        </Text>
        <FecImportCard />
        <BankImportCard />
      </Stack>
    </>
  );
}
