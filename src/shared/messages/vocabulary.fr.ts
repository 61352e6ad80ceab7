import type { vocabularyEn } from './vocabulary.en.ts';
import type { ShapeOf } from './shape.ts';

/** The same words in French (same keys as `vocabulary.en.ts`). */
export const vocabularyFr = {
  customerStatus: {
    prospect: 'Prospect',
    active: 'Actif',
    on_hold: 'Bloqué',
    in_litigation: 'Contentieux',
    closed: 'Clos',
  },
  riskCategory: {
    low: 'Risque faible',
    standard: 'Risque standard',
    high: 'Risque élevé',
    critical: 'Risque critique',
  },
  paymentMethod: {
    transfer: 'Virement',
    sepa_direct_debit: 'Prélèvement SEPA',
    lcr: 'LCR (lettre de change)',
    card: 'Carte bancaire',
    cheque: 'Chèque',
    cash: 'Espèces',
  },
  contactRole: {
    billing: 'Facturation',
    accounts_payable: 'Comptabilité fournisseurs',
    purchasing: 'Achats',
    management: 'Direction',
    other: 'Autre',
  },
  invoiceStatus: {
    open: 'Ouverte',
    partially_paid: 'Partiellement payée',
    paid: 'Soldée',
  },
  invoiceKind: {
    invoice: 'Facture',
    credit_note: 'Avoir',
  },
  role: {
    admin: 'Administrateur',
    // The title French companies give the job (« credit manager », DFCG).
    credit_manager: 'Credit manager',
    collector: 'Chargé de recouvrement',
    department_member: "Membre d'un service",
    read_only: 'Lecture seule',
  },
  dunningChannel: {
    email: 'E-mail',
    letter: 'Courrier',
    sms: 'SMS',
    call: 'Appel',
    task: 'Tâche interne',
    hold: 'Blocage du compte',
    litigation: 'Contentieux',
  },
  dunningActionStatus: {
    awaiting_approval: 'À valider',
    queued: 'Confié à l’envoi',
    open: 'À faire',
    done: 'Fait',
    dismissed: 'Écarté',
    cancelled: 'Annulé',
  },
} satisfies ShapeOf<typeof vocabularyEn>;
