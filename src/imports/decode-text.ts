/**
 * Turns the bytes of an uploaded text file into a string, without guessing silently.
 *
 * A byte-order mark decides. Without one the file must be valid UTF-8: a Windows-1252
 * file (what French Excel writes with "CSV (séparateur : point-virgule)") decodes as
 * UTF-8 without an exception only when it has no accented letter, and when it has one
 * a lenient decoder would turn "Société" into "Soci\uFFFDt\uFFFD" in the database. So
 * invalid UTF-8 is refused with the line of the first bad byte and the option that
 * fixes it, and the user names the encoding.
 */
import { fieldIssue, type Issue } from '../shared/errors.ts';
import { findUnstorableCharacter } from '../shared/text.ts';

/** Encodings a user may name with `--encoding`. */
export const TEXT_ENCODINGS = ['utf-8', 'windows-1252', 'latin1', 'utf-16le'] as const;

/** An encoding a user may name with `--encoding`. */
export type TextEncodingName = (typeof TEXT_ENCODINGS)[number];

/** Whether `text` is one of `TEXT_ENCODINGS` (for validating a CLI flag or an HTTP field). */
export function isTextEncodingName(text: string): text is TextEncodingName {
  return (TEXT_ENCODINGS as readonly string[]).includes(text);
}

/**
 * Every encoding `decodeText` reads: a user's choices, and ISO-8859-15 (Latin-9, Latin-1
 * with `€` and `œ`), which the FEC reader picks itself when it detects an 8-bit file
 * (src/imports/fec/parse-fec.ts) and no flag offers yet.
 */
export type DecodableEncoding = TextEncodingName | 'iso-8859-15';

/** Options of `decodeText`. */
export type DecodeTextOptions = {
  /** Decode with this encoding when the file has no byte-order mark. */
  encoding?: DecodableEncoding | undefined;
};

/** The decoded text (byte-order mark removed) and the encoding that was used. */
export type DecodedText = {
  text: string;
  encoding: DecodableEncoding | 'utf-16be';
  hasByteOrderMark: boolean;
};

/** `decodeText`'s answer: the text, or the file-level issue that refuses it. */
export type DecodeTextResult = { ok: true; value: DecodedText } | { ok: false; issue: Issue };

/** A byte-order mark: the encoding it announces, and its length in bytes. */
export type ByteOrderMark = { encoding: 'utf-8' | 'utf-16le' | 'utf-16be'; length: number };

/**
 * Decodes `bytes` as text. A UTF-8 or UTF-16 byte-order mark wins over
 * `options.encoding` (it is unambiguous, a flag may be a habit); without one,
 * `options.encoding` is used, else strict UTF-8. Refuses with `bad_encoding` when
 * the bytes are not valid in the chosen encoding, and with `unsupported_format`
 * when they contain NUL bytes (a binary file, not a table). A NUL character that a
 * BOM or `--encoding` let through is refused too, with its line (`bad_encoding`):
 * no text holds one, and PostgreSQL cannot store it.
 */
export function decodeText(
  bytes: Uint8Array,
  fileName: string,
  options: DecodeTextOptions = {},
): DecodeTextResult {
  const bom = findByteOrderMark(bytes);
  if (bom !== undefined) {
    return decodeStrict(bytes.subarray(bom.length), bom.encoding, fileName, true);
  }
  if (options.encoding !== undefined) {
    return decodeStrict(bytes, options.encoding, fileName, false);
  }
  if (bytes.includes(0)) {
    return { ok: false, issue: nulBytesIssue(bytes, fileName) };
  }
  return decodeStrict(bytes, 'utf-8', fileName, false);
}

/** The UTF-8 or UTF-16 byte-order mark `bytes` start with, if any. */
export function findByteOrderMark(bytes: Uint8Array): ByteOrderMark | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { encoding: 'utf-8', length: 3 };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { encoding: 'utf-16le', length: 2 };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { encoding: 'utf-16be', length: 2 };
  }
  return undefined;
}

function decodeStrict(
  bytes: Uint8Array,
  encoding: DecodedText['encoding'],
  fileName: string,
  hasByteOrderMark: boolean,
): DecodeTextResult {
  if (encoding === 'windows-1252' || encoding === 'latin1' || encoding === 'iso-8859-15') {
    const table = encoding === 'iso-8859-15' ? ISO_8859_15_UNITS : WINDOWS_1252_UNITS;
    return checkedText(stripLeadingBom(decodeSingleByte(bytes, table)), encoding, fileName, false);
  }
  // `ignoreBOM: true` keeps a BOM we did not strip (explicit encoding) visible to
  // `stripLeadingBom`, which removes it once.
  const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch (error) {
    if (!(error instanceof TypeError)) {
      throw error;
    }
    return { ok: false, issue: invalidBytesIssue(bytes, encoding, fileName) };
  }
  return checkedText(stripLeadingBom(text), encoding, fileName, hasByteOrderMark);
}

/** The decoded text, unless it holds a character no text file has (a NUL). */
function checkedText(
  text: string,
  encoding: DecodedText['encoding'],
  fileName: string,
  hasByteOrderMark: boolean,
): DecodeTextResult {
  const found = findUnstorableCharacter(text);
  if (found === undefined) {
    return { ok: true, value: { text, encoding, hasByteOrderMark } };
  }
  const line = lineNumberAt(found.index, (index) => text.charCodeAt(index));
  return {
    ok: false,
    issue: fieldIssue(
      'file',
      'bad_encoding',
      {
        file: fileName,
        codePoint: found.codePoint,
        line,
        encoding: encoding.toUpperCase(),
        context: found.codePoint === 'U+0000' ? 'nul' : 'surrogate',
      },
      line,
    ),
  };
}

// Bytes 0x80–0x9F of Windows-1252 (WHATWG Encoding index). The five bytes Microsoft
// left unassigned (81, 8D, 8F, 90, 9D) map to the C1 control of the same value.
const WINDOWS_1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039,
  0x0152, 0x8d, 0x017d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc,
  0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

/** The UTF-16 unit of each byte: ISO-8859-1's (the byte itself), except where `changes` says. */
function singleByteTable(changes: ReadonlyMap<number, number>): Uint16Array {
  const table = new Uint16Array(256);
  for (let byte = 0; byte < 256; byte += 1) {
    table[byte] = changes.get(byte) ?? byte;
  }
  return table;
}

/**
 * Windows-1252, decoded by hand: Node 20's `TextDecoder('windows-1252')` decodes as
 * ISO-8859-1 and turns `€` (0x80), `’` (0x92) and `œ` (0x9C), all common in French
 * text, into invisible C1 controls. `latin1` is read the same way, as the WHATWG
 * Encoding standard and browsers do: files labelled Latin-1 are Windows-1252 in
 * practice, and the C1 controls true ISO-8859-1 puts there never occur in text.
 */
const WINDOWS_1252_UNITS = singleByteTable(
  new Map(WINDOWS_1252_HIGH.map((unit, index) => [0x80 + index, unit])),
);

/** ISO-8859-15: ISO-8859-1 with `€ Š š Ž ž Œ œ Ÿ` in place of `¤ ¦ ¨ ´ ¸ ¼ ½ ¾`. */
const ISO_8859_15_UNITS = singleByteTable(
  new Map([
    [0xa4, 0x20ac],
    [0xa6, 0x0160],
    [0xa8, 0x0161],
    [0xb4, 0x017d],
    [0xb8, 0x017e],
    [0xbc, 0x0152],
    [0xbd, 0x0153],
    [0xbe, 0x0178],
  ]),
);

// A `Uint16Array` holds its units in the machine's byte order; its bytes are UTF-16 in it.
const MACHINE_UTF16 =
  new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 'utf-16le' : 'utf-16be';
const SINGLE_BYTE_CHUNK = 65_536;

/**
 * Decodes a single-byte encoding through `table`, a chunk at a time: each chunk's units
 * are written to one reused buffer and read back by the native UTF-16 decoder, which is
 * about six times faster than `String.fromCharCode` over the same units (150 MB in
 * ~0.5 s instead of ~3 s), and the buffer is one chunk rather than the file in UTF-16.
 */
function decodeSingleByte(bytes: Uint8Array, table: Uint16Array): string {
  const units = new Uint16Array(Math.min(bytes.length, SINGLE_BYTE_CHUNK));
  const decoder = new TextDecoder(MACHINE_UTF16);
  const parts: string[] = [];
  for (let start = 0; start < bytes.length; start += SINGLE_BYTE_CHUNK) {
    const end = Math.min(start + SINGLE_BYTE_CHUNK, bytes.length);
    for (let index = start; index < end; index += 1) {
      units[index - start] = table[bytes[index] ?? 0] ?? 0;
    }
    parts.push(decoder.decode(units.subarray(0, end - start)));
  }
  return parts.join('');
}

function stripLeadingBom(text: string): string {
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

function invalidBytesIssue(
  bytes: Uint8Array,
  encoding: DecodedText['encoding'],
  fileName: string,
): Issue {
  if (encoding !== 'utf-8') {
    const isLittleEndian = encoding === 'utf-16le';
    const unitAt = (index: number): number => {
      const [low = 0, high = 0] = bytes.subarray(index * 2, index * 2 + 2);
      return isLittleEndian ? low | (high << 8) : (low << 8) | high;
    };
    const offset = findInvalidUtf16Offset(bytes, unitAt);
    const line = lineNumberAt(offset, unitAt);
    const params = { file: fileName, encoding: encoding.toUpperCase(), line };
    return fieldIssue(
      'file',
      'bad_encoding',
      offset * 2 + 1 === bytes.length
        ? { ...params, context: 'odd_bytes' }
        : {
            ...params,
            codePoint: `U+${unitAt(offset).toString(16).toUpperCase()}`,
            context: 'lone_unit',
          },
      line,
    );
  }
  const offset = findInvalidUtf8Offset(bytes) ?? 0;
  const line = lineNumberAt(offset, (index) => bytes[index] ?? 0);
  const byte = (bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0');
  return fieldIssue('file', 'bad_encoding', { file: fileName, byte, line }, line);
}

/**
 * A file without a BOM that contains NUL bytes is either UTF-16 whose BOM was lost
 * or not text at all. Many NULs on odd offsets is the signature of UTF-16LE text in
 * the Latin range ("a\0b\0").
 */
function nulBytesIssue(bytes: Uint8Array, fileName: string): Issue {
  const sample = bytes.subarray(0, 4096);
  let oddNuls = 0;
  for (let index = 1; index < sample.length; index += 2) {
    if (sample[index] === 0) {
      oddNuls += 1;
    }
  }
  if (oddNuls * 2 >= sample.length / 2) {
    return fieldIssue('file', 'bad_encoding', { file: fileName, context: 'no_bom' });
  }
  return fieldIssue('file', 'unsupported_format', { file: fileName, context: 'not_text' });
}

/**
 * Offset of the first byte that does not start a valid UTF-8 sequence (RFC 3629:
 * no overlong forms, no surrogates, nothing above U+10FFFF), or `undefined`.
 */
export function findInvalidUtf8Offset(bytes: Uint8Array): number | undefined {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index] ?? 0;
    if (lead < 0x80) {
      index += 1;
      continue;
    }
    const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : 4;
    if (lead < 0xc2 || lead > 0xf4) {
      return index;
    }
    // The second byte's range is narrowed for E0/ED/F0/F4 to exclude overlong
    // forms, surrogates and code points above U+10FFFF (RFC 3629 §4).
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    for (let next = 1; next < length; next += 1) {
      const byte = bytes[index + next];
      const min = next === 1 ? low : 0x80;
      const max = next === 1 ? high : 0xbf;
      if (byte === undefined || byte < min || byte > max) {
        return index;
      }
    }
    index += length;
  }
  return undefined;
}

/**
 * Index of the first UTF-16 code unit that is a lone surrogate, or of the cut unit
 * when the byte count is odd; only called once the strict decoder refused the bytes.
 */
function findInvalidUtf16Offset(bytes: Uint8Array, unitAt: (index: number) => number): number {
  const units = Math.floor(bytes.length / 2);
  for (let index = 0; index < units; index += 1) {
    const unit = unitAt(index);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = index + 1 < units ? unitAt(index + 1) : 0;
      if (next < 0xdc00 || next > 0xdfff) {
        return index;
      }
      index += 1;
    } else if (unit >= 0xdc00 && unit <= 0xdfff) {
      return index;
    }
  }
  return units;
}

/**
 * 1-based line of the unit at `offset` (a byte, a UTF-16 code unit or a character,
 * as `unitAt` reads them): line feeds before it, plus carriage returns not followed by one.
 */
function lineNumberAt(offset: number, unitAt: (index: number) => number): number {
  let line = 1;
  for (let index = 0; index < offset; index += 1) {
    const unit = unitAt(index);
    if (unit === 0x0a || (unit === 0x0d && unitAt(index + 1) !== 0x0a)) {
      line += 1;
    }
  }
  return line;
}
