/**
 * Writes bank lines as a camt.053.001.08 statement (ISO 20022 bank-to-customer statement),
 * the file a French bank sends each day: the demo's bank feed and the benchmark's input go
 * through the real reader (`imports/bank/camt.ts`) rather than around it.
 *
 * Element order follows the camt.053.001.08 schema. What `readCamt` reads back is what
 * was written, with two limits of the format: an unstructured text is split into
 * `Ustrd` elements of 140 characters at spaces, which the reader joins with a space; and
 * only the `accountServicerReference` and `endToEndId` bank references are written.
 */
import type { BankLine } from '../imports/bank/statement.ts';
import type { CalendarDate } from '../shared/calendar-date.ts';
import { currencyCode, minorDigits } from '../shared/money.ts';

/** One statement of one account: its opening balance and the lines booked after it. */
export type Camt053Statement = {
  iban: string;
  currency: string;
  statementId: string;
  /** Signed: a debit (overdrawn) balance is negative. */
  openingCents: number;
  openingDate: CalendarDate;
  lines: readonly BankLine[];
  /** When the bank made the file (`GrpHdr/CreDtTm`, `Stmt/CreDtTm`). */
  createdAt: Date;
};

/** SEPA's unstructured remittance information is Max140Text. */
const MAX_USTRD_LENGTH = 140;

/**
 * The camt.053.001.08 document of `statement`: one `Stmt` with its opening (OPBD) and
 * closing (CLBD) booked balances, the closing being the opening plus the lines so that
 * the statement balances, dated the last booking day; one `Ntry` per line.
 */
export function camt053Xml(statement: Camt053Statement): string {
  const closingCents = statement.lines.reduce(
    (sum, line) => sum + line.amountCents,
    statement.openingCents,
  );
  const closingDate = statement.lines.reduce<CalendarDate>(
    (latest, line) => (line.bookingDate > latest ? line.bookingDate : latest),
    statement.openingDate,
  );
  const createdAt = statement.createdAt.toISOString();
  const { currency } = statement;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">',
    '  <BkToCstmrStmt>',
    `    <GrpHdr><MsgId>${text(`MSG-${statement.statementId}`)}</MsgId>` +
      `<CreDtTm>${createdAt}</CreDtTm></GrpHdr>`,
    '    <Stmt>',
    `      <Id>${text(statement.statementId)}</Id>`,
    `      <CreDtTm>${createdAt}</CreDtTm>`,
    `      <Acct><Id><IBAN>${text(statement.iban)}</IBAN></Id><Ccy>${text(currency)}</Ccy></Acct>`,
    balance('OPBD', statement.openingCents, currency, statement.openingDate),
    balance('CLBD', closingCents, currency, closingDate),
    ...statement.lines.map(entry),
    '    </Stmt>',
    '  </BkToCstmrStmt>',
    '</Document>',
    '',
  ].join('\n');
}

function balance(type: 'OPBD' | 'CLBD', amountCents: number, currency: string, date: CalendarDate) {
  return (
    `      <Bal><Tp><CdOrPrtry><Cd>${type}</Cd></CdOrPrtry></Tp>` +
    `${amount(amountCents, currency)}<CdtDbtInd>${indicator(amountCents)}</CdtDbtInd>` +
    `<Dt><Dt>${date}</Dt></Dt></Bal>`
  );
}

function entry(line: BankLine): string {
  const isDebit = line.amountCents < 0;
  const accountServicerReference = line.bankReferences['accountServicerReference'];
  const endToEndId = line.bankReferences['endToEndId'];
  const party = isDebit ? 'Cdtr' : 'Dbtr';
  const parties =
    (line.counterpartyName === null
      ? ''
      : `<${party}><Pty><Nm>${text(line.counterpartyName)}</Nm></Pty></${party}>`) +
    (line.counterpartyIban === null
      ? ''
      : `<${party}Acct><Id><IBAN>${text(line.counterpartyIban)}</IBAN></Id></${party}Acct>`);
  const remittance =
    (line.remittanceText === null ? [] : splitText(line.remittanceText))
      .map((chunk) => `<Ustrd>${text(chunk)}</Ustrd>`)
      .join('') + line.structuredReferences.map(structuredReference).join('');
  const details = [
    endToEndId === undefined ? '' : `<Refs><EndToEndId>${text(endToEndId)}</EndToEndId></Refs>`,
    parties === '' ? '' : `<RltdPties>${parties}</RltdPties>`,
    remittance === '' ? '' : `<RmtInf>${remittance}</RmtInf>`,
    line.returnReason === null
      ? ''
      : `<RtrInf><Rsn><Cd>${text(line.returnReason)}</Cd></Rsn></RtrInf>`,
  ].join('');
  return [
    '      <Ntry>',
    amount(line.amountCents, line.currency),
    `<CdtDbtInd>${indicator(line.amountCents)}</CdtDbtInd>`,
    line.isReversal ? '<RvslInd>true</RvslInd>' : '',
    '<Sts><Cd>BOOK</Cd></Sts>',
    `<BookgDt><Dt>${line.bookingDate}</Dt></BookgDt>`,
    line.valueDate === null ? '' : `<ValDt><Dt>${line.valueDate}</Dt></ValDt>`,
    accountServicerReference === undefined
      ? ''
      : `<AcctSvcrRef>${text(accountServicerReference)}</AcctSvcrRef>`,
    transactionCode(line.transactionCode),
    details === '' ? '' : `<NtryDtls><TxDtls>${details}</TxDtls></NtryDtls>`,
    '</Ntry>',
  ].join('');
}

/**
 * `BkTxCd`: `PMNT/RCDT/ESCT` as the ISO domain, family and sub-family, any other code as
 * the bank's own (`Prtry`), none when the line has none.
 */
function transactionCode(code: string | null): string {
  if (code === null) {
    return '';
  }
  const [domain, family, subFamily, ...rest] = code.split('/');
  if (
    domain !== undefined &&
    family !== undefined &&
    subFamily !== undefined &&
    rest.length === 0
  ) {
    return (
      `<BkTxCd><Domn><Cd>${text(domain)}</Cd><Fmly><Cd>${text(family)}</Cd>` +
      `<SubFmlyCd>${text(subFamily)}</SubFmlyCd></Fmly></Domn></BkTxCd>`
    );
  }
  return `<BkTxCd><Prtry><Cd>${text(code)}</Cd></Prtry></BkTxCd>`;
}

/** An ISO 11649 reference is typed SCOR (issuer ISO); any other is the creditor's own. */
function structuredReference(reference: string): string {
  const type = reference.startsWith('RF')
    ? '<Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry><Issr>ISO</Issr></Tp>'
    : '';
  return `<Strd><CdtrRefInf>${type}<Ref>${text(reference)}</Ref></CdtrRefInf></Strd>`;
}

/**
 * Cuts a text into pieces of at most 140 characters at spaces (each space cut on is
 * dropped, and the reader puts it back when joining), or mid-word for a word longer
 * than that.
 */
function splitText(remittance: string): string[] {
  const chunks: string[] = [];
  let rest = remittance;
  while (rest.length > MAX_USTRD_LENGTH) {
    const cut = rest.lastIndexOf(' ', MAX_USTRD_LENGTH);
    if (cut > 0) {
      chunks.push(rest.slice(0, cut));
      rest = rest.slice(cut + 1);
    } else {
      chunks.push(rest.slice(0, MAX_USTRD_LENGTH));
      rest = rest.slice(MAX_USTRD_LENGTH);
    }
  }
  chunks.push(rest);
  return chunks;
}

/** `<Amt Ccy="EUR">1234.56</Amt>`: never negative, the currency's decimals after a dot. */
function amount(amountCents: number, currency: string): string {
  const decimals = minorDigits(currencyCode(currency));
  const digits = String(Math.abs(amountCents)).padStart(decimals + 1, '0');
  const value =
    decimals === 0 ? digits : `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
  return `<Amt Ccy="${text(currency)}">${value}</Amt>`;
}

function indicator(amountCents: number): 'CRDT' | 'DBIT' {
  return amountCents < 0 ? 'DBIT' : 'CRDT';
}

const XML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Text escaped for an element or an attribute value. */
function text(value: string): string {
  return value.replace(/[&<>"']/g, (character) => XML_ESCAPES[character] ?? character);
}
