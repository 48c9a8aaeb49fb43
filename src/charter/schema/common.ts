/**
 * The charter's common shapes: languages, translatable texts, durations, postal addresses and contact persons.
 */
import { z } from 'zod';
import { countryCode, email } from './fields.js';

/** Languages Charter writes its own texts in. A charter may declare any subset. */
export const languages = ['en', 'nl', 'fr', 'de'] as const;
export const languageSchema = z.enum(languages);
export type Language = z.infer<typeof languageSchema>;

/** A translatable text: one string for every language, or one per language. */
export const textSchema = z.union(
  [
    z.string().min(1, 'must not be empty'),
    z
      .strictObject({
        en: z.string().min(1).optional(),
        nl: z.string().min(1).optional(),
        fr: z.string().min(1).optional(),
        de: z.string().min(1).optional(),
      })
      .refine((t) => Object.values(t).some(Boolean), 'give the text in at least one language'),
  ],
  { error: 'expected a text: a string, or one per language as {en, nl, fr, de}' },
);
export type Text = z.infer<typeof textSchema>;

/** ISO 8601 duration in years, months, weeks and days: P3Y, P13M, P30D. */
export const durationSchema = z
  .string()
  .regex(/^P(?=\d)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?$/, 'an ISO 8601 duration such as P3Y, P6M or P30D');

export const addressSchema = z.strictObject({
  label: textSchema.optional(),
  street: z.string().min(1),
  postalCode: z.string().min(1),
  city: z.string().min(1),
  country: countryCode,
});

export const contactPersonSchema = z.strictObject({
  name: z.string().min(1).optional(),
  email: email.optional(),
  phone: z.string().min(5).optional(),
  address: addressSchema.optional(),
});
