import { Alert, Button, FileButton, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  EVIDENCE_KINDS,
  MAX_EVIDENCE_NOTE_LENGTH,
  type EvidenceKind,
  type TEvidenceDocument,
} from '../../../../src/credit/document-schemas.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { useAttachDocument } from './documents-api.ts';
import { EVIDENCE_ACCEPT, isAlreadyKept, type DocumentTarget } from './documents-model.ts';

/** What the last upload came to: a document kept now, or one kept already. */
type Outcome = { name: string; isNew: boolean };

/**
 * « Ajouter un document »: what the file proves (a select of the kinds, `defaultKind` first
 * chosen), an optional note, then the file, sent once picked. A refusal (another type, a file
 * over 10 MiB, content not what its type says) is said in words from the server's problem;
 * the same file attached again as the same kind is said to be kept already.
 */
export function DocumentUploadForm(props: {
  target: DocumentTarget;
  /** The documents listed now, to tell a document kept already from a new one. */
  kept: readonly TEvidenceDocument[];
  defaultKind: EvidenceKind;
  buttonLabel: string;
}) {
  const { t } = useTranslation();
  const attach = useAttachDocument(props.target);
  const [kind, setKind] = useState<EvidenceKind>(props.defaultKind);
  const [note, setNote] = useState('');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // Emptied after each pick, so that picking the same file again (after a refusal) sends it.
  const resetRef = useRef<() => void>(null);
  const send = (file: File | null) => {
    if (file === null) {
      return;
    }
    resetRef.current?.();
    setOutcome(null);
    attach.mutate(
      { file, kind, note },
      {
        onSuccess: (document) => {
          setOutcome({ name: document.fileName, isNew: !isAlreadyKept(props.kept, document) });
          setNote('');
        },
      },
    );
  };
  return (
    <Stack gap="xs" data-testid="document-upload">
      <Group gap="xs" align="flex-end" wrap="wrap">
        <Select
          label={t('credit.documents.kindLabel')}
          value={kind}
          onChange={(value) => setKind(EVIDENCE_KINDS.find((entry) => entry === value) ?? kind)}
          data={EVIDENCE_KINDS.map((value) => ({
            value,
            label: t(`credit.documents.kind.${value}`),
          }))}
          allowDeselect={false}
          size="xs"
          w={220}
          data-testid="document-upload-kind"
        />
        <TextInput
          label={t('credit.documents.noteLabel')}
          placeholder={t('credit.documents.notePlaceholder')}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          maxLength={MAX_EVIDENCE_NOTE_LENGTH}
          size="xs"
          style={{ flex: 1, minWidth: 220 }}
          data-testid="document-upload-note"
        />
        <FileButton accept={EVIDENCE_ACCEPT} onChange={send} resetRef={resetRef}>
          {(buttonProps) => (
            <Button
              {...buttonProps}
              size="xs"
              variant="light"
              loading={attach.isPending}
              data-testid="document-upload-button"
            >
              {props.buttonLabel}
            </Button>
          )}
        </FileButton>
      </Group>
      <Text size="xs" c="dimmed">
        {t('credit.documents.fileHint')}
      </Text>
      {attach.isError ? (
        <div data-testid="document-upload-problem">
          <ErrorAlert error={attach.error} title={t('credit.documents.notAdded')} />
        </div>
      ) : null}
      {outcome === null || attach.isError ? null : (
        <Alert
          color={outcome.isNew ? 'teal' : 'blue'}
          variant="light"
          data-testid="document-upload-outcome"
        >
          {t(outcome.isNew ? 'credit.documents.added' : 'credit.documents.alreadyKept', {
            name: outcome.name,
          })}
        </Alert>
      )}
    </Stack>
  );
}
