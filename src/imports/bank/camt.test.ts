import { describe, expect, it } from 'vitest';

import { messageOf } from '../../shared/messages/catalogue.ts';
import { readCamt } from './camt.ts';
import { statementBalances, type BankLine, type BankStatement } from './statement.ts';

const encoder = new TextEncoder();

function camt053(version: string, statement: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.${version}">
  <BkToCstmrStmt>
    <GrpHdr><MsgId>MSG-1</MsgId><CreDtTm>2025-03-04T18:00:00</CreDtTm></GrpHdr>
${statement}
  </BkToCstmrStmt>
</Document>
`;
}

/** A version 2 statement, as French banks still send: balances, a credit, a debit. */
const V02_STATEMENT = `    <Stmt>
      <Id>STMT-2025-03-03</Id>
      <Acct><Id><IBAN>FR7630006000011234567890189</IBAN></Id><Ccy>EUR</Ccy></Acct>
      <Bal>
        <Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp>
        <Amt Ccy="EUR">1000.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>
        <Dt><Dt>2025-03-03</Dt></Dt>
      </Bal>
      <Bal>
        <Tp><CdOrPrtry><Cd>CLAV</Cd></CdOrPrtry></Tp>
        <Amt Ccy="EUR">999999.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>
        <Dt><Dt>2025-03-03</Dt></Dt>
      </Bal>
      <Bal>
        <Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp>
        <Amt Ccy="EUR">1725.50</Amt><CdtDbtInd>CRDT</CdtDbtInd>
        <Dt><Dt>2025-03-03</Dt></Dt>
      </Bal>
      <Ntry>
        <NtryRef>NTRY-1</NtryRef>
        <Amt Ccy="EUR">1200.00</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd>
        <Sts>BOOK</Sts>
        <BookgDt><Dt>2025-03-03</Dt></BookgDt>
        <ValDt><Dt>2025-03-04</Dt></ValDt>
        <AcctSvcrRef>BANK-REF-1</AcctSvcrRef>
        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
        <NtryDtls>
          <TxDtls>
            <Refs><EndToEndId>F-2025-001</EndToEndId><TxId>TX-1</TxId></Refs>
            <RltdPties>
              <Dbtr><Nm>Dupont &amp; Fils SARL</Nm></Dbtr>
              <DbtrAcct><Id><IBAN>FR1420041010050500013M02606</IBAN></Id></DbtrAcct>
              <Cdtr><Nm>Encaisse Démo SAS</Nm></Cdtr>
            </RltdPties>
            <RmtInf><Ustrd>FACTURE F-2025-001</Ustrd><Ustrd> ET F-2025-002 </Ustrd></RmtInf>
          </TxDtls>
        </NtryDtls>
      </Ntry>
      <Ntry>
        <Amt Ccy="EUR">474.50</Amt>
        <CdtDbtInd>DBIT</CdtDbtInd>
        <Sts>BOOK</Sts>
        <BookgDt><Dt>2025-03-03</Dt></BookgDt>
        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>ICDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
        <NtryDtls>
          <TxDtls>
            <Refs><MsgId>VIR-2025-03</MsgId><InstrId>INSTR-7</InstrId><EndToEndId>ACHAT-42</EndToEndId></Refs>
            <AmtDtls><TxAmt><Amt Ccy="EUR">474.50</Amt></TxAmt></AmtDtls>
            <RltdPties>
              <Dbtr><Nm>Encaisse Démo SAS</Nm></Dbtr>
              <Cdtr><Nm>Fournisseur SA</Nm></Cdtr>
              <CdtrAcct><Id><IBAN>DE89370400440532013000</IBAN></Id></CdtrAcct>
            </RltdPties>
            <RmtInf><Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp><Ref>RF18539007547034</Ref></CdtrRefInf></Strd></RmtInf>
          </TxDtls>
        </NtryDtls>
      </Ntry>
    </Stmt>`;
const V02 = camt053('02', V02_STATEMENT);

/**
 * A version 8 statement: dates and times (`DtTm`), party names under `Pty`, a batch of
 * three credits, a returned direct debit (AC06) and bank fees without details. The
 * opening balance is a "previous closing" (PRCD) in debit.
 */
const V08 = camt053(
  '08',
  `    <Stmt>
      <Id>STMT-V8</Id>
      <Acct><Id><IBAN>FR7610107001011234567890129</IBAN></Id><Ccy>EUR</Ccy></Acct>
      <Bal>
        <Tp><CdOrPrtry><Cd>PRCD</Cd></CdOrPrtry></Tp>
        <Amt Ccy="EUR">100.00</Amt><CdtDbtInd>DBIT</CdtDbtInd>
        <Dt><DtTm>2025-03-31T23:59:59+02:00</DtTm></Dt>
      </Bal>
      <Bal>
        <Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp>
        <Amt Ccy="EUR">237.50</Amt><CdtDbtInd>CRDT</CdtDbtInd>
        <Dt><DtTm>2025-04-01T23:59:59.999+02:00</DtTm></Dt>
      </Bal>
      <Ntry>
        <Amt Ccy="EUR">600.00</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd>
        <Sts><Cd>BOOK</Cd></Sts>
        <BookgDt><DtTm>2025-03-31T23:30:00-05:00</DtTm></BookgDt>
        <ValDt><DtTm>2025-04-01T00:15:00+02:00</DtTm></ValDt>
        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
        <NtryDtls>
          <Btch><NbOfTxs>3</NbOfTxs><TtlAmt Ccy="EUR">600.00</TtlAmt></Btch>
          <TxDtls>
            <Refs><EndToEndId>E2E-A</EndToEndId></Refs>
            <Amt Ccy="EUR">100.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>
            <RltdPties><Dbtr><Pty><Nm>Client A</Nm></Pty></Dbtr></RltdPties>
          </TxDtls>
          <TxDtls>
            <Refs><EndToEndId>E2E-B</EndToEndId></Refs>
            <Amt Ccy="EUR">200.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>
            <RltdPties><Dbtr><Pty><Nm>Client B</Nm></Pty></Dbtr></RltdPties>
          </TxDtls>
          <TxDtls>
            <Refs><EndToEndId>E2E-C</EndToEndId></Refs>
            <AmtDtls><TxAmt><Amt Ccy="EUR">300.00</Amt></TxAmt></AmtDtls>
            <RltdPties><Dbtr><Pty><Nm>Client C</Nm></Pty></Dbtr></RltdPties>
          </TxDtls>
        </NtryDtls>
        <AddtlNtryInf>REMISE DE 3 VIREMENTS</AddtlNtryInf>
      </Ntry>
      <Ntry>
        <Amt Ccy="EUR">250.00</Amt>
        <CdtDbtInd>DBIT</CdtDbtInd>
        <RvslInd>true</RvslInd>
        <Sts><Cd>BOOK</Cd></Sts>
        <BookgDt><Dt>2025-04-01</Dt></BookgDt>
        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>IDDT</Cd><SubFmlyCd>UPDD</SubFmlyCd></Fmly></Domn></BkTxCd>
        <NtryDtls>
          <TxDtls>
            <Refs><EndToEndId>PRLV-2025-03-17</EndToEndId><MndtId>MANDAT-17</MndtId></Refs>
            <RltdPties>
              <Dbtr><Pty><Nm>Martin SAS</Nm></Pty></Dbtr>
              <DbtrAcct><Id><IBAN>FR7612739000704567891234567</IBAN></Id></DbtrAcct>
            </RltdPties>
            <RtrInf><Rsn><Cd>AC06</Cd></Rsn></RtrInf>
          </TxDtls>
        </NtryDtls>
      </Ntry>
      <Ntry>
        <Amt Ccy="EUR">12.50</Amt>
        <CdtDbtInd>DBIT</CdtDbtInd>
        <Sts><Cd>BOOK</Cd></Sts>
        <BookgDt><Dt>2025-04-01</Dt></BookgDt>
        <BkTxCd><Prtry><Cd>FRAIS</Cd><Issr>BANQUE</Issr></Prtry></BkTxCd>
        <AddtlNtryInf>Frais de tenue de compte</AddtlNtryInf>
      </Ntry>
    </Stmt>`,
);

/** A camt.054 of the newest version, for an account known by another id than an IBAN. */
const NOTIFICATION = `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.13">
  <BkToCstmrDbtCdtNtfctn>
    <GrpHdr><MsgId>N-1</MsgId><CreDtTm>2025-05-02T08:00:00Z</CreDtTm></GrpHdr>
    <Ntfctn>
      <Id>N-1-1</Id>
      <Acct><Id><Othr><Id>ACC-778899</Id></Othr></Id></Acct>
      <Ntry>
        <Amt Ccy="JPY">15000</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd>
        <BookgDt><Dt>2025-05-02</Dt></BookgDt>
      </Ntry>
    </Ntfctn>
  </BkToCstmrDbtCdtNtfctn>
</Document>
`;

function bytes(xml: string): Uint8Array {
  return encoder.encode(xml);
}

/** The XML as a stream of `size`-byte chunks, split anywhere (inside tags, inside é). */
async function* chunked(xml: string, size: number): AsyncGenerator<Uint8Array> {
  const all = bytes(xml);
  for (let at = 0; at < all.length; at += size) {
    await Promise.resolve();
    yield all.subarray(at, at + size);
  }
}

/** The 1-based line of the first occurrence of `text`. */
function lineOf(xml: string, text: string, from = 0): number {
  return xml.slice(0, xml.indexOf(text, from)).split('\n').length;
}

async function readOne(xml: string): Promise<BankStatement> {
  const { statements, issues } = await readCamt(bytes(xml));
  expect(issues).toEqual([]);
  expect(statements).toHaveLength(1);
  const [statement] = statements;
  if (statement === undefined) {
    throw new Error('no statement');
  }
  return statement;
}

function lineAt(statement: BankStatement, index: number): BankLine {
  const line = statement.lines[index];
  if (line === undefined) {
    throw new Error(`no line ${index}`);
  }
  return line;
}

describe('readCamt, camt.053.001.02', () => {
  it('reads the account, the id, the booked balances and one line per entry', async () => {
    const statement = await readOne(V02);

    expect(statement).toMatchObject({
      position: '/Document/BkToCstmrStmt/Stmt[1]',
      account: { kind: 'iban', iban: 'FR7630006000011234567890189' },
      currency: 'EUR',
      statementId: 'STMT-2025-03-03',
      opening: { date: '2025-03-03', amountCents: 100_000 },
      closing: { date: '2025-03-03', amountCents: 172_550 },
    });
    expect(statement.lines).toHaveLength(2);
    expect(statementBalances(statement)).toBe(true);
  });

  it('reads a credit: the debtor is the counterparty, the amount is the entry’s', async () => {
    const line = lineAt(await readOne(V02), 0);

    expect(line).toEqual({
      position: '/Document/BkToCstmrStmt/Stmt[1]/Ntry[1]/NtryDtls[1]/TxDtls[1]',
      bookingDate: '2025-03-03',
      valueDate: '2025-03-04',
      amountCents: 120_000,
      currency: 'EUR',
      counterpartyName: 'Dupont & Fils SARL',
      counterpartyIban: 'FR1420041010050500013M02606',
      remittanceText: 'FACTURE F-2025-001 ET F-2025-002',
      structuredReferences: [],
      bankReferences: {
        entryReference: 'NTRY-1',
        accountServicerReference: 'BANK-REF-1',
        endToEndId: 'F-2025-001',
        transactionId: 'TX-1',
      },
      transactionCode: 'PMNT/RCDT/ESCT',
      isReversal: false,
      returnReason: null,
    });
  });

  it('reads a debit as negative, to the creditor, with its structured RF reference', async () => {
    const line = lineAt(await readOne(V02), 1);

    expect(line).toMatchObject({
      amountCents: -47_450,
      valueDate: null,
      counterpartyName: 'Fournisseur SA',
      counterpartyIban: 'DE89370400440532013000',
      remittanceText: null,
      structuredReferences: ['RF18539007547034'],
      bankReferences: {
        messageId: 'VIR-2025-03',
        instructionId: 'INSTR-7',
        endToEndId: 'ACHAT-42',
      },
      transactionCode: 'PMNT/ICDT/ESCT',
    });
  });

  it('reads the same from a stream split every few bytes, inside tags and characters', async () => {
    const whole = await readCamt(bytes(V02));

    for (const size of [1, 7, 4096]) {
      expect(await readCamt(chunked(V02, size))).toEqual(whole);
    }
  });
});

describe('readCamt, camt.053.001.08', () => {
  it('takes the date of a DtTm as written, whatever its time zone', async () => {
    const statement = await readOne(V08);
    const batch = lineAt(statement, 0);

    // 23:30 at UTC−5 is already 1 April in UTC, and 00:15 at UTC+2 still 31 March.
    expect(batch.bookingDate).toBe('2025-03-31');
    expect(batch.valueDate).toBe('2025-04-01');
    expect(statement.opening).toEqual({ date: '2025-03-31', amountCents: -10_000 });
    expect(statement.closing).toEqual({ date: '2025-04-01', amountCents: 23_750 });
  });

  it('gives a batch entry one line per transaction detail, each with its own party', async () => {
    const statement = await readOne(V08);
    const batch = statement.lines.slice(0, 3);

    expect(batch.map((line) => line.position)).toEqual([
      '/Document/BkToCstmrStmt/Stmt[1]/Ntry[1]/NtryDtls[1]/TxDtls[1]',
      '/Document/BkToCstmrStmt/Stmt[1]/Ntry[1]/NtryDtls[1]/TxDtls[2]',
      '/Document/BkToCstmrStmt/Stmt[1]/Ntry[1]/NtryDtls[1]/TxDtls[3]',
    ]);
    expect(batch.map((line) => line.amountCents)).toEqual([10_000, 20_000, 30_000]);
    expect(batch.map((line) => line.counterpartyName)).toEqual([
      'Client A',
      'Client B',
      'Client C',
    ]);
    expect(batch.map((line) => line.bankReferences['endToEndId'])).toEqual([
      'E2E-A',
      'E2E-B',
      'E2E-C',
    ]);
    // The entry's text describes the batch, not each transfer.
    expect(batch.map((line) => line.remittanceText)).toEqual([null, null, null]);
  });

  it('reads a returned direct debit: a reversal, signed as booked, naming the customer', async () => {
    const line = lineAt(await readOne(V08), 3);

    expect(line).toMatchObject({
      amountCents: -25_000,
      isReversal: true,
      returnReason: 'AC06',
      // The reversed collection's debtor: the customer whose invoice is unpaid again.
      counterpartyName: 'Martin SAS',
      counterpartyIban: 'FR7612739000704567891234567',
      bankReferences: { endToEndId: 'PRLV-2025-03-17', mandateId: 'MANDAT-17' },
      transactionCode: 'PMNT/IDDT/UPDD',
    });
  });

  it('reads an entry without details as one line with its own text and bank code', async () => {
    const statement = await readOne(V08);
    const fees = lineAt(statement, 4);

    expect(statement.lines).toHaveLength(5);
    expect(fees).toMatchObject({
      position: '/Document/BkToCstmrStmt/Stmt[1]/Ntry[3]',
      amountCents: -1250,
      remittanceText: 'Frais de tenue de compte',
      transactionCode: 'FRAIS',
      counterpartyName: null,
    });
    expect(statementBalances(statement)).toBe(true);
  });
});

describe('readCamt, camt.054', () => {
  it('reads a notification of any version, an Othr account id, the currency from amounts', async () => {
    const notification = await readOne(NOTIFICATION);

    expect(notification).toMatchObject({
      position: '/Document/BkToCstmrDbtCdtNtfctn/Ntfctn[1]',
      account: { kind: 'iban', iban: 'ACC-778899' },
      currency: 'JPY',
      statementId: 'N-1-1',
      opening: null,
      closing: null,
    });
    expect(notification.lines.map((line) => line.amountCents)).toEqual([15_000]);
    expect(statementBalances(notification)).toBeUndefined();
  });

  it('leaves out an entry not booked yet (PDNG, INFO), and says so', async () => {
    const pending = NOTIFICATION.replace(
      '      <Ntry>',
      `      <Ntry>
        <Amt Ccy="JPY">900</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd>
        <Sts><Cd>PDNG</Cd></Sts>
        <BookgDt><Dt>2025-05-02</Dt></BookgDt>
      </Ntry>
      <Ntry>
        <Amt Ccy="JPY">700</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd>
        <Sts>INFO</Sts>
        <BookgDt><Dt>2025-05-02</Dt></BookgDt>
      </Ntry>
      <Ntry>
        <Sts><Cd>BOOK</Cd></Sts>`,
    );
    const { statements, issues, notices } = await readCamt(bytes(pending));

    expect(issues).toEqual([]);
    expect(statements[0]?.lines.map((line) => line.amountCents)).toEqual([15_000]);
    expect(notices.map((notice) => [notice.code, notice.params?.['status']])).toEqual([
      ['camt_entry_not_booked', 'PDNG'],
      ['camt_entry_not_booked', 'INFO'],
    ]);
    expect(notices[0]?.field).toBe('/Document/BkToCstmrDbtCdtNtfctn/Ntfctn[1]/Ntry[1]');
  });
});

describe('readCamt refuses a file that is not a camt.053/054', () => {
  it('says where a truncated file ends, and reads no statement of it', async () => {
    const cut = V02.slice(0, V02.indexOf('<Ntry>', V02.indexOf('<Ntry>') + 1) + 20);

    const result = await readCamt(bytes(cut));

    expect(result.statements).toEqual([]);
    expect(result.issues).toEqual([
      {
        field: 'file',
        code: 'camt_truncated',
        line: cut.split('\n').length,
        params: { line: cut.split('\n').length, column: expect.any(Number) as number },
        message: expect.stringMatching(/^The file ends before its XML is complete/) as string,
      },
    ]);
  });

  it('says where the XML breaks', async () => {
    const broken = V02.replace('<CdtDbtInd>DBIT</CdtDbtInd>', '<CdtDbtInd>DBIT</CdtDbtnd>');

    const result = await readCamt(bytes(broken));

    expect(result.statements).toEqual([]);
    expect(result.issues).toMatchObject([
      { code: 'camt_not_xml', line: lineOf(broken, '</CdtDbtnd>') },
    ]);
  });

  it('refuses a CSV export as not XML, where saxes notices it', async () => {
    const result = await readCamt(bytes('Date;Libellé;Montant\n03/03/2025;VIR DUPONT;1200,00\n'));

    expect(result.statements).toEqual([]);
    expect(result.issues).toMatchObject([{ code: 'camt_not_xml', params: { line: 3, column: 0 } }]);
  });

  it('expands no entity a DTD declares (no "billion laughs"): the file is refused', async () => {
    const xml = V02.replace(
      '<Document',
      '<!DOCTYPE Document [<!ENTITY lol "lol">]>\n<Document',
    ).replace('NTRY-1', '&lol;');

    expect((await readCamt(bytes(xml))).issues).toMatchObject([{ code: 'camt_not_xml' }]);
  });

  it.each([
    ['another ISO 20022 message', 'urn:iso:std:iso:20022:tech:xsd:pain.008.001.02', 'Document'],
    ['a camt.053 element without its namespace', '', 'Document'],
    ['another root', 'urn:iso:std:iso:20022:tech:xsd:camt.053.001.02', 'Statement'],
  ])('refuses %s, naming what it found', async (_, namespace, root) => {
    const xml = `<${root} xmlns="${namespace}"><BkToCstmrStmt/></${root}>`;

    const result = await readCamt(bytes(xml));

    expect(result.statements).toEqual([]);
    expect(result.issues).toMatchObject([
      { code: 'camt_not_camt', line: 1, params: { element: root, namespace } },
    ]);
  });

  it('refuses a camt.052 account report: it is not a statement of booked entries', async () => {
    const xml = `<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.052.001.08"><BkToCstmrAcctRpt/></Document>`;

    expect((await readCamt(bytes(xml))).issues).toMatchObject([{ code: 'camt_not_camt' }]);
  });

  it('refuses a camt.054 namespace around a camt.053 message', async () => {
    const xml = V02.replace('camt.053.001.02', 'camt.054.001.02');

    expect((await readCamt(bytes(xml))).issues).toMatchObject([
      { code: 'camt_not_camt', params: { element: 'BkToCstmrStmt' } },
    ]);
  });

  it('refuses bytes that are not UTF-8 (a Latin-1 export)', async () => {
    const latin1 = Uint8Array.from(V02, (character) => character.charCodeAt(0) & 0xff);

    const result = await readCamt(latin1);

    expect(result.statements).toEqual([]);
    expect(result.issues).toMatchObject([{ field: 'file', code: 'camt_not_utf8' }]);
  });

  it('says a document without statements has none to read', async () => {
    const result = await readCamt(bytes(camt053('02', '')));

    expect(result.statements).toEqual([]);
    expect(result.issues).toMatchObject([
      { code: 'camt_no_statement', params: { element: 'Stmt' } },
    ]);
  });
});

describe('readCamt reports every bad entry and leaves out its statement', () => {
  it('names the entry missing its amount, by path and line', async () => {
    const xml = V02.replace('<Amt Ccy="EUR">1200.00</Amt>', '');

    const { statements, issues } = await readCamt(bytes(xml));

    const path = '/Document/BkToCstmrStmt/Stmt[1]/Ntry[1]';
    expect(issues).toEqual([
      {
        field: `${path}/Amt`,
        code: 'camt_missing_element',
        line: lineOf(xml, '<Ntry>'),
        params: { path, element: 'Amt' },
        message: `${path}: the mandatory element Amt is missing.`,
      },
    ]);
    expect(statements).toEqual([]);
    expect(messageOf('fr', 'camt_missing_element', { path, element: 'Amt' })).toBe(
      `${path} : l'élément obligatoire Amt est absent.`,
    );
  });

  it('reports every problem in one pass and keeps the file’s good statements', async () => {
    const bad = V02_STATEMENT.replace('<Amt Ccy="EUR">1200.00</Amt>', '').replace(
      '<Dt>2025-03-03</Dt></BookgDt>\n        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>ICDT',
      '<Dt>2025-13-03</Dt></BookgDt>\n        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>ICDT',
    );
    const good = V02_STATEMENT.replace('STMT-2025-03-03', 'STMT-2025-03-04');

    const { statements, issues } = await readCamt(bytes(camt053('02', `${bad}\n${good}`)));

    expect(issues).toMatchObject([
      { code: 'camt_missing_element', params: { path: '/Document/BkToCstmrStmt/Stmt[1]/Ntry[1]' } },
      { code: 'camt_invalid_date', field: '/Document/BkToCstmrStmt/Stmt[1]/Ntry[2]/BookgDt/Dt' },
    ]);
    expect(statements.map((statement) => [statement.position, statement.statementId])).toEqual([
      ['/Document/BkToCstmrStmt/Stmt[2]', 'STMT-2025-03-04'],
    ]);
  });

  it('names a batch detail missing its amount', async () => {
    const xml = V08.replace('<Amt Ccy="EUR">200.00</Amt>', '');

    const { issues } = await readCamt(bytes(xml));

    expect(issues).toMatchObject([
      {
        code: 'camt_missing_element',
        params: {
          path: '/Document/BkToCstmrStmt/Stmt[1]/Ntry[1]/NtryDtls[1]/TxDtls[2]',
          element: 'Amt',
        },
      },
    ]);
  });

  it.each([
    ['<BookgDt><Dt>2025-03-03</Dt></BookgDt>', '', 'camt_missing_element', { element: 'BookgDt' }],
    [
      '</Amt>\n        <CdtDbtInd>CRDT</CdtDbtInd>',
      '</Amt>',
      'camt_missing_element',
      { element: 'CdtDbtInd' },
    ],
    [
      '<CdtDbtInd>CRDT</CdtDbtInd>\n        <Sts>',
      '<CdtDbtInd>C</CdtDbtInd><Sts>',
      'camt_invalid_code',
      { value: 'C' },
    ],
    ['<Dt>2025-03-03</Dt></BookgDt>', '<Dt>2025-02-30</Dt></BookgDt>', 'camt_invalid_date', {}],
    ['<Dt>2025-03-04</Dt></ValDt>', '<Dt>04/03/2025</Dt></ValDt>', 'camt_invalid_date', {}],
    ['1200.00</Amt>', '1 200,00</Amt>', 'camt_invalid_amount', { value: '1 200,00' }],
    ['1200.00</Amt>', '-1200.00</Amt>', 'camt_invalid_amount', { value: '-1200.00' }],
    ['1200.00</Amt>', '1200.005</Amt>', 'camt_amount_precision', { digits: 2 }],
    ['1200.00</Amt>', '12345678901234.00</Amt>', 'camt_amount_too_large', {}],
    ['Ccy="EUR">1200.00', 'Ccy="euro">1200.00', 'camt_invalid_currency', { value: 'euro' }],
    ['<Amt Ccy="EUR">1200.00', '<Amt>1200.00', 'camt_missing_element', { element: 'Ccy' }],
  ])('reports %s written %s as %s', async (from, to, code, params) => {
    const xml = V02.replace(from, to);

    const { statements, issues } = await readCamt(bytes(xml));

    expect(issues).toMatchObject([{ code, params }]);
    expect(statements).toEqual([]);
  });

  it('reads three decimals of a currency that has them, and refuses them in yen', async () => {
    const dinars = NOTIFICATION.replace('<Amt Ccy="JPY">15000</Amt>', '<Amt Ccy="TND">1.250</Amt>');
    const yen = NOTIFICATION.replace('15000', '15000.5');

    expect((await readOne(dinars)).lines.map((line) => line.amountCents)).toEqual([1250]);
    expect((await readCamt(bytes(yen))).issues).toMatchObject([
      { code: 'camt_amount_precision', params: { digits: 0, currency: 'JPY' } },
    ]);
  });

  it('refuses the lines of an entry whose details do not add up to it', async () => {
    const xml = V08.replace('<Amt Ccy="EUR">200.00</Amt>', '<Amt Ccy="EUR">199.00</Amt>');

    const { statements, issues } = await readCamt(bytes(xml));

    const params = { total: 59_900, amount: 60_000, currency: 'EUR' };
    expect(issues).toMatchObject([{ code: 'camt_details_do_not_add_up', params }]);
    expect(statements).toEqual([]);
    expect(messageOf('fr', 'camt_details_do_not_add_up', { path: 'Ntry[1]', ...params })).toBe(
      "Ntry[1] : ses détails de transaction totalisent 599,00\u00a0€, et non les 600,00\u00a0€ que passe l'écriture.",
    );
  });

  it('refuses a detail in another currency than its entry', async () => {
    const xml = V08.replace(
      '<Amt Ccy="EUR">100.00</Amt><CdtDbtInd>CRDT',
      '<Amt Ccy="USD">100.00</Amt><CdtDbtInd>CRDT',
    );

    expect((await readCamt(bytes(xml))).issues).toMatchObject([
      { code: 'camt_detail_currency', params: { currency: 'USD', entryCurrency: 'EUR' } },
    ]);
  });

  it('reports a booked balance without its indicator', async () => {
    const xml = V02.replace('1000.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>', '1000.00</Amt>');

    const { statements, issues } = await readCamt(bytes(xml));

    expect(issues).toMatchObject([
      {
        code: 'camt_missing_element',
        params: { path: '/Document/BkToCstmrStmt/Stmt[1]/Bal[1]', element: 'CdtDbtInd' },
      },
    ]);
    expect(statements).toEqual([]);
  });

  it('leaves out a statement that names no account', async () => {
    const xml = V02.replace('<Id><IBAN>FR7630006000011234567890189</IBAN></Id>', '');

    const { statements, issues } = await readCamt(bytes(xml));

    expect(statements).toEqual([]);
    expect(issues).toMatchObject([
      { code: 'camt_missing_element', params: { element: 'Acct/Id/IBAN' } },
    ]);
  });
});
