/**
 * What a dispute's thread, its attachments and its links say, in French, by stable code
 * (merged into the catalogue's `codes`). `dispute-thread.en.ts` has the same keys.
 */
import type { disputeThreadEn } from './dispute-thread.en.ts';
import type { ShapeOf } from './shape.ts';

export const disputeThreadFr = {
  attachment_empty: 'Le fichier est vide',
  attachment_too_large: 'Le fichier dépasse les {{max, number}} Mio permis pour une pièce jointe',
  attachment_type_refused:
    'Un fichier de type {{type}} ne peut pas être joint : PDF, PNG, JPEG, texte ou e-mail (.eml) seulement',
  attachment_content_mismatch: 'Le fichier ne contient pas ce que son type ({{type}}) annonce',
  attachment_comment_unknown: 'Le litige n’a pas de commentaire {{key}} auquel joindre le fichier',
  dispute_attachment_not_found: 'Pièce jointe {{key}} introuvable',
  comment_body_required: 'Le commentaire est vide',
  dispute_link_not_found: 'Le litige n’a pas de lien {{key}}',
  dispute_link_recipient_required:
    'À qui envoyer le lien ? Le litige n’a pas d’e-mail de responsable : indiquez-en un',
  link_invalid: 'Ce lien n’est pas valable : demandez-en un nouveau à son expéditeur',
  link_expired: 'Ce lien a expiré le {{date}} : demandez-en un nouveau à son expéditeur',
  link_revoked: 'Ce lien a été retiré : demandez-en un nouveau à son expéditeur',
  link_lifetime: 'Un lien dure de 1 à {{max}} jours',
  dispute_email_greeting: 'Bonjour {{name}},',
  dispute_email_greeting_anonymous: 'Bonjour,',
  dispute_email_facts:
    'Litige {{reference}} — {{customer}} — {{cause}} : {{amount, money}}, réponse attendue le {{deadline, day}}.',
  dispute_email_link: 'Ouvrir le litige, lire ses pièces et répondre (sans compte) : {{url}}',
  dispute_email_link_note:
    'Ce lien n’ouvre que ce litige, jusqu’au {{expires, day}}. Ne le transférez pas : qui le détient peut répondre en votre nom.',
  dispute_email_signature: 'Le service recouvrement, {{company}}',
  dispute_link_subject: 'Litige {{reference}} ({{customer}}) : votre réponse est attendue',
  dispute_link_intro:
    'Un client conteste une facture, et votre service est sollicité pour répondre.',
  dispute_reminder_subject:
    'Rappel : le litige {{reference}} ({{customer}}) attend votre réponse pour le {{deadline, day}}',
  dispute_reminder_intro:
    'La réponse à ce litige est attendue dans deux jours. Merci de la donner à temps.',
  dispute_overdue_subject:
    'Litige {{reference}} ({{customer}}) : la réponse était attendue le {{deadline, day}}',
  dispute_overdue_intro:
    'La réponse à ce litige était attendue hier : le client attend, et ses factures aussi.',
  dispute_escalation_subject:
    'Escalade : le litige {{reference}} ({{customer}}) est sans réponse depuis le {{deadline, day}}',
  dispute_escalation_intro:
    'Un litige confié à votre service ({{department}}) est sans réponse trois jours après son échéance. Il avait été confié à {{assignee}}.',
} as const satisfies ShapeOf<typeof disputeThreadEn>;
