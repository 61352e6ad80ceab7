import { useTranslation } from 'react-i18next';
import { causeLabel } from '../disputes/dispute-labels.ts';

/**
 * A dispute cause's words by code, for the link pages: the staff screens' words of the
 * default causes (`disputes.causes.*`); a code they do not know (a company's own cause)
 * reads as the label the server sent, else as is.
 */
export function useCauseName(): (code: string, label?: string | null) => string {
  const { t, i18n } = useTranslation();
  return (code, label = null) =>
    causeLabel(code, label === null ? undefined : [{ code, label }], (key) => {
      const path = `disputes.causes.${key}`;
      // Codes come from the server at run time: only those the catalogue knows are worded.
      return i18n.exists(path) ? t(path as 'disputes.causes.other') : undefined;
    });
}
