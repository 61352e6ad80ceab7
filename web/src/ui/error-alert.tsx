import { Alert, Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { toLanguage } from '../../../src/shared/language.ts';
import { findMessage, joinSentences, labelled } from '../../../src/shared/messages/catalogue.ts';
import type { TProblem } from '../../../src/shared/schemas.ts';
import { ApiContractError, ApiError } from '../api.ts';
import { i18n } from '../i18n/i18n.ts';

type ErrorAlertProps = {
  error: unknown;
  onRetry?: () => void;
  title?: string;
};

/**
 * Says what went wrong in the interface's language. "Réessayer" is offered only when
 * trying again can help: the network failed or the server did; a refusal (4xx) stays one.
 */
export function ErrorAlert({ error, onRetry, title }: ErrorAlertProps) {
  const { t } = useTranslation();
  return (
    <Alert color="red" variant="light" title={title ?? t('errors.title')} role="alert">
      <Group justify="space-between" align="center" wrap="nowrap">
        <span>{describeError(error)}</span>
        {onRetry === undefined || !isWorthRetrying(error) ? null : (
          <Button size="xs" variant="white" color="red" onClick={onRetry}>
            {t('errors.retry')}
          </Button>
        )}
      </Group>
    </Alert>
  );
}

/** Whether the same request may succeed later: not when the server refused it (4xx). */
export function isWorthRetrying(error: unknown): boolean {
  return !(error instanceof ApiError) || error.status >= 500;
}

/**
 * A problem said from its stable code and parameters, with the server's own catalogue,
 * in the interface's language; the server's `detail` (already in that language, from
 * Accept-Language) when the code is one this build does not know.
 */
export function describeError(error: unknown): string {
  // Its own three sentences through a translator scoped to `errors`: the whole catalogue's
  // key type, with interpolation, runs too deep for the compiler (TS2589).
  const t = i18n.getFixedT(null, 'translation', 'errors');
  if (error instanceof ApiError) {
    const { reason, params, detail, issues = [] } = error.problem;
    const language = toLanguage(i18n.language);
    const worded = reason === undefined ? undefined : findMessage(language, reason, params);
    if (worded === undefined) {
      return detail === '' ? t('http', { status: error.status }) : detail;
    }
    // The headline, then why: each issue, as the server's detail also lists them.
    return issues.length === 0
      ? worded
      : labelled(language, worded, joinSentences(language, issues.map(describeIssue)));
  }
  if (error instanceof ApiContractError) {
    return t('contract', { technical: error.message });
  }
  return t('network');
}

/** An issue of a problem in the interface's language, like `describeError`. */
export function describeIssue(issue: NonNullable<TProblem['issues']>[number]): string {
  const worded =
    issue.params === undefined
      ? undefined
      : findMessage(toLanguage(i18n.language), issue.code, issue.params);
  return worded ?? issue.message;
}
