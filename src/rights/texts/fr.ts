/**
 * The rights domain's texts in French: the privacy center, the requester's mails, the access report and the officer's
 * notices (written for Charter, not machine-translated).
 */
import type { RightsTexts } from './types.js';

/** The locale dates are written in. */
export const locale = 'fr-BE';

export const texts: RightsTexts = {
  skip: 'Aller au contenu',
  language: 'Langue',
  centerTitle: 'Centre de confidentialité',
  centerIntro:
    'Découvrez comment {org} traite vos données personnelles, modifiez vos choix de consentement et exercez vos droits prévus par le RGPD.',
  noticeLink: 'Déclaration de confidentialité',
  cookiesLink: 'Politique en matière de cookies',
  consentHeading: 'Vos choix de consentement',
  consentIntro: 'Vous pouvez modifier à tout moment les choix faits dans le bandeau cookies.',
  consentButton: 'Modifier mes choix de cookies',
  purposeConsentsIntro:
    'Les consentements donnés avec votre adresse e-mail (par exemple pour une lettre d’information) s’affichent une fois que nous avons vérifié qu’il s’agit bien de vous : choisissez « Retirer un consentement » ci-dessous, ou toute autre demande.',
  requestHeading: 'Faire une demande',
  requestIntro: 'Dites-nous ce que vous souhaitez. C’est gratuit, et nous répondons dans un délai d’un mois.',
  typeLegend: 'Que souhaitez-vous ?',
  types: {
    access: 'Voir mes données (accès)',
    portability: 'Recevoir mes données dans un format réutilisable (portabilité)',
    rectification: 'Corriger mes données (rectification)',
    erasure: 'Effacer mes données (effacement)',
    restriction: 'Suspendre l’utilisation de mes données (limitation)',
    objection: 'M’opposer à une utilisation de mes données (opposition)',
    withdrawal: 'Retirer un consentement',
  },
  typeHints: {
    access:
      'Vous recevez une copie des données que nous détenons sur vous, avec la raison de leur utilisation, leurs destinataires et leur durée de conservation.',
    portability:
      'Vous recevez les données que vous nous avez fournies en fichiers JSON et CSV, à emporter vers un autre service.',
    rectification: 'Indiquez-nous quelles données sont inexactes et ce qu’elles devraient être.',
    erasure:
      'Nous effaçons vos données, sauf celles que la loi nous oblige à conserver. Vous pouvez annuler pendant un délai d’attente.',
    restriction: 'Nous conservons vos données mais ne les utilisons pas tant que le motif ci-dessous s’applique.',
    objection:
      'Nous arrêtons immédiatement la prospection. Pour les autres utilisations, nous mettons vos raisons en balance avec les nôtres.',
    withdrawal: 'Nous arrêtons le traitement auquel vous aviez consenti. Ce qui a été fait auparavant reste licite.',
  },
  identityLegend: 'Qui êtes-vous ?',
  identityTypeLabel: 'Je m’identifie avec mon',
  identityTypes: {
    email: 'adresse e-mail',
    phone: 'numéro de téléphone',
    'customer-number': 'numéro de client',
    'account-id': 'identifiant de compte',
  },
  identityValueLabel: 'Votre adresse e-mail, numéro de téléphone, numéro de client ou identifiant de compte',
  identityHint:
    'Nous envoyons un code à usage unique aux coordonnées que nous détenons déjà — jamais à une adresse saisie ici — pour que personne d’autre ne puisse obtenir vos données.',
  contactLabel: 'Adresse e-mail où vous poser des questions (facultatif)',
  contactHint:
    'Uniquement pour des questions sur votre demande. Les codes et vos données ne sont envoyés qu’aux coordonnées que nous détenons.',
  detailsLegend: 'Détails de votre demande',
  rectificationCategoryLabel: 'Quelles données sont inexactes ?',
  rectificationCategoryAny: 'Autre (décrivez ci-dessous)',
  rectificationDesiredLabel: 'Que devraient-elles être ?',
  restrictionGroundLabel: 'Pourquoi devons-nous suspendre l’utilisation de vos données ? (art. 18)',
  restrictionGrounds: {
    'accuracy-contested': 'Je conteste l’exactitude de mes données, pendant que vous la vérifiez',
    'unlawful-processing': 'Le traitement est illicite, mais je ne veux pas que mes données soient effacées',
    'legal-claims': 'Vous n’avez plus besoin de mes données, mais elles me sont nécessaires pour une action en justice',
    'objection-pending': 'Je me suis opposé(e), pendant que vous mettez vos motifs en balance avec les miens',
  },
  objectionKindLabel: 'À quoi vous opposez-vous ?',
  objectionDirectMarketing: 'La prospection (lettres d’information, offres, publicité)',
  objectionLegitimateInterest: 'Une autre utilisation fondée sur notre intérêt légitime',
  objectionPurposeLabel: 'Quelle utilisation ?',
  objectionExplanationLabel: 'Vos raisons, tenant à votre situation particulière',
  withdrawalPurposeLabel: 'Quel consentement retirez-vous ?',
  messageLabel: 'Autre chose à nous dire ? (facultatif)',
  submit: 'Envoyer ma demande',
  rightsHeading: 'Vos droits',
  rightsList: [
    'Accès : savoir si nous traitons vos données et en recevoir une copie (art. 15).',
    'Rectification des données inexactes (art. 16).',
    'Effacement, lorsqu’il n’y a plus de raison de conserver vos données (art. 17).',
    'Limitation du traitement dans les cas de l’art. 18.',
    'Portabilité des données que vous nous avez fournies (art. 20).',
    'Opposition au traitement fondé sur notre intérêt légitime, et à tout moment à la prospection (art. 21).',
    'Retrait d’un consentement à tout moment, sans remettre en cause ce qui a été fait auparavant (art. 7, par. 3).',
  ],
  complaint: 'Vous pouvez aussi introduire une réclamation auprès de l’autorité de contrôle : {authority} ({url}).',
  contactHeading: 'Contact',
  dpoLabel: 'Délégué à la protection des données',
  otherChannels: 'Vous pouvez aussi faire une demande par e-mail à {email} ou par courrier.',
  statusTitle: 'Votre demande',
  reference: 'Référence',
  typeLabel: 'Demande',
  stateLabel: 'État',
  receivedLabel: 'Reçue le',
  dueLabel: 'Nous répondons au plus tard le',
  states: {
    received: 'Reçue',
    'awaiting-verification': 'En attente de votre confirmation',
    verified: 'Confirmée',
    'in-progress': 'En cours de traitement',
    'awaiting-approval': 'En cours de vérification par notre équipe vie privée',
    completed: 'Traitée',
    refused: 'Clôturée sans suite',
    withdrawn: 'Retirée',
  },
  codeSent:
    'Si nous détenons des données liées à ce {identity}, nous avons envoyé un code à usage unique aux coordonnées que nous avons pour lui. Saisissez le code ci-dessous. Il est valable 30 minutes.',
  codeHelp:
    'Pas de code ? Vérifiez vos courriers indésirables. Si nous ne détenons pas de données sur vous, aucun code n’est envoyé ; votre demande est alors clôturée à l’échéance.',
  codeLabel: 'Code à usage unique (8 chiffres)',
  verifyButton: 'Confirmer',
  codeInvalid: 'Ce code n’est pas valide. Vérifiez-le et réessayez, ou faites une nouvelle demande s’il a expiré.',
  staffVerification:
    'Pour cette demande, notre équipe vie privée vérifie votre identité. Elle vous contactera par les coordonnées que nous détenons.',
  confirmHeading: 'Veuillez confirmer',
  confirmErasure:
    'Nous effacerons vos données personnelles, sauf celles que la loi nous oblige à conserver, {grace} après votre confirmation : le {date} si vous confirmez maintenant. D’ici là, vous pouvez annuler, ici ou avec le lien que nous vous envoyons.',
  confirmErasureNow:
    'Nous effacerons vos données personnelles, sauf celles que la loi nous oblige à conserver, dès votre confirmation. Il ne sera plus possible d’annuler ensuite.',
  confirmOther: 'Veuillez confirmer que vous souhaitez que nous traitions cette demande.',
  confirmButton: 'Oui, continuer',
  scheduled: 'Vos données seront effacées le {date}. D’ici là, vous pouvez annuler.',
  cancelButton: 'Annuler ma demande',
  cancelHint: 'Annuler clôture la demande ; rien n’est modifié.',
  inProgress: 'Nous traitons votre demande.',
  awaitingApproval: 'Un membre de notre équipe vie privée vérifie votre demande.',
  completed: {
    access: 'Vos données sont prêtes. Nous vous avons envoyé un e-mail avec un lien de téléchargement.',
    portability: 'Vos données sont prêtes. Nous vous avons envoyé un e-mail avec un lien de téléchargement.',
    rectification: 'Vos données ont été corrigées.',
    erasure: 'Vos données ont été effacées.',
    restriction: 'Nous n’utilisons plus vos données ; nous les conservons seulement.',
    objection: 'Nous avons arrêté le traitement auquel vous vous êtes opposé(e).',
    withdrawal: 'Votre consentement a été retiré.',
  },
  restrictionMarked:
    'La limitation est enregistrée dans ceux de nos systèmes qui peuvent l’enregistrer : vos données y sont conservées et ne sont pas utilisées autrement.',
  restrictionByHand:
    'Une partie de vos données se trouve dans un système qui ne peut pas enregistrer la limitation lui-même. Nous protégeons ces données contre l’effacement, et notre équipe chargée de la protection des données a reçu la tâche d’en arrêter l’utilisation manuellement.',
  restrictionTask:
    'Limiter manuellement : stockage {store}, table {table} (pas de colonne de limitation ; Charter soustrait entre-temps ces lignes à la conservation)',
  refused: 'Nous avons clôturé votre demande sans suite. Motif : {reason}',
  withdrawn: 'Cette demande a été annulée. Rien n’a été modifié.',
  extended:
    'Nous avons besoin de plus de temps pour cette demande, pour la raison suivante : {reason}. Nous répondrons au plus tard le {date}.',
  notVerifiable:
    'Nous n’avons pas pu vérifier que vous êtes la personne concernée par les données ; nous n’avons donc pas pu donner suite à cette demande (RGPD art. 11, par. 2, et 12, par. 2). Vous pouvez faire une nouvelle demande ou nous envoyer des informations permettant de vous identifier.',
  refusalReasons: {
    unfounded: 'la demande est manifestement infondée (art. 12, par. 5).',
    excessive:
      'la demande est manifestement excessive, notamment en raison de son caractère répétitif (art. 12, par. 5).',
    'not-verifiable': 'nous n’avons pas pu vérifier votre identité (art. 11, par. 2, et 12, par. 2).',
    'compelling-grounds':
      'nous avons des motifs légitimes et impérieux pour le traitement qui prévalent sur vos intérêts, ou il est nécessaire à une action en justice (art. 21, par. 1).',
    other: 'voir l’explication ci-dessous.',
  },
  resultErased: 'Effacé',
  resultKept: 'Conservé, parce que la loi l’exige',
  resultKeptForOthers: 'Conservé en partie, parce que cela concerne aussi d’autres personnes',
  keptReferenced: 'une donnée d’une autre personne y fait référence : elle reste, avec vos données effacées',
  keptShared: 'elle est partagée avec une autre personne : seules vos données y ont été effacées',
  resultNotified: 'Destinataires que nous avons informés (art. 19)',
  resultWillNotify: 'Destinataires que nous informerons (art. 19)',
  resultLine: '{categories}, pour {purpose} : {count}',
  resultYourData: 'vos données personnelles',
  records: ['enregistrement', 'enregistrements'],
  notFoundTitle: 'Indisponible',
  notFound: 'Cette page n’existe pas ou n’est plus disponible.',
  tooMany: 'Trop de tentatives. Veuillez réessayer plus tard.',
  fixFields: 'Veuillez vérifier les champs signalés ci-dessous.',
  fieldRequired: 'Veuillez compléter ce champ.',
  fieldEmail: 'Veuillez indiquer une adresse e-mail comme nom@exemple.be.',
  fieldChoose: 'Veuillez choisir une des options.',
  backToCenter: 'Retour au centre de confidentialité',
  consentsHeading: 'Vos consentements',
  consentsIntro:
    'Les consentements donnés avec votre adresse e-mail. Vous pouvez retirer chacun à tout moment ; ce qui a été fait auparavant reste licite.',
  consentGivenSince: 'donné depuis le {date}',
  consentWithdrawnSince: 'retiré depuis le {date}',
  withdrawConsentButton: 'Retirer ce consentement',
  consentWithdrawnNotice: 'Votre consentement a été retiré.',
  linkTitle: 'Confirmer',
  linkVerify: 'Confirmez que vous avez fait la demande {ref} et que cette boîte e-mail est la vôtre.',
  linkVerifyButton: 'Oui, c’était moi',
  linkCancel: 'Voulez-vous annuler la demande {ref} ? Rien ne sera effacé.',
  linkCancelButton: 'Annuler la demande',
  linkInvalid: 'Ce lien n’est plus valide. Les liens ne fonctionnent qu’une fois et expirent.',
  linkVerifyHere:
    'Vous continuez dans ce navigateur. Le navigateur dans lequel la demande a été faite n’obtient aucun accès par cette confirmation.',
  linkUsed:
    'Ce lien a déjà été utilisé : les liens et codes de nos e-mails ne fonctionnent qu’une fois. Continuez dans le navigateur où il a été utilisé ; les nouvelles de la demande sont envoyées à la boîte e-mail qui l’a reçu.',
  linkExpired: 'Ce lien a expiré. Si vous le souhaitez toujours, faites une nouvelle demande ou contactez-nous.',
  linkClosed:
    'Ce lien ne fonctionne plus : sa demande a avancé ou est clôturée, ou son code a été bloqué après trop d’essais erronés.',
  provenElsewhere:
    'Cette demande a été confirmée avec le code ou le lien de notre e-mail, dans un autre navigateur. Pour protéger la personne concernée, son avancement et les étapes suivantes ne sont affichés que dans ce navigateur ; les nouvelles sont envoyées à la boîte e-mail connue.',
  proofNeeded: 'Cette étape demande le code ou le lien de notre e-mail, utilisé dans ce navigateur.',
  foreignForm:
    'Ce formulaire a été envoyé depuis un autre site web et n’a pas été accepté. Veuillez utiliser le formulaire de notre propre page.',
  downloadTitle: 'Télécharger vos données',
  downloadIntro:
    'Pour protéger vos données, nous envoyons un nouveau code à usage unique à l’adresse à laquelle ce lien a été envoyé. Vous pourrez ensuite télécharger vos données, une seule fois.',
  sendCodeButton: 'M’envoyer un code',
  downloadCodeSent:
    'Nous vous avons envoyé un code. Saisissez-le pour télécharger vos données. Il est valable 30 minutes.',
  downloadButton: 'Télécharger mes données',
  downloadHere:
    'Ce navigateur a utilisé le lien ou le code de notre e-mail : vous pouvez télécharger vos données ici, une seule fois, jusqu’au {date}. Le lien de notre e-mail fonctionne aussi.',
  mailGreeting: 'Bonjour,',
  mailSignature: 'L’équipe vie privée de {org}',
  mailNotYou: 'Si vous n’avez pas fait cette demande, ignorez cet e-mail : rien ne se passe sans le code.',
  codeSubject: 'Votre code pour votre demande {ref}',
  codeBody:
    'Nous avons reçu une demande adressée à {org} : {type} (référence {ref}).\n\nVotre code à usage unique : {code}\n\nOu confirmez avec ce lien : {link}\n\nLe code et le lien sont valables 30 minutes.',
  scheduledSubject: 'Vos données seront effacées le {date}',
  scheduledBody:
    'Vous avez confirmé votre demande {ref} d’effacement de vos données. Nous les effacerons le {date}.\n\nVous avez changé d’avis ? Annulez avant cette date avec ce lien : {link}',
  packageSubject: 'Vos données chez {org} sont prêtes',
  packageBody:
    'La copie de vos données (demande {ref}) est prête : {link}\n\nLe lien ne fonctionne qu’une fois et expire le {date}. Pour protéger vos données, nous vous demanderons un nouveau code à usage unique, envoyé à cette adresse.',
  downloadCodeSubject: 'Votre code de téléchargement',
  downloadCodeBody: 'Votre code à usage unique pour télécharger vos données : {code}\n\nIl est valable 30 minutes.',
  recipientNoticeSubject: '{org} : une demande d’une personne concernée à répercuter ({ref}, art. 19 RGPD)',
  recipientNoticeBody:
    'À la demande d’une personne, nous avons {done} ses données personnelles (référence {ref}). Nous avons communiqué des données personnelles de cette personne à {recipient} ; l’article 19 du RGPD nous demande de vous en informer. Merci de {action}.\n\nCe courriel ne contient volontairement aucune donnée personnelle. Pour savoir de qui il s’agit, répondez à {contact} en citant la référence {ref} ; nous répondrons par un canal sécurisé. Merci de nous confirmer à la même adresse une fois que c’est fait.',
  recipientActions: {
    erasure: 'effacer les données personnelles de cette personne que vous avez reçues de nous',
    rectification:
      'rectifier les données personnelles de cette personne que vous avez reçues de nous (nous envoyons la rectification avec l’identité)',
    restriction:
      'limiter le traitement des données personnelles de cette personne que vous avez reçues de nous (les conserver sans les utiliser autrement)',
  },
  recipientDone: { erasure: 'effacé', rectification: 'rectifié', restriction: 'limité le traitement de' },
  completedSubject: 'Votre demande {ref} est traitée',
  refusedSubject: 'Votre demande {ref}',
  restrictionLiftedBody:
    'Nous levons la limitation de vos données au titre de la demande {ref}, pour ce motif : {reason}. Désormais, nous pouvons à nouveau utiliser vos données comme le décrit notre déclaration de confidentialité.',
  refusedBody: 'Nous avons clôturé votre demande {ref} sans suite. Motif : {reason}',
  notVerifiableSubject: 'Votre demande {ref} n’a pas pu être vérifiée',
  notVerifiableBody:
    'Nous avons reçu votre demande {ref} mais n’avons pas pu vérifier que vous êtes la personne concernée par les données (RGPD art. 11, par. 2, et 12, par. 2). Nous n’y avons donc pas donné suite. Vous pouvez faire une nouvelle demande, ou répondre avec des informations permettant de vous identifier.',
  extensionSubject: 'Votre demande {ref} : nous avons besoin de plus de temps',
  extensionBody:
    'Nous avons besoin de plus de temps pour traiter votre demande {ref} (RGPD art. 12, par. 3), pour la raison suivante : {reason}\n\nNous répondrons au plus tard le {date}.',
  withdrawnSubject: 'Votre demande {ref} est annulée',
  withdrawnBody: 'Votre demande {ref} a été annulée. Rien n’a été modifié.',
  remedies:
    'Vous pouvez introduire une réclamation auprès de l’autorité de contrôle, {authority} ({url}), et former un recours juridictionnel (art. 12, par. 4, 77 et 79).',
  reportTitle: 'Vos données personnelles chez {org}',
  reportIntro:
    'Voici une copie des données personnelles que {org} détient sur vous, en réponse à votre demande {ref} (RGPD art. 15). Le fichier {json} et les fichiers CSV de ce paquet contiennent les mêmes données sous une forme lisible par machine.',
  reportGenerated: 'Établi le {date}.',
  reportDataHeading: 'Les données que nous détenons',
  reportNoData: 'Nous ne détenons aucune donnée personnelle vous concernant dans nos systèmes.',
  reportStore: 'Système',
  reportRows: '{count} enregistrement(s)',
  reportColumn: 'Champ',
  reportCategory: 'Type de données',
  reportValue: 'Valeur',
  reportRestricted: 'limité (art. 18) : seulement conservé',
  reportShared: 'partagé avec une autre personne : ses données y sont omises (art. 15, par. 4)',
  reportPurposesHeading: 'Pourquoi nous les utilisons',
  reportPurposesIntro:
    'Pour chaque finalité : la base juridique, les destinataires, la durée de conservation et l’origine des données.',
  reportLegalBasis: 'Base juridique',
  reportLegitimateInterest: 'Notre intérêt légitime',
  reportRecipients: 'Destinataires',
  reportNoRecipients: 'Personne en dehors de notre organisation.',
  reportRetention: 'Durée de conservation',
  reportSource: 'Origine',
  reportSourceSubject: 'Vous nous les avez fournies.',
  reportSourceOther: 'Pas de vous : {source}',
  reportAutomated: 'Décisions automatisées',
  reportNoAutomated:
    'Aucune : aucune décision vous concernant n’est prise sur le seul fondement d’un traitement automatisé.',
  reportRetentionCriteria: 'Pas de durée fixe ; elle dépend des critères suivants : {criteria}',
  reportRetentionNotDecided: 'Pas encore fixée',
  reportTransfer: 'hors de l’EEE, sur la base de : {mechanism}',
  reportConsentsHeading: 'Vos consentements',
  reportNoConsents: 'Nous n’avons enregistré aucun consentement donné avec votre adresse e-mail.',
  reportConsentPurpose: 'Finalité',
  reportConsentState: 'Choix',
  reportConsentGiven: 'donné',
  reportConsentWithdrawn: 'retiré',
  reportConsentAt: 'Quand',
  reportRightsHeading: 'Vos droits',
  reportFilesHeading: 'Fichiers de ce paquet',
  reportFilesText:
    'report.html (cette page), data.json (toutes les données), un fichier CSV par table, consents.json (vos consentements).',
  legalBases: {
    consent: 'votre consentement (art. 6, par. 1, a)',
    contract: 'un contrat avec vous, ou des mesures précontractuelles (art. 6, par. 1, b)',
    'legal-obligation': 'une obligation légale (art. 6, par. 1, c)',
    'vital-interests': 'des intérêts vitaux (art. 6, par. 1, d)',
    'public-task': 'une mission d’intérêt public (art. 6, par. 1, e)',
    'legitimate-interests': 'notre intérêt légitime (art. 6, par. 1, f)',
  },
  anchors: {
    collection: 'à partir de la collecte',
    'end-of-contract': 'après la fin du contrat',
    'last-contact': 'après le dernier contact',
    receipt: 'à partir de la réception',
    'end-of-legal-period': 'après la fin du délai légal',
    'consent-withdrawn': 'après le retrait du consentement',
    event: 'après l’événement',
  },
  units: {
    year: ['an', 'ans'],
    month: ['mois', 'mois'],
    week: ['semaine', 'semaines'],
    day: ['jour', 'jours'],
    and: 'et',
  },
  officerReminderSubject: 'La demande {ref} arrive à échéance dans {days} jours',
  officerReminderBody:
    'La demande de personne concernée {ref} ({type}, {state}) doit recevoir une réponse au plus tard le {date}. Ouvrez-la dans la console : {link}',
  officerOverdueSubject: 'La demande {ref} est en retard',
  officerApprovalSubject: 'La demande {ref} attend votre approbation',
  officerApprovalBody:
    'La demande de personne concernée {ref} ({type}) est vérifiée et attend une approbation avant son exécution. Examinez le plan dans la console : {link}',
  officerFailureSubject: 'La demande {ref} n’a pas pu être exécutée',
  officerFailureBody:
    'L’exécution de la demande {ref} ({type}) a échoué {attempts} fois ; Charter continue d’essayer. Dernière erreur : {error}. Console : {link}',
  officerReceivedSubject: 'Nouvelle demande {ref} ({type})',
  officerReceivedBody:
    'La demande de personne concernée {ref} ({type}) a été reçue. Elle doit recevoir une réponse au plus tard le {date}. Ouvrez-la dans la console : {link}',
  officerVerifiedSubject: 'La demande {ref} ({type}) est vérifiée',
  officerVerifiedBody:
    'La demande de personne concernée {ref} ({type}) est vérifiée : le demandeur a prouvé qu’il dispose du contact enregistré. Elle doit recevoir une réponse au plus tard le {date}. Ouvrez-la dans la console : {link}',
};
