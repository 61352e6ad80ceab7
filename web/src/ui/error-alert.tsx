import { Alert, Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiContractError, ApiError } from '../api.ts';

type ErrorAlertProps = {
  error: unknown;
  onRetry?: () => void;
  title?: string;
};

/** Shows the server's problem `detail` as is; a network failure gets a plain sentence. */
export function ErrorAlert({ error, onRetry, title }: ErrorAlertProps) {
  const { t } = useTranslation();
  return (
    <Alert color="red" variant="light" title={title ?? t('errors.title')} role="alert">
      <Group justify="space-between" align="center" wrap="nowrap">
        <span>{describeError(error, t)}</span>
        {onRetry === undefined ? null : (
          <Button size="xs" variant="white" color="red" onClick={onRetry}>
            {t('errors.retry')}
          </Button>
        )}
      </Group>
    </Alert>
  );
}

type Translate = ReturnType<typeof useTranslation>['t'];

export function describeError(error: unknown, t: Translate): string {
  if (error instanceof ApiError) {
    return error.problem.detail === ''
      ? t('errors.http', { status: error.status })
      : error.problem.detail;
  }
  if (error instanceof ApiContractError) {
    return t('errors.contract', { technical: error.message });
  }
  return t('errors.network');
}
