import { describe, expect, it } from 'vitest';
import {
  EVIDENCE_ACCEPT,
  canAttachDocument,
  isAlreadyKept,
  orderIdsOf,
  shortSha256,
  uploadContentType,
  type DocumentTarget,
} from './documents-model.ts';

const SHA = '3f2a9c10d4e5f60718293a4b5c6d7e8f9012345678901234567890ab8be41d07';

describe('the type an upload is sent with', () => {
  it.each([
    ['BL signé.pdf', 'application/pdf', 'application/pdf'],
    ['relance.eml', '', 'message/rfc822'],
    ['SCAN.JPEG', '', 'image/jpeg'],
    ['photo.jpg', '', 'image/jpeg'],
    ['note.txt', '', 'text/plain'],
    ['tampon.png', '', 'image/png'],
    ['archive.zip', '', 'application/octet-stream'],
    ['sans-extension', '', 'application/octet-stream'],
    // The browser's type wins, even a refused one: the server says why in words.
    ['image.gif', 'image/gif', 'image/gif'],
  ])('%s (browser: %j) goes as %s', (name, browserType, expected) => {
    expect(uploadContentType(name, browserType)).toBe(expected);
  });

  it('offers the extensions and the types the server keeps', () => {
    expect(EVIDENCE_ACCEPT).toBe(
      '.pdf,.png,.jpg,.jpeg,.txt,.eml,application/pdf,image/png,image/jpeg,text/plain,message/rfc822',
    );
  });
});

describe('a SHA-256 as shown', () => {
  it.each([
    [SHA, '3f2a9c10…8be41d07'],
    ['abc', 'abc'],
    ['0123456789abcdef0', '0123456789abcdef0'],
    ['0123456789abcdef01', '01234567…abcdef01'],
  ])('%s reads %s', (sha, shown) => {
    expect(shortSha256(sha)).toBe(shown);
  });
});

describe('an upload’s answer', () => {
  it.each([
    [['a', 'b'], 'b', true],
    [['a'], 'c', false],
    [[], 'a', false],
  ])('among %j, %s is kept already: %s', (ids, id, expected) => {
    expect(
      isAlreadyKept(
        ids.map((entry) => ({ id: entry })),
        { id },
      ),
    ).toBe(expected);
  });
});

describe('the orders documents came from', () => {
  it.each([
    [
      ['o1', null, 'o2', 'o1'],
      ['o1', 'o2'],
    ],
    [[null, null], []],
    [[], []],
  ])('%j come from %j', (orderIds, expected) => {
    expect(orderIdsOf(orderIds.map((orderId) => ({ orderId })))).toEqual(expected);
  });
});

describe('who may attach', () => {
  const order: DocumentTarget = { orderId: 'o' };
  const invoice: DocumentTarget = { invoiceId: 'i' };
  it.each([
    ['admin', order, true],
    ['admin', invoice, true],
    ['credit_manager', order, true],
    ['credit_manager', invoice, true],
    ['collector', order, false],
    ['collector', invoice, false],
    ['read_only', invoice, false],
    ['department_member', order, false],
    ['stranger', invoice, false],
  ])('%s on %j: %s', (role, target, expected) => {
    expect(canAttachDocument(role, target)).toBe(expected);
  });
});
