import { useTranslation } from 'react-i18next';
import type { TAgedBalance } from '../../../../src/reports/schemas.ts';

type Bucket = TAgedBalance['buckets'][number];

/** A bucket's name as the reports' headings say it: « Non échu », « 1–30 j », « Plus de 90 j ». */
export function useBucketLabel(): (bucket: Bucket) => string {
  const { t } = useTranslation();
  return (bucket) =>
    bucket.maxDaysLate === 0
      ? t('dashboard.aged.notDue')
      : bucket.maxDaysLate === null
        ? t('dashboard.aged.over', { after: bucket.minDaysLate - 1 })
        : t('dashboard.aged.range', { from: bucket.minDaysLate, to: bucket.maxDaysLate });
}
