import { describe, expect, it } from 'vitest';
import type { TPortalItem } from '../../../../src/portal/schemas.ts';
import { fileNameOf, tokenFromHash } from './access-token.ts';
import { attachmentType, PORTAL_ATTACHMENT_TYPES, refusedAttachments } from './attachment-check.ts';
import {
  amountInputText,
  groupIban,
  hasOpenDispute,
  isActionable,
  numbersOf,
  selectionOf,
} from './portal-model.ts';

function item(overrides: Partial<TPortalItem>): TPortalItem {
  return {
    invoiceId: 'inv-1',
    kind: 'invoice',
    number: 'FA-1',
    issueDate: '2026-02-01',
    dueDate: '2026-03-03',
    amountCents: 120_000,
    openCents: 120_000,
    currency: 'EUR',
    daysLate: 12,
    hasDocument: false,
    approvedAt: null,
    dispute: null,
    promise: null,
    ...overrides,
  };
}

describe('what the portal offers on an item', () => {
  it('acts on open invoices only, never on a credit note or a paid invoice', () => {
    expect(isActionable(item({}))).toBe(true);
    expect(isActionable(item({ kind: 'credit_note' }))).toBe(false);
    expect(isActionable(item({ openCents: 0 }))).toBe(false);
  });

  it('offers a new problem only when the last dispute is resolved', () => {
    const dispute = { id: 'd', reference: 'LIT-000001', disputedCents: null };
    expect(hasOpenDispute(item({ dispute: { ...dispute, status: 'waiting_department' } }))).toBe(
      true,
    );
    expect(hasOpenDispute(item({ dispute: { ...dispute, status: 'resolved' } }))).toBe(false);
    expect(hasOpenDispute(item({}))).toBe(false);
  });

  it('adds up the chosen open invoices in the list order, leaving credit notes out', () => {
    const items = [
      item({ invoiceId: 'a', number: 'FA-1', openCents: 120_000 }),
      item({ invoiceId: 'b', number: 'AV-1', kind: 'credit_note', openCents: 5_000 }),
      item({ invoiceId: 'c', number: 'FA-3', openCents: 45_050 }),
    ];
    const selection = selectionOf(items, new Set(['c', 'b', 'a']));
    expect(selection.items.map((chosen) => chosen.number)).toEqual(['FA-1', 'FA-3']);
    expect(selection.openCents).toBe(165_050);
    expect(selection.currency).toBe('EUR');
    expect(numbersOf(selection.items)).toBe('FA-1, FA-3');
  });

  it('writes an amount back as it is typed, with the language’s decimal mark', () => {
    expect(amountInputText(80_000, 'fr')).toBe('800,00');
    expect(amountInputText(165_050, 'en')).toBe('1650.50');
  });

  it('groups an IBAN by four, whatever spaces and case it came with', () => {
    expect(groupIban('FR7630006000011234567890189')).toBe('FR76 3000 6000 0112 3456 7890 189');
    expect(groupIban('fr76 3000 6000 0112 3456 7890 18')).toBe('FR76 3000 6000 0112 3456 7890 18');
  });
});

describe('the link pages’ token and files', () => {
  it('reads the token from the fragment, and nothing that cannot be one', () => {
    const token = 'q3Yx_7-abcdefghijklmnopqrstuvwxyzABCDEFGHIJ';
    expect(tokenFromHash(`#${token}`)).toBe(token);
    expect(tokenFromHash('')).toBeUndefined();
    expect(tokenFromHash('#<script>')).toBeUndefined();
  });

  it('names a download after its Content-Disposition, UTF-8 form first', () => {
    expect(
      fileNameOf('attachment; filename="a.pdf"; filename*=UTF-8\'\'relev%C3%A9.pdf', 'x'),
    ).toBe('relevé.pdf');
    expect(fileNameOf('attachment; filename="FA-1.pdf"', 'x')).toBe('FA-1.pdf');
    expect(fileNameOf(null, 'fallback.pdf')).toBe('fallback.pdf');
  });

  it('refuses a file of another type or above 10 MiB before it is sent', () => {
    const pdf = new File(['%PDF-1.4'], 'bon.pdf', { type: 'application/pdf' });
    const gif = new File(['GIF89a'], 'photo.gif', { type: 'image/gif' });
    const big = new File([new Uint8Array(10 * 1024 * 1024 + 1)], 'scan.pdf', {
      type: 'application/pdf',
    });
    expect(refusedAttachments([pdf, gif, big], PORTAL_ATTACHMENT_TYPES)).toEqual([
      { file: gif, problem: 'type' },
      { file: big, problem: 'size', sizeMib: 10.1 },
    ]);
  });

  it('takes a type from the extension when the browser gives none', () => {
    expect(attachmentType({ name: 'mail.EML', type: '' })).toBe('message/rfc822');
    expect(attachmentType({ name: 'readme', type: '' })).toBe('');
  });
});
