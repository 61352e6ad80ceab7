import { Alert, Button, Grid, Group, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api.ts';
import { describeIssue, ErrorAlert } from '../../ui/error-alert.tsx';
import type { CustomerChoice } from '../cash-application/customer-picker.tsx';
import { useSaveTemplate, type TemplateKey } from './dunning-api.ts';
import { TemplatePreview } from './template-preview.tsx';
import { TemplateVariables } from './template-variables.tsx';

type TemplateEditorProps = {
  templateKey: TemplateKey;
  subject: string;
  body: string;
  canEdit: boolean;
  previewCustomer: CustomerChoice | null;
  onPreviewCustomerChange: (customer: CustomerChoice) => void;
};

/** The issues of a refused save by field (`subject`, `body`), each worded with its line. */
function issuesByField(error: unknown): Record<string, string[]> {
  const byField: Record<string, string[]> = {};
  if (error instanceof ApiError) {
    for (const issue of error.problem.issues ?? []) {
      (byField[issue.field] ??= []).push(describeIssue(issue));
    }
  }
  return byField;
}

/**
 * A template's subject and body (LiquidJS) in one language, with its live preview on a
 * real customer beside it and the variables as help. Saving is refused with each problem
 * under its field, with its line.
 */
export function TemplateEditor({
  templateKey,
  subject: storedSubject,
  body: storedBody,
  canEdit,
  previewCustomer,
  onPreviewCustomerChange,
}: TemplateEditorProps) {
  const { t } = useTranslation();
  const [subject, setSubject] = useState(storedSubject);
  const [body, setBody] = useState(storedBody);
  const save = useSaveTemplate();
  const issues = issuesByField(save.error);
  const others = Object.entries(issues)
    .filter(([field]) => field !== 'subject' && field !== 'body')
    .flatMap(([, texts]) => texts);
  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <Stack
          gap="sm"
          component="form"
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate({ key: templateKey, subject, body });
          }}
          data-testid="template-editor"
        >
          <TextInput
            label={t('dunning.templates.subject')}
            value={subject}
            onChange={(event) => {
              save.reset();
              setSubject(event.currentTarget.value);
            }}
            readOnly={!canEdit}
            error={issues['subject']?.join(' ')}
            data-testid="template-subject"
          />
          <Textarea
            label={t('dunning.templates.body')}
            value={body}
            onChange={(event) => {
              save.reset();
              setBody(event.currentTarget.value);
            }}
            readOnly={!canEdit}
            autosize
            minRows={12}
            maxRows={30}
            spellCheck={false}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
            error={issues['body']?.join(' ')}
            data-testid="template-body"
          />
          {save.isError &&
          !(save.error instanceof ApiError && (save.error.problem.issues ?? []).length > 0) ? (
            <ErrorAlert error={save.error} />
          ) : null}
          {others.length > 0 ? (
            <Alert color="red" variant="light">
              {others.join(' ')}
            </Alert>
          ) : null}
          {save.isSuccess ? (
            <Alert color="green" variant="light" data-testid="template-saved">
              {t('dunning.templates.saved')}
            </Alert>
          ) : null}
          {canEdit ? (
            <Group justify="flex-end">
              <Button type="submit" loading={save.isPending} data-testid="template-save">
                {t('dunning.templates.save')}
              </Button>
            </Group>
          ) : null}
          <TemplateVariables />
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <TemplatePreview
          subject={subject}
          body={body}
          language={templateKey.language}
          customer={previewCustomer}
          onCustomerChange={onPreviewCustomerChange}
        />
      </Grid.Col>
    </Grid>
  );
}
