/**
 * Labels of the INSEE "catégories juridiques" (level III, 4 digits) a seller meets most
 * among its prospects. The nomenclature has some 250 codes; a code not listed here keeps a
 * null label, and the code alone says it (insee.fr, "Catégories juridiques").
 *
 * Pure (HOUSE_STYLE §3).
 */

const LABELS: Readonly<Record<string, string>> = {
  '1000': 'Entrepreneur individuel',
  '5202': 'Société en nom collectif',
  '5306': 'Société en commandite simple',
  '5498': 'SARL unipersonnelle',
  '5499': 'Société à responsabilité limitée (sans autre indication)',
  '5599': "SA à conseil d'administration (s.a.i.)",
  '5699': 'SA à directoire (s.a.i.)',
  '5710': 'SAS, société par actions simplifiée',
  '5720':
    'Société par actions simplifiée à associé unique ou société par actions simplifiée unipersonnelle',
  '6540': 'Société civile immobilière',
  '6599': 'Autre société civile',
  '9220': 'Association déclarée',
};

/** The French label of a catégorie juridique, or null when this list does not have it. */
export function legalFormLabel(code: string): string | null {
  return LABELS[code] ?? null;
}
