/** The sending settings' words in French: the company's SMTP server and SMS webhook. */
export const settingsFr = {
  mail: {
    title: 'Envoi des e-mails (SMTP)',
    explanation:
      'Les relances partent par le serveur de messagerie de la société, depuis son adresse, comme si une personne les envoyait.',
    host: 'Serveur SMTP',
    port: 'Port',
    secure: 'TLS dès la connexion (port 465)',
    secureHint: 'Sinon, STARTTLS quand le serveur le propose (port 587).',
    username: 'Identifiant',
    password: 'Mot de passe',
    passwordKept: 'Enregistré (laisser vide pour le conserver)',
    fromAddress: 'Adresse de l’expéditeur',
    fromName: 'Nom de l’expéditeur',
    replyTo: 'Adresse de réponse',
    save: 'Enregistrer',
    saved: 'Réglages d’envoi enregistrés.',
    testTo: 'Envoyer un essai à',
    testSend: 'Envoyer un e-mail d’essai',
    testSent: 'E-mail d’essai envoyé à {{to}} ({{messageId}}).',
  },
  sms: {
    title: 'Envoi des SMS',
    explanation:
      'Les SMS sont confiés au service de votre fournisseur par un appel HTTP (webhook) avec le numéro, l’expéditeur et le texte.',
    url: 'Adresse du webhook',
    sender: 'Expéditeur',
    token: 'Jeton',
    tokenKept: 'Enregistré (laisser vide pour le conserver)',
    save: 'Enregistrer',
    saved: 'Réglages des SMS enregistrés.',
    testTo: 'Envoyer un essai au',
    testSend: 'Envoyer un SMS d’essai',
    testSent: 'SMS d’essai envoyé au {{to}}.',
  },
};
