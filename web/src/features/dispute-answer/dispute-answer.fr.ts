/**
 * The words of the department's answer page (`/reponse`), in French; `fr.ts` holds them
 * under `disputeAnswer`, and `dispute-answer.en.ts` has the same shape. The reader works in
 * sales, logistics or production and has no account: say what is asked, and by when.
 */
export const disputeAnswerFr = {
  title: 'Litige {{reference}}',
  titleLoading: 'Litige à examiner',
  greeting: 'Bonjour {{name}}, {{company}} a besoin de votre réponse sur ce litige.',
  greetingAnonymous: '{{company}} a besoin de votre réponse sur ce litige.',
  deadline: 'Réponse attendue avant le {{date}}',
  linkValidUntil: 'Ce lien est valable jusqu’au {{date}}.',
  facts: {
    label: 'Le litige',
    customer: 'Client',
    cause: 'Motif',
    amount: 'Montant contesté',
    raisedOn: 'Ouvert le',
    deadline: 'Réponse attendue le',
    status: 'État',
    description: 'Ce que dit le client',
    noDescription: 'Pas de description.',
  },
  status: {
    open: 'Ouvert',
    waiting_department: 'En attente de votre service',
    waiting_customer: 'En attente du client',
    resolved: 'Résolu',
  },
  invoices: {
    title: 'Factures concernées',
    label: 'Les factures du litige',
    invoice: 'Facture {{number}}',
    dates: 'Émise le {{issued}} · échéance le {{due}}',
    amount: 'Montant : {{amount}}',
    disputed: 'Contesté : {{amount}}',
    wholeDisputed: 'Contestée en entier',
  },
  thread: {
    title: 'Échanges',
    label: 'Les échanges sur le litige, du plus ancien au plus récent',
    empty: 'Aucun échange pour l’instant.',
    authors: {
      staff: 'Service recouvrement',
      department: 'Service concerné',
      customer: 'Client',
      system: 'Encaisse',
    },
    proposed: 'Propose : {{outcome}}',
  },
  documents: {
    title: 'Documents',
    label: 'Les documents du litige',
    empty: 'Aucun document joint.',
    download: 'Télécharger « {{name}} »',
    size: '{{size}} Ko',
  },
  outcomeHints: {
    justified: 'Le client a raison : un avoir est à faire.',
    rejected: 'Le client doit payer : la facture est juste.',
    corrected: 'La facture est à refaire.',
  },
  form: {
    title: 'Votre réponse',
    message: 'Votre message',
    messageHint: 'Ce que vous avez vérifié, et ce que vous en concluez.',
    outcome: 'Ce que vous proposez',
    noOutcome: 'Pas encore de proposition',
    messageMissing: 'Écrivez votre message.',
    send: 'Envoyer ma réponse',
    sent: 'Merci : votre réponse est transmise.',
  },
  resolved: 'Ce litige est résolu : il n’attend plus de réponse.',
};
