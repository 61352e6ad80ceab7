/**
 * The words of the payer profile (`customer-payer-profile.tsx`), in French; `fr.ts` holds
 * them under `payerProfile`, and `payer-profile.en.ts` has the same shape. French puts a
 * no-break space (U+00A0) before « : ; ? ! ».
 */
export const payerProfileFr = {
  title: 'Profil payeur',
  window: 'Sur 12 mois, du {{from}} au {{asOf}}',
  noHistory: 'Aucune facture payée ou échue sur ces 12 mois.',
  noCategory: 'Sans historique',
  badgeLabel: 'Catégorie {{category}}',
  meaning: {
    A: 'Paie à l’heure ou presque (jusqu’à {{a}} j de retard)',
    B: 'Retards légers (jusqu’à {{b}} j)',
    C: 'Retards marqués (jusqu’à {{c}} j)',
    D: 'Paie très en retard (plus de {{c}} j)',
  },
  weightedDaysLate: 'Retard moyen pondéré\u00a0:',
  days: '{{days}}\u00a0j',
  onTime: 'À l’heure\u00a0: {{amount}} du montant, {{invoices}} des factures',
  trend: 'Tendance sur 6 mois (retard pondéré du mois)',
  column: 'Profil',
};
