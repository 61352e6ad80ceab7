import { useTranslation } from 'react-i18next';
import { causeLabel } from './dispute-labels.ts';
import { useDisputeCauses } from './disputes-api.ts';

/**
 * A cause's label by code, in the interface's language: the company's own label when it
 * gave one (`GET /api/dispute-causes`), else the words of the default.
 */
export function useCauseLabel(): (code: string) => string {
  const { t, i18n } = useTranslation();
  const causes = useDisputeCauses().data;
  return (code) =>
    causeLabel(code, causes, (key) => {
      const path = `disputes.causes.${key}`;
      // Codes come from the server at run time: only those the catalogue knows are worded.
      return i18n.exists(path) ? t(path as 'disputes.causes.other') : undefined;
    });
}
