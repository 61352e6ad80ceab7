/**
 * Which of a customer's open items a payment pays when its amount is no single item's:
 * several invoices paid at once, less a credit note the payer deducted. The search is
 * exact (integer cents) and bounded, so that a customer with hundreds of open items costs
 * no more than a few thousand sums, and it says when the answer is not the only one: an
 * ambiguous combination must be left to a person, never allocated automatically.
 *
 * Pure (HOUSE_STYLE §3): items in, ids out.
 */

/** An open item that may be part of a payment: an invoice (positive) or a credit note deducted (negative). */
export type CombinableItem = { id: string; amountCents: number };

export type Combination = {
  /** The items' ids, in the order the items were given (oldest first). */
  ids: string[];
  /**
   * Another combination of at most the same size also sums to the target (ambiguous), or
   * the step bound cut the search before it could rule one out.
   */
  ambiguous: boolean;
};

/**
 * The combination of items summing exactly to `target`, preferring fewer items, then the
 * oldest (items come oldest first: index lists compared lexicographically, so `[0, 3]`
 * before `[1, 2]`); `undefined` when none is found within the bounds.
 *
 * - A combination has at least 2 items (one item of the exact amount is another rule of
 *   the matcher) and at least one positive item (credit notes alone pay nothing).
 * - Items of 0 cents are never part of one: they would only pad a smaller combination.
 * - Bounds: only the first `maxItems` (default 20) items; at most `maxSize` (default 4)
 *   items; at most `maxSteps` (default 20 000) nodes of the depth-first search visited.
 *   The defaults cover every combination of 20 items up to 4 (7 522 nodes over sizes
 *   2 to 4, fewer once pruned on the sums still reachable), so `maxSteps` only bites on
 *   larger bounds.
 * - `ambiguous`: another combination of the same (smallest) size also sums to the target.
 *   The search stops at the second one. When the steps run out after the first one is
 *   found but before the search could tell, the answer is also `ambiguous`: what could
 *   not be proved the only one must not be allocated automatically.
 *
 * Sizes are searched in increasing order, each in lexicographic order of index lists, so
 * the first combination found is the preferred one. Throws a RangeError when an amount or
 * the target is not a safe integer, when the considered amounts could sum past the safe
 * integers, when two considered items share an id, or when a bound is not a non-negative
 * integer.
 */
export function findCombination(
  items: readonly CombinableItem[],
  target: number,
  options?: { maxItems?: number; maxSize?: number; maxSteps?: number },
): Combination | undefined {
  const maxItems = bound('maxItems', options?.maxItems ?? 20);
  const maxSize = bound('maxSize', options?.maxSize ?? 4);
  const maxSteps = bound('maxSteps', options?.maxSteps ?? 20_000);
  if (!Number.isSafeInteger(target)) {
    throw new RangeError(`The target must be an integer amount in minor units: ${target}`);
  }
  const considered = items.slice(0, maxItems);
  checkItems(considered, target);
  const candidates = considered.filter((item) => item.amountCents !== 0);
  const amounts = candidates.map((item) => item.amountCents);
  const largestSize = Math.min(maxSize, amounts.length);
  const reach = reachableSums(amounts, largestSize);

  let steps = 0;
  let isCutShort = false;
  const chosen: number[] = [];
  const found: number[][] = [];

  /** Extends `chosen` by `left` more items from `start` on; true when the search must stop. */
  function visit(start: number, sum: number, left: number, hasPositive: boolean): boolean {
    for (let index = start; index <= amounts.length - left; index += 1) {
      if (steps === maxSteps) {
        isCutShort = true;
        return true;
      }
      steps += 1;
      const amount = amounts[index] ?? 0;
      const total = sum + amount;
      const isPositive = hasPositive || amount > 0;
      if (left === 1) {
        if (total === target && isPositive) {
          found.push([...chosen, index]);
          if (found.length === 2) {
            return true;
          }
        }
      } else if (reach.canReach(index + 1, left - 1, target - total)) {
        chosen.push(index);
        const mustStop = visit(index + 1, total, left - 1, isPositive);
        chosen.pop();
        if (mustStop) {
          return true;
        }
      }
    }
    return false;
  }

  for (let size = 2; size <= largestSize; size += 1) {
    if (reach.canReach(0, size, target)) {
      visit(0, 0, size, false);
    }
    const [first] = found;
    if (first !== undefined) {
      return {
        ids: first.map((index) => candidates[index]?.id ?? ''),
        ambiguous: found.length > 1 || isCutShort,
      };
    }
    if (isCutShort) {
      return undefined;
    }
  }
  return undefined;
}

function bound(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative integer: ${value}`);
  }
  return value;
}

function checkItems(items: readonly CombinableItem[], target: number): void {
  let magnitude = Math.abs(target);
  const ids = new Set<string>();
  for (const item of items) {
    if (!Number.isSafeInteger(item.amountCents)) {
      throw new RangeError(
        `Item ${item.id}: not an integer amount in minor units: ${item.amountCents}`,
      );
    }
    if (ids.has(item.id)) {
      throw new RangeError(`Item ${item.id} is given twice`);
    }
    ids.add(item.id);
    magnitude += Math.abs(item.amountCents);
  }
  // Every partial sum, and the target minus it, stays within this magnitude: exact if it is safe.
  if (!Number.isSafeInteger(magnitude)) {
    throw new RangeError('The amounts are too large to be summed exactly');
  }
}

/**
 * The smallest and largest sums of `count` amounts taken from `start` on (the `count`
 * smallest, the `count` largest), to prune the branches that can no longer reach the
 * target: with credit notes among the amounts, no order of the items makes a partial sum
 * grow monotonically, so the bounds are what prunes.
 */
function reachableSums(
  amounts: readonly number[],
  maxCount: number,
): { canReach: (start: number, count: number, sum: number) => boolean } {
  const width = maxCount + 1;
  const size = (amounts.length + 1) * width;
  const lowest = Array.from({ length: size }, () => Number.POSITIVE_INFINITY);
  const highest = Array.from({ length: size }, () => Number.NEGATIVE_INFINITY);
  const sorted: number[] = [];
  for (let start = amounts.length; start >= 0; start -= 1) {
    if (start < amounts.length) {
      const amount = amounts[start] ?? 0;
      const at = sorted.findIndex((other) => other > amount);
      sorted.splice(at < 0 ? sorted.length : at, 0, amount);
    }
    let low = 0;
    let high = 0;
    for (let count = 0; count <= Math.min(maxCount, sorted.length); count += 1) {
      lowest[start * width + count] = low;
      highest[start * width + count] = high;
      low += sorted[count] ?? 0;
      high += sorted[sorted.length - 1 - count] ?? 0;
    }
  }
  return {
    canReach: (start, count, sum) =>
      sum >= (lowest[start * width + count] ?? Number.POSITIVE_INFINITY) &&
      sum <= (highest[start * width + count] ?? Number.NEGATIVE_INFINITY),
  };
}
