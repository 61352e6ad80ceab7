import { ActionIcon, Anchor, Group, Table, Text, Tooltip, CopyButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TEvidenceDocument } from '../../../../src/credit/document-schemas.ts';
import { useFormatters } from '../../ui/format.ts';
import { useCurrentSession } from '../auth/session.ts';
import { formatFileSize } from '../imports/file-size.ts';
import { useOrder } from './credit-api.ts';
import { documentFileUrl } from './documents-api.ts';
import { shortSha256 } from './documents-model.ts';

/**
 * Evidence documents in a table (docs/evidence.md): what each proves in words, its file to
 * download, its size, when and by whom it was kept, and its SHA-256 shortened with a button
 * that copies it whole (the checksum a court or an expert compares the file with). With
 * `showOrigin`, where each came from: the invoice itself, or the order it was kept on.
 */
export function DocumentsTable(props: {
  documents: readonly TEvidenceDocument[];
  label: string;
  showOrigin: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={props.showOrigin ? 900 : 760}>
      <Table verticalSpacing={4} aria-label={props.label} data-testid="documents-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('credit.documents.kindLabel')}</Table.Th>
            <Table.Th>{t('credit.documents.fileName')}</Table.Th>
            {props.showOrigin ? <Table.Th>{t('credit.documents.from')}</Table.Th> : null}
            <Table.Th ta="right">{t('credit.documents.size')}</Table.Th>
            <Table.Th>{t('credit.documents.uploadedAt')}</Table.Th>
            <Table.Th>{t('credit.documents.uploadedBy')}</Table.Th>
            <Table.Th>{t('credit.documents.sha256')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.documents.map((document) => (
            <DocumentRow key={document.id} document={document} showOrigin={props.showOrigin} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function DocumentRow({
  document,
  showOrigin,
}: {
  document: TEvidenceDocument;
  showOrigin: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { timeZone } = useCurrentSession().company;
  return (
    <Table.Tr data-testid="document-row" data-document-id={document.id}>
      <Table.Td data-testid="document-kind">{t(`credit.documents.kind.${document.kind}`)}</Table.Td>
      <Table.Td style={{ overflowWrap: 'anywhere' }}>
        <Anchor
          href={documentFileUrl(document.id)}
          download={document.fileName}
          size="sm"
          data-testid="document-download"
        >
          {document.fileName}
        </Anchor>
        {document.note === null ? null : (
          <Text size="xs" c="dimmed" data-testid="document-note">
            {document.note}
          </Text>
        )}
      </Table.Td>
      {showOrigin ? (
        <Table.Td data-testid="document-origin">
          {document.orderId === null ? (
            t('credit.documents.fromInvoice')
          ) : (
            <OrderOrigin orderId={document.orderId} />
          )}
        </Table.Td>
      ) : null}
      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
        {formatFileSize(document.sizeBytes, format.language)}
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        {format.dateTime(document.uploadedAt, timeZone)}
      </Table.Td>
      <Table.Td>{document.uploadedByName ?? t('credit.documents.someone')}</Table.Td>
      <Table.Td>
        <Sha256 sha256={document.sha256} />
      </Table.Td>
    </Table.Tr>
  );
}

/** The order a document was kept on, by its number (one read per order, shared and cached). */
function OrderOrigin({ orderId }: { orderId: string }) {
  const { t } = useTranslation();
  const order = useOrder(orderId);
  return (
    <>
      {order.data === undefined
        ? t('credit.documents.fromSomeOrder')
        : t('credit.documents.fromOrder', { number: order.data.number })}
    </>
  );
}

/** The SHA-256 shortened to read, whole on hover and in the clipboard. */
function Sha256({ sha256 }: { sha256: string }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      <Text
        size="xs"
        ff="monospace"
        title={sha256}
        data-testid="document-sha256"
        data-sha256={sha256}
      >
        {shortSha256(sha256)}
      </Text>
      <CopyButton value={sha256}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? t('credit.documents.copied') : t('credit.documents.copy')}>
            <ActionIcon
              size="sm"
              variant="subtle"
              color={copied ? 'teal' : 'gray'}
              onClick={copy}
              aria-label={t('credit.documents.copy')}
              data-testid="document-sha256-copy"
            >
              {copied ? <span aria-hidden>✓</span> : <CopyGlyph />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}

/** Two sheets, one over the other: « copy », drawn (the fonts at hand have no such glyph). */
function CopyGlyph() {
  return (
    <svg width="14" height="14" viewBox="0 0 24 24" fill="none" aria-hidden="true">
      <rect x="8" y="8" width="12" height="12" rx="2" stroke="currentColor" strokeWidth="2" />
      <path
        d="M16 8V6a2 2 0 0 0-2-2H6a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h2"
        stroke="currentColor"
        strokeWidth="2"
      />
    </svg>
  );
}
