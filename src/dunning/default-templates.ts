/**
 * The templates a new company starts with, in French and English, one per step of the
 * default scenario (`DEFAULT_TEMPLATE_IDS`). The courtesy message asks whether all is in
 * order, not for payment: it is there to surface a dispute before the due date. The
 * formal notice states the late-payment interest and the fixed indemnity of C. com.
 * L441-10 and D441-5, as the law requires them to be claimed. The e-mails give the
 * customer's portal link each carries (`portal.url`, src/dunning/reminder-links.ts).
 */
import type { Language } from '../shared/language.ts';
import type { DEFAULT_TEMPLATE_IDS } from './scenario.ts';
import type { MessageTemplate } from './templates.ts';

export type DefaultTemplateId = (typeof DEFAULT_TEMPLATE_IDS)[keyof typeof DEFAULT_TEMPLATE_IDS];

const INVOICE_LIST_FR = `{% for invoice in invoices %}- Facture {{ invoice.number }} du {{ invoice.issue_date }}, échue le {{ invoice.due_date }} : {{ invoice.open_amount }} restant dû
{% endfor %}`;

const INVOICE_LIST_EN = `{% for invoice in invoices %}- Invoice {{ invoice.number }} of {{ invoice.issue_date }}, due {{ invoice.due_date }}: {{ invoice.open_amount }} outstanding
{% endfor %}`;

const FR: Record<DefaultTemplateId, MessageTemplate> = {
  courtesy: {
    subject: 'Votre facture {{ invoices.first.number }} arrive à échéance',
    body: `Bonjour {{ contact.name }},

Nous vous avons adressé les factures ci-dessous, qui arrivent prochainement à échéance :
{% for invoice in invoices %}- Facture {{ invoice.number }} du {{ invoice.issue_date }}, à régler le {{ invoice.due_date }} : {{ invoice.open_amount }}
{% endfor %}
Tout est-il en ordre de votre côté ? Si une facture pose question (quantité, prix, livraison), dites-le-nous dès maintenant : nous la réglerons avec vous avant l'échéance.
{% if portal.url != "" %}
Sur votre espace client, vous pouvez approuver une facture, nous signaler un problème ou nous indiquer une date de règlement, et télécharger vos factures : {{ portal.url }}
{% endif %}
Bien cordialement,
{{ collector.signature }}
{{ company.name }}`,
  },
  reminder_1: {
    subject: 'Rappel : facture(s) échue(s) — {{ customer.name }}',
    body: `Bonjour {{ contact.name }},

Sauf erreur de notre part, les factures suivantes restent impayées à ce jour :
${INVOICE_LIST_FR}
Total restant dû : {{ totals.open_amount }}.

Il s'agit peut-être d'un simple oubli : merci de bien vouloir procéder au règlement. Si le paiement est déjà parti, ne tenez pas compte de ce message.
{% if portal.url != "" %}
Vos factures et votre relevé de compte sont sur votre espace client, où vous pouvez aussi nous indiquer une date de règlement ou nous signaler un problème : {{ portal.url }}
{% endif %}
Bien cordialement,
{{ collector.signature }}
{{ company.name }}`,
  },
  reminder_2: {
    subject: 'Deuxième relance : {{ totals.open_amount }} restant dû',
    body: `Bonjour {{ contact.name }},

Malgré notre premier rappel, les factures suivantes restent impayées :
${INVOICE_LIST_FR}
Total restant dû : {{ totals.open_amount }}, dont {{ totals.overdue_amount }} échu.

Nous vous remercions de régler ce montant sous huit jours, ou de nous indiquer la date à laquelle vous pourrez le faire. Votre interlocuteur, {{ collector.name }}, est joignable au {{ collector.phone }}.
{% if portal.url != "" %}
Vos factures et votre relevé de compte sont sur votre espace client, où vous pouvez aussi nous indiquer une date de règlement ou nous signaler un problème : {{ portal.url }}
{% endif %}
Bien cordialement,
{{ collector.signature }}
{{ company.name }}`,
  },
  call_script: {
    subject: 'Appel de relance — {{ customer.name }} ({{ customer.code }})',
    body: `Appeler {{ contact.name }} ({{ customer.name }}).

1. Se présenter : {{ collector.name }}, service comptabilité clients de {{ company.name }}.
2. Rappeler les factures en retard :
${INVOICE_LIST_FR}   Total échu : {{ totals.overdue_amount }}.
3. Demander si les factures ont bien été reçues et si elles posent question.
4. Obtenir une date et un montant de règlement (promesse), ou noter le litige et son motif.
5. Confirmer par e-mail ce qui a été convenu.`,
  },
  formal_notice: {
    subject: 'Mise en demeure de payer — {{ customer.name }}',
    body: `Objet : mise en demeure de payer

Madame, Monsieur,

Malgré nos relances, les factures suivantes demeurent impayées :
${INVOICE_LIST_FR}
Total restant dû : {{ totals.open_amount }}.

Par la présente, nous vous mettons en demeure de régler cette somme sous huit jours à compter de la réception de ce courrier.

Conformément à l'article L441-10 du Code de commerce, ces sommes portent de plein droit intérêt de retard au taux de {{ penalties.rate }}, soit {{ penalties.interest }} à ce jour, auxquels s'ajoute l'indemnité forfaitaire pour frais de recouvrement de 40 € par facture (article D441-5), soit {{ penalties.indemnity }}. Total des pénalités : {{ penalties.total }}.

À défaut de règlement dans ce délai, nous engagerons sans autre avis une procédure de recouvrement.

Veuillez agréer, Madame, Monsieur, l'expression de nos salutations distinguées.

{{ collector.signature }}
{{ company.name }}`,
  },
};

const EN: Record<DefaultTemplateId, MessageTemplate> = {
  courtesy: {
    subject: 'Your invoice {{ invoices.first.number }} is coming due',
    body: `Dear {{ contact.name }},

We sent you the invoices below, which will soon be due:
{% for invoice in invoices %}- Invoice {{ invoice.number }} of {{ invoice.issue_date }}, due {{ invoice.due_date }}: {{ invoice.open_amount }}
{% endfor %}
Is everything in order on your side? If an invoice raises a question (quantity, price, delivery), please tell us now so that we can settle it with you before the due date.
{% if portal.url != "" %}
On your customer portal you can approve an invoice, report a problem or tell us when you will pay, and download your invoices: {{ portal.url }}
{% endif %}
Kind regards,
{{ collector.signature }}
{{ company.name }}`,
  },
  reminder_1: {
    subject: 'Reminder: overdue invoice(s) — {{ customer.name }}',
    body: `Dear {{ contact.name }},

According to our records, the following invoices are still unpaid:
${INVOICE_LIST_EN}
Total outstanding: {{ totals.open_amount }}.

This may simply be an oversight: please arrange payment. If you have already paid, please disregard this message.
{% if portal.url != "" %}
Your invoices and statement of account are on your customer portal, where you can also tell us when you will pay or report a problem: {{ portal.url }}
{% endif %}
Kind regards,
{{ collector.signature }}
{{ company.name }}`,
  },
  reminder_2: {
    subject: 'Second reminder: {{ totals.open_amount }} outstanding',
    body: `Dear {{ contact.name }},

Despite our first reminder, the following invoices are still unpaid:
${INVOICE_LIST_EN}
Total outstanding: {{ totals.open_amount }}, of which {{ totals.overdue_amount }} is overdue.

Please pay this amount within eight days, or tell us when you will be able to. Your contact, {{ collector.name }}, can be reached on {{ collector.phone }}.
{% if portal.url != "" %}
Your invoices and statement of account are on your customer portal, where you can also tell us when you will pay or report a problem: {{ portal.url }}
{% endif %}
Kind regards,
{{ collector.signature }}
{{ company.name }}`,
  },
  call_script: {
    subject: 'Collection call — {{ customer.name }} ({{ customer.code }})',
    body: `Call {{ contact.name }} ({{ customer.name }}).

1. Introduce yourself: {{ collector.name }}, accounts receivable at {{ company.name }}.
2. Go through the late invoices:
${INVOICE_LIST_EN}   Total overdue: {{ totals.overdue_amount }}.
3. Ask whether the invoices were received and whether they raise any question.
4. Get a payment date and amount (a promise), or note the dispute and its reason.
5. Confirm what was agreed by e-mail.`,
  },
  formal_notice: {
    subject: 'Formal notice to pay — {{ customer.name }}',
    body: `Re: formal notice to pay

Dear Sir or Madam,

Despite our reminders, the following invoices remain unpaid:
${INVOICE_LIST_EN}
Total outstanding: {{ totals.open_amount }}.

We hereby give you formal notice to pay this amount within eight days of receiving this letter.

Under article L441-10 of the French Commercial Code, these amounts bear late-payment interest by operation of law at {{ penalties.rate }}, that is {{ penalties.interest }} to date, plus the fixed indemnity for recovery costs of €40 per invoice (article D441-5), that is {{ penalties.indemnity }}. Total penalties: {{ penalties.total }}.

Failing payment within this period, we will start recovery proceedings without further notice.

Yours faithfully,

{{ collector.signature }}
{{ company.name }}`,
  },
};

/** The shipped template of `id` in `language`. */
export function defaultTemplate(id: DefaultTemplateId, language: Language): MessageTemplate {
  return (language === 'en' ? EN : FR)[id];
}
