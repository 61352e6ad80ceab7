import { List, ScrollArea, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TProblem } from '../../../../src/shared/schemas.ts';
import { describeIssue } from '../../ui/error-alert.tsx';
import { useFormatters } from '../../ui/format.ts';

export type TImportIssue = NonNullable<TProblem['issues']>[number];

type ImportIssuesProps = {
  title: string;
  issues: readonly TImportIssue[];
  tone: 'error' | 'notice';
  /** An issue's sentence; by default the server catalogue's, in the interface language. */
  describe?: (issue: TImportIssue) => string;
};

/**
 * The refused lines of an import, or its notices: where (the line, or the file), then why,
 * worded from the issue's code and parameters as every error of the interface is.
 */
export function ImportIssues({ title, issues, tone, describe = describeIssue }: ImportIssuesProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  if (issues.length === 0) {
    return null;
  }
  const where = (issue: TImportIssue) =>
    issue.line !== undefined
      ? t('imports.issues.line', { line: format.integer(issue.line) })
      : issue.field === 'file'
        ? t('imports.issues.file')
        : issue.field;
  return (
    <Stack gap={4} data-testid={tone === 'error' ? 'import-errors' : 'import-notices'}>
      <Text size="sm" fw={600} c={tone === 'error' ? 'red.8' : 'inherit'}>
        {title}
      </Text>
      <ScrollArea.Autosize mah={320} type="auto">
        <List size="sm" spacing={4} listStyleType="none">
          {issues.map((issue, index) => (
            <List.Item
              key={`${issue.line ?? issue.field}-${issue.code}-${index}`}
              data-testid="import-issue"
              data-line={issue.line}
            >
              <Text span size="sm" fw={500}>
                {where(issue)}
              </Text>{' '}
              — {describe(issue)}
            </List.Item>
          ))}
        </List>
      </ScrollArea.Autosize>
    </Stack>
  );
}
