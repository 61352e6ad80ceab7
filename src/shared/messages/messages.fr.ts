import type { messagesCliHelpEn, messagesCliOutputEn, messagesEn } from './messages.en.ts';
import type { ShapeOf } from './shape.ts';

/** The same messages in French (same keys as `messages.en.ts`). */
export const messagesFr = {
  message_not_found: 'Message {{key}} introuvable',
  message_attachment_not_found: 'Le message {{key}} n’a pas de pièce jointe',
  message_not_sent:
    'Le message {{key}} n’est pas encore parti (il est {{status}}) : seul un message envoyé peut revenir',
  message_cursor_invalid: 'Ce curseur ne vient pas de la liste des messages : recommencez sans lui',
  letters_none_to_print: 'Aucun courrier n’attend d’être imprimé',
  mail_settings_not_found: 'La société n’a pas encore de serveur d’e-mail',
  mail_password_required: 'Un nom d’utilisateur a besoin de son mot de passe',
  mail_username_required: 'Un mot de passe a besoin de son nom d’utilisateur',
  sms_settings_not_found: 'La société n’a pas encore de fournisseur de SMS',
  phone_number_e164: 'Un numéro de téléphone au format international, comme +33612345678',
  smtp_unreachable: 'Le serveur d’e-mail {{host}}:{{port}} est injoignable ({{reason}})',
  smtp_auth_refused:
    'Le serveur d’e-mail a refusé le nom d’utilisateur ou le mot de passe ({{reason}})',
  smtp_recipient_refused: 'Le serveur d’e-mail a refusé l’adresse {{to}} ({{reason}})',
  smtp_refused: 'Le serveur d’e-mail a refusé l’e-mail d’essai ({{reason}})',
  sms_webhook_unreachable: 'Le fournisseur de SMS est injoignable ({{reason}})',
  sms_webhook_refused: 'Le fournisseur de SMS a refusé le SMS d’essai ({{reason}})',
  mail_test_subject: 'Encaisse : e-mail d’essai',
  mail_test_body:
    'Cet e-mail a été envoyé par Encaisse pour vérifier les réglages d’e-mail de {{company}}. Les relances partiront de la même façon, de {{from}}. Vous n’avez rien à faire.',
  sms_test_text:
    'Encaisse : SMS d’essai pour {{company}}. Les relances par SMS parviendront à ce numéro.',
} as const satisfies ShapeOf<typeof messagesEn>;

export const messagesCliHelpFr = {
  messages: 'Les messages envoyés ou en attente : e-mails, SMS et courriers, voir docs/messages.md',
  messagesList: 'Lister les messages, du plus récent au plus ancien',
  messagesCustomer: 'Seulement les messages du client de ce code',
  messagesStatus: 'Seulement les messages de ce statut (queued, sending, sent, failed, bounced)',
  messagesChannel: 'Seulement les messages de ce canal (email, sms, letter)',
  messagesLimit: 'Au plus ce nombre de messages (tous par défaut)',
  letters: 'Les courriers à imprimer et à poster',
  lettersPrint:
    'Écrire tous les courriers en attente dans un seul PDF à imprimer, et les marquer imprimés (envoyés)',
  lettersOut: 'Le fichier PDF à écrire',
} as const satisfies ShapeOf<typeof messagesCliHelpEn>;

export const messagesCliOutputFr = {
  columnCreated: 'Créé le',
  columnChannel: 'Canal',
  columnRecipients: 'Destinataires',
  columnMessageStatus: 'Statut',
  columnReason: 'Motif',
  messagesShown_one: '{{count, number}} message affiché',
  messagesShown_other: '{{count, number}} messages affichés',
  lettersPrinted_one: '{{count, number}} courrier écrit dans {{file}} et marqué imprimé',
  lettersPrinted_other: '{{count, number}} courriers écrits dans {{file}} et marqués imprimés',
  lettersNone: 'Aucun courrier n’attend d’être imprimé : aucun fichier écrit',
  messageStatusQueued: 'en file',
  messageStatusSending: 'en cours',
  messageStatusSent: 'envoyé',
  messageStatusFailed: 'échec',
  messageStatusBounced: 'rejeté',
  messageChannelEmail: 'e-mail',
  messageChannelSms: 'SMS',
  messageChannelLetter: 'courrier',
} as const satisfies ShapeOf<typeof messagesCliOutputEn>;
