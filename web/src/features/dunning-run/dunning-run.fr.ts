/**
 * The words of the daily run's page (`web/src/features/dunning-run/`), in French; `fr.ts`
 * holds them under `dunningRun`, and `dunning-run.en.ts` has the same shape. Each reason
 * the run holds something back for (docs/dunning.md "Held back") is a sentence.
 */
export const dunningRunFr = {
  title: 'Relance du jour',
  toAgenda: 'Agenda',
  preview: 'Prévisualiser',
  launch: 'Lancer la relance du jour',
  confirm: {
    title: 'Lancer la relance du jour\u00a0?',
    text: 'Les e-mails et SMS partent, les courriers sont prêts à imprimer, les appels et les messages à valider arrivent dans l’agenda. Relancer le même jour n’envoie rien deux fois.',
    cancel: 'Annuler',
    run: 'Lancer',
  },
  runs: {
    title: 'Dernières relances',
    empty: 'Aucune relance n’a encore été lancée.',
    runOn: 'Jour de la relance',
    finishedAt: 'Terminée le',
    running: 'En cours…',
  },
  counts: {
    customers: 'Clients examinés',
    actions: 'Actions',
    messages: 'Messages',
    awaitingApproval: 'À valider',
    tasks: 'Appels et tâches',
    heldBack: 'Retenus',
    leaves: 'Sorties du scénario',
  },
  status: {
    queued: 'Envoyé à la file',
    awaiting_approval: 'À valider',
    open: 'Dans l’agenda',
    done: 'Fait',
  },
  report: {
    previewTitle: 'Aperçu de la relance du {{date}}',
    previewNote: 'Rien n’est parti\u00a0: voici ce que la relance ferait maintenant.',
    doneTitle: 'Relance du {{date}}',
    close: 'Fermer le compte rendu',
    counts: 'Les chiffres de la relance',
    wouldGoOut: 'Ce qui partirait, par client et par étape',
    wentOut: 'Ce qui est parti, par client et par étape',
    noActions: 'Rien à envoyer.',
    customer: 'Client',
    step: 'Étape',
    status: 'Suite',
    invoices: 'Factures',
    total: 'Montant en jeu',
    truncated:
      'Seules les {{shown}} premières lignes sont affichées\u00a0; les chiffres comptent tout.',
    heldBack: 'Ce qui est retenu, et pourquoi',
    noHeldBack: 'Rien n’est retenu.',
    heldLine_one: '{{customer}} ({{formatted}} facture)',
    heldLine_many: '{{customer}} ({{formatted}} de factures)',
    heldLine_other: '{{customer}} ({{formatted}} factures)',
    separator: '\u00a0; ',
  },
  reasons: {
    closed: 'Client clos\u00a0: il n’est plus relancé.',
    in_litigation: 'Client au contentieux\u00a0: la relance s’est arrêtée.',
    manual_follow_up: 'Client suivi à la main\u00a0: la relance le laisse de côté.',
    no_scenario: 'Aucun scénario de relance pour ce client.',
    disputed: 'Facture en litige\u00a0: elle ne monte pas tant que le litige est ouvert.',
    promised: 'Facture sous promesse de paiement ou échéancier en cours.',
    awaiting_approval: 'L’étape précédente attend d’être validée ou envoyée.',
    previous_step_failed:
      'L’étape précédente a échoué (e-mail rejeté, courrier non distribuable)\u00a0: à corriger d’abord.',
    step_not_in_scenario:
      'L’étape de la facture n’est plus dans le scénario du client\u00a0: à replacer à la main.',
    below_tolerance: 'Solde à relancer sous le seuil de tolérance.',
    covered_by_credits:
      'Paiements non lettrés et avoirs couvrent ce qui serait relancé\u00a0: à imputer plutôt que relancer.',
    recent_contact: 'Client contacté il y a trop peu de temps (écart minimal entre deux contacts).',
    other: 'Autre raison.',
  },
};
