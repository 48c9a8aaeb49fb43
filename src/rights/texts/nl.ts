/**
 * The rights domain's texts in Dutch: the privacy center, the requester's mails, the access report and the officer's
 * notices (written for Charter, not machine-translated).
 */
import type { RightsTexts } from './types.js';

/** The locale dates are written in. */
export const locale = 'nl-BE';

export const texts: RightsTexts = {
  skip: 'Naar de inhoud',
  language: 'Taal',
  centerTitle: 'Privacycentrum',
  centerIntro:
    'Bekijk hoe {org} met uw persoonsgegevens omgaat, wijzig uw toestemmingen en oefen uw rechten onder de AVG uit.',
  noticeLink: 'Privacyverklaring',
  cookiesLink: 'Cookiebeleid',
  consentHeading: 'Uw toestemmingen',
  consentIntro: 'U kunt de keuzes die u in de cookiebanner maakte altijd wijzigen.',
  consentButton: 'Mijn cookiekeuzes wijzigen',
  purposeConsentsIntro:
    'Toestemmingen die u met uw e-mailadres gaf (bijvoorbeeld voor een nieuwsbrief) tonen we nadat we hebben nagegaan dat u het bent: kies hieronder “Een toestemming intrekken” of een ander verzoek.',
  requestHeading: 'Een verzoek indienen',
  requestIntro: 'Zeg ons wat we voor u moeten doen. Het is gratis en we antwoorden binnen een maand.',
  typeLegend: 'Wat wilt u dat we doen?',
  types: {
    access: 'Mijn gegevens inzien (inzage)',
    portability: 'Mijn gegevens in een herbruikbaar formaat krijgen (overdraagbaarheid)',
    rectification: 'Mijn gegevens verbeteren (rectificatie)',
    erasure: 'Mijn gegevens wissen (wissing)',
    restriction: 'Mijn gegevens voorlopig niet gebruiken (beperking)',
    objection: 'Bezwaar maken tegen een gebruik van mijn gegevens',
    withdrawal: 'Een toestemming intrekken',
  },
  typeHints: {
    access:
      'U krijgt een kopie van de gegevens die we over u hebben, met waarom we ze gebruiken, wie ze krijgt en hoe lang we ze bewaren.',
    portability:
      'U krijgt de gegevens die u ons gaf in JSON- en CSV-bestanden, om mee te nemen naar een andere dienst.',
    rectification: 'Zeg ons welke gegevens fout zijn en wat ze moeten zijn.',
    erasure:
      'We wissen uw gegevens, behalve wat de wet ons verplicht te bewaren. Tijdens een wachttijd kunt u nog annuleren.',
    restriction: 'We bewaren uw gegevens maar gebruiken ze niet zolang de reden hieronder geldt.',
    objection: 'Direct marketing stoppen we meteen. Voor ander gebruik wegen we uw redenen af tegen de onze.',
    withdrawal: 'We stoppen de verwerking waarvoor u toestemming gaf. Wat we eerder deden, blijft rechtmatig.',
  },
  identityLegend: 'Wie bent u?',
  identityTypeLabel: 'Ik identificeer me met mijn',
  identityTypes: {
    email: 'e-mailadres',
    phone: 'telefoonnummer',
    'customer-number': 'klantnummer',
    'account-id': 'accountnummer',
  },
  identityValueLabel: 'Uw e-mailadres, telefoonnummer, klantnummer of accountnummer',
  identityHint:
    'We sturen een eenmalige code naar de contactgegevens die we al van u hebben — nooit naar een adres dat hier wordt ingetypt — zodat niemand anders uw gegevens kan krijgen.',
  contactLabel: 'E-mailadres waarop we u vragen kunnen stellen (optioneel)',
  contactHint:
    'Alleen voor vragen over uw verzoek. Codes en uw gegevens gaan alleen naar de contactgegevens die we van u hebben.',
  detailsLegend: 'Details van uw verzoek',
  rectificationCategoryLabel: 'Welke gegevens zijn fout?',
  rectificationCategoryAny: 'Andere (beschrijf hieronder)',
  rectificationDesiredLabel: 'Wat moet het zijn?',
  restrictionGroundLabel: 'Waarom moeten we uw gegevens voorlopig niet gebruiken? (art. 18)',
  restrictionGrounds: {
    'accuracy-contested': 'Ik betwist dat mijn gegevens juist zijn, terwijl u dat nagaat',
    'unlawful-processing': 'De verwerking is onrechtmatig, maar ik wil mijn gegevens niet laten wissen',
    'legal-claims': 'U hebt mijn gegevens niet meer nodig, maar ik heb ze nodig voor een rechtsvordering',
    'objection-pending': 'Ik maakte bezwaar, terwijl u uw redenen afweegt tegen de mijne',
  },
  objectionKindLabel: 'Waartegen maakt u bezwaar?',
  objectionDirectMarketing: 'Direct marketing (nieuwsbrieven, aanbiedingen, reclame)',
  objectionLegitimateInterest: 'Een ander gebruik op grond van ons gerechtvaardigd belang',
  objectionPurposeLabel: 'Welk gebruik?',
  objectionExplanationLabel: 'Uw redenen, die verband houden met uw specifieke situatie',
  withdrawalPurposeLabel: 'Welke toestemming trekt u in?',
  messageLabel: 'Moeten we nog iets weten? (optioneel)',
  submit: 'Mijn verzoek versturen',
  rightsHeading: 'Uw rechten',
  rightsList: [
    'Inzage: weten of we uw gegevens verwerken en er een kopie van krijgen (art. 15).',
    'Rectificatie van onjuiste gegevens (art. 16).',
    'Wissing, wanneer er geen reden meer is om uw gegevens te bewaren (art. 17).',
    'Beperking van de verwerking in de gevallen van art. 18.',
    'Overdraagbaarheid van de gegevens die u ons gaf (art. 20).',
    'Bezwaar tegen verwerking op grond van ons gerechtvaardigd belang, en altijd tegen direct marketing (art. 21).',
    'Een toestemming op elk moment intrekken, zonder dat dit afdoet aan wat eerder gebeurde (art. 7, lid 3).',
  ],
  complaint: 'U kunt ook een klacht indienen bij de toezichthoudende autoriteit: {authority} ({url}).',
  contactHeading: 'Contact',
  dpoLabel: 'Functionaris voor gegevensbescherming',
  otherChannels: 'U kunt een verzoek ook per e-mail naar {email} of per post indienen.',
  statusTitle: 'Uw verzoek',
  reference: 'Referentie',
  typeLabel: 'Verzoek',
  stateLabel: 'Stand van zaken',
  receivedLabel: 'Ontvangen op',
  dueLabel: 'We antwoorden uiterlijk op',
  states: {
    received: 'Ontvangen',
    'awaiting-verification': 'Wacht op uw bevestiging',
    verified: 'Bevestigd',
    'in-progress': 'In behandeling',
    'awaiting-approval': 'Wordt nagekeken door ons privacyteam',
    completed: 'Afgehandeld',
    refused: 'Afgesloten zonder gevolg',
    withdrawn: 'Ingetrokken',
  },
  codeSent:
    'Als we gegevens over dit {identity} hebben, hebben we een eenmalige code gestuurd naar de contactgegevens die we ervan hebben. Vul de code hieronder in. Ze is 30 minuten geldig.',
  codeHelp:
    'Geen code gekregen? Kijk in uw map met ongewenste e-mail. Als we geen gegevens over u hebben, sturen we geen code; uw verzoek wordt dan na de termijn afgesloten.',
  codeLabel: 'Eenmalige code (8 cijfers)',
  verifyButton: 'Bevestigen',
  codeInvalid:
    'Deze code is niet geldig. Controleer ze en probeer opnieuw, of dien een nieuw verzoek in als ze verlopen is.',
  staffVerification:
    'Voor dit verzoek gaat ons privacyteam uw identiteit na. Het neemt contact met u op via de gegevens die we van u hebben.',
  confirmHeading: 'Bevestig alstublieft',
  confirmErasure:
    'We wissen uw persoonsgegevens, behalve wat de wet ons verplicht te bewaren, {grace} nadat u bevestigt: op {date} als u nu bevestigt. Tot dan kunt u annuleren, hier of met de link die we u mailen.',
  confirmErasureNow:
    'We wissen uw persoonsgegevens, behalve wat de wet ons verplicht te bewaren, zodra u bevestigt. Annuleren kan daarna niet meer.',
  confirmOther: 'Bevestig dat we dit verzoek moeten behandelen.',
  confirmButton: 'Ja, ga verder',
  scheduled: 'Uw gegevens worden gewist op {date}. Tot dan kunt u annuleren.',
  cancelButton: 'Mijn verzoek annuleren',
  cancelHint: 'Annuleren sluit het verzoek af; er wordt niets gewijzigd.',
  inProgress: 'We behandelen uw verzoek.',
  awaitingApproval: 'Een lid van ons privacyteam kijkt uw verzoek na.',
  completed: {
    access: 'Uw gegevens staan klaar. We hebben u een e-mail gestuurd met een downloadlink.',
    portability: 'Uw gegevens staan klaar. We hebben u een e-mail gestuurd met een downloadlink.',
    rectification: 'Uw gegevens zijn verbeterd.',
    erasure: 'Uw gegevens zijn gewist.',
    restriction: 'We gebruiken uw gegevens niet meer; we bewaren ze alleen.',
    objection: 'We hebben de verwerking waartegen u bezwaar maakte gestopt.',
    withdrawal: 'Uw toestemming is ingetrokken.',
  },
  restrictionMarked:
    'De beperking is vastgelegd in die van onze systemen die haar kunnen vastleggen: daar worden uw gegevens bewaard en niet anders gebruikt.',
  restrictionByHand:
    'Een deel van uw gegevens staat in een systeem dat de beperking zelf niet kan vastleggen. Die gegevens beschermen we tegen verwijdering, en ons privacyteam heeft de taak gekregen het gebruik ervan daar met de hand te stoppen.',
  restrictionTask:
    'Met de hand beperken: opslag {store}, tabel {table} (geen beperkingskolom; Charter houdt deze rijen intussen buiten de bewaartermijnen)',
  refused: 'We hebben uw verzoek zonder gevolg afgesloten. Reden: {reason}',
  withdrawn: 'Dit verzoek is geannuleerd. Er is niets gewijzigd.',
  extended: 'We hebben meer tijd nodig voor dit verzoek, om deze reden: {reason}. We antwoorden uiterlijk op {date}.',
  notVerifiable:
    'We konden niet nagaan dat u de persoon bent over wie de gegevens gaan, dus konden we niet op dit verzoek ingaan (AVG art. 11, lid 2, en 12, lid 2). U kunt een nieuw verzoek indienen of ons informatie sturen waarmee we u kunnen identificeren.',
  refusalReasons: {
    unfounded: 'het verzoek is kennelijk ongegrond (art. 12, lid 5).',
    excessive: 'het verzoek is buitensporig, met name door het repetitieve karakter (art. 12, lid 5).',
    'not-verifiable': 'we konden uw identiteit niet nagaan (art. 11, lid 2, en 12, lid 2).',
    'compelling-grounds':
      'we hebben dwingende gerechtvaardigde gronden voor de verwerking die zwaarder wegen dan uw belangen, of hebben ze nodig voor een rechtsvordering (art. 21, lid 1).',
    other: 'zie de toelichting hieronder.',
  },
  resultErased: 'Gewist',
  resultKept: 'Bewaard, omdat de wet het vereist',
  resultKeptForOthers: 'Gedeeltelijk bewaard, omdat het ook andere personen betreft',
  keptReferenced:
    'het gegeven van een andere persoon verwijst ernaar, dus het blijft bestaan, met uw gegevens erin gewist',
  keptShared: 'het wordt gedeeld met een andere persoon, dus alleen uw gegevens erin zijn gewist',
  resultNotified: 'Ontvangers die we op de hoogte brachten (art. 19)',
  resultWillNotify: 'Ontvangers die we op de hoogte zullen brengen (art. 19)',
  resultLine: '{categories}, voor {purpose}: {count}',
  resultYourData: 'uw persoonsgegevens',
  records: ['record', 'records'],
  notFoundTitle: 'Niet beschikbaar',
  notFound: 'Deze pagina bestaat niet of is niet meer beschikbaar.',
  tooMany: 'Te veel pogingen. Probeer het later opnieuw.',
  fixFields: 'Controleer de velden die hieronder zijn aangeduid.',
  fieldRequired: 'Vul dit in.',
  fieldEmail: 'Geef een e-mailadres zoals naam@voorbeeld.be.',
  fieldChoose: 'Kies een van de mogelijkheden.',
  backToCenter: 'Terug naar het privacycentrum',
  consentsHeading: 'Uw toestemmingen',
  consentsIntro:
    'Toestemmingen die u met uw e-mailadres gaf. U kunt elk ervan altijd intrekken; wat eerder gebeurde, blijft rechtmatig.',
  consentGivenSince: 'gegeven sinds {date}',
  consentWithdrawnSince: 'ingetrokken sinds {date}',
  withdrawConsentButton: 'Deze toestemming intrekken',
  consentWithdrawnNotice: 'Uw toestemming is ingetrokken.',
  linkTitle: 'Bevestigen',
  linkVerify: 'Bevestig dat u verzoek {ref} hebt ingediend en dat deze mailbox van u is.',
  linkVerifyButton: 'Ja, dat was ik',
  linkCancel: 'Wilt u verzoek {ref} annuleren? Er wordt dan niets gewist.',
  linkCancelButton: 'Het verzoek annuleren',
  linkInvalid: 'Deze link is niet meer geldig. Links werken één keer en verlopen.',
  linkVerifyHere:
    'U gaat verder in deze browser. De browser waarin het verzoek werd ingediend, krijgt door deze bevestiging geen toegang.',
  linkUsed:
    'Deze link werd al gebruikt: links en codes uit onze mails werken één keer. Ga verder in de browser waarin hij werd gebruikt; nieuws over het verzoek gaat naar de mailbox waarnaar hij werd gestuurd.',
  linkExpired: 'Deze link is verlopen. Wilt u dit nog, dien dan een nieuw verzoek in of neem contact met ons op.',
  linkClosed:
    'Deze link werkt niet meer: het verzoek is intussen verder behandeld of afgesloten, of de code werd geblokkeerd na te veel foute pogingen.',
  provenElsewhere:
    'Dit verzoek werd bevestigd met de code of de link uit onze mail, in een andere browser. Om de betrokkene te beschermen, zijn de voortgang en verdere stappen alleen in die browser te zien; nieuws erover gaat naar de bekende mailbox.',
  proofNeeded: 'Voor deze stap is de code of de link uit onze mail nodig, gebruikt in deze browser.',
  foreignForm:
    'Dit formulier werd vanaf een andere website verstuurd en niet aanvaard. Gebruik het formulier op onze eigen pagina.',
  downloadTitle: 'Uw gegevens downloaden',
  downloadIntro:
    'Om uw gegevens te beschermen, sturen we een nieuwe eenmalige code naar het adres waarnaar deze link werd gestuurd. Daarna kunt u uw gegevens één keer downloaden.',
  sendCodeButton: 'Stuur me een code',
  downloadCodeSent: 'We hebben u een code gestuurd. Vul ze in om uw gegevens te downloaden. Ze is 30 minuten geldig.',
  downloadButton: 'Mijn gegevens downloaden',
  downloadHere:
    'Deze browser gebruikte de link of code uit onze e-mail: u kunt uw gegevens hier downloaden, eenmaal, tot {date}. De link in onze e-mail werkt ook.',
  mailGreeting: 'Beste,',
  mailSignature: 'Het privacyteam van {org}',
  mailNotYou: 'Hebt u dit verzoek niet ingediend? Negeer dan deze e-mail: zonder de code gebeurt er niets.',
  codeSubject: 'Uw code voor uw privacyverzoek {ref}',
  codeBody:
    'We ontvingen een verzoek aan {org}: {type} (referentie {ref}).\n\nUw eenmalige code: {code}\n\nOf bevestig met deze link: {link}\n\nDe code en de link zijn 30 minuten geldig.',
  scheduledSubject: 'Uw gegevens worden gewist op {date}',
  scheduledBody:
    'U bevestigde uw verzoek {ref} om uw gegevens te wissen. We wissen ze op {date}.\n\nBedacht? Annuleer voordien met deze link: {link}',
  packageSubject: 'Uw gegevens bij {org} staan klaar',
  packageBody:
    'De kopie van uw gegevens (verzoek {ref}) staat klaar: {link}\n\nDe link werkt één keer en verloopt op {date}. Om uw gegevens te beschermen vragen we een nieuwe eenmalige code, die we naar dit adres sturen.',
  downloadCodeSubject: 'Uw downloadcode',
  downloadCodeBody: 'Uw eenmalige code om uw gegevens te downloaden: {code}\n\nZe is 30 minuten geldig.',
  recipientNoticeSubject: '{org}: een verzoek van een betrokkene om door te geven ({ref}, art. 19 AVG)',
  recipientNoticeBody:
    'Op verzoek van een persoon hebben we diens persoonsgegevens {done} (referentie {ref}). We deelden persoonsgegevens van deze persoon met {recipient}; artikel 19 AVG vraagt ons u daarvan op de hoogte te brengen. Gelieve {action}.\n\nDeze mail bevat bewust geen persoonsgegevens. Om te weten om wie het gaat, antwoordt u aan {contact} met vermelding van referentie {ref}; we antwoorden via een beveiligd kanaal. Bevestig ons op hetzelfde adres wanneer het gebeurd is.',
  recipientActions: {
    erasure: 'de persoonsgegevens van deze persoon die u van ons ontving te wissen',
    rectification:
      'de persoonsgegevens van deze persoon die u van ons ontving te verbeteren (we sturen de verbetering mee met de identiteit)',
    restriction:
      'de verwerking van de persoonsgegevens van deze persoon die u van ons ontving te beperken (bewaren, maar niet anders gebruiken)',
  },
  recipientDone: { erasure: 'gewist', rectification: 'verbeterd', restriction: 'in verwerking beperkt' },
  completedSubject: 'Uw verzoek {ref} is afgehandeld',
  refusedSubject: 'Uw verzoek {ref}',
  restrictionLiftedBody:
    'We heffen de beperking van uw gegevens onder verzoek {ref} op, om deze reden: {reason}. Vanaf nu mogen we uw gegevens weer gebruiken zoals onze privacyverklaring beschrijft.',
  refusedBody: 'We hebben uw verzoek {ref} zonder gevolg afgesloten. Reden: {reason}',
  notVerifiableSubject: 'Uw verzoek {ref} kon niet worden geverifieerd',
  notVerifiableBody:
    'We ontvingen uw verzoek {ref}, maar konden niet nagaan dat u de persoon bent over wie de gegevens gaan (AVG art. 11, lid 2, en 12, lid 2). Daarom zijn we er niet op ingegaan. U kunt een nieuw verzoek indienen of antwoorden met informatie waarmee we u kunnen identificeren.',
  extensionSubject: 'Uw verzoek {ref}: we hebben meer tijd nodig',
  extensionBody:
    'We hebben meer tijd nodig om uw verzoek {ref} te behandelen (AVG art. 12, lid 3), om deze reden: {reason}\n\nWe antwoorden uiterlijk op {date}.',
  withdrawnSubject: 'Uw verzoek {ref} is geannuleerd',
  withdrawnBody: 'Uw verzoek {ref} is geannuleerd. Er is niets gewijzigd.',
  remedies:
    'U kunt een klacht indienen bij de toezichthoudende autoriteit, {authority} ({url}), en naar de rechter stappen (art. 12, lid 4, 77 en 79).',
  reportTitle: 'Uw persoonsgegevens bij {org}',
  reportIntro:
    'Dit is een kopie van de persoonsgegevens die {org} over u heeft, als antwoord op uw verzoek {ref} (AVG art. 15). Het bestand {json} en de CSV-bestanden in dit pakket bevatten dezelfde gegevens in machineleesbare vorm.',
  reportGenerated: 'Opgesteld op {date}.',
  reportDataHeading: 'De gegevens die we hebben',
  reportNoData: 'We hebben geen persoonsgegevens over u in onze systemen.',
  reportStore: 'Systeem',
  reportRows: '{count} record(s)',
  reportColumn: 'Veld',
  reportCategory: 'Soort gegevens',
  reportValue: 'Waarde',
  reportRestricted: 'beperkt (art. 18): alleen bewaard',
  reportShared: 'gedeeld met een andere persoon: diens gegevens erin zijn weggelaten (art. 15, lid 4)',
  reportPurposesHeading: 'Waarom we ze gebruiken',
  reportPurposesIntro:
    'Per doel: de rechtsgrond, wie de gegevens krijgt, hoe lang we ze bewaren en waar ze vandaan komen.',
  reportLegalBasis: 'Rechtsgrond',
  reportLegitimateInterest: 'Ons gerechtvaardigd belang',
  reportRecipients: 'Ontvangers',
  reportNoRecipients: 'Niemand buiten onze organisatie.',
  reportRetention: 'Hoe lang we ze bewaren',
  reportSource: 'Bron',
  reportSourceSubject: 'U gaf ze ons.',
  reportSourceOther: 'Niet van u: {source}',
  reportAutomated: 'Geautomatiseerde besluiten',
  reportNoAutomated: 'Geen: er wordt geen besluit over u genomen uitsluitend op basis van geautomatiseerde verwerking.',
  reportRetentionCriteria: 'Geen vaste termijn; die hangt af van deze criteria: {criteria}',
  reportRetentionNotDecided: 'Nog niet bepaald',
  reportTransfer: 'buiten de EER, op grond van: {mechanism}',
  reportConsentsHeading: 'Uw toestemmingen',
  reportNoConsents: 'We hebben geen toestemmingen geregistreerd die met uw e-mailadres werden gegeven.',
  reportConsentPurpose: 'Doel',
  reportConsentState: 'Keuze',
  reportConsentGiven: 'gegeven',
  reportConsentWithdrawn: 'ingetrokken',
  reportConsentAt: 'Wanneer',
  reportRightsHeading: 'Uw rechten',
  reportFilesHeading: 'Bestanden in dit pakket',
  reportFilesText:
    'report.html (deze pagina), data.json (alle gegevens), een CSV-bestand per tabel, consents.json (uw toestemmingen).',
  legalBases: {
    consent: 'uw toestemming (art. 6, lid 1, a)',
    contract: 'een overeenkomst met u, of stappen daarvoor (art. 6, lid 1, b)',
    'legal-obligation': 'een wettelijke verplichting (art. 6, lid 1, c)',
    'vital-interests': 'vitale belangen (art. 6, lid 1, d)',
    'public-task': 'een taak van algemeen belang (art. 6, lid 1, e)',
    'legitimate-interests': 'ons gerechtvaardigd belang (art. 6, lid 1, f)',
  },
  anchors: {
    collection: 'vanaf de verzameling',
    'end-of-contract': 'na het einde van de overeenkomst',
    'last-contact': 'na het laatste contact',
    receipt: 'vanaf de ontvangst',
    'end-of-legal-period': 'na het einde van de wettelijke termijn',
    'consent-withdrawn': 'na het intrekken van de toestemming',
    event: 'na de gebeurtenis',
  },
  units: {
    year: ['jaar', 'jaar'],
    month: ['maand', 'maanden'],
    week: ['week', 'weken'],
    day: ['dag', 'dagen'],
    and: 'en',
  },
  officerReminderSubject: 'Verzoek {ref} vervalt over {days} dagen',
  officerReminderBody:
    'Verzoek van een betrokkene {ref} ({type}, {state}) moet uiterlijk op {date} beantwoord zijn. Open het in de console: {link}',
  officerOverdueSubject: 'Verzoek {ref} is te laat',
  officerApprovalSubject: 'Verzoek {ref} wacht op uw goedkeuring',
  officerApprovalBody:
    'Verzoek van een betrokkene {ref} ({type}) is geverifieerd en wacht op goedkeuring voor het wordt uitgevoerd. Bekijk het plan in de console: {link}',
  officerFailureSubject: 'Verzoek {ref} kon niet worden uitgevoerd',
  officerFailureBody:
    'Het uitvoeren van verzoek {ref} ({type}) mislukte {attempts} keer; Charter blijft het proberen. Laatste fout: {error}. Console: {link}',
  officerReceivedSubject: 'Nieuw verzoek {ref} ({type})',
  officerReceivedBody:
    'Verzoek van een betrokkene {ref} ({type}) is ontvangen. Het moet uiterlijk op {date} beantwoord zijn. Open het in de console: {link}',
  officerVerifiedSubject: 'Verzoek {ref} ({type}) is geverifieerd',
  officerVerifiedBody:
    'Verzoek van een betrokkene {ref} ({type}) is geverifieerd: de verzoeker toonde aan dat hij over het gekende contactadres beschikt. Het moet uiterlijk op {date} beantwoord zijn. Open het in de console: {link}',
};
