/**
 * A report as a PDF to print (issue 11): A4 landscape, pdfkit as the statement of account
 * (src/portal/statement-pdf.ts). Each page opens on the company, the report's title and
 * subtitle, then the table's headings; the rows follow, then the totals in bold; each page
 * ends with « Page n sur N ». The report gives its cells as people read them (`1 234,56 €`):
 * this file only lays them out, for the aged balance and the DSO history alike.
 */
import PdfKit from 'pdfkit';
import type { Company } from '../companies/model.ts';
import type { Language } from '../shared/language.ts';
import { messageOf } from '../shared/messages/catalogue.ts';

const MM = 72 / 25.4;
const MARGIN = 12 * MM;
const PADDING = 1 * MM;
/** Room kept under the last row of a page, for the page number. */
const FOOTER = 10 * MM;
const FONT_SIZE = 7;

/** A column: its heading, its width in millimetres (`null`: a share of what is left). */
export type PdfColumn = {
  readonly heading: string;
  readonly widthMm: number | null;
  readonly align: 'left' | 'right';
};

/** What a printed report shows; every cell is text as the reader writes it. */
export type PdfReport = {
  readonly company: Pick<
    Company,
    'legalName' | 'addressLine1' | 'addressLine2' | 'postalCode' | 'city'
  >;
  readonly language: Language;
  readonly title: string;
  readonly subtitle: string;
  readonly columns: readonly PdfColumn[];
  readonly rows: readonly (readonly string[])[];
  /** Printed in bold after a rule, kept together on one page. */
  readonly totals: readonly (readonly string[])[];
  /** What the page says when there is no row. */
  readonly emptyText: string;
};

/**
 * The standard PDF fonts speak WinAnsi: the narrow no-break space (U+202F) of French numbers
 * is printed as the no-break space it looks like (as the statement and the letters do).
 */
function printable(text: string): string {
  return text.replace(/\u202f/g, '\u00a0');
}

type Layout = { width: number; align: 'left' | 'right' };

function layoutOf(document: PDFKit.PDFDocument, columns: readonly PdfColumn[]): Layout[] {
  const width = document.page.width - 2 * MARGIN;
  const fixed = columns.reduce((sum, column) => sum + (column.widthMm ?? 0) * MM, 0);
  const shared = columns.filter((column) => column.widthMm === null).length;
  const share = shared === 0 ? 0 : (width - fixed) / shared;
  return columns.map((column) => ({
    width: column.widthMm === null ? share : column.widthMm * MM,
    align: column.align,
  }));
}

function writeRow(
  document: PDFKit.PDFDocument,
  layout: readonly Layout[],
  cells: readonly string[],
  bold: boolean,
): void {
  const top = document.y;
  let left = MARGIN;
  let bottom = top;
  document.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(FONT_SIZE);
  layout.forEach((column, index) => {
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

/** The report as one PDF; resolves to its bytes. */
export function renderReportPdf(report: PdfReport): Promise<Uint8Array> {
  const { company, language } = report;
  const document = new PdfKit({
    size: 'A4',
    layout: 'landscape',
    margin: MARGIN,
    bufferPages: true,
    info: { Title: `${report.title} — ${company.legalName}` },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    document.on('data', (chunk: Buffer) => chunks.push(chunk));
    document.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    document.on('error', reject);
  });

  const layout = layoutOf(document, report.columns);
  const headings = report.columns.map((column) => column.heading);
  const city = [company.postalCode, company.city].filter((part) => part !== null).join(' ');
  const address = [company.addressLine1, company.addressLine2, city]
    .filter((line): line is string => line !== null && line.trim() !== '')
    .join(', ');
  const header = () => {
    document.font('Helvetica-Bold').fontSize(11).text(printable(company.legalName), MARGIN, MARGIN);
    if (address !== '') {
      document.font('Helvetica').fontSize(8.5).text(printable(address));
    }
    document.moveDown(0.8);
    document.font('Helvetica-Bold').fontSize(14).text(printable(report.title));
    document.font('Helvetica').fontSize(9).text(printable(report.subtitle));
    document.moveDown(0.8);
    writeRow(document, layout, headings, true);
    rule(document);
  };
  const roomFor = (lines: number) => {
    if (document.y + lines * 4 * MM > document.page.height - MARGIN - FOOTER) {
      document.addPage();
      header();
    }
  };

  header();
  if (report.rows.length === 0) {
    document.font('Helvetica').fontSize(9).text(printable(report.emptyText), MARGIN);
  }
  for (const row of report.rows) {
    roomFor(1);
    writeRow(document, layout, row, false);
  }
  if (report.totals.length > 0) {
    roomFor(report.totals.length + 1);
    document.moveDown(0.3);
    rule(document);
    for (const total of report.totals) {
      writeRow(document, layout, total, true);
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
        printable(
          messageOf(language, 'report_page', {
            page: index - range.start + 1,
            pages: range.count,
          }),
        ),
        MARGIN,
        page.height - MARGIN + 2 * MM,
        { width: page.width - 2 * MARGIN, align: 'right', lineBreak: false },
      );
    page.margins.bottom = bottom;
  }
  document.end();
  return done;
}
