/**
 * A print batch's PDF: every letter's pages, one after the other, in one file to print
 * (docs/messages.md). Each letter is stored as its own PDF (the outbox's attachment, made by
 * the dunning letters' renderer); pdf-lib copies their pages into one document.
 */

/**
 * The pages of `pdfs`, in order, in one PDF. `isDuplex`: a blank page after each letter
 * with an odd number of pages, so that every letter starts on a sheet of its own when
 * printed on both sides.
 */
export async function mergeLetterPdfs(
  pdfs: readonly Uint8Array[],
  options: { isDuplex?: boolean } = {},
): Promise<Uint8Array> {
  // Loaded here: only a print batch needs it, and every CLI command loads this module's
  // importers (import-memory.test.ts keeps their heap small).
  const { PDFDocument } = await import('pdf-lib');
  // No creation date: the same letters make the same file.
  const batch = await PDFDocument.create({ updateMetadata: false });
  for (const pdf of pdfs) {
    const letter = await PDFDocument.load(pdf, { updateMetadata: false });
    const pages = await batch.copyPages(letter, letter.getPageIndices());
    for (const page of pages) {
      batch.addPage(page);
    }
    const last = pages.at(-1);
    if (options.isDuplex === true && pages.length % 2 === 1 && last !== undefined) {
      batch.addPage([last.getWidth(), last.getHeight()]);
    }
  }
  return batch.save();
}
