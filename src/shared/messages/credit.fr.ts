import type { creditCliHelpEn, creditCliOutputEn, creditEn } from './credit.en.ts';
import type { ShapeOf } from './shape.ts';

/** The same messages in French (same keys as `credit.en.ts`). */
export const creditFr = {
  credit_threshold_out_of_range:
    'Un seuil est une part de l’encours autorisé en points de base, de {{min}} à {{max}}',
  credit_alert_above_block: 'Le seuil d’alerte ne peut pas dépasser le seuil de blocage',
  credit_cover_above_limit: 'La part couverte ne peut pas dépasser l’encours autorisé',
  credit_cover_required:
    'Indiquez ce qui couvre la part garantie (assurance-crédit, caution bancaire, garantie de la maison mère, autre)',
  credit_expiry_before_start: 'La date d’expiration ne peut pas précéder la date de début',
  credit_expiry_past: 'La date d’expiration ne peut pas être passée',
  credit_review_before_start: 'La date de révision ne peut pas précéder la date de début',
  credit_exception_amount_not_positive: 'Une dérogation porte sur un montant supérieur à zéro',
  credit_reason_required: 'Indiquez la raison de cette décision',
  credit_exception_too_long:
    'Une dérogation dure {{days}} jours au plus : au-delà, décidez un nouvel encours autorisé',
  credit_limit_refused: 'L’encours autorisé ne peut pas être enregistré',
  credit_exception_refused: 'La dérogation ne peut pas être accordée',
  credit_above_authority:
    'Cette décision dépasse votre délégation (niveau {{level}}, jusqu’à {{max, money}}) : demandez à un niveau supérieur',
  credit_order_not_held: 'La commande {{number}} n’est pas bloquée (statut {{status}})',
  credit_order_no_prepayment: 'La commande {{number}} n’a pas été soumise à un paiement d’avance',
  credit_hold_not_active: 'Un client au statut {{status}} ne peut pas être bloqué',
  credit_not_on_hold: 'Le client n’est pas bloqué (statut {{status}})',
  credit_still_over_limit:
    'L’encours de {{exposure, money}} dépasse toujours l’encours autorisé de {{limit, money}} : accordez d’abord une dérogation, relevez l’encours autorisé ou demandez un paiement d’avance',
  credit_policy_refused: 'La politique de crédit ne peut pas être enregistrée',
  order_refused: 'La commande ne peut pas être reçue',
  order_number_invalid: 'Un numéro de commande compte de 1 à {{max}} caractères',
  order_amount_not_positive: 'Le montant doit être supérieur à zéro',
  order_date_in_future: 'La date de commande ne peut pas être postérieure à aujourd’hui',
  order_delivery_before_order: 'La date de livraison ne peut pas précéder la date de commande',
  order_move_refused: 'La commande {{number}} ne peut pas changer ainsi',
  order_not_deliverable: 'Seule une commande validée peut être livrée (statut {{status}})',
  order_not_invoiceable:
    'Seule une commande validée ou livrée peut être facturée (statut {{status}})',
  order_invoiced_out_of_range:
    'Le montant facturé doit être compris entre {{min, money}} et {{max, money}}',
  order_not_cancellable: 'Une commande au statut {{status}} ne peut pas être annulée',
  sales_order_not_found: 'Commande {{key}} introuvable',
  siren_invalid: 'Le SIREN {{value}} n’est pas valide (9 chiffres, clé de Luhn)',
  no_siren: 'SIREN manquant',
  siren_from_siret: 'SIREN {{siren}}, tiré du SIRET',
  foreign_customer: 'Client étranger ({{country}}) : identifié par son numéro de TVA',
  no_vat_number: 'Client étranger ({{country}}) sans numéro de TVA',
  billing_address_incomplete: 'Adresse de facturation incomplète : {{fields}}',
  delivery_address_incomplete: 'Adresse de livraison incomplète : {{fields}}',
  same_as_billing: 'Livraison à l’adresse de facturation',
  no_payables_contact: 'Aucun contact de comptabilité fournisseurs',
  no_payables_email: 'Le contact de comptabilité fournisseurs n’a pas d’e-mail',
  terms_invalid: 'Conditions de paiement « {{code}} » illisibles',
  terms_over_legal_maximum:
    'Les conditions {{code}} peuvent atteindre {{longestDays}} jours, au-delà du maximum légal (60 jours, ou 45 jours fin de mois ; C. com. L441-10)',
  terms_over_policy_maximum:
    'Les conditions {{code}} peuvent atteindre {{longestDays}} jours ; la règle de l’entreprise en permet {{maxDays}}',
  cheque_discouraged: 'Le chèque est déconseillé : encaissement lent et risque d’impayé',
  limit_not_decided: 'Encours autorisé non décidé',
  limit_decider_unknown: 'Encours autorisé sans décideur connu',
  blocking_items_missing: 'Des éléments bloquants manquent pour activer le client',
  override_role_not_allowed: 'Votre rôle ne permet pas de passer outre la liste d’ouverture',
  override_reason_required: 'Indiquez la raison du passage outre',
  opening_max_term_days_out_of_range:
    'Le délai maximum doit être un nombre entier de jours entre 0 et {{max}} (reçu : {{days}})',
  credit_hold_customer_closed: 'le compte est clos',
  credit_hold_account_not_opened: 'prospect : l’ouverture de compte n’est pas terminée',
  credit_hold_in_litigation: 'transmis au contentieux',
  credit_hold_on_hold: 'le client est bloqué',
  credit_hold_currency_not_covered: 'l’encours autorisé est dans une autre devise',
  credit_hold_limit_expired: 'l’encours autorisé a expiré : une décision est attendue',
  credit_hold_limit_not_started: 'l’encours autorisé ne s’applique pas encore',
  credit_hold_no_limit: 'aucun encours autorisé décidé',
  credit_hold_over_limit: 'au-delà de l’encours autorisé avec cette commande',
  credit_not_prospect: 'Seul un prospect s’active par son ouverture de compte (statut {{status}})',
  opening_item_missing: 'Manque pour ouvrir le compte : {{item}}',
  prospect_activation_through_opening:
    'Un prospect devient actif par son ouverture de compte (liste de contrôle), pas en changeant son statut',
  order_invoice_unknown:
    'La facture {{number}} n’est pas une facture de ce client (ni de son entité juridique)',
  invoicing_lag_period_reversed: 'La fin de la période ne peut pas précéder son début',
  credit_alert_subject: 'Alerte d’encours : {{customer}} à {{percent}} % de son encours autorisé',
  credit_alert_block_subject: 'Encours autorisé dépassé : {{customer}} est bloqué',
  credit_alert_body:
    'L’encours de {{customer}} a atteint le seuil d’alerte de son encours autorisé.',
  credit_alert_block_body:
    'L’encours de {{customer}} dépasse son encours autorisé : ses nouvelles commandes sont bloquées jusqu’à une décision (dérogation, paiement d’avance ou nouvel encours autorisé).',
  credit_alert_figures: 'Encours {{exposure, money}}, encours autorisé {{limit, money}}.',
} as const satisfies ShapeOf<typeof creditEn>;

/** The words of `encaisse credit` (merged into the catalogue's `cliHelp`). */
export const creditCliHelpFr = {
  credit: 'Gestion du crédit : le contrôle d’encours d’une commande, voir docs/credit.md',
  creditCheck: 'Cette commande peut-elle partir ? Code 0 acceptée, 10 bloquée (raisons affichées)',
  creditReview:
    'Revoir les entités qui ont un encours autorisé, pour les alertes et blocages qu’appellent les franchissements du grand livre seul (le passage quotidien le fait avant les relances)',
  creditCustomer: 'le code du client',
  creditAmount: 'le montant TTC de la commande (1234.56 ou 1 234,56)',
  creditCurrency: 'sa devise (celle de l’encours autorisé par défaut)',
  creditOrder: 'une commande déjà reçue, par son numéro',
} as const satisfies ShapeOf<typeof creditCliHelpEn>;

/** What `encaisse credit` prints (merged into the catalogue's `cliOutput`). */
export const creditCliOutputFr = {
  creditAccepted:
    'Acceptée pour {{customer}} : encours de {{exposure}} avec cette commande, encours autorisé {{limit}}, encore disponible {{available}}.',
  creditReviewed:
    'Revue du crédit : {{entities, number}} entités avec un encours autorisé, {{reviewed, number}} revues ; {{alertsRaised, number}} alertes levées, {{holdsPlaced, number}} blocages posés, {{holdsReleased, number}} levés, {{ordersValidated, number}} commandes bloquées validées.',
  creditHeld:
    'Bloquée pour {{customer}} : {{reasons}} (encours de {{exposure}} avec cette commande, encours autorisé {{limit}}).',
} as const satisfies ShapeOf<typeof creditCliOutputEn>;
