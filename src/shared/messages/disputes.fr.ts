import type { disputesCliHelpEn, disputesCliOutputEn, disputesEn } from './disputes.en.ts';
import type { ShapeOf } from './shape.ts';

/** The same messages in French (same keys as `disputes.en.ts`). */
export const disputesFr = {
  dispute_refused: 'Le litige ne peut pas être enregistré',
  dispute_not_found: 'Litige {{key}} introuvable',
  department_not_found: 'Service {{key}} introuvable',
  dispute_credit_note_refused: '{{number}} est un avoir : seule une facture peut être contestée',
  dispute_invoice_paid: 'La facture {{number}} est payée : il ne reste rien à contester',
  dispute_already_open:
    'La facture {{number}} est déjà en litige : levez ce litige avant d’en ouvrir un autre',
  dispute_not_open: 'La facture {{number}} n’a aucun litige en cours',
  dispute_amount_not_positive:
    'Le montant contesté doit être un nombre entier de centimes supérieur à zéro',
  dispute_amount_too_large: 'Le montant contesté dépasse le plus grand montant accepté',
  dispute_amount_above_open:
    'Le montant contesté dépasse les {{open, money}} restant dus sur la facture {{number}}',
  dispute_note_too_long: 'La note doit faire au plus {{max}} caractères',
  dispute_amount_one_invoice:
    'Un montant vaut pour une seule facture : donnez un seul --invoice avec --amount',
  dispute_invoice_unknown: 'Il n’y a pas de facture {{key}}',
  dispute_invoice_repeated: 'La facture {{number}} est nommée deux fois',
  dispute_customers_mixed:
    'Ces factures sont de plusieurs clients : un litige porte sur les factures d’un seul client',
  dispute_currencies_mixed:
    'Ces factures sont en plusieurs devises : un litige porte sur des factures d’une seule devise',
  dispute_cause_unknown:
    'Il n’y a pas de cause active {{cause}} : voyez les causes de litige de la société',
  dispute_cause_label_required:
    'Donnez un libellé à cette cause : seules les causes proposées par défaut ont leurs propres mots',
  dispute_department_unknown: 'Il n’y a pas de service {{key}}',
  dispute_department_inactive: 'Le service {{name}} ne traite plus de litiges',
  dispute_deadline_before_raised:
    'L’échéance ne peut pas précéder le jour de l’ouverture ({{date, day}})',
  dispute_resolved: 'Le litige {{reference}} est clos : il ne peut plus être modifié',
  dispute_already_resolved: 'Le litige {{reference}} est déjà clos',
  dispute_credit_note_required: 'Un litige justifié dit si son avoir est émis ou à émettre',
  dispute_credit_note_not_justified: 'Seul un litige justifié a un avoir',
  department_code_taken: 'La société a déjà un service {{code}}',
  dispute_closed_paid: 'Clos de lui-même : ses factures sont payées.',
  dispute_closed_by_credit: 'Clos de lui-même : un avoir a été imputé sur ses factures.',
  dispute_cause_price: 'Prix',
  dispute_cause_discount_not_applied: 'Remise non appliquée',
  dispute_cause_quantity: 'Quantité',
  dispute_cause_quality: 'Qualité',
  dispute_cause_late_delivery: 'Livraison en retard',
  dispute_cause_not_delivered: 'Non livré / sans preuve de livraison',
  dispute_cause_invoice_error: 'Erreur de facturation',
  dispute_cause_duplicate: 'Doublon',
  dispute_cause_not_ordered: 'Non commandé',
  dispute_cause_already_paid: 'Déjà payé',
  dispute_cause_other: 'Autre',
} as const satisfies ShapeOf<typeof disputesEn>;

/** The help of `encaisse disputes`, in French. */
export const disputesCliHelpFr = {
  disputes: 'Les litiges : les ouvrir, les lister, les clore (voir docs/disputes.md)',
  disputesOpen: 'Ouvrir un litige sur une ou plusieurs factures d’un client',
  disputesInvoice: 'Le numéro d’une facture contestée (à répéter pour plusieurs)',
  disputesAmount:
    'La part contestée, écrite 120,50 ou 120.50 (une seule facture ; par défaut tout le restant dû)',
  disputesCause: 'La cause (price, quantity, not_delivered… : voir les causes de la société)',
  disputesDepartment: 'Le code du service qui doit répondre',
  disputesDescription: 'Ce que dit le client',
  disputesList: 'Lister les litiges, du plus récent au plus ancien',
  disputesStatus:
    'Seulement les litiges de ce statut (open, waiting_department, waiting_customer, resolved)',
  disputesResolve: 'Clore un litige, désigné par son id ou sa référence (LIT-000123)',
  disputesOutcome:
    'Son issue : justified (justifié), rejected (rejeté) ou corrected (facture corrigée)',
  disputesCreditNote: 'Avec justified : l’avoir est issued (émis) ou to_issue (à émettre)',
  disputesNote: 'Une note sur l’issue',
} as const satisfies ShapeOf<typeof disputesCliHelpEn>;

/** What `encaisse disputes` prints, in French. */
export const disputesCliOutputFr = {
  columnReference: 'Référence',
  columnDisputeCause: 'Motif',
  columnDisputed: 'Contesté',
  columnDisputeStatus: 'Statut',
  columnDeadline: 'Échéance',
  disputeOpened: 'Litige {{reference}} ouvert : {{amount}} retenus des relances',
  disputeResolved: 'Litige {{reference}} clos : {{outcome}}',
  disputesShown_one: '{{count, number}} litige affiché',
  disputesShown_other: '{{count, number}} litiges affichés',
  disputeStatusOpen: 'ouvert',
  disputeStatusWaitingDepartment: 'en attente du service',
  disputeStatusWaitingCustomer: 'en attente du client',
  disputeStatusResolved: 'clos',
  disputeOutcomeJustified: 'justifié',
  disputeOutcomeRejected: 'rejeté',
  disputeOutcomeCorrected: 'facture corrigée',
  disputeOutcomePaid: 'payé',
} as const satisfies ShapeOf<typeof disputesCliOutputEn>;
