/** What the notice routes share: the shapes of their path and query parameters, and how an HTML page is answered. */
import { documentKinds } from './document.js';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';

export const siteParam = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'a site id')
  .max(100);
export const kindParam = z.enum(documentKinds).default('privacy-notice');
export const versionQuery = z.coerce.number().int().min(1).max(1_000_000);

/** Answers an HTML page (with its status: a form answers 404 or 422 with a page too). */
export function sendHtml(reply: FastifyReply, body: string, status = 200) {
  return reply.code(status).type('text/html; charset=utf-8').send(body);
}
