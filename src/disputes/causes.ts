/**
 * The causes a dispute is filed under, and the days a department is given to answer each
 * (issue 10). These are every company's defaults; a company renames, re-times or retires
 * them, and adds its own, in `dispute_cause` (`causesOf` lays its rows over these).
 *
 * Pure (HOUSE_STYLE §3).
 */

/** A cause as the company files disputes under it. */
export type DisputeCause = {
  code: string;
  /** The company's own label; null: the catalogue's words for a default (`dispute_cause_<code>`). */
  label: string | null;
  /** Calendar days from the opening to the deadline of the answer. */
  deadlineDays: number;
  isActive: boolean;
  isDefault: boolean;
  position: number;
};

/**
 * The defaults, in the order a credit manager reads them, with the days an answer takes:
 * a price or a discount is sales' word (5 days), a delivery needs its proof found (7),
 * quality needs someone to look at the goods (15).
 */
export const DEFAULT_DISPUTE_CAUSES: readonly Omit<
  DisputeCause,
  'label' | 'isActive' | 'isDefault'
>[] = [
  { code: 'price', deadlineDays: 5, position: 10 },
  { code: 'discount_not_applied', deadlineDays: 5, position: 20 },
  { code: 'quantity', deadlineDays: 7, position: 30 },
  { code: 'quality', deadlineDays: 15, position: 40 },
  { code: 'late_delivery', deadlineDays: 7, position: 50 },
  { code: 'not_delivered', deadlineDays: 7, position: 60 },
  { code: 'invoice_error', deadlineDays: 5, position: 70 },
  { code: 'duplicate', deadlineDays: 3, position: 80 },
  { code: 'not_ordered', deadlineDays: 7, position: 90 },
  { code: 'already_paid', deadlineDays: 3, position: 100 },
  { code: 'other', deadlineDays: 10, position: 110 },
];

/** A company's row of `dispute_cause`. */
export type StoredCause = {
  code: string;
  /** Null on a default the company did not rename: the catalogue's words. */
  label: string | null;
  deadlineDays: number;
  isActive: boolean;
  position: number;
};

/** The company's causes: the defaults, overlaid by its rows, then its own, by position. */
export function causesOf(stored: readonly StoredCause[]): DisputeCause[] {
  const byCode = new Map(stored.map((cause) => [cause.code, cause]));
  const defaults = DEFAULT_DISPUTE_CAUSES.map((cause): DisputeCause => {
    const own = byCode.get(cause.code);
    return own === undefined
      ? { ...cause, label: null, isActive: true, isDefault: true }
      : { ...own, isDefault: true };
  });
  const defaultCodes = new Set(DEFAULT_DISPUTE_CAUSES.map((cause) => cause.code));
  const own = stored
    .filter((cause) => !defaultCodes.has(cause.code))
    .map((cause): DisputeCause => ({ ...cause, isDefault: false }));
  return [...defaults, ...own].sort(
    (a, b) => a.position - b.position || a.code.localeCompare(b.code),
  );
}
