/**
 * The FEC the benchmarks read (`fec-parse.ts`, `fec-phase.ts`): a year of books of 5,000
 * customers, each sale three lines (the customer's debit, revenue, VAT) and each payment
 * two (bank, the customer's credit), the customer's lines lettered together.
 */
import { FEC_COLUMNS, type FecColumn } from '../src/imports/fec/fec-format.ts';

/** A FEC text of about `count` lines, tab-separated, CRLF, with accents and `€`. */
export function buildFec(count: number): string {
  const rows = [FEC_COLUMNS.join('\t')];
  const row = (fields: Partial<Record<FecColumn, string>>): void => {
    rows.push(FEC_COLUMNS.map((column) => fields[column] ?? '').join('\t'));
  };
  const money = (cents: number): string =>
    `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}`;
  for (let entry = 1; rows.length <= count; entry += 1) {
    const day = String(1 + (entry % 28)).padStart(2, '0');
    const month = String(1 + (entry % 12)).padStart(2, '0');
    const date = `2024${month}${day}`;
    const customer = `C${String(entry % 5000).padStart(5, '0')}`;
    const amount = 10_000 + ((entry * 7919) % 990_000);
    const net = Math.round(amount / 1.2);
    const piece = `F${entry}`;
    const dated = { EcritureNum: `${entry}`, EcritureDate: date, PieceDate: date, ValidDate: date };
    const receivable = {
      CompteNum: '411000',
      CompteLib: 'Clients',
      CompAuxNum: customer,
      CompAuxLib: `Société ${customer}`,
      EcritureLet: `L${entry}`,
      DateLet: date,
    };
    const sale = { ...dated, JournalCode: 'VT', JournalLib: 'Ventes', PieceRef: piece };
    const label = `Facture ${piece}`;
    row({
      ...sale,
      ...receivable,
      EcritureLib: `${label} €`,
      Debit: money(amount),
      Credit: '0,00',
    });
    row({
      ...sale,
      CompteNum: '706000',
      CompteLib: 'Prestations de services',
      EcritureLib: label,
      Debit: '0,00',
      Credit: money(net),
    });
    row({
      ...sale,
      CompteNum: '445710',
      CompteLib: 'TVA collectée',
      EcritureLib: label,
      Debit: '0,00',
      Credit: money(amount - net),
    });
    const transfer = {
      ...dated,
      JournalCode: 'BQ',
      JournalLib: 'Banque',
      PieceRef: `V${entry}`,
      EcritureLib: `Virement ${customer}`,
    };
    row({
      ...transfer,
      CompteNum: '512000',
      CompteLib: 'Banque',
      Debit: money(amount),
      Credit: '0,00',
    });
    row({ ...transfer, ...receivable, Debit: '0,00', Credit: money(amount) });
  }
  return `${rows.join('\r\n')}\r\n`;
}
