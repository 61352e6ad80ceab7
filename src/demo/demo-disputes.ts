/**
 * The demo company's disputes (issue 10, docs/disputes.md « The demo »): four departments
 * that answer them (sales, logistics, production, billing, each with the person who answers
 * and a manager, on `.example` addresses), and a few % of the invoices disputed — more for
 * the customers whose profile is to dispute, several times for the same cause, so that the
 * recurring causes show —, some for a part of the invoice. About half are still open (on
 * invoices still open: the daily run holds them back), routed and waiting for their
 * department or the customer, a few past their deadline, reminded and escalated; the others
 * were resolved over the months with an outcome (rejected, justified with a credit note,
 * corrected, or closed by the payment). Each has its thread: the collector's question, the
 * department's answer with its proposed outcome, the customer's own words when it came
 * through the portal.
 *
 * Deterministic from the seed: each pick comes from seeded draws of the invoice's (seeded)
 * id, never from the order of random row ids; references follow the days raised.
 */
import type { CopiedComment, CopiedDepartment, CopiedDispute } from '../disputes/copy-disputes.ts';
import { DEFAULT_DISPUTE_CAUSES } from '../disputes/causes.ts';
import type { DecidedOutcome, DisputeOutcome, DisputeSource } from '../disputes/model.ts';
import {
  addDays,
  daysBetween,
  minDate,
  maxDate,
  type CalendarDate,
} from '../shared/calendar-date.ts';
import { cents, type Cents } from '../shared/money.ts';
import type { DemoTeamMember } from './demo-dunning-picks.ts';
import { createIdFactory } from './demo-ids.ts';
import type { DemoBatch } from './generate.ts';
import { createRng, mixSeed, type Rng } from './random.ts';

type DepartmentCode = 'sales' | 'logistics' | 'production' | 'billing';

/** The departments that answer the demo's disputes. */
export const DEMO_DEPARTMENTS: readonly (Omit<CopiedDepartment, 'id' | 'createdAt'> & {
  code: DepartmentCode;
})[] = [
  {
    code: 'sales',
    name: 'Commercial',
    defaultAssignee: { name: 'Marc Dubois', email: 'marc.dubois@atelier-verdier.example' },
    manager: { name: 'Nathalie Leroy', email: 'nathalie.leroy@atelier-verdier.example' },
  },
  {
    code: 'logistics',
    name: 'Logistique',
    defaultAssignee: { name: 'Samir Benali', email: 'samir.benali@atelier-verdier.example' },
    manager: { name: 'Olivier Girard', email: 'olivier.girard@atelier-verdier.example' },
  },
  {
    code: 'production',
    name: 'Production',
    defaultAssignee: { name: 'Élodie Fournier', email: 'elodie.fournier@atelier-verdier.example' },
    manager: { name: 'Thierry Lambert', email: 'thierry.lambert@atelier-verdier.example' },
  },
  {
    code: 'billing',
    name: 'Facturation',
    defaultAssignee: { name: 'Chloé Mercier', email: 'chloe.mercier@atelier-verdier.example' },
    manager: { name: 'Claire Martin', email: 'claire.martin@atelier-verdier.example' },
  },
];

/**
 * How often each default cause comes up (weights in a hundred), the department that answers
 * it, what the customer says and what the department answers.
 */
const CAUSES: Readonly<
  Record<string, { weight: number; department: DepartmentCode; says: string; answers: string }>
> = {
  price: {
    weight: 16,
    department: 'sales',
    says: 'Le prix facturé ne correspond pas au devis accepté.',
    answers: 'Le devis signé porte bien ce prix ; tarif 2026 appliqué.',
  },
  discount_not_applied: {
    weight: 14,
    department: 'sales',
    says: 'La remise négociée n’apparaît pas sur la facture.',
    answers: 'Remise accordée par le commercial, non transmise à la facturation.',
  },
  quantity: {
    weight: 12,
    department: 'logistics',
    says: 'Quantité livrée inférieure à la quantité facturée.',
    answers: 'Le bon de livraison signé montre la quantité complète.',
  },
  quality: {
    weight: 10,
    department: 'production',
    says: 'Pièces non conformes au cahier des charges, lot en retour.',
    answers: 'Contrôle fait sur le lot retourné : défaut confirmé sur une partie des pièces.',
  },
  late_delivery: {
    weight: 11,
    department: 'logistics',
    says: 'Livraison arrivée après la date convenue, pénalités de retard demandées.',
    answers: 'Retard du transporteur, date confirmée au client par e-mail.',
  },
  not_delivered: {
    weight: 9,
    department: 'logistics',
    says: 'Marchandise jamais reçue.',
    answers: 'Preuve de livraison du transporteur retrouvée, signée à réception.',
  },
  invoice_error: {
    weight: 10,
    department: 'billing',
    says: 'Adresse de facturation et numéro de commande erronés.',
    answers: 'Erreur de saisie confirmée, facture rectificative à émettre.',
  },
  duplicate: {
    weight: 5,
    department: 'billing',
    says: 'Cette facture fait doublon avec une facture déjà reçue.',
    answers: 'Deux livraisons distinctes, deux bons de commande : pas de doublon.',
  },
  not_ordered: {
    weight: 4,
    department: 'sales',
    says: 'Articles non commandés.',
    answers: 'Commande passée par téléphone, confirmée par e-mail du client.',
  },
  already_paid: {
    weight: 5,
    department: 'billing',
    says: 'Facture déjà réglée par virement.',
    answers: 'Aucun virement reçu à ce jour ; demander la preuve de paiement.',
  },
  other: {
    weight: 4,
    department: 'billing',
    says: 'Le client conteste la facture sans plus de détail.',
    answers: 'Client rappelé, explications données.',
  },
};

const CAUSE_TABLE: readonly (readonly [string, number])[] = DEFAULT_DISPUTE_CAUSES.map(
  (cause) => [cause.code, CAUSES[cause.code]?.weight ?? 1] as const,
);
const DEADLINE_DAYS = new Map(
  DEFAULT_DISPUTE_CAUSES.map((cause) => [cause.code, cause.deadlineDays]),
);

/**
 * Chances in a thousand that an invoice is disputed, by its customer's profile: on the
 * invoices still open (then mostly still disputed), and on those paid since (then resolved).
 */
const OPEN_PER_MILLE: Record<string, number> = { disputes: 300, in_difficulty: 120 };
const PAID_PER_MILLE: Record<string, number> = { disputes: 60, in_difficulty: 25 };
const DEFAULT_OPEN_PER_MILLE = 70;
const DEFAULT_PAID_PER_MILLE = 10;

/** Days a department takes to answer, by department (the slowest look at goods). */
const ANSWER_DAYS: Record<DepartmentCode, readonly [number, number]> = {
  sales: [2, 12],
  logistics: [3, 20],
  production: [5, 30],
  billing: [1, 6],
};

const RESOLUTION_NOTES: Record<DisputeOutcome, string> = {
  rejected: 'Litige rejeté : le client doit régler la facture.',
  justified: 'Litige fondé : avoir accordé au client.',
  corrected: 'Facture rectificative émise.',
  paid: 'Facture réglée : litige clos.',
};

/** A dispute drawn from an invoice, before it is numbered. */
type Draft = Omit<CopiedDispute, 'id' | 'reference'> & { key: string; thread: ThreadDraft[] };
type ThreadDraft = Omit<CopiedComment, 'id' | 'disputeId'>;

/** The instant of `hour` (UTC: within Paris' working day in either season) on `date`. */
function at(date: CalendarDate, hour: number): Date {
  return new Date(`${date}T${String(hour).padStart(2, '0')}:00:00Z`);
}

/** A disputed part of `base`: between a tenth and two thirds of it, in whole euros. */
function partOf(base: Cents, rng: Rng): Cents {
  return cents(Math.max(100, Math.floor((base * rng.between(10, 66)) / 10_000) * 100));
}

/**
 * Collects the demo's disputes batch by batch (a few invoices of each), then numbers them
 * in the order they were raised. `team`: the collectors who raise them, the credit manager
 * who decides the outcomes.
 */
export function createDisputePicker(options: {
  seed: number;
  today: CalendarDate;
  team: readonly DemoTeamMember[];
}): {
  add(batch: DemoBatch): void;
  rows(): {
    departments: CopiedDepartment[];
    disputes: CopiedDispute[];
    comments: CopiedComment[];
    lastNumber: number;
  };
} {
  const { seed, today } = options;
  const ids = createIdFactory(seed);
  const departments: CopiedDepartment[] = DEMO_DEPARTMENTS.map((department) => ({
    ...department,
    id: ids.next('department'),
    createdAt: at(addDays(today, -730), 8),
  }));
  const departmentByCode = new Map(
    DEMO_DEPARTMENTS.map((department, index) => [department.code, departments[index]]),
  );
  const collectors = options.team.filter((member) => member.role === 'collector');
  const manager = options.team.find((member) => member.role === 'credit_manager');
  const rng = createRng(0);
  const drafts: Draft[] = [];

  const collectorOf = (): { id: string | null; name: string | null } => {
    const member = collectors.length === 0 ? manager : collectors[rng.int(collectors.length)];
    return { id: member?.id ?? null, name: member?.displayName ?? null };
  };

  return {
    add(batch) {
      const customers = new Map(batch.customers.map((customer) => [customer.id, customer]));
      for (const invoice of batch.invoices) {
        const customer = customers.get(invoice.customerId);
        if (
          invoice.kind !== 'invoice' ||
          customer === undefined ||
          customer.status === 'prospect'
        ) {
          continue;
        }
        const isOpen = invoice.openCents > 0;
        const perMille = isOpen
          ? (OPEN_PER_MILLE[customer.profile] ?? DEFAULT_OPEN_PER_MILLE)
          : (PAID_PER_MILLE[customer.profile] ?? DEFAULT_PAID_PER_MILLE);
        const key = Number.parseInt(invoice.id.replaceAll('-', '').slice(-8), 16);
        rng.reseed(mixSeed(seed, 0xd15, key));
        if (rng.int(1_000) >= perMille) {
          continue;
        }
        // A customer who disputes comes back with the same cause one time in two.
        const ownCause = createRng(
          mixSeed(seed, 0xd16, Number.parseInt(customer.id.slice(-8), 16)),
        );
        const cause =
          customer.profile === 'disputes' && rng.chance(0.5)
            ? ownCause.weighted(CAUSE_TABLE)
            : rng.weighted(CAUSE_TABLE);
        const spec = CAUSES[cause] ?? CAUSES['other'];
        const deadlineDays = DEADLINE_DAYS.get(cause) ?? 10;
        const department = spec === undefined ? undefined : departmentByCode.get(spec.department);
        const base = isOpen ? invoice.openCents : invoice.amountCents;
        const disputedCents = rng.chance(0.35) && base >= 2_000 ? partOf(base, rng) : null;
        const source: DisputeSource = rng.weighted([
          ['staff', 80],
          ['agenda', 14],
          ['portal', 6],
        ]);
        const raisedBy = source === 'portal' ? { id: null, name: null } : collectorOf();
        const stillOpen = isOpen && rng.chance(0.85);
        // Raised after the invoice, before today: an open one recently (a quarter of them
        // past their deadline), a resolved one a few weeks after the invoice.
        const raisedOn = stillOpen
          ? maxDate(
              invoice.issueDate,
              addDays(
                today,
                -(rng.chance(0.75) ? rng.int(deadlineDays) : deadlineDays + 1 + rng.int(60)),
              ),
            )
          : minDate(addDays(invoice.issueDate, rng.between(3, 40)), addDays(today, -1));
        if (raisedOn < invoice.issueDate) {
          continue;
        }
        const deadline = addDays(raisedOn, deadlineDays);
        const [fastest, slowest] = ANSWER_DAYS[spec?.department ?? 'billing'];
        const answerDays = rng.chance(0.1) ? rng.between(20, 60) : rng.between(fastest, slowest);
        const resolvedOn = stillOpen ? null : minDate(addDays(raisedOn, answerDays), today);
        const outcome: DisputeOutcome | null = stillOpen
          ? null
          : isOpen
            ? 'rejected'
            : rng.weighted<DisputeOutcome>([
                ['rejected', 40],
                ['justified', 30],
                ['corrected', 15],
                ['paid', 15],
              ]);
        const isRouted = !(stillOpen && rng.chance(0.08));
        const status = stillOpen
          ? isRouted
            ? rng.weighted([
                ['waiting_department', 55],
                ['open', 25],
                ['waiting_customer', 20],
              ] as const)
            : 'open'
          : 'resolved';
        const isLate = stillOpen && deadline < today;
        const decider =
          outcome === 'paid'
            ? null
            : outcome === 'rejected'
              ? collectorOf()
              : { id: manager?.id ?? null, name: manager?.displayName ?? null };
        const lastDay = resolvedOn ?? today;
        const assignee =
          isRouted && department !== undefined
            ? department.defaultAssignee
            : { name: null, email: null };
        const thread: ThreadDraft[] = [];
        const says = spec?.says ?? 'Facture contestée.';
        if (source === 'portal') {
          const contact = customer.contacts[0];
          thread.push({
            authorKind: 'customer',
            authorId: null,
            authorName: contact?.name ?? null,
            body: says,
            proposedOutcome: null,
            createdAt: at(raisedOn, 8),
          });
        }
        if (isRouted && department !== undefined) {
          thread.push({
            authorKind: 'staff',
            authorId: raisedBy.id,
            authorName: raisedBy.name,
            body: `Bonjour ${department.defaultAssignee.name.split(' ')[0] ?? ''}, le client ${customer.legalName} conteste la facture ${invoice.number} : « ${says} » Pouvez-vous vérifier ?`,
            proposedOutcome: null,
            createdAt: at(raisedOn, 9),
          });
          const hasAnswered = !stillOpen || status !== 'waiting_department';
          if (hasAnswered && outcome !== 'paid') {
            const answeredOn = maxDate(raisedOn, addDays(lastDay, -1));
            thread.push({
              authorKind: 'department',
              authorId: null,
              authorName: department.defaultAssignee.name,
              body: spec?.answers ?? 'Vérifié.',
              proposedOutcome: proposalFor(outcome, rng),
              createdAt: at(answeredOn, 14),
            });
          }
          if (status === 'waiting_customer') {
            thread.push({
              authorKind: 'staff',
              authorId: raisedBy.id,
              authorName: raisedBy.name,
              body: 'Réponse transmise au client, en attente de son retour.',
              proposedOutcome: null,
              createdAt: at(lastDay, 15),
            });
          }
        }
        drafts.push({
          key: `${raisedOn}|${invoice.id}`,
          customerId: customer.id,
          cause,
          description: says,
          amountCents: disputedCents ?? base,
          currency: invoice.currency,
          departmentId: isRouted ? (department?.id ?? null) : null,
          assignee,
          deadline,
          status,
          outcome,
          creditNote: outcome === 'justified' ? (rng.chance(0.8) ? 'issued' : 'to_issue') : null,
          source,
          salesRep: customer.salesRep,
          raisedOn,
          raisedBy,
          resolvedOn,
          resolvedBy: resolvedOn === null ? null : (decider ?? { id: null, name: null }),
          resolutionNote: outcome === null ? null : RESOLUTION_NOTES[outcome],
          remindedOn: isLate ? addDays(deadline, 1) : null,
          escalatedOn: isLate && daysBetween(deadline, today) > 7 ? addDays(deadline, 7) : null,
          invoices: [{ invoiceId: invoice.id, disputedCents }],
          createdAt: at(raisedOn, 9),
          updatedAt: at(lastDay, 16),
          thread,
        });
      }
    },
    rows() {
      const sorted = drafts.toSorted((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      const comments: CopiedComment[] = [];
      const disputes = sorted.map(({ key: _key, thread, ...draft }, index): CopiedDispute => {
        const id = ids.next('dispute');
        for (const comment of thread) {
          comments.push({ ...comment, id: ids.next('dispute_comment'), disputeId: id });
        }
        return { ...draft, id, reference: `LIT-${String(index + 1).padStart(6, '0')}` };
      });
      return { departments, disputes, comments, lastNumber: disputes.length };
    },
  };
}

/** What the department proposed, which the outcome mostly follows. */
function proposalFor(outcome: DisputeOutcome | null, rng: Rng): DecidedOutcome | null {
  if (outcome === null || outcome === 'paid') {
    return rng.chance(0.5) ? 'rejected' : null;
  }
  return outcome;
}
