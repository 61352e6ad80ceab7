import type { promisesEn } from './promises.en.ts';
import type { ShapeOf } from './shape.ts';

/** The same messages in French (same keys as `promises.en.ts`). */
export const promisesFr = {
  promise_refused: 'La promesse ne peut pas être enregistrée',
  promise_amount_not_positive: 'Le montant promis doit être supérieur à zéro',
  promise_amount_too_large: 'Le montant promis dépasse le plus grand montant accepté',
  promise_amount_above_open:
    'Le montant promis dépasse les {{open, money}} restant dus sur ses factures',
  promise_date_past: 'La date promise ne peut pas précéder aujourd’hui ({{today, day}})',
  promise_date_too_far:
    'La date promise doit tomber dans les {{days}} jours : au-delà, convenez d’un échéancier',
  promise_grace_out_of_range:
    'Le délai de grâce doit être un nombre entier de jours, de 0 à {{max}}',
  promise_no_invoices: 'Une promesse porte sur au moins une facture',
  promise_invoice_unknown: 'La facture {{id}} n’est pas une facture de ce client',
  promise_not_an_invoice: '{{number}} est un avoir : une promesse porte sur des factures',
  promise_invoice_not_open: 'La facture {{number}} n’a plus rien à payer',
  promise_invoice_currency:
    'La facture {{number}} est en {{currency}} : une promesse ne porte que sur des factures en {{expected}}',
  promise_no_email:
    'Le client n’a aucun contact avec une adresse e-mail : la promesse ne peut pas être confirmée par e-mail',
  promise_not_live:
    'La promesse n’est plus en cours : seule une promesse en cours peut être annulée',
  promise_period_reversed: 'La fin de la période ne peut pas précéder son début',
  payment_promise_not_found: 'Promesse de paiement {{key}} introuvable',
  promise_email_subject: 'Votre règlement de {{amount, money}} d’ici le {{date, day}}',
  promise_email_greeting: 'Bonjour {{name}},',
  promise_email_greeting_anonymous: 'Madame, Monsieur,',
  promise_email_confirmation:
    'Merci pour notre échange. Comme convenu, nous prenons note de votre règlement de {{amount, money}} d’ici le {{date, day}}, pour les factures suivantes :',
  promise_email_invoice: '- facture {{number}} : {{open, money}} restant dus',
  promise_email_closing:
    'Si votre règlement est déjà parti, merci de ne pas tenir compte de ce message. N’hésitez pas à nous contacter pour toute question.',
  promise_email_signature: 'Cordialement,',
} as const satisfies ShapeOf<typeof promisesEn>;
