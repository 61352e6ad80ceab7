import { Button, FileInput, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { OptionCheckbox } from './option-checkbox.tsx';
import { UploadProgress } from './upload-progress.tsx';
import type { ImportKind } from './use-import-form.ts';
import type { UploadPhase } from './use-import-upload.ts';

type ImportCardProps = {
  /** Names the title and description (`imports.<kind>.…`), prefixes the test ids: `fec-import`, `fec-submit`… */
  kind: ImportKind;
  file: File | null;
  onFileChange: (file: File | null) => void;
  /** `dryRun`, the option every import has, shown after its own. */
  isDryRun: boolean;
  onDryRunChange: (isDryRun: boolean) => void;
  /** The import's own options, under the file. */
  options: ReactNode;
  onSubmit: () => void;
  isBusy: boolean;
  phase: UploadPhase;
  error: unknown;
  /** The report of the last import. */
  report: ReactNode;
};

/** One kind of import: the file, its options, "Importer", the upload's progress, its report. */
export function ImportCard(props: ImportCardProps) {
  const { t } = useTranslation();
  const { kind, file, isBusy } = props;
  return (
    <Paper withBorder radius="md" p="md" data-testid={`${kind}-import`}>
      <Stack gap="md">
        <div>
          <Title order={2} size="h4">
            {t(`imports.${kind}.title`)}
          </Title>
          <Text size="sm" c="dimmed" mt={4}>
            {t(`imports.${kind}.description`)}
          </Text>
        </div>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            props.onSubmit();
          }}
        >
          <Stack gap="sm">
            <FileInput
              label={t('imports.file')}
              placeholder={t('imports.filePlaceholder')}
              value={file}
              onChange={props.onFileChange}
              clearable
              disabled={isBusy}
              maw={520}
            />
            {props.options}
            <OptionCheckbox
              label={t('imports.dryRun')}
              checked={props.isDryRun}
              onChange={props.onDryRunChange}
              disabled={isBusy}
            />
            <Group>
              <Button
                type="submit"
                disabled={file === null}
                loading={isBusy}
                data-testid={`${kind}-submit`}
              >
                {t('imports.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
        <UploadProgress phase={props.phase} />
        {props.error === null ? null : <ErrorAlert error={props.error} />}
        {props.report}
      </Stack>
    </Paper>
  );
}
