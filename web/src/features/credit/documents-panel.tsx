import { Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { useCurrentSession } from '../auth/session.ts';
import { useDocuments } from './documents-api.ts';
import { DocumentsTable } from './documents-list.tsx';
import { canAttachDocument, type DocumentTarget } from './documents-model.ts';
import { DocumentUploadForm } from './documents-upload.tsx';

/**
 * The « Justificatifs » panel of an invoice (issue 12, docs/evidence.md « Found from the
 * invoice »): its own documents and those of the orders it invoices (the signed delivery
 * receipt kept on the order), with the order each came from, to download and check against
 * their SHA-256: the evidence when a dispute or a court case comes (C. civ. art. 1353, whoever
 * claims payment proves the obligation). « Ajouter un justificatif » for the roles that may
 * write the ledger (administrators, credit managers).
 */
export function InvoiceDocuments({ invoiceId }: { invoiceId: string }) {
  const { t } = useTranslation();
  const { role } = useCurrentSession().user;
  const target: DocumentTarget = { invoiceId };
  const documents = useDocuments(target);
  return (
    <Paper withBorder radius="md" p="md" data-testid="invoice-documents">
      <Title order={2} size="h5" mb="sm">
        {t('credit.documents.title')}
      </Title>
      <Stack gap="sm">
        {documents.isError ? (
          <ErrorAlert error={documents.error} onRetry={() => void documents.refetch()} />
        ) : documents.data === undefined ? (
          <Skeleton height={60} aria-hidden="true" />
        ) : documents.data.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="invoice-documents-empty">
            {t('credit.documents.empty')}
          </Text>
        ) : (
          <DocumentsTable
            documents={documents.data}
            label={t('credit.documents.label')}
            showOrigin
          />
        )}
        {canAttachDocument(role, target) && documents.data !== undefined ? (
          <DocumentUploadForm
            target={target}
            kept={documents.data}
            defaultKind="purchase_order"
            buttonLabel={t('credit.documents.addInvoice')}
          />
        ) : null}
      </Stack>
    </Paper>
  );
}
