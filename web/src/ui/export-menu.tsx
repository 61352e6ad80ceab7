import { Button, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EXPORT_FORMATS } from '../../../src/shared/schemas.ts';
import { buildUrl, type QueryParams } from '../api.ts';

/**
 * Downloads a list as filtered and sorted (every page) from the server, which writes
 * the file: a plain link, so the browser streams it to disk with the session cookie.
 * `path` is the list's export endpoint, `query` its filters and order without paging.
 */
export function ExportMenu({
  path,
  query,
  testId,
}: {
  path: string;
  query: QueryParams;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button size="xs" variant="default" data-testid={testId}>
          {t('export.button')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown aria-label={t('export.label')}>
        {EXPORT_FORMATS.map((format) => (
          <Menu.Item
            key={format}
            component="a"
            href={buildUrl(path, { ...query, format })}
            download
            data-testid={`${testId}-${format}`}
          >
            {t(`export.${format}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
