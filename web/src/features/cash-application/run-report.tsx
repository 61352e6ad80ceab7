import { Alert, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TMatchRunReport } from '../../../../src/bank/matching/schemas.ts';
import { useFormatters } from '../../ui/format.ts';

type RunReportProps = { report: TMatchRunReport; onClose: () => void };

/**
 * What a run of the matcher did: the lines it applied and those still waiting, and its
 * rates over the money that came in (payer found, lines settled in full).
 */
export function RunReport({ report, onClose }: RunReportProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <Alert
      color="teal"
      variant="light"
      title={t('cashApplication.run.title')}
      withCloseButton
      closeButtonLabel={t('cashApplication.run.close')}
      onClose={onClose}
      mb="md"
      data-testid="run-report"
    >
      <Text size="sm">
        {t('cashApplication.run.applied', {
          count: report.applied,
          formatted: format.integer(report.applied),
        })}{' '}
        {t('cashApplication.run.queued', {
          count: report.queued,
          formatted: format.integer(report.queued),
        })}
      </Text>
      {report.incoming === 0 ? null : (
        <Group gap="lg" mt={4}>
          <Text size="sm" c="dimmed" data-testid="run-payer-rate">
            {t('cashApplication.run.payerRate', { rate: format.percent(report.payerRate) })}
          </Text>
          <Text size="sm" c="dimmed" data-testid="run-invoice-rate">
            {t('cashApplication.run.invoiceRate', { rate: format.percent(report.invoiceRate) })}
          </Text>
          <Text size="sm" c="dimmed">
            {t('cashApplication.run.threshold', {
              threshold: format.percent(report.threshold / 100),
            })}
          </Text>
        </Group>
      )}
    </Alert>
  );
}
