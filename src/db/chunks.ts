/**
 * Runs a lookup `WHERE key IN (…)` over many keys a thousand at a time: a whole
 * import file's keys would otherwise become one statement with tens of thousands
 * of parameters (PostgreSQL stops at 65,535).
 */
export async function queryInChunks<Key, Row>(
  keys: readonly Key[],
  run: (chunk: Key[]) => Promise<Row[]>,
  size = 1000,
): Promise<Row[]> {
  const rows: Row[] = [];
  for (let start = 0; start < keys.length; start += size) {
    rows.push(...(await run(keys.slice(start, start + size))));
  }
  return rows;
}
