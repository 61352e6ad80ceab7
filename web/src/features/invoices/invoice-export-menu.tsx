import { Button, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { INVOICE_EXPORT_FORMATS } from '../../../../src/ledger/schemas.ts';
import { buildUrl } from '../../api.ts';
import { toInvoiceOrder, type InvoiceListParams } from './invoice-list-params.ts';

/**
 * Downloads the list as filtered and sorted (every page) from the server, which writes
 * the file: a plain link, so the browser streams it to disk with the session cookie.
 */
export function InvoiceExportMenu({ params }: { params: InvoiceListParams }) {
  const { t } = useTranslation();
  const filters = toInvoiceOrder(params);
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button size="xs" variant="default" data-testid="invoice-export">
          {t('invoices.export.button')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown aria-label={t('invoices.export.label')}>
        {INVOICE_EXPORT_FORMATS.map((format) => (
          <Menu.Item
            key={format}
            component="a"
            href={buildUrl('/api/invoices/export', { ...filters, format })}
            download
            data-testid={`invoice-export-${format}`}
          >
            {t(`invoices.export.${format}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
