import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

type ImportOutcome = { committed: boolean; dryRun: boolean; errors: readonly unknown[] };

/** What became of an import, as `encaisse import` says it after the file's name. */
export type ImportVerdict = 'saved' | 'partial' | 'dryRun' | 'refused';

export function importVerdict(report: ImportOutcome): ImportVerdict {
  if (report.committed) {
    return report.errors.length > 0 ? 'partial' : 'saved';
  }
  return report.dryRun ? 'dryRun' : 'refused';
}

const COLORS: Readonly<Record<ImportVerdict, string>> = {
  saved: 'teal',
  partial: 'orange',
  dryRun: 'blue',
  refused: 'red',
};

export function ImportVerdictBadge({ report }: { report: ImportOutcome }) {
  const { t } = useTranslation();
  const verdict = importVerdict(report);
  return (
    <Badge
      color={COLORS[verdict]}
      variant="light"
      data-testid="import-verdict"
      data-verdict={verdict}
    >
      {t(`imports.verdict.${verdict}`)}
    </Badge>
  );
}
