/**
 * `POST /api/imports/fec` and `POST /api/imports/bank`: the file as the raw body, its name
 * in X-File-Name, the options in the query; 200 with the report, 400 when the file is
 * refused (`invalid`, as every refused input is, ADR 16; the report under `report`), 413
 * past the size limit.
 */
import { describe, expect, it } from 'vitest';
import { createBankAccount } from '../../../src/bank/service.ts';
import { ZBankImportReport } from '../../../src/bank/schemas.ts';
import { ZFecImportReport } from '../../../src/imports/schemas.ts';
import { ZInvoicePage } from '../../../src/ledger/schemas.ts';
import { buildApp } from '../../../src/server/app.ts';
import { ibanFromRib } from '../../../src/shared/identifiers.ts';
import { camtStatement0302, cfonbDay, cfonbFile, newStatement0302 } from '../../bank-files.ts';
import { makeCompany, makeUser } from '../../factories.ts';
import {
  fec,
  JANUARY,
  JANUARY_FIRST_IMPORT,
  JANUARY_UNBALANCED,
} from '../../fixtures/fec-books.ts';
import { expectProblem, signIn, writeHeaders, type Session, useHttpApp } from './http-helpers.ts';

const http = useHttpApp();

const IBAN = 'FR7630006000011234567890189';
const UNKNOWN = { bank: '10278', branch: '02204', account: '0004567890K' };
const UNKNOWN_IBAN = ibanFromRib(UNKNOWN.bank, UNKNOWN.branch, UNKNOWN.account);

/** A company of its own, with a user of `role` signed in. */
async function signedInCompany(role: 'admin' | 'collector' = 'admin') {
  const { ctx } = await makeCompany(http.deps);
  const user = await makeUser(http.deps, ctx, role);
  return { ctx, session: await signIn(http.app, user.email, user.password) };
}

type Upload = {
  session: Session;
  path: 'fec' | 'bank';
  file: Uint8Array | string;
  name?: string;
  query?: string;
  language?: 'fr' | 'en';
};

function upload({ session, path, file, name, query = '', language = 'fr' }: Upload) {
  return http.app.inject({
    method: 'POST',
    url: `/api/imports/${path}${query}`,
    headers: {
      ...writeHeaders(session),
      'content-type': 'application/octet-stream',
      'accept-language': language,
      ...(name === undefined ? {} : { 'x-file-name': encodeURIComponent(name) }),
    },
    payload: Buffer.from(file),
  });
}

async function invoiceNumbers(session: Session): Promise<string[]> {
  const response = await http.app.inject({
    url: '/api/invoices?status=all&sort=number',
    headers: { cookie: session.cookie },
  });
  expect(response.statusCode).toBe(200);
  return ZInvoicePage.parse(response.json()).items.map((invoice) => invoice.number);
}

describe('POST /api/imports/fec', () => {
  it('imports a FEC sent as the body, and the same file again changes nothing', async () => {
    const { session } = await signedInCompany();
    const books = fec(JANUARY);

    const first = await upload({ session, path: 'fec', file: books, name: 'FEC janvier é.txt' });

    expect(first.statusCode).toBe(200);
    const report = ZFecImportReport.parse(first.json());
    expect(report).toMatchObject({
      kind: 'fec',
      file: 'FEC janvier é.txt',
      format: { separator: '|', amounts: 'debit_credit' },
      committed: true,
      dryRun: false,
      ...JANUARY_FIRST_IMPORT,
      errors: [],
    });
    // Worded in the language asked for, from the code and its parameters.
    expect(report.notices).toEqual([
      expect.objectContaining({
        line: 9,
        code: 'fec_partial_lettering',
        message:
          "Le lettrage « C » du client C002 n'est pas soldé (débits 1\u00a0000,00\u00a0€, crédits 500,00\u00a0€) : 500,00\u00a0€ est affecté, le reste demeure ouvert.",
      }),
    ]);
    expect(await invoiceNumbers(session)).toEqual([
      'AV2025-001',
      'F2024-090',
      'F2025-001',
      'F2025-002',
      'F2025-003',
    ]);

    const again = await upload({ session, path: 'fec', file: books });

    expect(again.statusCode).toBe(200);
    expect(ZFecImportReport.parse(again.json())).toMatchObject({
      file: 'upload',
      committed: true,
      customers: { created: 0, updated: 0, unchanged: 2 },
      invoices: { created: 0, updated: 0, unchanged: 4 },
      creditNotes: { created: 0, updated: 0, unchanged: 1 },
      payments: { created: 0, updated: 0, unchanged: 3 },
      allocations: { created: 0, updated: 0, unchanged: 5 },
    });
  });

  it('refuses a file with an unbalanced entry (400 invalid, its lines, the report), and saves the rest with partial=true', async () => {
    const { session } = await signedInCompany();
    const books = fec(JANUARY_UNBALANCED);

    const refused = await upload({
      session,
      path: 'fec',
      file: books,
      name: 'FEC-faux.txt',
      language: 'en',
    });

    const problem = expectProblem(refused, 400);
    expect(problem).toMatchObject({
      type: 'https://encaisse.dev/problems/invalid',
      title: 'Invalid input',
      status: 400,
      code: 'invalid',
      reason: 'import_refused',
      params: { file: 'FEC-faux.txt' },
    });
    expect(problem.detail).toMatch(/^"FEC-faux\.txt" is refused, nothing is saved: Entry 1 /);
    expect(problem.issues?.map((issue) => [issue.line, issue.code])).toEqual([
      [4, 'fec_unbalanced_entry'],
      [5, 'fec_entry_refused'],
      [6, 'fec_entry_refused'],
    ]);
    expect(problem.issues?.[0]?.message).toBe(
      'Entry 1 of journal VT does not balance: its debits total €600.00 and its credits €590.00.',
    );
    const report = ZFecImportReport.parse(problem['report']);
    expect(report).toMatchObject({
      file: 'FEC-faux.txt',
      committed: false,
      rejected: 3,
      invoices: { created: 3 },
    });
    expect(report.errors).toEqual(problem.issues);
    expect(await invoiceNumbers(session)).toEqual([]);

    const partial = await upload({ session, path: 'fec', file: books, query: '?partial=true' });

    expect(partial.statusCode).toBe(200);
    expect(ZFecImportReport.parse(partial.json())).toMatchObject({
      committed: true,
      partial: true,
      rejected: 3,
      invoices: { created: 3 },
    });
    expect(await invoiceNumbers(session)).toEqual([
      'AV2025-001',
      'F2024-090',
      'F2025-002',
      'F2025-003',
    ]);
  });

  it('reads its options from the query: a dry run saves nothing, the lists and the terms are read', async () => {
    const { session } = await signedInCompany();

    const dryRun = await upload({
      session,
      path: 'fec',
      file: fec(JANUARY),
      query: '?dryRun=true&receivableAccounts=411,%20416&salesJournals=VT&defaultTermsDays=45',
    });

    expect(dryRun.statusCode).toBe(200);
    expect(ZFecImportReport.parse(dryRun.json())).toMatchObject({
      dryRun: true,
      committed: false,
      invoices: { created: 4 },
    });
    expect(await invoiceNumbers(session)).toEqual([]);

    const onlyOther = await upload({
      session,
      path: 'fec',
      file: fec(JANUARY),
      query: '?receivableAccounts=416',
    });
    expect(ZFecImportReport.parse(onlyOther.json())).toMatchObject({
      committed: true,
      invoices: { created: 0 },
      customers: { created: 0 },
    });
  });

  it('refuses options it does not read (400) and a body that is not a file', async () => {
    const { session } = await signedInCompany();

    const badFlag = expectProblem(
      await upload({ session, path: 'fec', file: fec(JANUARY), query: '?dryRun=1' }),
      400,
    );
    expect(badFlag.issues).toEqual([expect.objectContaining({ field: 'dryRun' })]);
    const unknown = expectProblem(
      await upload({ session, path: 'fec', file: fec(JANUARY), query: '?addAccount=true' }),
      400,
    );
    expect(unknown.issues).toEqual([
      expect.objectContaining({ field: 'addAccount', code: 'unknown_parameter' }),
    ]);
    const json = await http.app.inject({
      method: 'POST',
      url: '/api/imports/fec',
      headers: { ...writeHeaders(session), 'content-type': 'application/json' },
      payload: { lines: [] },
    });
    expect(expectProblem(json, 400).issues).toEqual([
      expect.objectContaining({
        field: 'body',
        message: "body : Le corps de la requête est d'un type que cette opération ne lit pas",
      }),
    ]);
    expect(await invoiceNumbers(session)).toEqual([]);
  });

  it('refuses a role that may not import (403), before reading the file', async () => {
    const { session } = await signedInCompany('collector');

    const refused = await upload({ session, path: 'fec', file: fec(JANUARY) });

    expect(expectProblem(refused, 403)).toMatchObject({
      code: 'forbidden',
      reason: 'role_forbidden',
      params: { role: 'collector', permission: 'imports:run' },
    });
    const anonymous = await http.app.inject({
      method: 'POST',
      url: '/api/imports/fec',
      headers: { 'content-type': 'application/octet-stream' },
      payload: Buffer.from(fec(JANUARY)),
    });
    expectProblem(anonymous, 401);
  });

  it('answers 413 for a file over the limit, naming it and the limit', async () => {
    const { session } = await signedInCompany();
    const limit = 3 * 1024 * 1024;
    const small = await buildApp({
      webDir: '/nonexistent',
      deps: http.deps,
      maxImportFileBytes: limit,
    });
    const send = (app: typeof small, path: string, bytes: number, name?: string) =>
      app.inject({
        method: 'POST',
        url: `/api/imports/${path}`,
        headers: {
          ...writeHeaders(session),
          'content-type': 'application/octet-stream',
          ...(name === undefined ? {} : { 'x-file-name': name }),
        },
        payload: Buffer.alloc(bytes, 0x20),
      });
    try {
      const tooLarge = await send(small, 'fec', limit + 1, 'FEC-2025.txt');

      expect(expectProblem(tooLarge, 413)).toMatchObject({
        status: 413,
        code: 'file_too_large',
        reason: 'file_too_large',
        params: { file: 'FEC-2025.txt', size: 4, max: 3 },
        detail:
          "« FEC-2025.txt » pèse 4\u00a0Mio : un import lit des fichiers d'au plus 3\u00a0Mio. Découpez-le.",
      });
      const bank = await send(small, 'bank', limit + 1);
      expect(expectProblem(bank, 413).params).toEqual({ file: 'upload', size: 4, max: 3 });
      // At the limit the file is read, past Fastify's 1 MiB default (and refused for what it holds).
      expect((await send(small, 'fec', limit)).statusCode).toBe(400);
      expect((await send(http.app, 'bank', 2 * 1024 * 1024)).statusCode).toBe(400);
    } finally {
      await small.close();
    }
  });
});

const STATEMENT = camtStatement0302(IBAN);

describe('POST /api/imports/bank', () => {
  it('imports a camt.053 statement of a known account, and the same file again adds nothing', async () => {
    const { ctx, session } = await signedInCompany();
    const account = await createBankAccount(http.deps, ctx, {
      iban: IBAN,
      name: 'Compte courant',
      currency: 'EUR',
    });

    const first = await upload({ session, path: 'bank', file: STATEMENT, name: 'relevé.xml' });

    expect(first.statusCode).toBe(200);
    const report = ZBankImportReport.parse(first.json());
    // What the matcher did passes through as the service gives it.
    expect(report['matching']).toEqual(expect.any(Object));
    expect(report).toMatchObject({
      file: 'relevé.xml',
      format: 'camt053',
      committed: true,
      statements: [
        {
          ...newStatement0302(IBAN, account.id),
          lines: 2,
          linesNew: 2,
          linesKnown: 0,
        },
      ],
      totals: { statements: 1, statementsNew: 1, lines: 2, linesNew: 2, unbalanced: 0 },
      accountsAdded: [],
      errors: [],
    });

    const again = await upload({ session, path: 'bank', file: STATEMENT });

    expect(ZBankImportReport.parse(again.json())).toMatchObject({
      committed: true,
      statements: [{ isNew: false, linesNew: 0, linesKnown: 2 }],
      totals: { statementsNew: 0, linesNew: 0, linesKnown: 2 },
    });
  });

  it('refuses a statement of an account the company lacks (400, saying how to add it), then registers it with addAccount=true', async () => {
    const { session } = await signedInCompany();
    const file = cfonbFile(cfonbDay(UNKNOWN, { amountCents: 98_000, text: 'VIR DUPONT' }));

    const refused = await upload({ session, path: 'bank', file, name: 'autre-compte.txt' });

    const problem = expectProblem(refused, 400);
    expect(problem).toMatchObject({ code: 'invalid', reason: 'import_refused' });
    expect(problem.issues).toEqual([
      {
        field: 'record',
        line: 1,
        code: 'bank_account_unknown',
        params: expect.objectContaining({ iban: UNKNOWN_IBAN }),
        message: `Ce relevé concerne le compte 10278 02204 0004567890K, que la société n'a pas. Ajoutez-le avec : encaisse bank-accounts add --iban ${UNKNOWN_IBAN} --name NOM, ou importez à nouveau le fichier avec --add-account.`,
      },
    ]);
    expect(problem.detail).toMatch(
      /^« autre-compte\.txt » est refusé, rien n'est enregistré : Ce relevé concerne .* ; Pour enregistrer les comptes que nomme le fichier, envoyez-le à nouveau avec addAccount=true$/,
    );
    expect(ZBankImportReport.parse(problem['report'])).toMatchObject({
      committed: false,
      statements: [],
      accountsAdded: [],
      matching: null,
    });

    const added = await upload({ session, path: 'bank', file, query: '?addAccount=true' });

    expect(added.statusCode).toBe(200);
    const report = ZBankImportReport.parse(added.json());
    expect(report).toMatchObject({
      format: 'cfonb120',
      committed: true,
      accountsAdded: [
        {
          iban: UNKNOWN_IBAN,
          rib: { bankCode: '10278', branchCode: '02204', accountNumber: '0004567890K' },
          currency: 'EUR',
        },
      ],
      statements: [{ account: '10278 02204 0004567890K', balanced: true, linesNew: 1 }],
    });
    expect(report.accountsAdded[0]?.createdAt).toMatch(/^\d{4}-\d\d-\d\dT.*Z$/);
  });

  it('refuses a file that is no statement, and a dry run stores nothing', async () => {
    const { ctx, session } = await signedInCompany();
    await createBankAccount(http.deps, ctx, { iban: IBAN, name: 'Compte', currency: 'EUR' });

    const notStatement = await upload({
      session,
      path: 'bank',
      file: 'Bonjour',
      name: 'notes.txt',
      language: 'en',
    });

    const problem = expectProblem(notStatement, 400);
    expect(problem).toMatchObject({
      type: 'https://encaisse.dev/problems/invalid',
      code: 'invalid',
      reason: 'import_refused',
      params: { file: 'notes.txt' },
    });
    expect(problem.issues).toEqual([expect.objectContaining({ code: 'bank_unknown_format' })]);
    expect(ZBankImportReport.parse(problem['report'])).toMatchObject({
      file: 'notes.txt',
      committed: false,
    });

    const dryRun = await upload({ session, path: 'bank', file: STATEMENT, query: '?dryRun=true' });
    expect(ZBankImportReport.parse(dryRun.json())).toMatchObject({
      dryRun: true,
      committed: false,
      totals: { linesNew: 2 },
    });
    const real = await upload({ session, path: 'bank', file: STATEMENT });
    expect(ZBankImportReport.parse(real.json())).toMatchObject({ totals: { linesNew: 2 } });
  });
});
