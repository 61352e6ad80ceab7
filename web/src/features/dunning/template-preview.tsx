import { Alert, Box, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../src/shared/language.ts';
import { ApiError } from '../../api.ts';
import { describeIssue, ErrorAlert } from '../../ui/error-alert.tsx';
import { CustomerPicker, type CustomerChoice } from '../cash-application/customer-picker.tsx';
import { usePreviewCustomers, useTemplatePreview } from './dunning-api.ts';

type TemplatePreviewProps = {
  subject: string;
  body: string;
  language: Language;
  customer: CustomerChoice | null;
  onCustomerChange: (customer: CustomerChoice) => void;
};

/** Long enough not to ask the server at every key, short enough to feel live. */
const PREVIEW_DEBOUNCE_MS = 400;

/**
 * The words being edited, filled by the server for a real customer today (its invoices,
 * totals and penalties), as they would go out. A template that does not parse or names an
 * unknown variable shows each problem with its line instead.
 */
export function TemplatePreview({
  subject,
  body,
  language,
  customer,
  onCustomerChange,
}: TemplatePreviewProps) {
  const { t } = useTranslation();
  const suggested = usePreviewCustomers();
  const suggestions = (suggested.data?.items ?? []).map((item) => ({
    id: item.id,
    code: item.code,
    name: item.legalName,
  }));
  // Until one is picked, the customer owing the most: a preview with invoices to show.
  const shown = customer ?? suggestions[0] ?? null;
  const [debouncedSubject] = useDebouncedValue(subject, PREVIEW_DEBOUNCE_MS);
  const [debouncedBody] = useDebouncedValue(body, PREVIEW_DEBOUNCE_MS);
  const preview = useTemplatePreview(
    shown === null
      ? null
      : {
          customerId: shown.id,
          language,
          template: { subject: debouncedSubject, body: debouncedBody },
        },
  );
  const issues = preview.error instanceof ApiError ? (preview.error.problem.issues ?? []) : [];
  return (
    <Stack gap="sm" data-testid="template-preview">
      <Title order={3} size="h5">
        {t('dunning.templates.preview')}
      </Title>
      <Box maw={420}>
        <CustomerPicker value={shown} suggested={suggestions} onChange={onCustomerChange} />
      </Box>
      {shown === null ? (
        <Text c="dimmed" size="sm">
          {t('dunning.templates.previewPick')}
        </Text>
      ) : null}
      {preview.isError ? (
        issues.length > 0 ? (
          <Alert
            color="red"
            variant="light"
            title={t('dunning.templates.previewRefused')}
            role="alert"
            data-testid="template-preview-issues"
          >
            {issues.map((issue, index) => (
              <div key={index} data-testid="template-issue" data-line={issue.line}>
                {describeIssue(issue)}
              </div>
            ))}
          </Alert>
        ) : (
          <ErrorAlert error={preview.error} />
        )
      ) : null}
      {preview.data === undefined || preview.isError ? null : (
        <Paper
          withBorder
          p="sm"
          radius="md"
          style={{ opacity: preview.isFetching ? 0.6 : 1, transition: 'opacity 120ms' }}
          aria-busy={preview.isFetching}
          data-testid="template-preview-message"
        >
          <Text size="sm" fw={600} data-testid="template-preview-subject">
            {preview.data.subject === '' ? null : (
              <>
                <Text span c="dimmed" size="sm" fw={400}>
                  {t('dunning.templates.previewSubject')}
                </Text>{' '}
                {preview.data.subject}
              </>
            )}
          </Text>
          <Text
            size="sm"
            mt="xs"
            style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
            data-testid="template-preview-body"
          >
            {preview.data.body}
          </Text>
          <Text size="xs" c="dimmed" mt="xs">
            {t('dunning.templates.previewInvoices', { count: preview.data.invoiceCount })}
          </Text>
        </Paper>
      )}
      {preview.isFetching && preview.data === undefined ? <Loader size="sm" /> : null}
    </Stack>
  );
}
