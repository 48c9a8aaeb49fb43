/**
 * Small building blocks of the charter's shape (ids, country codes, addresses of mail and web) shared by its parts;
 * internal to src/charter/schema, not part of the charter module's surface.
 */
import { z } from 'zod';

export const slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'use lowercase letters, digits and dashes (e.g. "newsletter-prospects")');

export const countryCode = z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 country code such as BE');
export const email = z.email('an email address');
export const url = z.url('an absolute URL such as https://example.be/privacy');
export const isoDate = z.iso.date('a date as YYYY-MM-DD');
