/**
 * Characters no stored text may hold. PostgreSQL's `text` and `jsonb` refuse U+0000
 * ("invalid byte sequence for encoding UTF8: 0x00", "unsupported Unicode escape
 * sequence"), and a lone UTF-16 surrogate (`"\ud800"` in JSON) has no UTF-8 form at
 * all: either one, let through, fails the insert as a 500, or on PostgreSQL through
 * `pg` is silently written as U+FFFD. Both edges (HTTP bodies, queries and
 * parameters; import files) refuse them with the field, through this one check.
 */

/** The first character of a text that cannot be stored, and where it is. */
export type UnstorableCharacter = {
  /** Index in UTF-16 code units. */
  index: number;
  /** `U+0000` or the surrogate's code point. */
  codePoint: string;
};

// A NUL, a high surrogate not followed by a low one, or a low one not preceded by a high one.
const UNSTORABLE = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The first NUL or lone surrogate in `text`, or `undefined` when it can be stored. */
export function findUnstorableCharacter(text: string): UnstorableCharacter | undefined {
  const match = UNSTORABLE.exec(text);
  if (match === null) {
    return undefined;
  }
  const unit = match[0].charCodeAt(0);
  const codePoint = `U+${unit.toString(16).toUpperCase().padStart(4, '0')}`;
  return { index: match.index, codePoint };
}
