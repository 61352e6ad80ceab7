import { ActionIcon, Button, FileButton, Group, Stack, Text } from '@mantine/core';
import { useState, type ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../ui/format.ts';
import {
  attachmentType,
  MAX_ATTACHMENT_MIB,
  refusedAttachments,
  type AttachmentRefusal,
} from './attachment-check.ts';

/** Short names of the types, as files are known by their extension. */
const TYPE_NAMES: Readonly<Record<string, string>> = {
  'application/pdf': 'PDF',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'text/plain': 'TXT',
  'message/rfc822': 'EML',
};

type AttachmentPickerProps = {
  files: readonly File[];
  onChange: (files: File[]) => void;
  /** The MIME types accepted (`PORTAL_ATTACHMENT_TYPES`, `ANSWER_ATTACHMENT_TYPES`). */
  types: readonly string[];
  testId: string;
};

/**
 * Files to attach, checked as they are picked: a refused one (type, size) is named with why
 * and left out, so what is sent is what the list shows. Each kept file can be taken away.
 */
export function AttachmentPicker({ files, onChange, types, testId }: AttachmentPickerProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [refusals, setRefusals] = useState<AttachmentRefusal[]>([]);
  const typeNames = types.map((type) => TYPE_NAMES[type] ?? type).join(', ');

  const pick = (picked: File[]) => {
    const refused = refusedAttachments(picked, types);
    setRefusals(refused);
    const refusedFiles = new Set(refused.map((refusal) => refusal.file));
    onChange([...files, ...picked.filter((file) => !refusedFiles.has(file))]);
  };

  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        {t('portal.attachments.label')}
      </Text>
      <Group gap="sm" wrap="wrap">
        <FileButton
          multiple
          onChange={pick}
          accept={[...types, '.eml'].join(',')}
          inputProps={{ 'data-testid': `${testId}-input` } as ComponentProps<'input'>}
        >
          {(props) => (
            <Button {...props} variant="default" size="md">
              {t('portal.attachments.placeholder')}
            </Button>
          )}
        </FileButton>
        <Text size="xs" c="dimmed">
          {t('portal.attachments.hint', { types: typeNames, max: MAX_ATTACHMENT_MIB })}
        </Text>
      </Group>
      {refusals.map((refusal) => (
        <Text
          key={refusal.file.name}
          size="sm"
          c="red.7"
          role="alert"
          data-testid={`${testId}-refused`}
        >
          {refusal.problem === 'type'
            ? t('portal.attachments.typeRefused', { name: refusal.file.name, types: typeNames })
            : t('portal.attachments.tooLarge', {
                name: refusal.file.name,
                size: new Intl.NumberFormat(format.language === 'fr' ? 'fr-FR' : 'en-GB', {
                  maximumFractionDigits: 1,
                }).format(refusal.sizeMib),
                max: MAX_ATTACHMENT_MIB,
              })}
        </Text>
      ))}
      {files.map((file, index) => (
        <Group key={`${file.name}-${index}`} gap="xs" wrap="nowrap" data-testid={`${testId}-file`}>
          <Text size="sm" truncate style={{ flex: 1 }}>
            {file.name}
          </Text>
          <Text size="xs" c="dimmed">
            {TYPE_NAMES[attachmentType(file)] ?? ''}
          </Text>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            aria-label={t('portal.attachments.remove', { name: file.name })}
            onClick={() => onChange(files.filter((_, kept) => kept !== index))}
          >
            ×
          </ActionIcon>
        </Group>
      ))}
    </Stack>
  );
}
