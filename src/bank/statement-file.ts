/**
 * A bank statement file as the import reads it: its format told from its content (a file's
 * name or extension says nothing reliable: banks send `.txt`, `.dat`, `.cfo`, `.xml`), then
 * read by that format's reader (src/imports/bank/). Errors are issues, never exceptions.
 */
import { readCamt } from '../imports/bank/camt.ts';
import { readCfonb120 } from '../imports/bank/cfonb120.ts';
import type { BankStatement } from '../imports/bank/statement.ts';
import { decodeText, findByteOrderMark } from '../imports/decode-text.ts';
import { fieldIssue, type Issue } from '../shared/errors.ts';
import type { StatementFormat } from './model.ts';

/** How much of a file is read to tell its format: the XML root's start tag must begin in it. */
const HEAD_BYTES = 64 * 1024;

const CAMT_NAMESPACE = /urn:iso:std:iso:20022:tech:xsd:camt\.(053|054)\.001\.\d{2}\b/;
/** What may come before the root element: spaces, the XML declaration, comments, a DOCTYPE. */
const XML_PROLOG = /^(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^[>]*(?:\[[\s\S]*?\])?\s*>)*/;
/** A CFONB 120 record: its code (01, 04, 05 or 07), then the bank code's 5 digits. */
const CFONB_RECORD = /^0[1457]\d{5}/;

/**
 * The format of a statement file, from its first bytes: XML whose root element is in a
 * camt.053 or camt.054 namespace; `xml` for other XML (the camt reader then says what is
 * wrong with it); CFONB 120 when its first line is a record of one (code and bank code);
 * `undefined` for anything else. Both formats are ASCII-based (camt UTF-8, CFONB ASCII or
 * Latin-1), so the head is read byte for character.
 */
export function detectStatementFormat(bytes: Uint8Array): StatementFormat | 'xml' | undefined {
  const start = findByteOrderMark(bytes)?.encoding === 'utf-8' ? 3 : 0;
  const head = new TextDecoder('latin1').decode(bytes.subarray(start, start + HEAD_BYTES));
  const text = head.trimStart();
  if (text.startsWith('<')) {
    const afterProlog = head.slice(XML_PROLOG.exec(head)?.[0].length ?? 0);
    const root = /^<[^!?][^>]*>/.exec(afterProlog)?.[0];
    const camt = root === undefined ? undefined : CAMT_NAMESPACE.exec(root)?.[1];
    return camt === '053' ? 'camt053' : camt === '054' ? 'camt054' : 'xml';
  }
  const firstLine = text.split(/\r\n|\r|\n/, 1)[0] ?? '';
  return CFONB_RECORD.test(firstLine) ? 'cfonb120' : undefined;
}

export type StatementFile =
  | { ok: true; format: StatementFormat; statements: BankStatement[]; notices: Issue[] }
  | { ok: false; format: StatementFormat | null; issues: Issue[]; notices: Issue[] };

/**
 * Reads a bank statement file: camt.053/054 (UTF-8, decoded by its reader) or CFONB 120.
 * A CFONB file is read as UTF-8 when it is valid UTF-8 (ASCII is), else as Latin-1
 * (Windows-1252), as French banks write it, and a notice says so. Any issue of the reader
 * refuses the file: a statement it leaves out would be missing from the account.
 */
export async function readStatementFile(
  bytes: Uint8Array,
  fileName: string,
): Promise<StatementFile> {
  const detected = detectStatementFormat(bytes);
  if (detected === undefined) {
    const issue = fieldIssue('file', 'bank_unknown_format', { file: fileName });
    return { ok: false, format: null, issues: [issue], notices: [] };
  }
  if (detected === 'cfonb120') {
    return readCfonbFile(bytes, fileName);
  }
  const { statements, issues, notices } = await readCamt(bytes);
  const format = detected === 'xml' ? null : detected;
  if (issues.length > 0 || format === null) {
    // A camt file read without issue has its namespace on its root: only one whose root
    // starts past the head could get here, and it is refused rather than guessed.
    const refusal =
      issues.length > 0 ? issues : [fieldIssue('file', 'bank_unknown_format', { file: fileName })];
    return { ok: false, format, issues: refusal, notices };
  }
  return { ok: true, format, statements, notices };
}

function readCfonbFile(bytes: Uint8Array, fileName: string): StatementFile {
  const asUtf8 = decodeText(bytes, fileName);
  const isLatin1 = !asUtf8.ok && findByteOrderMark(bytes) === undefined;
  const decoded = isLatin1 ? decodeText(bytes, fileName, { encoding: 'latin1' }) : asUtf8;
  if (!decoded.ok) {
    return { ok: false, format: 'cfonb120', issues: [decoded.issue], notices: [] };
  }
  const read = readCfonb120(decoded.value.text);
  const notices = [
    ...(isLatin1 ? [fieldIssue('file', 'bank_read_as_latin1', { file: fileName })] : []),
    ...read.notices,
  ];
  return read.issues.length > 0
    ? { ok: false, format: 'cfonb120', issues: read.issues, notices }
    : { ok: true, format: 'cfonb120', statements: read.statements, notices };
}
