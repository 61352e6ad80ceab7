import { Group, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type PageTitleProps = { title: string; children?: ReactNode };

/** The page's heading, also written into the browser tab (« Clients · Encaisse »). */
export function PageTitle({ title, children }: PageTitleProps) {
  const { t } = useTranslation();
  useDocumentTitle(`${title} · ${t('app.name')}`);
  return (
    <Group justify="space-between" align="center" mb="md" gap="sm">
      <Title order={1} size="h3">
        {title}
      </Title>
      {children}
    </Group>
  );
}
