/**
 * The statement of account as PDF (pdfkit, as the dunning letters: src/dunning/letter-pdf.ts):
 * the company and its address top left, the customer, the date, then per currency the open
 * items by due date with the running balance, the totals, and where to pay. Words in the
 * reader's language, from the catalogue; amounts as the reader writes them (`1 234,56 €`).
 */
import { friendlyFormatIBAN } from 'ibantools';
import PdfKit from 'pdfkit';
import type { BankDetails } from '../companies/bank-details.ts';
import { formatDate, type CalendarDate } from '../shared/calendar-date.ts';
import type { Language } from '../shared/language.ts';
import { messageOf, type MessageCode, type MessageParams } from '../shared/messages/catalogue.ts';
import { currencyCode, formatMoney, type Cents } from '../shared/money.ts';
import type { StatementSection } from './model.ts';

/** What a statement shows. */
export type Statement = {
  company: { legalName: string; addressLines: readonly string[] };
  customer: { code: string; name: string };
  today: CalendarDate;
  sections: readonly StatementSection[];
  bankDetails: BankDetails | null;
};

const MM = 72 / 25.4;
const MARGIN = 18 * MM;
/** The columns, from the left margin: number, issued, due, amount, open, days late, balance. */
const COLUMNS = [
  { code: 'portal_statement_number', width: 36 * MM, align: 'left' },
  { code: 'portal_statement_issued', width: 22 * MM, align: 'left' },
  { code: 'portal_statement_due', width: 22 * MM, align: 'left' },
  { code: 'portal_statement_amount', width: 28 * MM, align: 'right' },
  { code: 'portal_statement_open', width: 28 * MM, align: 'right' },
  { code: 'portal_statement_days_late', width: 14 * MM, align: 'right' },
  { code: 'portal_statement_balance', width: 24 * MM, align: 'right' },
] as const satisfies readonly { code: MessageCode; width: number; align: 'left' | 'right' }[];

/**
 * The standard PDF fonts speak WinAnsi: the narrow no-break space (U+202F) is printed as the
 * no-break space it looks like (as the letters do).
 */
function printable(text: string): string {
  return text.replace(/\u202f/g, '\u00a0');
}

function writeRow(document: PDFKit.PDFDocument, cells: readonly string[], bold: boolean): void {
  const top = document.y;
  let left = MARGIN;
  document.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8.5);
  let bottom = top;
  COLUMNS.forEach((column, index) => {
    document.text(printable(cells[index] ?? ''), left, top, {
      width: column.width - 2 * MM,
      align: column.align,
    });
    bottom = Math.max(bottom, document.y);
    left += column.width;
  });
  document.x = MARGIN;
  document.y = bottom + 1.5 * MM;
}

function writeStatement(
  document: PDFKit.PDFDocument,
  statement: Statement,
  language: Language,
): void {
  const say = (code: MessageCode, params: MessageParams = {}) =>
    printable(messageOf(language, code, params));
  const money = (amount: Cents, currency: string) =>
    formatMoney(amount, currencyCode(currency), language);
  const width = document.page.width - 2 * MARGIN;
  document
    .font('Helvetica-Bold')
    .fontSize(11)
    .text(printable(statement.company.legalName), MARGIN, MARGIN);
  document.font('Helvetica').fontSize(9);
  for (const line of statement.company.addressLines) {
    document.text(printable(line));
  }
  document.moveDown(2);
  document.font('Helvetica-Bold').fontSize(15).text(say('portal_statement_title'), { width });
  document.font('Helvetica').fontSize(10);
  document.text(
    say('portal_statement_customer', {
      code: statement.customer.code,
      name: statement.customer.name,
    }),
    { width },
  );
  document.text(say('portal_statement_as_of', { date: statement.today }), { width });
  document.moveDown();
  if (statement.sections.length === 0) {
    document.text(say('portal_statement_nothing_open'), { width });
  }
  for (const section of statement.sections) {
    const params = { currency: section.currency };
    document
      .font('Helvetica-Bold')
      .fontSize(10)
      .text(say('portal_statement_currency', params), MARGIN);
    document.moveDown(0.5);
    writeRow(
      document,
      COLUMNS.map((column) => say(column.code)),
      true,
    );
    for (const line of section.lines) {
      if (document.y > document.page.height - MARGIN - 20 * MM) {
        document.addPage();
      }
      const kind = say(
        line.kind === 'invoice' ? 'portal_statement_invoice_word' : 'portal_statement_credit_word',
      );
      writeRow(
        document,
        [
          `${kind} ${line.number}`,
          formatDate(line.issueDate, language),
          formatDate(line.dueDate, language),
          money(line.amountCents, section.currency),
          money(line.openCents, section.currency),
          line.daysLate > 0 ? String(line.daysLate) : '',
          money(line.balanceCents, section.currency),
        ],
        false,
      );
    }
    document.moveDown(0.5);
    document.font('Helvetica').fontSize(10);
    document.text(
      say('portal_statement_total_open', { amount: section.openCents, ...params }),
      MARGIN,
    );
    document.text(
      say('portal_statement_total_overdue', { amount: section.overdueCents, ...params }),
    );
    document.text(
      say('portal_statement_total_credits', { amount: section.creditsCents, ...params }),
    );
    document
      .font('Helvetica-Bold')
      .text(say('portal_statement_total_balance', { amount: section.balanceCents, ...params }));
    document.moveDown();
  }
  if (statement.bankDetails !== null) {
    const bank = statement.bankDetails;
    document.moveDown();
    document
      .font('Helvetica-Bold')
      .fontSize(10)
      .text(say('portal_statement_pay_to', { holder: bank.accountHolder }), MARGIN);
    document
      .font('Helvetica')
      .text(say('portal_statement_iban', { iban: friendlyFormatIBAN(bank.iban) ?? bank.iban }));
    if (bank.bic !== null) {
      document.text(say('portal_statement_bic', { bic: bank.bic }));
    }
    if (bank.bankName !== null) {
      document.text(printable(bank.bankName));
    }
  }
}

/** The statement as one PDF, in `language`; resolves to its bytes. */
export function renderStatement(statement: Statement, language: Language): Promise<Uint8Array> {
  const document = new PdfKit({
    size: 'A4',
    margin: MARGIN,
    info: { Title: `${messageOf(language, 'portal_statement_title')} ${statement.customer.code}` },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    document.on('data', (chunk: Buffer) => chunks.push(chunk));
    document.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    document.on('error', reject);
  });
  writeStatement(document, statement, language);
  document.end();
  return done;
}
