/**
 * The rights domain's texts in German: the privacy center, the requester's mails, the access report and the officer's
 * notices (written for Charter, not machine-translated).
 */
import type { RightsTexts } from './types.js';

/** The locale dates are written in. */
export const locale = 'de-BE';

export const texts: RightsTexts = {
  skip: 'Zum Inhalt springen',
  language: 'Sprache',
  centerTitle: 'Datenschutzcenter',
  centerIntro:
    'Erfahren Sie, wie {org} mit Ihren personenbezogenen Daten umgeht, ändern Sie Ihre Einwilligungen und üben Sie Ihre Rechte nach der DSGVO aus.',
  noticeLink: 'Datenschutzerklärung',
  cookiesLink: 'Cookie-Richtlinie',
  consentHeading: 'Ihre Einwilligungen',
  consentIntro: 'Sie können die im Cookie-Banner getroffene Auswahl jederzeit ändern.',
  consentButton: 'Meine Cookie-Auswahl ändern',
  purposeConsentsIntro:
    'Einwilligungen, die Sie mit Ihrer E-Mail-Adresse erteilt haben (zum Beispiel für einen Newsletter), zeigen wir, nachdem wir geprüft haben, dass Sie es sind: Wählen Sie unten „Eine Einwilligung widerrufen“ oder eine andere Anfrage.',
  requestHeading: 'Eine Anfrage stellen',
  requestIntro: 'Sagen Sie uns, was wir tun sollen. Es ist kostenlos, und wir antworten innerhalb eines Monats.',
  typeLegend: 'Was sollen wir tun?',
  types: {
    access: 'Meine Daten einsehen (Auskunft)',
    portability: 'Meine Daten in einem weiterverwendbaren Format erhalten (Datenübertragbarkeit)',
    rectification: 'Meine Daten berichtigen (Berichtigung)',
    erasure: 'Meine Daten löschen (Löschung)',
    restriction: 'Meine Daten vorläufig nicht verwenden (Einschränkung)',
    objection: 'Einer Verwendung meiner Daten widersprechen (Widerspruch)',
    withdrawal: 'Eine Einwilligung widerrufen',
  },
  typeHints: {
    access:
      'Sie erhalten eine Kopie der Daten, die wir über Sie haben, mit dem Zweck, den Empfängern und der Speicherdauer.',
    portability:
      'Sie erhalten die Daten, die Sie uns gegeben haben, als JSON- und CSV-Dateien, um sie zu einem anderen Dienst mitzunehmen.',
    rectification: 'Sagen Sie uns, welche Daten falsch sind und wie sie lauten sollen.',
    erasure:
      'Wir löschen Ihre Daten, außer was wir gesetzlich aufbewahren müssen. Während einer Wartefrist können Sie noch abbrechen.',
    restriction: 'Wir bewahren Ihre Daten auf, verwenden sie aber nicht, solange der unten genannte Grund besteht.',
    objection: 'Direktwerbung stellen wir sofort ein. Bei anderen Verwendungen wägen wir Ihre Gründe gegen unsere ab.',
    withdrawal: 'Wir beenden die Verarbeitung, in die Sie eingewilligt haben. Was vorher geschah, bleibt rechtmäßig.',
  },
  identityLegend: 'Wer sind Sie?',
  identityTypeLabel: 'Ich weise mich aus mit meiner/meinem',
  identityTypes: {
    email: 'E-Mail-Adresse',
    phone: 'Telefonnummer',
    'customer-number': 'Kundennummer',
    'account-id': 'Konto-ID',
  },
  identityValueLabel: 'Ihre E-Mail-Adresse, Telefonnummer, Kundennummer oder Konto-ID',
  identityHint:
    'Wir senden einen Einmalcode an die Kontaktdaten, die wir bereits von Ihnen haben — nie an eine hier eingegebene Adresse —, damit niemand sonst Ihre Daten erhält.',
  contactLabel: 'E-Mail-Adresse für Rückfragen (freiwillig)',
  contactHint:
    'Nur für Rückfragen zu Ihrer Anfrage. Codes und Ihre Daten gehen nur an die Kontaktdaten, die wir von Ihnen haben.',
  detailsLegend: 'Einzelheiten Ihrer Anfrage',
  rectificationCategoryLabel: 'Welche Daten sind falsch?',
  rectificationCategoryAny: 'Andere (unten beschreiben)',
  rectificationDesiredLabel: 'Wie sollen sie lauten?',
  restrictionGroundLabel: 'Warum sollen wir Ihre Daten vorläufig nicht verwenden? (Art. 18)',
  restrictionGrounds: {
    'accuracy-contested': 'Ich bestreite die Richtigkeit meiner Daten, während Sie sie prüfen',
    'unlawful-processing': 'Die Verarbeitung ist unrechtmäßig, aber ich möchte keine Löschung',
    'legal-claims': 'Sie brauchen meine Daten nicht mehr, ich aber für Rechtsansprüche',
    'objection-pending': 'Ich habe widersprochen, während Sie Ihre Gründe gegen meine abwägen',
  },
  objectionKindLabel: 'Wogegen widersprechen Sie?',
  objectionDirectMarketing: 'Direktwerbung (Newsletter, Angebote, Werbung)',
  objectionLegitimateInterest: 'Eine andere Verwendung auf Grundlage unseres berechtigten Interesses',
  objectionPurposeLabel: 'Welche Verwendung?',
  objectionExplanationLabel: 'Ihre Gründe, die sich aus Ihrer besonderen Situation ergeben',
  withdrawalPurposeLabel: 'Welche Einwilligung widerrufen Sie?',
  messageLabel: 'Sollen wir noch etwas wissen? (freiwillig)',
  submit: 'Anfrage senden',
  rightsHeading: 'Ihre Rechte',
  rightsList: [
    'Auskunft: wissen, ob wir Ihre Daten verarbeiten, und eine Kopie erhalten (Art. 15).',
    'Berichtigung unrichtiger Daten (Art. 16).',
    'Löschung, wenn es keinen Grund mehr gibt, Ihre Daten aufzubewahren (Art. 17).',
    'Einschränkung der Verarbeitung in den Fällen des Art. 18.',
    'Übertragbarkeit der Daten, die Sie uns gegeben haben (Art. 20).',
    'Widerspruch gegen Verarbeitungen auf Grundlage unseres berechtigten Interesses und jederzeit gegen Direktwerbung (Art. 21).',
    'Widerruf einer Einwilligung jederzeit, ohne dass dies die bisherige Verarbeitung berührt (Art. 7 Abs. 3).',
  ],
  complaint: 'Sie können sich auch bei der Aufsichtsbehörde beschweren: {authority} ({url}).',
  contactHeading: 'Kontakt',
  dpoLabel: 'Datenschutzbeauftragte(r)',
  otherChannels: 'Sie können eine Anfrage auch per E-Mail an {email} oder per Post stellen.',
  statusTitle: 'Ihre Anfrage',
  reference: 'Referenz',
  typeLabel: 'Anfrage',
  stateLabel: 'Stand',
  receivedLabel: 'Eingegangen am',
  dueLabel: 'Wir antworten spätestens am',
  states: {
    received: 'Eingegangen',
    'awaiting-verification': 'Wartet auf Ihre Bestätigung',
    verified: 'Bestätigt',
    'in-progress': 'In Bearbeitung',
    'awaiting-approval': 'Wird von unserem Datenschutzteam geprüft',
    completed: 'Erledigt',
    refused: 'Ohne Maßnahme abgeschlossen',
    withdrawn: 'Zurückgezogen',
  },
  codeSent:
    'Wenn wir Daten zu dieser Angabe ({identity}) haben, haben wir einen Einmalcode an die dazu gespeicherten Kontaktdaten gesendet. Geben Sie den Code unten ein. Er ist 30 Minuten gültig.',
  codeHelp:
    'Kein Code? Sehen Sie im Spam-Ordner nach. Wenn wir keine Daten über Sie haben, wird kein Code gesendet; Ihre Anfrage wird dann nach Ablauf der Frist geschlossen.',
  codeLabel: 'Einmalcode (8 Ziffern)',
  verifyButton: 'Bestätigen',
  codeInvalid:
    'Dieser Code ist nicht gültig. Prüfen Sie ihn und versuchen Sie es erneut, oder stellen Sie eine neue Anfrage, wenn er abgelaufen ist.',
  staffVerification:
    'Bei dieser Anfrage prüft unser Datenschutzteam Ihre Identität. Es meldet sich über die Kontaktdaten, die wir von Ihnen haben.',
  confirmHeading: 'Bitte bestätigen Sie',
  confirmErasure:
    'Wir löschen Ihre personenbezogenen Daten, außer was wir gesetzlich aufbewahren müssen, {grace} nach Ihrer Bestätigung: am {date}, wenn Sie jetzt bestätigen. Bis dahin können Sie abbrechen, hier oder mit dem Link, den wir Ihnen mailen.',
  confirmErasureNow:
    'Wir löschen Ihre personenbezogenen Daten, außer was wir gesetzlich aufbewahren müssen, sobald Sie bestätigen. Danach ist kein Abbruch mehr möglich.',
  confirmOther: 'Bitte bestätigen Sie, dass wir diese Anfrage bearbeiten sollen.',
  confirmButton: 'Ja, fortfahren',
  scheduled: 'Ihre Daten werden am {date} gelöscht. Bis dahin können Sie abbrechen.',
  cancelButton: 'Meine Anfrage zurückziehen',
  cancelHint: 'Das Zurückziehen schließt die Anfrage; nichts wird geändert.',
  inProgress: 'Wir bearbeiten Ihre Anfrage.',
  awaitingApproval: 'Ein Mitglied unseres Datenschutzteams prüft Ihre Anfrage.',
  completed: {
    access: 'Ihre Daten liegen bereit. Wir haben Ihnen eine E-Mail mit einem Download-Link gesendet.',
    portability: 'Ihre Daten liegen bereit. Wir haben Ihnen eine E-Mail mit einem Download-Link gesendet.',
    rectification: 'Ihre Daten wurden berichtigt.',
    erasure: 'Ihre Daten wurden gelöscht.',
    restriction: 'Wir verwenden Ihre Daten nicht mehr, sondern speichern sie nur.',
    objection: 'Wir haben die Verarbeitung, der Sie widersprochen haben, eingestellt.',
    withdrawal: 'Ihre Einwilligung wurde widerrufen.',
  },
  restrictionMarked:
    'Die Einschränkung ist in denjenigen unserer Systeme vermerkt, die sie vermerken können: Dort werden Ihre Daten aufbewahrt und nicht anders verwendet.',
  restrictionByHand:
    'Ein Teil Ihrer Daten liegt in einem System, das die Einschränkung nicht selbst vermerken kann. Diese Daten schützen wir vor dem Löschen, und unser Datenschutzteam hat die Aufgabe erhalten, ihre Verwendung dort von Hand zu beenden.',
  restrictionTask:
    'Von Hand einschränken: Speicher {store}, Tabelle {table} (keine Einschränkungsspalte; Charter nimmt diese Zeilen bis dahin von der Aufbewahrungslöschung aus)',
  refused: 'Wir haben Ihre Anfrage ohne Maßnahme abgeschlossen. Grund: {reason}',
  withdrawn: 'Diese Anfrage wurde zurückgezogen. Nichts wurde geändert.',
  extended:
    'Wir brauchen mehr Zeit für diese Anfrage, aus folgendem Grund: {reason}. Wir antworten spätestens am {date}.',
  notVerifiable:
    'Wir konnten nicht prüfen, dass Sie die Person sind, um deren Daten es geht, und konnten daher nicht tätig werden (DSGVO Art. 11 Abs. 2 und 12 Abs. 2). Sie können eine neue Anfrage stellen oder uns Angaben senden, mit denen wir Sie identifizieren können.',
  refusalReasons: {
    unfounded: 'die Anfrage ist offenkundig unbegründet (Art. 12 Abs. 5).',
    excessive: 'die Anfrage ist exzessiv, insbesondere wegen häufiger Wiederholung (Art. 12 Abs. 5).',
    'not-verifiable': 'wir konnten Ihre Identität nicht prüfen (Art. 11 Abs. 2 und 12 Abs. 2).',
    'compelling-grounds':
      'wir haben zwingende schutzwürdige Gründe für die Verarbeitung, die Ihre Interessen überwiegen, oder brauchen sie für Rechtsansprüche (Art. 21 Abs. 1).',
    other: 'siehe die Erläuterung unten.',
  },
  resultErased: 'Gelöscht',
  resultKept: 'Aufbewahrt, weil das Gesetz es verlangt',
  resultKeptForOthers: 'Teilweise aufbewahrt, weil es auch andere Personen betrifft',
  keptReferenced:
    'ein Datensatz einer anderen Person verweist darauf, daher bleibt er bestehen, Ihre Angaben darin gelöscht',
  keptShared: 'er wird mit einer anderen Person geteilt, daher wurden nur Ihre Angaben darin gelöscht',
  resultNotified: 'Empfänger, die wir informiert haben (Art. 19)',
  resultWillNotify: 'Empfänger, die wir informieren werden (Art. 19)',
  resultLine: '{categories}, für {purpose}: {count}',
  resultYourData: 'Ihre personenbezogenen Daten',
  records: ['Datensatz', 'Datensätze'],
  notFoundTitle: 'Nicht verfügbar',
  notFound: 'Diese Seite gibt es nicht oder nicht mehr.',
  tooMany: 'Zu viele Versuche. Bitte versuchen Sie es später erneut.',
  fixFields: 'Bitte prüfen Sie die unten markierten Felder.',
  fieldRequired: 'Bitte füllen Sie dieses Feld aus.',
  fieldEmail: 'Bitte geben Sie eine E-Mail-Adresse wie name@beispiel.de an.',
  fieldChoose: 'Bitte wählen Sie eine der Möglichkeiten.',
  backToCenter: 'Zurück zum Datenschutzcenter',
  consentsHeading: 'Ihre Einwilligungen',
  consentsIntro:
    'Mit Ihrer E-Mail-Adresse erteilte Einwilligungen. Sie können jede jederzeit widerrufen; die bisherige Verarbeitung bleibt rechtmäßig.',
  consentGivenSince: 'erteilt seit {date}',
  consentWithdrawnSince: 'widerrufen seit {date}',
  withdrawConsentButton: 'Diese Einwilligung widerrufen',
  consentWithdrawnNotice: 'Ihre Einwilligung wurde widerrufen.',
  linkTitle: 'Bestätigen',
  linkVerify: 'Bestätigen Sie, dass Sie die Anfrage {ref} gestellt haben und dass dieses Postfach Ihnen gehört.',
  linkVerifyButton: 'Ja, das war ich',
  linkCancel: 'Möchten Sie die Anfrage {ref} zurückziehen? Dann wird nichts gelöscht.',
  linkCancelButton: 'Anfrage zurückziehen',
  linkInvalid: 'Dieser Link ist nicht mehr gültig. Links funktionieren einmal und laufen ab.',
  linkVerifyHere:
    'Sie machen in diesem Browser weiter. Der Browser, in dem die Anfrage gestellt wurde, erhält durch diese Bestätigung keinen Zugang.',
  linkUsed:
    'Dieser Link wurde bereits verwendet: Links und Codes aus unseren E-Mails funktionieren einmal. Machen Sie in dem Browser weiter, in dem er verwendet wurde; Neuigkeiten zur Anfrage gehen an das Postfach, an das er gesendet wurde.',
  linkExpired:
    'Dieser Link ist abgelaufen. Wenn Sie das weiterhin möchten, stellen Sie eine neue Anfrage oder kontaktieren Sie uns.',
  linkClosed:
    'Dieser Link funktioniert nicht mehr: Die Anfrage ist inzwischen weiter bearbeitet oder abgeschlossen, oder ihr Code wurde nach zu vielen Fehlversuchen gesperrt.',
  provenElsewhere:
    'Diese Anfrage wurde mit dem Code oder dem Link aus unserer E-Mail in einem anderen Browser bestätigt. Zum Schutz der betroffenen Person sind ihr Fortschritt und weitere Schritte nur in diesem Browser zu sehen; Neuigkeiten gehen an das hinterlegte Postfach.',
  proofNeeded: 'Für diesen Schritt braucht es den Code oder den Link aus unserer E-Mail, in diesem Browser verwendet.',
  foreignForm:
    'Dieses Formular wurde von einer anderen Website gesendet und nicht angenommen. Bitte verwenden Sie das Formular auf unserer eigenen Seite.',
  downloadTitle: 'Ihre Daten herunterladen',
  downloadIntro:
    'Zum Schutz Ihrer Daten senden wir einen neuen Einmalcode an die Adresse, an die dieser Link ging. Danach können Sie Ihre Daten einmal herunterladen.',
  sendCodeButton: 'Code senden',
  downloadCodeSent:
    'Wir haben Ihnen einen Code gesendet. Geben Sie ihn ein, um Ihre Daten herunterzuladen. Er ist 30 Minuten gültig.',
  downloadButton: 'Meine Daten herunterladen',
  downloadHere:
    'Dieser Browser hat den Link oder Code aus unserer E-Mail verwendet: Sie können Ihre Daten hier einmal herunterladen, bis {date}. Der Link in unserer E-Mail funktioniert ebenfalls.',
  mailGreeting: 'Guten Tag,',
  mailSignature: 'Das Datenschutzteam von {org}',
  mailNotYou:
    'Wenn Sie diese Anfrage nicht gestellt haben, ignorieren Sie diese E-Mail: Ohne den Code geschieht nichts.',
  codeSubject: 'Ihr Code für Ihre Datenschutzanfrage {ref}',
  codeBody:
    'Wir haben eine Anfrage an {org} erhalten: {type} (Referenz {ref}).\n\nIhr Einmalcode: {code}\n\nOder bestätigen Sie mit diesem Link: {link}\n\nCode und Link sind 30 Minuten gültig.',
  scheduledSubject: 'Ihre Daten werden am {date} gelöscht',
  scheduledBody:
    'Sie haben Ihre Anfrage {ref} zur Löschung Ihrer Daten bestätigt. Wir löschen sie am {date}.\n\nSie haben es sich anders überlegt? Ziehen Sie die Anfrage vorher mit diesem Link zurück: {link}',
  packageSubject: 'Ihre Daten bei {org} liegen bereit',
  packageBody:
    'Die Kopie Ihrer Daten (Anfrage {ref}) liegt bereit: {link}\n\nDer Link funktioniert einmal und läuft am {date} ab. Zum Schutz Ihrer Daten fragen wir nach einem neuen Einmalcode, den wir an diese Adresse senden.',
  downloadCodeSubject: 'Ihr Download-Code',
  downloadCodeBody: 'Ihr Einmalcode zum Herunterladen Ihrer Daten: {code}\n\nEr ist 30 Minuten gültig.',
  recipientNoticeSubject: '{org}: eine Anfrage einer betroffenen Person zur Weitergabe ({ref}, Art. 19 DSGVO)',
  recipientNoticeBody:
    'Auf Wunsch einer Person haben wir deren personenbezogene Daten {done} (Referenz {ref}). Wir haben personenbezogene Daten dieser Person an {recipient} übermittelt; Artikel 19 DSGVO verlangt, dass wir Sie darüber informieren. Bitte {action}.\n\nDiese Mail enthält bewusst keine personenbezogenen Daten. Um zu erfahren, um wen es geht, antworten Sie an {contact} unter Angabe der Referenz {ref}; wir antworten über einen sicheren Kanal. Bitte bestätigen Sie uns an dieselbe Adresse, sobald es erledigt ist.',
  recipientActions: {
    erasure: 'löschen Sie die personenbezogenen Daten dieser Person, die Sie von uns erhalten haben',
    rectification:
      'berichtigen Sie die personenbezogenen Daten dieser Person, die Sie von uns erhalten haben (wir senden die Berichtigung mit der Identität)',
    restriction:
      'schränken Sie die Verarbeitung der personenbezogenen Daten dieser Person ein, die Sie von uns erhalten haben (aufbewahren, aber nicht anders verwenden)',
  },
  recipientDone: { erasure: 'gelöscht', rectification: 'berichtigt', restriction: 'in der Verarbeitung eingeschränkt' },
  completedSubject: 'Ihre Anfrage {ref} ist erledigt',
  refusedSubject: 'Ihre Anfrage {ref}',
  restrictionLiftedBody:
    'Wir heben die Einschränkung Ihrer Daten aus der Anfrage {ref} auf, aus diesem Grund: {reason}. Ab jetzt dürfen wir Ihre Daten wieder so verwenden, wie es unsere Datenschutzerklärung beschreibt.',
  refusedBody: 'Wir haben Ihre Anfrage {ref} ohne Maßnahme abgeschlossen. Grund: {reason}',
  notVerifiableSubject: 'Ihre Anfrage {ref} konnte nicht bestätigt werden',
  notVerifiableBody:
    'Wir haben Ihre Anfrage {ref} erhalten, konnten aber nicht prüfen, dass Sie die Person sind, um deren Daten es geht (DSGVO Art. 11 Abs. 2 und 12 Abs. 2). Wir sind daher nicht tätig geworden. Sie können eine neue Anfrage stellen oder mit Angaben antworten, mit denen wir Sie identifizieren können.',
  extensionSubject: 'Ihre Anfrage {ref}: wir brauchen mehr Zeit',
  extensionBody:
    'Wir brauchen mehr Zeit, um Ihre Anfrage {ref} zu bearbeiten (DSGVO Art. 12 Abs. 3), aus folgendem Grund: {reason}\n\nWir antworten spätestens am {date}.',
  withdrawnSubject: 'Ihre Anfrage {ref} ist zurückgezogen',
  withdrawnBody: 'Ihre Anfrage {ref} wurde zurückgezogen. Nichts wurde geändert.',
  remedies:
    'Sie können sich bei der Aufsichtsbehörde, {authority} ({url}), beschweren und einen gerichtlichen Rechtsbehelf einlegen (Art. 12 Abs. 4, 77 und 79).',
  reportTitle: 'Ihre personenbezogenen Daten bei {org}',
  reportIntro:
    'Dies ist eine Kopie der personenbezogenen Daten, die {org} über Sie hat, als Antwort auf Ihre Anfrage {ref} (DSGVO Art. 15). Die Datei {json} und die CSV-Dateien in diesem Paket enthalten dieselben Daten in maschinenlesbarer Form.',
  reportGenerated: 'Erstellt am {date}.',
  reportDataHeading: 'Die Daten, die wir haben',
  reportNoData: 'Wir haben in unseren Systemen keine personenbezogenen Daten über Sie.',
  reportStore: 'System',
  reportRows: '{count} Datensatz/Datensätze',
  reportColumn: 'Feld',
  reportCategory: 'Art der Daten',
  reportValue: 'Wert',
  reportRestricted: 'eingeschränkt (Art. 18): nur gespeichert',
  reportShared: 'mit einer anderen Person geteilt: deren Daten darin sind weggelassen (Art. 15 Abs. 4)',
  reportPurposesHeading: 'Wofür wir sie verwenden',
  reportPurposesIntro:
    'Für jeden Zweck: die Rechtsgrundlage, die Empfänger, die Speicherdauer und die Herkunft der Daten.',
  reportLegalBasis: 'Rechtsgrundlage',
  reportLegitimateInterest: 'Unser berechtigtes Interesse',
  reportRecipients: 'Empfänger',
  reportNoRecipients: 'Niemand außerhalb unserer Organisation.',
  reportRetention: 'Speicherdauer',
  reportSource: 'Herkunft',
  reportSourceSubject: 'Sie haben sie uns gegeben.',
  reportSourceOther: 'Nicht von Ihnen: {source}',
  reportAutomated: 'Automatisierte Entscheidungen',
  reportNoAutomated: 'Keine: Keine Entscheidung über Sie beruht ausschließlich auf einer automatisierten Verarbeitung.',
  reportRetentionCriteria: 'Keine feste Frist; sie hängt von diesen Kriterien ab: {criteria}',
  reportRetentionNotDecided: 'Noch nicht festgelegt',
  reportTransfer: 'außerhalb des EWR, auf Grundlage von: {mechanism}',
  reportConsentsHeading: 'Ihre Einwilligungen',
  reportNoConsents: 'Wir haben keine mit Ihrer E-Mail-Adresse erteilten Einwilligungen gespeichert.',
  reportConsentPurpose: 'Zweck',
  reportConsentState: 'Entscheidung',
  reportConsentGiven: 'erteilt',
  reportConsentWithdrawn: 'widerrufen',
  reportConsentAt: 'Wann',
  reportRightsHeading: 'Ihre Rechte',
  reportFilesHeading: 'Dateien in diesem Paket',
  reportFilesText:
    'report.html (diese Seite), data.json (alle Daten), eine CSV-Datei je Tabelle, consents.json (Ihre Einwilligungen).',
  legalBases: {
    consent: 'Ihre Einwilligung (Art. 6 Abs. 1 lit. a)',
    contract: 'ein Vertrag mit Ihnen oder vorvertragliche Maßnahmen (Art. 6 Abs. 1 lit. b)',
    'legal-obligation': 'eine rechtliche Verpflichtung (Art. 6 Abs. 1 lit. c)',
    'vital-interests': 'lebenswichtige Interessen (Art. 6 Abs. 1 lit. d)',
    'public-task': 'eine Aufgabe im öffentlichen Interesse (Art. 6 Abs. 1 lit. e)',
    'legitimate-interests': 'unser berechtigtes Interesse (Art. 6 Abs. 1 lit. f)',
  },
  anchors: {
    collection: 'ab der Erhebung',
    'end-of-contract': 'nach Vertragsende',
    'last-contact': 'nach dem letzten Kontakt',
    receipt: 'ab Eingang',
    'end-of-legal-period': 'nach Ablauf der gesetzlichen Frist',
    'consent-withdrawn': 'nach Widerruf der Einwilligung',
    event: 'nach dem Ereignis',
  },
  units: {
    year: ['Jahr', 'Jahre'],
    month: ['Monat', 'Monate'],
    week: ['Woche', 'Wochen'],
    day: ['Tag', 'Tage'],
    and: 'und',
  },
  officerReminderSubject: 'Anfrage {ref} ist in {days} Tagen fällig',
  officerReminderBody:
    'Die Betroffenenanfrage {ref} ({type}, {state}) muss bis {date} beantwortet sein. Öffnen Sie sie in der Konsole: {link}',
  officerOverdueSubject: 'Anfrage {ref} ist überfällig',
  officerApprovalSubject: 'Anfrage {ref} wartet auf Ihre Freigabe',
  officerApprovalBody:
    'Die Betroffenenanfrage {ref} ({type}) ist bestätigt und wartet vor der Ausführung auf Freigabe. Prüfen Sie den Plan in der Konsole: {link}',
  officerFailureSubject: 'Anfrage {ref} konnte nicht ausgeführt werden',
  officerFailureBody:
    'Die Ausführung der Anfrage {ref} ({type}) ist {attempts}-mal fehlgeschlagen; Charter versucht es weiter. Letzter Fehler: {error}. Konsole: {link}',
  officerReceivedSubject: 'Neue Anfrage {ref} ({type})',
  officerReceivedBody:
    'Die Betroffenenanfrage {ref} ({type}) ist eingegangen. Sie muss bis {date} beantwortet sein. Öffnen Sie sie in der Konsole: {link}',
  officerVerifiedSubject: 'Anfrage {ref} ({type}) ist bestätigt',
  officerVerifiedBody:
    'Die Betroffenenanfrage {ref} ({type}) ist bestätigt: die anfragende Person hat nachgewiesen, dass sie über den hinterlegten Kontakt verfügt. Sie muss bis {date} beantwortet sein. Öffnen Sie sie in der Konsole: {link}',
};
