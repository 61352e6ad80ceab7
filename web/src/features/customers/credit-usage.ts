/**
 * Share of the credit limit in use. Exposure is the encours (open invoices − open credit
 * notes − unapplied cash, docs/formulas.md), as in the list; validated orders not yet invoiced will add to it when
 * orders exist. A zero limit with money owed counts as exceeded.
 */
export function creditUsage(netBalance: number, creditLimit: number): number {
  if (creditLimit <= 0) {
    return netBalance > 0 ? Number.POSITIVE_INFINITY : 0;
  }
  return Math.max(0, netBalance) / creditLimit;
}
