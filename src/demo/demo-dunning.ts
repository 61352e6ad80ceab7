/**
 * The demo company's dunning, lived in (docs/dunning.md "The demo"): two scenarios beside
 * the standard one, a few customers under manual follow-up or written to in English, and
 * the daily runs of the last days replayed, oldest first, as if they had happened. There is
 * no mail server, so each past day's e-mails are recorded as delivered that morning (a few
 * bounce, one is refused), its letters printed, and the collectors work part of their
 * agenda: calls completed with outcomes and promises, steps approved. Today's run leaves its
 * messages queued and its agenda open, for the newcomer to see.
 *
 * Deterministic from the seed: which customers, messages and agenda items are picked comes
 * from seeded hashes of the demo's own (seeded) customer ids, never from the order of
 * random row ids.
 */
import type { Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import type { RiskCategory } from '../customers/model.ts';
import { listAgenda, approveAction, completeAction, type AgendaItem } from '../dunning/agenda.ts';
import type { Outcome } from '../dunning/agenda-rank.ts';
import { runDunning } from '../dunning/run.ts';
import { DEFAULT_TEMPLATE_IDS, type ScenarioStep } from '../dunning/scenario.ts';
import { assignScenario, saveScenario } from '../dunning/service.ts';
import type { DeliveryResult } from '../jobs/model.ts';
import {
  listLettersToPrint,
  markBounced,
  recordDemoDeliveries,
  recordLettersPrinted,
} from '../jobs/outbox.ts';
import { listMessagePage } from '../jobs/messages.ts';
import type { TMessageItem } from '../jobs/schemas.ts';
import {
  addDays,
  daysBetween,
  hourIn,
  toDayNumber,
  toParts,
  type CalendarDate,
} from '../shared/calendar-date.ts';
import { fixedClock } from '../shared/clock.ts';
import { draw, PICK, type DemoDunningPicks, type DemoTeamMember } from './demo-dunning-picks.ts';

type StepDraft = Omit<ScenarioStep, 'id'>;

function step(
  offsetDays: number,
  channel: ScenarioStep['channel'],
  templateId: string | null,
  needsApproval = false,
): StepDraft {
  return {
    offsetDays,
    channel,
    templateId,
    needsApproval,
    minOverdueCents: null,
    riskCategories: null,
  };
}

const T = DEFAULT_TEMPLATE_IDS;

/**
 * The demo's scenarios besides the standard one (docs/dunning.md "The demo"): one default
 * scenario per risk category at most, so « Risque élevé » is there twice, for `high` and,
 * with the account hold going without approval, for `critical`.
 */
export const DEMO_SCENARIOS: readonly {
  name: string;
  riskCategory: RiskCategory;
  steps: readonly StepDraft[];
}[] = [
  {
    // Big accounts pay late through their processes, not from bad will: a call first, to
    // find the blocked approval, and written reminders only after.
    name: 'Grands comptes',
    riskCategory: 'low',
    steps: [
      step(-7, 'email', T.courtesy),
      step(7, 'call', T.callScript),
      step(12, 'email', T.firstReminder),
      step(25, 'email', T.secondReminder),
      step(45, 'letter', T.formalNotice, true),
    ],
  },
  {
    // Risky customers: one reminder, a call a week after the due date, and the formal
    // notice a week later, by itself.
    name: 'Risque élevé',
    riskCategory: 'high',
    steps: highRiskSteps(true),
  },
  {
    name: 'Risque élevé (critique)',
    riskCategory: 'critical',
    steps: highRiskSteps(false),
  },
];

function highRiskSteps(isHoldApproved: boolean): StepDraft[] {
  return [
    step(-5, 'email', T.courtesy),
    step(1, 'email', T.firstReminder),
    step(7, 'call', T.callScript),
    step(14, 'letter', T.formalNotice),
    step(25, 'hold', null, isHoldApproved),
    step(40, 'litigation', null, true),
  ];
}

/** Why a demo e-mail bounced: what receiving servers answer. */
const BOUNCE_REASONS = [
  '550 5.1.1 <{to}>: Recipient address rejected: User unknown in virtual mailbox table',
  '552 5.2.2 <{to}>: Mailbox full',
  '550 5.1.1 The email account that you tried to reach does not exist',
] as const;

/** The demo's one refused e-mail: the sender's server said no at once. */
const REFUSAL = '554 5.7.1 <{to}>: Relay access denied';

/** The instant of `hour`:`minute` on `date` in `timeZone` (whole-hour offsets, as Paris has). */
export function instantOn(
  date: CalendarDate,
  hour: number,
  minute: number,
  timeZone: string,
): Date {
  const { year, month, day } = toParts(date);
  const guess = new Date(Date.UTC(year, month - 1, day, hour, minute));
  const offset = (((hourIn(timeZone, guess) - hour) % 24) + 24) % 24;
  const shift = offset > 12 ? offset - 24 : offset;
  return new Date(guess.getTime() - shift * 3_600_000);
}

export type DemoDunningProgress = (progress: { day: number; days: number }) => void;

export type DemoDunningResult = {
  days: number;
  runs: number;
  sent: number;
  bounced: number;
  failed: number;
  printed: number;
  completed: number;
  approved: number;
};

/** The deps of a use case done at `instant`: its clock stopped there, the rest unchanged. */
function at(deps: Deps, instant: Date): Deps {
  return { ...deps, clock: fixedClock(instant) };
}

function userContext(companyId: string, member: DemoTeamMember): Ctx {
  return {
    companyId,
    actor: { type: 'user', id: member.id, name: member.displayName },
    role: member.role,
  };
}

/** The company's queued e-mails and SMS, in a stable order (their customers' seeded ids). */
async function queuedMessages(deps: Deps, ctx: Ctx): Promise<TMessageItem[]> {
  const found: TMessageItem[] = [];
  for (const channel of ['email', 'sms'] as const) {
    let before: string | undefined;
    do {
      const listed = await listMessagePage(deps, ctx, {
        status: 'queued',
        channel,
        limit: MESSAGES_PER_PAGE,
        ...(before === undefined ? {} : { before }),
      });
      found.push(...listed.items);
      before = listed.nextCursor ?? undefined;
    } while (before !== undefined);
  }
  const key = (message: TMessageItem) =>
    `${message.customer?.id ?? ''}|${message.subject ?? ''}|${message.recipients.join(',')}`;
  return found.toSorted((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

const MESSAGES_PER_PAGE = 500;

/** A message's draw on a day: by its customer's seeded id. */
function messageDraw(seed: number, message: TMessageItem, day: number): number {
  return draw(seed, PICK.bounce + day, message.customer?.id ?? '00000000');
}

/**
 * Sets up the demo's scenarios and customer settings, then replays the daily runs of the
 * `days` days before `today` and today's, as `ctx` (the CLI's, an administrator). See the
 * module's comment; `team` works the agenda, each collector their own items.
 */
export async function replayDemoDunning(
  deps: Deps,
  ctx: Ctx,
  options: {
    seed: number;
    today: CalendarDate;
    timeZone: string;
    days: number;
    team: readonly DemoTeamMember[];
    picks: DemoDunningPicks;
    onProgress?: DemoDunningProgress | undefined;
  },
): Promise<DemoDunningResult> {
  const { seed, today, timeZone } = options;
  const first = addDays(today, -options.days);
  const setupDeps = at(deps, instantOn(first, 6, 30, timeZone));
  const scenarioIds: string[] = [];
  for (const scenario of DEMO_SCENARIOS) {
    const saved = await saveScenario(setupDeps, ctx, undefined, {
      name: scenario.name,
      steps: scenario.steps,
      riskCategory: scenario.riskCategory,
      isCompanyDefault: false,
    });
    scenarioIds.push(saved.id);
  }
  for (const customerId of options.picks.ownScenario) {
    await assignScenario(setupDeps, ctx, customerId, {
      scenarioId: scenarioIds[0] ?? null,
      manualFollowUp: false,
    });
  }
  for (const customerId of options.picks.manualFollowUp) {
    await assignScenario(setupDeps, ctx, customerId, { scenarioId: null, manualFollowUp: true });
  }
  for (const customerId of options.picks.english) {
    await assignScenario(setupDeps, ctx, customerId, {
      scenarioId: null,
      manualFollowUp: false,
      language: 'en',
    });
  }

  const result: DemoDunningResult = {
    days: options.days,
    runs: 0,
    sent: 0,
    bounced: 0,
    failed: 0,
    printed: 0,
    completed: 0,
    approved: 0,
  };
  const members = new Map(options.team.map((member) => [member.id, member]));
  const manager = options.team.find((member) => member.role === 'credit_manager');
  const days = daysBetween(first, today) + 1;
  for (let index = 0; index < days; index++) {
    const date = addDays(first, index);
    const isToday = date === today;
    const dayNumber = toDayNumber(date);
    const morning = isToday ? deps : at(deps, instantOn(date, 7, 0, timeZone));
    await runDunning(morning, ctx, { date });
    result.runs += 1;
    if (!isToday) {
      const bouncing = await deliver(deps, ctx, {
        seed,
        dayNumber,
        at: instantOn(date, 7, 5, timeZone),
        result,
      });
      await workAgenda(at(deps, instantOn(date, 10, 0, timeZone)), {
        seed,
        dayNumber,
        date,
        members,
        manager,
        companyId: ctx.companyId,
        result,
      });
      // What the agenda's work wrote (approved reminders, promise confirmations) goes out too.
      bouncing.push(
        ...(await deliver(deps, ctx, {
          seed,
          dayNumber,
          at: instantOn(date, 10, 5, timeZone),
          result,
        })),
      );
      await bounce(at(deps, instantOn(date, 11, 30, timeZone)), ctx, bouncing, {
        seed,
        dayNumber,
        result,
      });
      await printLetters(at(deps, instantOn(date, 16, 0, timeZone)), ctx, result);
    }
    options.onProgress?.({ day: index + 1, days });
  }
  return result;
}

/**
 * Records the queued e-mails and SMS as delivered at `at`, but the first e-mail of the
 * replay (refused by the server: `failed`). The e-mails drawn to bounce later that day
 * (about 3%, at least one in the replay).
 */
async function deliver(
  deps: Deps,
  ctx: Ctx,
  options: { seed: number; dayNumber: number; at: Date; result: DemoDunningResult },
): Promise<TMessageItem[]> {
  const queued = await queuedMessages(deps, ctx);
  const { result } = options;
  const deliveries: { messageId: string; result: DeliveryResult }[] = [];
  const bouncing: TMessageItem[] = [];
  for (const message of queued) {
    const to = message.recipients[0] ?? '';
    if (result.failed === 0 && message.channel === 'email') {
      deliveries.push({
        messageId: message.id,
        result: { accepted: false, permanent: true, reason: REFUSAL.replace('{to}', to) },
      });
      result.failed += 1;
      continue;
    }
    deliveries.push({ messageId: message.id, result: { accepted: true } });
    const chance = messageDraw(options.seed, message, options.dayNumber);
    if (
      message.channel === 'email' &&
      (chance < 30_000 || result.bounced + bouncing.length === 0)
    ) {
      bouncing.push(message);
    }
  }
  const recorded = await recordDemoDeliveries(deps, ctx, deliveries, options.at);
  result.sent += recorded.filter((message) => message.status === 'sent').length;
  return bouncing;
}

/** The bounce reports of `bouncing`, as the receiving servers send them. */
async function bounce(
  deps: Deps,
  ctx: Ctx,
  bouncing: readonly TMessageItem[],
  options: { seed: number; dayNumber: number; result: DemoDunningResult },
): Promise<void> {
  for (const message of bouncing) {
    const chance = messageDraw(options.seed, message, options.dayNumber);
    const reason = BOUNCE_REASONS[chance % BOUNCE_REASONS.length] ?? BOUNCE_REASONS[0];
    const outcome = await markBounced(deps, ctx, {
      messageId: message.id,
      reason: reason.replace('{to}', message.recipients[0] ?? ''),
    });
    if (outcome === 'bounced') {
      options.result.bounced += 1;
      options.result.sent -= 1;
    }
  }
}

async function printLetters(deps: Deps, ctx: Ctx, result: DemoDunningResult): Promise<void> {
  for (;;) {
    const letters = await listLettersToPrint(deps, ctx, 500);
    if (letters.length === 0) {
      return;
    }
    const printed = await recordLettersPrinted(
      deps,
      ctx,
      letters.map((letter) => letter.id),
    );
    result.printed += printed.length;
    if (printed.length < letters.length) {
      return;
    }
  }
}

/**
 * Agenda items the team works on a past day, at most: what three collectors get through
 * besides their other work, and what keeps a large demo's replay short.
 */
const AGENDA_ITEMS_PER_DAY = 40;

/** What a collector's call came to, by a draw in a million. */
function callOutcome(chance: number): Outcome {
  if (chance < 350_000) {
    return 'promise_given';
  }
  if (chance < 600_000) {
    return 'voicemail';
  }
  if (chance < 800_000) {
    return 'reached';
  }
  return chance < 900_000 ? 'says_paid' : 'wrong_number';
}

const CALL_NOTES: Record<Outcome, string> = {
  promise_given: 'Virement promis par le service comptable.',
  voicemail: 'Messagerie, message laissé avec le détail des factures.',
  reached: 'Joint : la facture est en circuit de validation, rappeler la semaine prochaine.',
  says_paid: 'Dit avoir payé : demander la preuve de virement.',
  wrong_number: 'Numéro erroné : mettre à jour le contact.',
  dispute_raised: 'Conteste la facture.',
  other: 'Traité.',
};

/**
 * The collectors' morning on a past day: about half of the calls completed (promises for a
 * third of them, due a week later), about half of the steps waiting for approval approved
 * (the credit manager's, for the unassigned), follow-ups done; the rest stays open.
 */
async function workAgenda(
  deps: Deps,
  options: {
    seed: number;
    dayNumber: number;
    date: CalendarDate;
    companyId: string;
    members: Map<string, DemoTeamMember>;
    manager: DemoTeamMember | undefined;
    result: DemoDunningResult;
  },
): Promise<void> {
  const { seed, dayNumber, date, result } = options;
  const managerCtx =
    options.manager === undefined ? undefined : userContext(options.companyId, options.manager);
  if (managerCtx === undefined) {
    return;
  }
  const page = await listAgenda(deps, managerCtx, { assignee: 'all', limit: 500 });
  const items = page.items.toSorted((a, b) =>
    a.customer.code < b.customer.code ? -1 : a.customer.code > b.customer.code ? 1 : 0,
  );
  let worked = 0;
  for (const item of items) {
    const chance = draw(seed, PICK.agenda + dayNumber, item.customer.id);
    if (chance >= 500_000) {
      continue;
    }
    if (worked >= AGENDA_ITEMS_PER_DAY) {
      break;
    }
    worked += 1;
    const member = item.assignee === null ? undefined : options.members.get(item.assignee.id);
    const ctx = member === undefined ? managerCtx : userContext(options.companyId, member);
    if (item.kind === 'approval' && item.step !== null && item.step.channel !== 'litigation') {
      await approveAction(deps, ctx, item.id, {});
      result.approved += 1;
    } else if (item.kind === 'call') {
      await completeCall(
        deps,
        ctx,
        item,
        draw(seed, PICK.outcome + dayNumber, item.customer.id),
        date,
      );
      result.completed += 1;
    } else if (item.kind === 'follow_up' || item.kind === 'promise_broken') {
      await completeAction(deps, ctx, item.id, {
        outcome: 'reached',
        note: 'Relancé par téléphone, règlement annoncé.',
      });
      result.completed += 1;
    }
  }
}

async function completeCall(
  deps: Deps,
  ctx: Ctx,
  item: AgendaItem,
  chance: number,
  date: CalendarDate,
): Promise<void> {
  const outcome = callOutcome(chance);
  const invoiceIds = item.invoices.map((invoice) => invoice.id);
  if (outcome === 'promise_given' && invoiceIds.length > 0 && item.totalOpenCents > 0) {
    await completeAction(deps, ctx, item.id, {
      outcome,
      note: CALL_NOTES[outcome],
      promise: {
        amountCents: item.totalOpenCents,
        promisedOn: addDays(date, 5 + (chance % 7)),
        invoiceIds,
        confirmByEmail: (item.contact?.email ?? null) !== null && chance % 2 === 0,
      },
    });
    return;
  }
  const checked = outcome === 'promise_given' ? 'reached' : outcome;
  await completeAction(deps, ctx, item.id, {
    outcome: checked,
    note: CALL_NOTES[checked],
    ...(checked === 'voicemail' || checked === 'reached'
      ? { followUpOn: addDays(date, checked === 'voicemail' ? 2 : 6) }
      : {}),
  });
}
