/**
 * Who the charter speaks for: the organisation (Art. 13(1)(a)–(b)), its sites, the kinds of people it holds data about and
 * the data categories it uses.
 */
import { z } from 'zod';
import { addressSchema, contactPersonSchema, languageSchema, textSchema } from './common.js';
import { countryCode, email, slug, url } from './fields.js';

export const organisationSchema = z.strictObject({
  id: slug.describe('stable identifier of the organisation inside Charter'),
  legalName: textSchema.describe(
    'the legal name, or one per language where the entity has official names in several ("Kamer West vzw" / "Chambre Ouest asbl")',
  ),
  tradeName: z.string().min(1).optional(),
  companyNumber: z.string().min(4).optional().describe('e.g. the Belgian enterprise number BE0123.456.789'),
  addresses: z.array(addressSchema).min(1, 'give at least the registered address'),
  contact: z.strictObject({
    email: email,
    phone: z.string().min(5).optional(),
    web: url.optional(),
  }),
  dpo: contactPersonSchema.optional().describe('data protection officer (Art. 37–39), when one is appointed'),
  representative: contactPersonSchema
    .optional()
    .describe('EU representative (Art. 27), for controllers outside the EU'),
  authority: z.string().min(1).describe('lead supervisory authority, by catalog id (e.g. be-apd)'),
  role: z.enum(['controller', 'processor', 'both']).default('controller'),
  security: textSchema
    .optional()
    .describe('general description of technical and organisational measures (Art. 30(1)(g))'),
  group: z
    .array(
      z.strictObject({
        legalName: textSchema,
        companyNumber: z.string().optional(),
        country: countryCode,
        // Optional without defaults, so that charters written before them keep their revision.
        relation: z
          .enum(['group', 'joint-controller'])
          .optional()
          .describe('joint-controller: the entity decides with us why and how (Art. 26); default: a group entity'),
        arrangement: textSchema
          .optional()
          .describe('for a joint controller: the essence of the arrangement (Art. 26(2))'),
      }),
    )
    .optional()
    .describe('other entities of the same group with which identification data is shared'),
  groupSharing: z
    .strictObject({
      centralStorage: z.boolean().optional().describe('the group stores data centrally, for all its entities'),
      description: textSchema.optional().describe("how data is shared within the group, in the organisation's words"),
    })
    .optional()
    .describe(
      'how the group shares data; replaces the default sentence that data is shared only where the notice says so',
    ),
});

export const themeSchema = z.strictObject({
  logoUrl: url.optional(),
  primaryColor: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'a colour as #RRGGBB')
    .optional(),
  backgroundColor: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'a colour as #RRGGBB')
    .optional(),
});

export const siteSchema = z.strictObject({
  id: slug,
  name: z.string().min(1),
  domain: z
    .string()
    .regex(
      /^(?=.{1,253}$)([a-z0-9-]+\.)*[a-z0-9-]+(:\d+)?$/,
      'a host name such as www.example.be (no scheme, no path)',
    ),
  aliases: z.array(z.string().min(1)).optional().describe('other host names of the same site'),
  languages: z.array(languageSchema).min(1).optional().describe('defaults to the charter languages'),
  theme: themeSchema.optional(),
  purposes: z.array(slug).optional().describe('only these purposes apply to this site (default: all)'),
  cookies: z.array(z.string().min(1)).optional().describe('only these cookies are used on this site (default: all)'),
  contact: z.strictObject({ email: email.optional(), phone: z.string().optional() }).optional(),
  controller: z
    .strictObject({
      legalName: z.string().min(1),
      tradeName: z.string().min(1).optional(),
      companyNumber: z.string().min(4).optional(),
      addresses: z.array(addressSchema).min(1).optional(),
      contact: z.strictObject({ email: email, phone: z.string().min(5).optional(), web: url.optional() }).optional(),
    })
    .optional()
    .describe(
      "this site's own controller when it is not the organisation (e.g. one charter for several brands); its notice names it",
    ),
});
export type Site = z.infer<typeof siteSchema>;

export const subjectSchema = z.strictObject({
  id: slug,
  name: textSchema,
  description: textSchema.optional(),
});

/** A data category used by this charter: a taxonomy id, or a custom one with its own name. */
export const dataCategorySchema = z.strictObject({
  id: z.string().regex(/^[a-z]+(\.[a-z0-9-]+)+$/, 'a dotted category id such as contact.email'),
  name: textSchema.optional().describe('required for an id that is not in the shipped taxonomy'),
  description: textSchema.optional(),
  source: textSchema.optional().describe('where it comes from when not from the person (Art. 14(2)(f))'),
});
