/**
 * Counts the SQL statements sent through a database: the tests at size bound them, so
 * that no statement is sent per row of a file.
 */
import type { Kysely, KyselyPlugin } from 'kysely';

export function countStatements<Database>(db: Kysely<Database>): {
  db: Kysely<Database>;
  /** The kind of each statement sent so far (`InsertQueryNode`, `RawNode`…), in order. */
  sent: string[];
} {
  const sent: string[] = [];
  const counter: KyselyPlugin = {
    transformQuery: ({ node }) => {
      sent.push(node.kind);
      return node;
    },
    transformResult: async ({ result }) => result,
  };
  return { db: db.withPlugin(counter), sent };
}
