/**
 * Bank statement files written for the tests, as banks write them: CFONB 120 records and
 * camt.053 / camt.054 XML, from amounts in cents and ISO dates, so that a test states the
 * figures it asserts. docs/bank-statements.md says where each field goes.
 */

export type Rib = { bank: string; branch: string; account: string };

/** A movement of a test statement; `reference` is the bank's (CFONB entry number, camt AcctSvcrRef). */
export type TestMovement = {
  date: string;
  amountCents: number;
  text: string;
  /** camt: `RltdPties`; CFONB: a 05 `NPY` record. */
  counterparty?: string;
  /** camt only: the payer's (or payee's) account. */
  counterpartyIban?: string;
  reference?: string;
  /** camt only: an ISO 11649 creditor reference (`RmtInf/Strd`). */
  structuredReference?: string;
  /**
   * The transaction's end-to-end id, which its reversal repeats: camt `Refs/EndToEndId`,
   * CFONB a 05 `RCN` record.
   */
  endToEndId?: string;
  /**
   * The bank takes a movement back: camt `RvslInd` with its `RtrInf` reason (`AC06`); CFONB
   * the reject reason code at 41-42 (its first two characters, `04`).
   */
  reversal?: { reason: string };
};

/** `2026-03-02` → `020326`, CFONB's JJMMAA. */
function cfonbDate(date: string): string {
  const [year = '', month = '', day = ''] = date.split('-');
  return `${day}${month}${year.slice(2)}`;
}

/**
 * 13 digits and an overpunched last one: `{`, `A`…`I` for +0…+9, `}`, `J`…`R` for −0…−9.
 * `-1234` → `0000000000123M`.
 */
function cfonbAmount(amountCents: number): string {
  const digits = String(Math.abs(amountCents)).padStart(14, '0');
  const last = Number(digits.slice(-1));
  const signs = amountCents < 0 ? '}JKLMNOPQR' : '{ABCDEFGHI';
  return `${digits.slice(0, 13)}${signs.charAt(last)}`;
}

/** A record of 120 characters, each value at its 1-based position, as the CFONB counts. */
function cfonbRecord(fields: Readonly<Record<number, string>>): string {
  let text = ' '.repeat(120);
  for (const [position, value] of Object.entries(fields)) {
    const start = Number(position) - 1;
    text = `${text.slice(0, start)}${value}${text.slice(start + value.length)}`;
  }
  return text;
}

/** One account's day: its 01 record, a 04 per movement, its 07 record. */
export function cfonbStatement(
  rib: Rib,
  statement: {
    openingDate: string;
    openingCents: number;
    closingDate: string;
    /** Defaults to what balances: the opening plus the movements. */
    closingCents?: number;
    movements: readonly TestMovement[];
  },
): string[] {
  const account = { 3: rib.bank, 12: rib.branch, 17: 'EUR2', 22: rib.account };
  const closing =
    statement.closingCents ??
    statement.movements.reduce(
      (sum, movement) => sum + movement.amountCents,
      statement.openingCents,
    );
  return [
    cfonbRecord({
      1: '01',
      ...account,
      35: cfonbDate(statement.openingDate),
      91: cfonbAmount(statement.openingCents),
    }),
    ...statement.movements.flatMap((movement) => {
      const complement = (qualifier: string, text: string) =>
        cfonbRecord({
          1: '05',
          ...account,
          33: '05',
          35: cfonbDate(movement.date),
          46: qualifier,
          49: text.slice(0, 70),
        });
      return [
        cfonbRecord({
          1: '04',
          ...account,
          8: '0158',
          33: '05',
          35: cfonbDate(movement.date),
          ...(movement.reversal === undefined ? {} : { 41: movement.reversal.reason.slice(0, 2) }),
          43: cfonbDate(movement.date),
          49: movement.text.slice(0, 31),
          82: movement.reference ?? '0000000',
          91: cfonbAmount(movement.amountCents),
        }),
        ...(movement.counterparty === undefined ? [] : [complement('NPY', movement.counterparty)]),
        ...(movement.endToEndId === undefined ? [] : [complement('RCN', movement.endToEndId)]),
      ];
    }),
    cfonbRecord({
      1: '07',
      ...account,
      35: cfonbDate(statement.closingDate),
      91: cfonbAmount(closing),
    }),
  ];
}

/** A day of one movement on an account, from a zero balance on 1 March 2026 to 2 March. */
export function cfonbDay(rib: Rib, movement: Pick<TestMovement, 'amountCents' | 'text'>): string[] {
  return cfonbStatement(rib, {
    openingDate: '2026-03-01',
    openingCents: 0,
    closingDate: '2026-03-02',
    movements: [{ date: '2026-03-02', ...movement }],
  });
}

/** A CFONB 120 file: the records, CRLF after each, as banks send them. */
export function cfonbFile(...statements: readonly string[][]): string {
  return `${statements.flat().join('\r\n')}\r\n`;
}

function camtAmount(amountCents: number): string {
  const digits = String(Math.abs(amountCents)).padStart(3, '0');
  return `${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

function camtIndicator(amountCents: number): string {
  return amountCents < 0 ? 'DBIT' : 'CRDT';
}

function camtBalance(type: 'OPBD' | 'CLBD', date: string, amountCents: number): string {
  return `<Bal><Tp><CdOrPrtry><Cd>${type}</Cd></CdOrPrtry></Tp>
        <Amt Ccy="EUR">${camtAmount(amountCents)}</Amt><CdtDbtInd>${camtIndicator(amountCents)}</CdtDbtInd>
        <Dt><Dt>${date}</Dt></Dt></Bal>`;
}

function camtEntry(movement: TestMovement): string {
  const reference =
    movement.reference === undefined ? '' : `<AcctSvcrRef>${movement.reference}</AcctSvcrRef>`;
  const party = movement.amountCents < 0 ? 'Cdtr' : 'Dbtr';
  const counterparty =
    movement.counterparty === undefined
      ? ''
      : `<RltdPties><${party}><Nm>${movement.counterparty}</Nm></${party}>${
          movement.counterpartyIban === undefined
            ? ''
            : `<${party}Acct><Id><IBAN>${movement.counterpartyIban}</IBAN></Id></${party}Acct>`
        }</RltdPties>`;
  const structured =
    movement.structuredReference === undefined
      ? ''
      : `<Strd><CdtrRefInf><Ref>${movement.structuredReference}</Ref></CdtrRefInf></Strd>`;
  return `<Ntry>
        <Amt Ccy="EUR">${camtAmount(movement.amountCents)}</Amt>
        <CdtDbtInd>${camtIndicator(movement.amountCents)}</CdtDbtInd>
        ${movement.reversal === undefined ? '' : '<RvslInd>true</RvslInd>'}
        <Sts>BOOK</Sts>
        <BookgDt><Dt>${movement.date}</Dt></BookgDt>
        <ValDt><Dt>${movement.date}</Dt></ValDt>
        ${reference}
        <NtryDtls><TxDtls>${
          movement.endToEndId === undefined
            ? ''
            : `<Refs><EndToEndId>${movement.endToEndId}</EndToEndId></Refs>`
        }${counterparty}<RmtInf><Ustrd>${movement.text}</Ustrd>${structured}</RmtInf>${
          movement.reversal === undefined
            ? ''
            : `<RtrInf><Rsn><Cd>${movement.reversal.reason}</Cd></Rsn></RtrInf>`
        }</TxDtls></NtryDtls>
      </Ntry>`;
}

/**
 * A camt.053 statement (or a camt.054 notification, without balances) of one account;
 * the closing balance defaults to what balances.
 */
export function camtFile(statement: {
  kind?: '053' | '054';
  iban: string;
  id: string;
  openingDate: string;
  openingCents: number;
  closingDate: string;
  closingCents?: number;
  movements: readonly TestMovement[];
}): string {
  const kind = statement.kind ?? '053';
  const [message, element] =
    kind === '053' ? ['BkToCstmrStmt', 'Stmt'] : ['BkToCstmrDbtCdtNtfctn', 'Ntfctn'];
  const closing =
    statement.closingCents ??
    statement.movements.reduce(
      (sum, movement) => sum + movement.amountCents,
      statement.openingCents,
    );
  const balances =
    kind === '053'
      ? camtBalance('OPBD', statement.openingDate, statement.openingCents) +
        camtBalance('CLBD', statement.closingDate, closing)
      : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.${kind}.001.08">
  <${message}>
    <GrpHdr><MsgId>MSG-${statement.id}</MsgId><CreDtTm>${statement.closingDate}T20:00:00</CreDtTm></GrpHdr>
    <${element}>
      <Id>${statement.id}</Id>
      <CreDtTm>${statement.closingDate}T20:00:00</CreDtTm>
      <Acct><Id><IBAN>${statement.iban}</IBAN></Id><Ccy>EUR</Ccy></Acct>
      ${balances}
      ${statement.movements.map(camtEntry).join('\n      ')}
    </${element}>
  </${message}>
</Document>
`;
}

/**
 * Statement STMT-0302 of `iban` as camt.053: 10 000,00 € on 1 March, then on the 2nd an
 * invoice paid (1 200,00 €) and bank fees (45,90 €); the closing balance is what balances
 * unless `closingCents` says otherwise.
 */
export function camtStatement0302(iban: string, closingCents?: number): string {
  return camtFile({
    iban,
    id: 'STMT-0302',
    openingDate: '2026-03-01',
    openingCents: 1_000_000,
    closingDate: '2026-03-02',
    ...(closingCents === undefined ? {} : { closingCents }),
    movements: [
      { date: '2026-03-02', amountCents: 120_000, text: 'FA-2026-0042', reference: 'REF-1' },
      { date: '2026-03-02', amountCents: -4_590, text: 'Frais', reference: 'REF-2' },
    ],
  });
}

/**
 * What an import reports of a first, balanced STMT-0302 of `iban` (10 000,00 € opening,
 * 1 154,10 € of movements), stored in the account `bankAccountId`.
 */
export function newStatement0302(iban: string, bankAccountId: string) {
  return {
    account: iban,
    bankAccountId,
    statementId: 'STMT-0302',
    opening: { date: '2026-03-01', amountCents: 1_000_000 },
    closing: { date: '2026-03-02', amountCents: 1_115_410 },
    movementsCents: 115_410,
    balanced: true,
    differenceCents: 0,
    isNew: true,
  };
}
