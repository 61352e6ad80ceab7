/**
 * What the queue sends for a line, pure: the best suggestion as it is (« Valider »), or
 * the match a person edits (« Modifier »): an amount per open invoice of the customer,
 * read digit by digit (`parseAmount`, never a float), and what the line leaves unapplied.
 */
import type {
  TBankLineMatch,
  TMatchAllocation,
  TMatchBankLineRequest,
  TMatchSuggestion,
} from '../../../../src/bank/matching/schemas.ts';
import { cents, parseAmount, toDecimalString } from '../../../../src/shared/money.ts';

/** An open invoice of the customer, as the dialog lists it (oldest due first). */
export type OpenInvoice = { id: string; number: string; dueDate: string; openAmount: number };

export function bestSuggestion(match: TBankLineMatch): TMatchSuggestion | undefined {
  return match.suggestions[0];
}

/** The request that applies a suggestion exactly as the matcher made it, credit notes included. */
export function requestFromSuggestion(suggestion: TMatchSuggestion): TMatchBankLineRequest {
  return {
    customerId: suggestion.customerId,
    allocations: suggestion.allocations.map((part) => ({
      invoiceId: part.invoiceId,
      amount: part.amount,
      ...(part.creditNoteId === null ? {} : { creditNoteId: part.creditNoteId }),
    })),
  };
}

/** `123456` cents → `1234,56`, which `parseAmount` reads back unchanged; 0 → empty. */
export function amountText(amount: number): string {
  return amount === 0 ? '' : toDecimalString(cents(amount)).replace('.', ',');
}

/** The suggestion's credit notes: applied as they are, beside the cash a person spreads. */
export function creditPartsOf(suggestion: TMatchSuggestion | undefined): TMatchAllocation[] {
  return suggestion?.allocations.filter((part) => part.creditNoteId !== null) ?? [];
}

function creditOn(invoiceId: string, credits: readonly TMatchAllocation[]): number {
  return credits
    .filter((part) => part.invoiceId === invoiceId)
    .reduce((sum, part) => sum + part.amount, 0);
}

/**
 * The amount fields as the dialog opens them: the suggestion's cash on each of its
 * invoices; without a suggestion for this customer, the line spread over the open
 * invoices oldest first, each up to what is left open on it.
 */
export function prefillAmounts(
  invoices: readonly OpenInvoice[],
  lineAmount: number,
  suggestion: TMatchSuggestion | undefined,
): Record<string, string> {
  const amounts: Record<string, string> = {};
  if (suggestion !== undefined) {
    for (const invoice of invoices) {
      const cash = suggestion.allocations
        .filter((part) => part.invoiceId === invoice.id && part.creditNoteId === null)
        .reduce((sum, part) => sum + part.amount, 0);
      amounts[invoice.id] = amountText(cash);
    }
    return amounts;
  }
  let left = lineAmount;
  for (const invoice of invoices) {
    const take = Math.max(0, Math.min(left, invoice.openAmount));
    amounts[invoice.id] = amountText(take);
    left -= take;
  }
  return amounts;
}

/** Why an amount field is refused. */
export type AmountFieldError = 'invalid' | 'overOpen';

export type ReadMatch = {
  request: TMatchBankLineRequest;
  /** The line's cash given to invoices. */
  allocated: number;
  /** What the line leaves on the customer's account. */
  unapplied: number;
  /** By invoice id. */
  errors: Record<string, AmountFieldError>;
  /** How much the amounts pass the line by, when they do. */
  excess: number;
  isValid: boolean;
};

/**
 * The request the fields make: one allocation per invoice with an amount, the credit
 * notes kept; refused per field (not an amount, more than is open after the credit
 * notes) and as a whole when the cash given passes the line's amount.
 */
export function readMatch(input: {
  customerId: string;
  invoices: readonly OpenInvoice[];
  amounts: Readonly<Record<string, string>>;
  credits: readonly TMatchAllocation[];
  lineAmount: number;
}): ReadMatch {
  const errors: Record<string, AmountFieldError> = {};
  const cash: TMatchBankLineRequest['allocations'] = [];
  let allocated = 0;
  for (const invoice of input.invoices) {
    const text = input.amounts[invoice.id] ?? '';
    if (text.trim() === '') {
      continue;
    }
    const parsed = parseAmount(text, 2);
    if (!parsed.ok || parsed.value < 0) {
      errors[invoice.id] = 'invalid';
      continue;
    }
    if (parsed.value === 0) {
      continue;
    }
    if (parsed.value + creditOn(invoice.id, input.credits) > invoice.openAmount) {
      errors[invoice.id] = 'overOpen';
    }
    cash.push({ invoiceId: invoice.id, amount: parsed.value });
    allocated += parsed.value;
  }
  const shown = new Set(input.invoices.map((invoice) => invoice.id));
  const credits = input.credits
    .filter((part) => shown.has(part.invoiceId) && part.creditNoteId !== null)
    .map((part) => ({
      invoiceId: part.invoiceId,
      amount: part.amount,
      creditNoteId: part.creditNoteId ?? '',
    }));
  const excess = Math.max(0, allocated - input.lineAmount);
  return {
    request: { customerId: input.customerId, allocations: [...credits, ...cash] },
    allocated,
    unapplied: Math.max(0, input.lineAmount - allocated),
    errors,
    excess,
    isValid: Object.keys(errors).length === 0 && excess === 0,
  };
}

/** `FR7610107001011234567890129` → `FR76 1010 7001 0112 3456 7890 129`, as banks print it. */
export function formatIban(iban: string): string {
  return iban
    .replace(/\s+/g, '')
    .replace(/(.{4})(?=.)/g, '$1 ')
    .trim();
}
