/**
 * The words of a dunning message: a subject and a body in LiquidJS, which a credit
 * manager edits, checked when saved and filled for each customer when sent.
 *
 * The engine is sandboxed: no tag reads a file (`include`, `render` and `layout` are
 * refused when the template is parsed), templates see only the own properties of the
 * data they are given, an unknown variable or filter is an error rather than an empty
 * string, and parsing and rendering are bounded (LiquidJS's DoS limits). The data are
 * words already formatted in the message's language (`1 234,56 €`, `31/12/2025`), so a
 * template needs no filter to be correct.
 */
import { Liquid, Tag, type Template } from 'liquidjs';
import { fieldIssue, type Issue } from '../shared/errors.ts';

/** A message's words: a one-line subject (e-mail, letter heading) and its body, as text. */
export type MessageTemplate = { subject: string; body: string };

/** One invoice as a message lists it, its figures formatted for the reader. */
export type InvoiceWords = {
  number: string;
  issue_date: string;
  due_date: string;
  amount: string;
  open_amount: string;
  days_late: number;
};

/** What a template may name. Every field is always present (an unknown one is empty). */
export type TemplateData = {
  company: { name: string };
  customer: { code: string; name: string };
  contact: { name: string; email: string };
  invoices: InvoiceWords[];
  totals: { count: number; amount: string; open_amount: string; overdue_amount: string };
  /** C. com. L441-10 and D441-5: interest at the rate in force, 40 € per late invoice. */
  penalties: { rate: string; interest: string; indemnity: string; total: string };
  collector: { name: string; email: string; phone: string; signature: string };
  /** The message's own link to the customer's portal (issue 10); empty in a letter. */
  portal: { url: string };
  today: string;
};

/** Template size and time bounds: a letter is a few kilobytes, rendered in milliseconds. */
const PARSE_LIMIT = 100_000;
const RENDER_LIMIT_MS = 1_000;
const MEMORY_LIMIT = 10_000_000;

/** Tags that would read other templates from files: a dunning template stands alone. */
const FILE_TAGS = ['include', 'render', 'layout'] as const;

class RefusedTag extends Tag {
  constructor(...args: ConstructorParameters<typeof Tag>) {
    super(...args);
    throw new Error(`the tag "${this.name}" is not available in a message template`);
  }
  *render(): Generator<never, void> {
    // Never reached: the constructor refuses the tag when the template is parsed.
  }
}

function sandboxedEngine(): Liquid {
  const engine = new Liquid({
    strictVariables: true,
    strictFilters: true,
    ownPropertyOnly: true,
    parseLimit: PARSE_LIMIT,
    renderLimit: RENDER_LIMIT_MS,
    memoryLimit: MEMORY_LIMIT,
  });
  for (const tag of FILE_TAGS) {
    engine.registerTag(tag, RefusedTag);
  }
  return engine;
}

const engine = sandboxedEngine();

/** A filled-in example of every variable, to check a template against at save. */
export const SPECIMEN_DATA: TemplateData = {
  company: { name: 'Encaisse Démo SAS' },
  customer: { code: 'C0042', name: 'Boulangerie Martin' },
  contact: { name: 'Claire Martin', email: 'compta@boulangerie-martin.fr' },
  invoices: [
    {
      number: 'FA-2026-000101',
      issue_date: '01/10/2026',
      due_date: '31/10/2026',
      amount: '1 200,00 €',
      open_amount: '1 200,00 €',
      days_late: 12,
    },
  ],
  totals: {
    count: 1,
    amount: '1 200,00 €',
    open_amount: '1 200,00 €',
    overdue_amount: '1 200,00 €',
  },
  penalties: { rate: '12,15 %', interest: '4,79 €', indemnity: '40,00 €', total: '44,79 €' },
  collector: {
    name: 'Julie Lefèvre',
    email: 'julie.lefevre@encaisse.example',
    phone: '01 23 45 67 89',
    signature: 'Julie Lefèvre, service recouvrement',
  },
  portal: { url: 'https://encaisse.example/portail#3q2-7wE0yq5kG8oX1cR9vJm4TnHs6BdLfPuZaWiYeKx' },
  today: '12/11/2026',
};

/** `message, line:2, col:3` → the message alone: the line travels as a parameter. */
function detailOf(error: unknown): { detail: string; line: number | undefined } {
  const message = error instanceof Error ? error.message : String(error);
  const position = /, line:(\d+), col:\d+$/.exec(message);
  return {
    detail: position === null ? message : message.slice(0, position.index),
    line: position === null ? undefined : Number(position[1]),
  };
}

function parse(field: keyof MessageTemplate, source: string): Template[] | Issue {
  try {
    return engine.parse(source);
  } catch (error) {
    const { detail, line } = detailOf(error);
    return fieldIssue(field, 'template_syntax', { line: line ?? 1, detail });
  }
}

/** Whether `path` names a variable of `SPECIMEN_DATA` (an index or a property of it). */
function isKnownPath(path: readonly unknown[]): boolean {
  let value: unknown = SPECIMEN_DATA;
  for (const segment of path) {
    if (Array.isArray(value) && typeof segment === 'number') {
      value = value[0];
    } else if (
      Array.isArray(value) &&
      (segment === 'size' || segment === 'first' || segment === 'last')
    ) {
      value = segment === 'size' ? value.length : value[0];
    } else if (
      typeof value === 'object' &&
      value !== null &&
      typeof segment === 'string' &&
      Object.hasOwn(value, segment)
    ) {
      value = (value as Record<string, unknown>)[segment];
    } else {
      return false;
    }
  }
  return true;
}

/**
 * Every reason `template` cannot be saved, with its field and line: a syntax error
 * (`template_syntax`), a variable the data do not have (`template_unknown_variable`,
 * read statically, then by filling it with `SPECIMEN_DATA` for the loops' items).
 */
export function checkTemplate(template: MessageTemplate): Issue[] {
  const issues: Issue[] = [];
  for (const field of ['subject', 'body'] as const) {
    const parsed = parse(field, template[field]);
    if (!Array.isArray(parsed)) {
      issues.push(parsed);
      continue;
    }
    const unknown = Object.values(engine.analyzeSync(parsed).globals)
      .flat()
      .filter((variable) => !isKnownPath(variable.toArray()));
    for (const variable of unknown) {
      issues.push(
        fieldIssue(field, 'template_unknown_variable', {
          line: variable.location.row,
          name: variable.toString(),
        }),
      );
    }
    if (unknown.length === 0) {
      try {
        engine.renderSync(parsed, SPECIMEN_DATA);
      } catch (error) {
        const { detail, line } = detailOf(error);
        const name = /^undefined variable: (.+)$/.exec(detail)?.[1];
        issues.push(
          name === undefined
            ? fieldIssue(field, 'template_syntax', { line: line ?? 1, detail })
            : fieldIssue(field, 'template_unknown_variable', { line: line ?? 1, name }),
        );
      }
    }
  }
  return issues;
}

/** Parsed templates by their text: a run fills the same few thousands of times. */
const PARSED = new Map<string, Template[]>();
const PARSED_MAX = 500;

function parsed(text: string): Template[] {
  let templates = PARSED.get(text);
  if (templates === undefined) {
    templates = engine.parse(text);
    if (PARSED.size >= PARSED_MAX) {
      PARSED.clear();
    }
    PARSED.set(text, templates);
  }
  return templates;
}

/** The message for one customer: `template` filled with `data`. The template was checked at save. */
export function renderMessage(template: MessageTemplate, data: TemplateData): MessageTemplate {
  return {
    // A subject is one line, whatever the data put in it.
    subject: String(engine.renderSync(parsed(template.subject), data))
      .replace(/\s+/g, ' ')
      .trim(),
    body: String(engine.renderSync(parsed(template.body), data)),
  };
}
