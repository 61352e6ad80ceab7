/**
 * The aged balance as a PDF to print (issue 11): A4 landscape, pdfkit as the statement of
 * account (src/portal/statement-pdf.ts). Each page opens on the company, the title with the
 * as-of date and the grouping, then the table's headings; the rows follow, then a total per
 * currency; each page ends with « Page n sur N ». Words are the catalogue's in the reader's
 * language; amounts as the reader writes them (`1 234,56 €`, `€1,234.56`).
 */
import PdfKit from 'pdfkit';
import { messageOf, type MessageCode, type MessageParams } from '../shared/messages/catalogue.ts';
import {
  currencyCode,
  formatMoney,
  isCurrencyCode,
  toDecimalString,
  type Cents,
} from '../shared/money.ts';
import {
  figureHeadings,
  figuresOf,
  groupCells,
  groupHeadings,
  totalCells,
  type AgedBalanceFileContext,
} from './aged-balance-export.ts';
import type { TAgedBalance, TAgedBalanceTotal } from './schemas.ts';

const MM = 72 / 25.4;
const MARGIN = 12 * MM;
const GROUP_WIDTH = 52 * MM;
const CURRENCY_WIDTH = 12 * MM;
const PADDING = 1 * MM;
/** Room kept under the last row of a page, for the page number. */
const FOOTER = 10 * MM;
const FONT_SIZE = 7;

/**
 * The standard PDF fonts speak WinAnsi: the narrow no-break space (U+202F) of French numbers
 * is printed as the no-break space it looks like (as the statement and the letters do).
 */
function printable(text: string): string {
  return text.replace(/\u202f/g, '\u00a0');
}

type Column = { width: number; align: 'left' | 'right' };

function columnsOf(document: PDFKit.PDFDocument, figures: number): Column[] {
  const width = document.page.width - 2 * MARGIN;
  const figureWidth = (width - GROUP_WIDTH - CURRENCY_WIDTH) / figures;
  return [
    { width: GROUP_WIDTH, align: 'left' },
    { width: CURRENCY_WIDTH, align: 'left' },
    ...Array.from({ length: figures }, (): Column => ({ width: figureWidth, align: 'right' })),
  ];
}

function writeRow(
  document: PDFKit.PDFDocument,
  columns: readonly Column[],
  cells: readonly string[],
  bold: boolean,
): void {
  const top = document.y;
  let left = MARGIN;
  let bottom = top;
  document.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(FONT_SIZE);
  columns.forEach((column, index) => {
    document.text(printable(cells[index] ?? ''), left + PADDING, top, {
      width: column.width - 2 * PADDING,
      align: column.align,
    });
    bottom = Math.max(bottom, document.y);
    left += column.width;
  });
  document.x = MARGIN;
  document.y = bottom + 1.2 * MM;
}

function rule(document: PDFKit.PDFDocument): void {
  const y = document.y - 0.6 * MM;
  document
    .moveTo(MARGIN, y)
    .lineTo(document.page.width - MARGIN, y)
    .lineWidth(0.5)
    .stroke();
}

/** The balance as one PDF, in `context.language`; resolves to its bytes. */
export function renderAgedBalancePdf(
  balance: TAgedBalance,
  context: AgedBalanceFileContext,
): Promise<Uint8Array> {
  const { language, company } = context;
  const say = (code: MessageCode, params: MessageParams = {}) =>
    printable(messageOf(language, code, params));
  const title = say('aged_balance_title', { date: balance.asOf });
  const document = new PdfKit({
    size: 'A4',
    layout: 'landscape',
    margin: MARGIN,
    bufferPages: true,
    info: { Title: `${title} — ${company.legalName}` },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    document.on('data', (chunk: Buffer) => chunks.push(chunk));
    document.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    document.on('error', reject);
  });

  const figureCount = balance.buckets.length + 5;
  const columns = columnsOf(document, figureCount);
  const headings = [
    groupHeadings(balance.by, language).join(' · '),
    say('aged_balance_column_currency'),
    ...figureHeadings(balance, language),
  ];
  const city = [company.postalCode, company.city].filter((part) => part !== null).join(' ');
  const address = [company.addressLine1, company.addressLine2, city]
    .filter((line): line is string => line !== null && line.trim() !== '')
    .join(', ');
  const grouping: Record<TAgedBalance['by'], MessageCode> = {
    customer: 'aged_balance_by_customer',
    collector: 'aged_balance_by_collector',
    category: 'aged_balance_by_category',
  };
  const header = () => {
    document.font('Helvetica-Bold').fontSize(11).text(printable(company.legalName), MARGIN, MARGIN);
    if (address !== '') {
      document.font('Helvetica').fontSize(8.5).text(printable(address));
    }
    document.moveDown(0.8);
    document.font('Helvetica-Bold').fontSize(14).text(title);
    document.font('Helvetica').fontSize(9).text(say(grouping[balance.by]));
    document.moveDown(0.8);
    writeRow(document, columns, headings, true);
    rule(document);
  };
  const money = (amount: Cents, currency: string) =>
    isCurrencyCode(currency)
      ? formatMoney(amount, currencyCode(currency), language)
      : `${toDecimalString(amount)} ${currency}`;
  const amounts = (row: TAgedBalanceTotal) =>
    figuresOf(row).map((amount) => money(amount, row.currency));
  const roomFor = (lines: number) => {
    if (document.y + lines * 4 * MM > document.page.height - MARGIN - FOOTER) {
      document.addPage();
      header();
    }
  };

  header();
  if (balance.rows.length === 0) {
    document.font('Helvetica').fontSize(9).text(say('aged_balance_nothing_open'), MARGIN);
  }
  for (const row of balance.rows) {
    roomFor(1);
    writeRow(
      document,
      columns,
      [groupCells(balance.by, row.group, language).join(' '), row.currency, ...amounts(row)],
      false,
    );
  }
  if (balance.totals.length > 0) {
    roomFor(balance.totals.length + 1);
    document.moveDown(0.3);
    rule(document);
    for (const total of balance.totals) {
      writeRow(
        document,
        columns,
        [
          totalCells(balance.by, total.currency, language).join(' '),
          total.currency,
          ...amounts(total),
        ],
        true,
      );
    }
  }

  // Numbered once every page exists. Written inside the bottom margin, which pdfkit would
  // otherwise take for a page break.
  const range = document.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index += 1) {
    document.switchToPage(index);
    const page = document.page;
    const bottom = page.margins.bottom;
    page.margins.bottom = 0;
    document
      .font('Helvetica')
      .fontSize(8)
      .text(
        say('aged_balance_page', { page: index - range.start + 1, pages: range.count }),
        MARGIN,
        page.height - MARGIN + 2 * MM,
        { width: page.width - 2 * MARGIN, align: 'right', lineBreak: false },
      );
    page.margins.bottom = bottom;
  }
  document.end();
  return done;
}
