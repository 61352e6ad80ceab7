/**
 * Dunning letters as PDF (pdfkit): one letter per customer, each on its own pages, and
 * any number of them in one document so that a day's letters print in one go. The
 * layout is the French business letter: the sender top left, the recipient in the
 * window of a DL envelope (NF EN ISO 269: 20 mm from the right, 45–90 mm from the top),
 * the place and date, the subject, then the body the template wrote.
 */
import PdfKit from 'pdfkit';

export type PostalParty = { name: string; addressLines: readonly string[] };

export type Letter = {
  sender: PostalParty;
  recipient: PostalParty;
  /** « Paris, le 2 décembre 2026 ». */
  placeAndDate: string;
  subject: string;
  body: string;
};

const MM = 72 / 25.4;
const MARGIN = 20 * MM;
const WINDOW = { left: 110 * MM, top: 50 * MM, width: 80 * MM };

/**
 * The standard PDF fonts speak WinAnsi: the narrow no-break space French number
 * formatting uses (U+202F) is not in it, so it is printed as the no-break space it
 * looks like.
 */
function printable(text: string): string {
  return text.replace(/\u202f/g, '\u00a0');
}

function writeLetter(document: PDFKit.PDFDocument, letter: Letter): void {
  document.font('Helvetica-Bold').fontSize(11).text(printable(letter.sender.name), MARGIN, MARGIN);
  document.font('Helvetica').fontSize(9);
  for (const line of letter.sender.addressLines) {
    document.text(printable(line));
  }
  document.font('Helvetica-Bold').fontSize(11);
  document.text(printable(letter.recipient.name), WINDOW.left, WINDOW.top, { width: WINDOW.width });
  document.font('Helvetica').fontSize(11);
  for (const line of letter.recipient.addressLines) {
    document.text(printable(line), { width: WINDOW.width });
  }
  const textWidth = document.page.width - 2 * MARGIN;
  document.text(printable(letter.placeAndDate), MARGIN, 100 * MM, {
    width: textWidth,
    align: 'right',
  });
  document.moveDown(2);
  document
    .font('Helvetica-Bold')
    .text(printable(letter.subject), MARGIN, undefined, { width: textWidth });
  document.moveDown();
  document.font('Helvetica').text(printable(letter.body), { width: textWidth, lineGap: 2 });
}

/** The letters in one PDF, each starting on a new page; resolves to its bytes. */
export function renderLetters(letters: readonly Letter[]): Promise<Uint8Array> {
  if (letters.length === 0) {
    throw new RangeError('A print batch needs at least one letter');
  }
  const document = new PdfKit({
    size: 'A4',
    margin: MARGIN,
    autoFirstPage: false,
    info: {
      Title: letters.length === 1 ? (letters[0]?.subject ?? '') : `${letters.length} courriers`,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    document.on('data', (chunk: Buffer) => chunks.push(chunk));
    document.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    document.on('error', reject);
  });
  for (const letter of letters) {
    document.addPage();
    writeLetter(document, letter);
  }
  document.end();
  return done;
}
