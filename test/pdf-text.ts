/**
 * The text of a PDF, page by page, as a reader would copy it: what the letters tests
 * assert on. pdfjs-dist's legacy build runs on Node without a canvas.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** The metrics of the 14 standard fonts, which pdfkit's letters use without embedding them. */
const STANDARD_FONTS = `${join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`;

export async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const document = await getDocument({
    data: bytes.slice(),
    useSystemFonts: false,
    standardFontDataUrl: STANDARD_FONTS,
  }).promise;
  try {
    const pages: string[] = [];
    for (let number = 1; number <= document.numPages; number += 1) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      pages.push(
        content.items
          .map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : ''))
          .join(''),
      );
    }
    return pages;
  } finally {
    await document.destroy();
  }
}
