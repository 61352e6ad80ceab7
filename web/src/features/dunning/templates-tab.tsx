import {
  Badge,
  Button,
  Grid,
  Group,
  Paper,
  SegmentedControl,
  Skeleton,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ZTemplateId } from '../../../../src/dunning/schemas.ts';
import { LANGUAGES, toLanguage, type Language } from '../../../../src/shared/language.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import type { CustomerChoice } from '../cash-application/customer-picker.tsx';
import { useTemplates, type TemplateKey } from './dunning-api.ts';
import { TemplateEditor } from './template-editor.tsx';

type TemplatesTabProps = { canEdit: boolean };

const sameKey = (a: TemplateKey | null, b: TemplateKey) =>
  a !== null && a.templateId === b.templateId && a.language === b.language;

/**
 * The company's templates, one line per id with its languages; the one picked opens in the
 * editor with its live preview. A new id can be added for a scenario's own steps.
 */
export function TemplatesTab({ canEdit }: TemplatesTabProps) {
  const { t } = useTranslation();
  const templates = useTemplates();
  const [selected, setSelected] = useState<TemplateKey | null>(null);
  const [previewCustomer, setPreviewCustomer] = useState<CustomerChoice | null>(null);
  if (templates.isError) {
    return <ErrorAlert error={templates.error} onRetry={() => void templates.refetch()} />;
  }
  const items = templates.data?.items;
  const ids = [...new Set((items ?? []).map((item) => item.templateId))];
  if (selected !== null && !ids.includes(selected.templateId)) {
    ids.push(selected.templateId);
  }
  const first = items?.[0];
  const current: TemplateKey | null =
    selected ??
    (first === undefined ? null : { templateId: first.templateId, language: first.language });
  const stored =
    current === null
      ? undefined
      : items?.find(
          (item) => item.templateId === current.templateId && item.language === current.language,
        );
  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 3 }}>
        <Stack gap="xs">
          {canEdit ? <NewTemplateForm onCreate={setSelected} /> : null}
          <Stack
            gap={6}
            role="list"
            aria-label={t('dunning.templates.listLabel')}
            data-testid="template-list"
          >
            {items === undefined
              ? [0, 1, 2].map((index) => <Skeleton key={index} height={44} radius="md" />)
              : ids.map((templateId) => (
                  <Paper
                    key={templateId}
                    withBorder
                    p="xs"
                    radius="md"
                    role="listitem"
                    data-testid="template-item"
                  >
                    <Group justify="space-between" gap={6} wrap="nowrap">
                      <Text size="sm" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                        {templateId}
                      </Text>
                      <Group gap={4} wrap="nowrap">
                        {LANGUAGES.map((language) => {
                          const key = { templateId, language };
                          const exists = items.some(
                            (item) => item.templateId === templateId && item.language === language,
                          );
                          const isCurrent = current !== null && sameKey(current, key);
                          return (
                            <Badge
                              key={language}
                              component="button"
                              type="button"
                              onClick={() => setSelected(key)}
                              variant={isCurrent ? 'filled' : exists ? 'light' : 'outline'}
                              style={{ cursor: 'pointer' }}
                              aria-pressed={isCurrent}
                              aria-label={`${templateId} · ${t(`dunning.templates.languages.${language}`)}`}
                              data-testid={`template-${templateId}-${language}`}
                            >
                              {language.toUpperCase()}
                            </Badge>
                          );
                        })}
                      </Group>
                    </Group>
                  </Paper>
                ))}
          </Stack>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 9 }}>
        {current === null ? (
          items === undefined ? (
            <Skeleton height={320} radius="md" />
          ) : (
            <Text c="dimmed">{t('dunning.templates.select')}</Text>
          )
        ) : (
          <TemplateEditor
            // A fresh editor per template and language; after a save it holds what was stored.
            key={`${current.templateId}:${current.language}`}
            templateKey={current}
            subject={stored?.subject ?? ''}
            body={stored?.body ?? ''}
            canEdit={canEdit}
            previewCustomer={previewCustomer}
            onPreviewCustomerChange={setPreviewCustomer}
          />
        )}
      </Grid.Col>
    </Grid>
  );
}

function NewTemplateForm({ onCreate }: { onCreate: (key: TemplateKey) => void }) {
  const { t } = useTranslation();
  const [templateId, setTemplateId] = useState('');
  const [language, setLanguage] = useState<Language>('fr');
  const isValid = ZTemplateId.safeParse(templateId).success;
  return (
    <Stack
      gap={6}
      component="form"
      onSubmit={(event) => {
        event.preventDefault();
        if (isValid) {
          onCreate({ templateId, language });
          setTemplateId('');
        }
      }}
    >
      <TextInput
        size="xs"
        label={t('dunning.templates.new')}
        placeholder={t('dunning.templates.newId')}
        description={t('dunning.templates.newIdHint')}
        value={templateId}
        onChange={(event) => setTemplateId(event.currentTarget.value)}
        error={templateId === '' || isValid ? undefined : t('dunning.templates.invalidId')}
        data-testid="template-new-id"
      />
      <Group gap="xs" wrap="nowrap">
        <SegmentedControl
          size="xs"
          data={LANGUAGES.map((code) => ({ value: code, label: code.toUpperCase() }))}
          value={language}
          onChange={(value) => setLanguage(toLanguage(value))}
          aria-label={t('dunning.templates.newLanguage')}
        />
        <Button type="submit" size="xs" variant="light" disabled={!isValid}>
          {t('dunning.templates.newCreate')}
        </Button>
      </Group>
    </Stack>
  );
}
