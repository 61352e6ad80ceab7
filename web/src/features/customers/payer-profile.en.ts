import type { payerProfileFr } from './payer-profile.fr.ts';

/** The words of the payer profile, in English (same shape as `payer-profile.fr.ts`). */
export const payerProfileEn: typeof payerProfileFr = {
  title: 'Payer profile',
  window: 'Over 12 months, {{from}} to {{asOf}}',
  noHistory: 'No invoice paid or overdue over these 12 months.',
  noCategory: 'No history',
  badgeLabel: 'Category {{category}}',
  meaning: {
    A: 'Pays on time or nearly (up to {{a}} d late)',
    B: 'Slightly late (up to {{b}} d)',
    C: 'Markedly late (up to {{c}} d)',
    D: 'Pays very late (over {{c}} d)',
  },
  weightedDaysLate: 'Weighted average days late:',
  days: '{{days}} d',
  onTime: 'On time: {{amount}} of the amount, {{invoices}} of the invoices',
  trend: 'Trend over 6 months (the month’s weighted days late)',
  column: 'Profile',
};
