import { describe, expect, it } from 'vitest';
import { createCopyStream, type BulkSession } from './bulk-copy.ts';

/** A session that records the pieces it is sent: table and row count, in order. */
function recordingSession(): { session: BulkSession; sent: string[] } {
  const sent: string[] = [];
  return {
    sent,
    session: {
      copyText: async (table, _columns, text) => {
        sent.push(`${table} ${text.split('\n').filter((line) => line !== '').length}`);
      },
      query: async () => [],
    },
  };
}

describe('createCopyStream', () => {
  it('sends what is pending of the tables given first before a full piece of a later one', async () => {
    const { session, sent } = recordingSession();
    const stream = createCopyStream(session, { pieceChars: 20, frozen: [] });
    // The invoices' piece is not full when the allocations' fills: it goes first all the same.
    await stream.add('invoice', ['id'], [['F1'], ['F2']]);
    await stream.add(
      'allocation',
      ['id', 'invoice_id'],
      [
        ['A1', 'F1'],
        ['A2', 'F2'],
        ['A3', 'F2'],
        ['A4', 'F1'],
      ],
    );
    await stream.add('invoice', ['id'], [['F3']]);
    await stream.add('allocation', ['id', 'invoice_id'], [['A5', 'F3']]);
    await stream.finish();
    expect(sent).toEqual(['invoice 2', 'allocation 4', 'invoice 1', 'allocation 1']);
  });

  it('leaves a full piece of the first table alone of the others', async () => {
    const { session, sent } = recordingSession();
    const stream = createCopyStream(session, { pieceChars: 10, frozen: [] });
    await stream.add('invoice', ['id'], [['F1']]);
    await stream.add('allocation', ['id'], [['A1']]);
    await stream.add('invoice', ['id'], [['F2'], ['F3'], ['F4']]);
    await stream.finish();
    expect(sent).toEqual(['invoice 4', 'allocation 1']);
  });
});
