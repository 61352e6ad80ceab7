/**
 * Formula injection ("CSV injection", OWASP): a spreadsheet opening an exported
 * file evaluates a cell that starts with `=`, `+`, `-` or `@` as a formula, and a
 * tab or carriage return in first position lets the next character start one. A
 * customer name such as `=HYPERLINK("http://evil","Relevé")` typed into a form or
 * an imported file would become a live link, or a `DDE` command, on the desk of
 * whoever opens our export. Every text cell the product writes (CSV and XLSX) goes
 * through `neutralizeFormula`.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

// A negative amount or count written by us (`-120.50`, `-3`) is data, not a formula,
// and must stay a number for whoever sums the column.
const PLAIN_NEGATIVE_NUMBER = /^-\d+(?:\.\d+)?$/;

/**
 * `text`, or `text` prefixed with `'` when a spreadsheet would read it as a formula
 * (OWASP "CSV Injection": cells starting with `=`, `+`, `-`, `@`, tab or carriage
 * return). Plain negative numbers (`-120.50`) are left as they are. The `'` is part
 * of the value: a file exported then imported again keeps it.
 */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NEGATIVE_NUMBER.test(text) ? `'${text}` : text;
}
