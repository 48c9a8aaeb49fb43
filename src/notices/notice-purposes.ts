/**
 * The sections of the privacy notice about each purpose: what, whose, which data, on which legal basis, from which
 * source and for how long (Art. 13(1)(c)-(d), 13(2)(a), 13(2)(e)-(f), 14(1)(d), 14(2)(f)). Retention and source
 * wording is shared between the per-purpose details and the summary tables.
 */
import { textFor } from '../charter/localized.js';
import { type Purpose, type Source, hasPeriod } from '../charter/schema.js';
import { dataFromElsewhere, hasSourceElsewhere, purposeSources } from '../charter/sources.js';
import { type Block, type Definition, type Inline, type NoticeSection, type Paragraph, text } from './document.js';
import { type SectionContext, definition, listRuns, paragraph, run } from './notice-blocks.js';
import { holdSentence, retentionSentence } from './phrasing.js';
import {
  dataCategoryName,
  inSentence,
  properNouns,
  purposeName,
  resolveText,
  subjectName,
  textIn,
} from './site-view.js';
import type { NoticeTexts } from './texts/index.js';

function sourceIsElsewhere(purpose: Purpose): boolean {
  return hasSourceElsewhere(purpose);
}

/** One source in words: from the person, from someone else (which), or public sources (which). */
function sourceSentence(source: Source, context: SectionContext): Paragraph {
  const { charter, t, language } = context;
  const description = source.description ? resolveText(source.description, language, charter) : undefined;
  if (source.kind === 'subject')
    return description ? [run(`${t.sources.fromYou} `), description] : text(t.sources.fromYou);
  // The charter's own description says which public sources; without one, say that they are public.
  if (source.kind === 'public') return description ? [description] : text(t.sources.public);
  return description
    ? [run(`${t.purposes.source['third-party']} `), inSentence(description, language, charter)]
    : text(t.purposes.source['third-party'].replace(/\s*:$/, '.'));
}

/** Art. 13(1)(c) purposes and legal basis, per purpose with its data, recipients and retention. */
export function purposesSection(context: SectionContext): NoticeSection {
  const { charter, t, language, view } = context;
  const blocks: Block[] = [paragraph(t.purposes.intro)];
  for (const purpose of view.purposes) {
    const terms = t.purposes.terms;
    const elsewhere = sourceIsElsewhere(purpose);
    const items: Definition[] = [
      definition(terms.what, ['13(1)(c)'], [resolveText(purpose.description, language, charter)]),
      definition(
        terms.whose,
        [],
        listRuns(
          purpose.subjects.map((s) => subjectName(s, language, charter)),
          language,
        ),
      ),
      definition(
        terms.which,
        elsewhere ? ['14(1)(d)'] : [],
        listRuns(
          purpose.data.map((d) =>
            optionalMark(purpose, d, inSentence(dataCategoryName(d, language, charter), language, charter), t),
          ),
          language,
        ),
      ),
      definition(terms.basis, ['13(1)(c)'], text(t.purposes.basis[purpose.legalBasis])),
    ];
    if (purpose.legalBasis === 'legitimate-interests' && purpose.legitimateInterest) {
      items.push(
        definition(terms.interest, ['13(1)(d)'], [resolveText(purpose.legitimateInterest, language, charter)]),
      );
    }
    if (purpose.legalBasis === 'legal-obligation' && purpose.legalObligation) {
      items.push(definition(terms.obligation, ['13(1)(c)'], [resolveText(purpose.legalObligation, language, charter)]));
    }
    if (elsewhere) items.push(definition(terms.source, ['14(2)(f)'], ...sourceParagraphs(purpose, context)));
    const recipients = purpose.recipients
      .map((id) => charter.recipients.find((r) => r.id === id))
      .filter((r) => r !== undefined)
      .map((r) => resolveText(r.name, language, charter));
    items.push(
      definition(
        terms.recipients,
        ['13(1)(e)'],
        recipients.length ? listRuns(recipients, language) : text(t.purposes.noRecipients),
      ),
    );
    items.push(definition(terms.retention, ['13(2)(a)'], ...retentionParagraphs(purpose, context)));
    blocks.push({
      type: 'subsection',
      id: `purpose-${purpose.id}`,
      heading: purposeName(purpose, language, charter).text,
      gdpr: ['13(1)(c)'],
      blocks: [{ type: 'definitions', items }],
    });
  }
  const statements = charter.statements;
  const special = [
    statements?.noSpecialCategories ? t.statements.noSpecial : undefined,
    statements?.deleteUnsolicitedSpecial ? t.statements.deleteSpecial : undefined,
  ].filter((sentence): sentence is string => sentence !== undefined);
  if (special.length) blocks.push(paragraph(special.join(' ')));
  return { id: 'purposes', heading: t.headings.purposes, gdpr: ['13(1)(c)'], blocks };
}

function sourceParagraphs(purpose: Purpose, context: SectionContext): Paragraph[] {
  const { charter, language } = context;
  const sources = purposeSources(purpose);
  const paragraphs: Paragraph[] = [];
  if (sources.length === 1 && sources[0] && sources[0].data === undefined && sources[0].subjects === undefined) {
    paragraphs.push(sourceSentence(sources[0], context));
  } else {
    // Several sources (or one that covers only part): each says whose data and which data it covers, so that the
    // notice never suggests that everything comes from one place (Art. 14(2)(f)).
    for (const source of sources) {
      // "Name and email address of customer representatives: …" — the first category keeps its capital.
      const data = source.data ?? purpose.data;
      const scope: Inline[] = [
        ...listRuns(
          data.map((d, i) =>
            i === 0
              ? dataCategoryName(d, language, charter)
              : inSentence(dataCategoryName(d, language, charter), language, charter),
          ),
          language,
        ),
      ];
      if (source.subjects) {
        scope.push(
          run(` ${context.t.sources.of} `),
          ...listRuns(
            source.subjects.map((s) => inSentence(subjectName(s, language, charter), language, charter)),
            language,
          ),
        );
      }
      paragraphs.push([...scope, run(language === 'fr' ? '\u00a0: ' : ': '), ...sourceSentence(source, context)]);
    }
  }
  // A category may declare its own source (Art. 14(2)(f)), e.g. "the student's school".
  for (const id of purpose.data) {
    const declared = charter.data.find((d) => d.id === id);
    if (declared?.source) {
      paragraphs.push([
        dataCategoryName(id, language, charter),
        run(language === 'fr' ? '\u00a0: ' : ': '),
        resolveText(declared.source, language, charter),
      ]);
    }
  }
  return paragraphs;
}

function retentionParagraphs(purpose: Purpose, context: SectionContext): Paragraph[] {
  const { charter, language } = context;
  const rule = purpose.retention;
  const event = rule.event ? textIn(rule.event, language, charter) : undefined;
  const criteria = rule.criteria ? textIn(rule.criteria, language, charter) : undefined;
  const paragraphs: Paragraph[] = [text(retentionSentence(rule, language, event, criteria))];
  if (rule.description) paragraphs.push([resolveText(rule.description, language, charter)]);
  for (const holdId of rule.holds) {
    const hold = charter.holds.find((h) => h.id === holdId);
    if (!hold) continue;
    paragraphs.push(
      text(
        holdSentence(
          {
            reason: textIn(hold.reason, language, charter) ?? '',
            law: textFor(hold.law, language, charter.languages),
            duration: hold.duration,
          },
          language,
          properNouns(charter),
        ),
      ),
    );
  }
  return paragraphs;
}

/** Art. 13(1)(d) legitimate interests, with the right to object presented separately (Art. 21(4)). */
export function legitimateInterestsSection(context: SectionContext): NoticeSection {
  const { charter, t, language, view } = context;
  const based = view.purposes.filter((p) => p.legalBasis === 'legitimate-interests' && p.legitimateInterest);
  const blocks: Block[] = [];
  if (based.length === 0) {
    blocks.push(paragraph(t.legitimateInterests.none));
  } else {
    blocks.push(
      paragraph(t.legitimateInterests.intro),
      {
        type: 'table',
        caption: t.legitimateInterests.caption,
        columns: [t.legitimateInterests.columns.purpose, t.legitimateInterests.columns.interest],
        rows: based.map((p) => [
          [purposeName(p, language, charter)],
          [resolveText(p.legitimateInterest ?? '', language, charter)],
        ]),
      },
      paragraph({ text: t.legitimateInterests.objection, strong: true }),
    );
  }
  if (view.purposes.some((p) => p.directMarketing))
    blocks.push(paragraph({ text: t.legitimateInterests.directMarketing, strong: true }));
  return {
    id: 'legitimate-interests',
    heading: t.headings['legitimate-interests'],
    gdpr: ['13(1)(d)', '21(4)'],
    blocks,
  };
}

/** "(optional)" after a data category the person may leave out. */
function optionalMark(purpose: Purpose, id: string, name: Inline, t: NoticeTexts): Inline {
  return purpose.optionalData?.includes(id) ? { ...name, text: `${name.text} (${t.statements.optional})` } : name;
}

/** Art. 13(2)(a): the period for which the data will be stored, per purpose, in words. */
export function retentionSection(context: SectionContext): NoticeSection {
  const { charter, t, language, view } = context;
  const rows = view.purposes.map((purpose) => [
    [purposeName(purpose, language, charter)],
    retentionParagraphs(purpose, context).flatMap((p, i) => (i === 0 ? p : [run(' '), ...p])),
  ]);
  return {
    id: 'retention',
    heading: t.headings.retention,
    gdpr: ['13(2)(a)'],
    blocks: [
      paragraph(
        view.purposes.every((p) => hasPeriod(p.retention)) ? t.retention.intro : t.retention.introWithoutPeriods,
      ),
      {
        type: 'table',
        caption: t.retention.caption,
        columns: [t.retention.columns.purpose, t.retention.columns.period],
        rows,
      },
    ],
  };
}

/** Art. 13(2)(e): whether providing the data is a statutory or contractual requirement, and the consequences. */
export function requirementsSection(context: SectionContext): NoticeSection {
  const { charter, t, language, view } = context;
  const required = view.purposes.filter((p) => p.requirement.kind !== 'none');
  const voluntaryWithConsequence = view.purposes.filter(
    (p) => p.requirement.kind === 'none' && p.requirement.consequence,
  );
  const describe = (purpose: Purpose): Definition => {
    const kind = purpose.requirement.kind;
    const statement = kind === 'none' ? t.requirements.voluntary : t.requirements.kinds[kind];
    const consequence = purpose.requirement.consequence
      ? [run(' '), resolveText(purpose.requirement.consequence, language, charter)]
      : [];
    return definition(purposeName(purpose, language, charter).text, ['13(2)(e)'], [run(statement), ...consequence]);
  };
  const blocks: Block[] = required.length
    ? [
        paragraph(t.requirements.intro),
        { type: 'definitions', items: [...required, ...voluntaryWithConsequence].map(describe) },
        paragraph(t.requirements.rest),
      ]
    : voluntaryWithConsequence.length
      ? [
          paragraph(t.requirements.noneRequiredConsequences),
          { type: 'definitions', items: voluntaryWithConsequence.map(describe) },
        ]
      : // Nothing follows, so the sentence must not point to anything below.
        [paragraph(t.requirements.noneRequired)];
  return { id: 'requirements', heading: t.headings.requirements, gdpr: ['13(2)(e)'], blocks };
}

/** Art. 13(2)(f): automated decision-making, including profiling, with the logic and the consequences. */
export function automatedSection(context: SectionContext): NoticeSection {
  const { charter, t, language, view } = context;
  const automated = view.purposes.filter((p) => p.automatedDecisions.exists);
  const blocks: Block[] = automated.length
    ? [
        paragraph(t.automated.intro),
        ...automated.map((purpose): Block => ({
          type: 'subsection',
          id: `automated-${purpose.id}`,
          heading: purposeName(purpose, language, charter).text,
          gdpr: ['13(2)(f)'],
          blocks: [
            {
              type: 'definitions',
              items: [
                definition(
                  t.automated.logic,
                  ['13(2)(f)'],
                  purpose.automatedDecisions.logic
                    ? [resolveText(purpose.automatedDecisions.logic, language, charter)]
                    : [],
                ),
                definition(
                  t.automated.consequences,
                  ['13(2)(f)'],
                  purpose.automatedDecisions.consequences
                    ? [resolveText(purpose.automatedDecisions.consequences, language, charter)]
                    : [],
                ),
              ].filter((d) => d.paragraphs.length > 0),
            },
          ],
        })),
        paragraph(t.automated.safeguards),
      ]
    : [paragraph(t.automated.none)];
  return { id: 'automated-decisions', heading: t.headings['automated-decisions'], gdpr: ['13(2)(f)'], blocks };
}

/** Art. 14(1)(d) and 14(2)(f): for data not obtained from the person, the categories and the source. */
export function sourcesSection(context: SectionContext): NoticeSection[] {
  const { charter, t, language, view } = context;
  const elsewhere = view.purposes.filter(sourceIsElsewhere);
  if (elsewhere.length === 0) return [];
  const rows = elsewhere.map((purpose) => [
    [purposeName(purpose, language, charter)],
    listRuns(
      dataFromElsewhere(purpose).map((d) => inSentence(dataCategoryName(d, language, charter), language, charter)),
      language,
    ),
    sourceParagraphs(purpose, context).flatMap((p, i) => (i === 0 ? p : [run(' '), ...p])),
  ]);
  return [
    {
      id: 'sources',
      heading: t.headings.sources,
      gdpr: ['14(1)(d)', '14(2)(f)'],
      blocks: [
        paragraph(t.sources.intro),
        {
          type: 'table',
          caption: t.sources.caption,
          columns: [t.sources.columns.purpose, t.sources.columns.data, t.sources.columns.source],
          rows,
        },
      ],
    },
  ];
}
