/**
 * Serves the console (built by scripts/build-console.mjs into dist/console) at /console/: hashed assets cached for a
 * year, and index.html — never cached — for every console path, so the browser's router shows the page. The console's
 * data comes from the API; this serves no data and needs no session.
 */
import { readFile } from 'node:fs/promises';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { documentRoute } from '../platform/http/routes.js';
import { projectFile } from '../platform/project.js';

export async function registerConsole(app: FastifyInstance) {
  const root = projectFile('dist/console');
  await app.register(fastifyStatic, {
    root: projectFile('dist/console/assets'),
    prefix: '/console/assets/',
    decorateReply: false,
    index: false,
    immutable: true,
    maxAge: '365d',
  });
  let index: string | undefined;
  const sendIndex = async (_request: unknown, reply: FastifyReply) => {
    index ??= await readFile(`${root}/index.html`, 'utf8').catch(() => undefined);
    reply.header('cache-control', 'no-cache');
    if (!index) {
      // The error shape of every other answer (the banner's files say the same until built).
      return reply.code(503).send({
        error: { code: 'not_built', message: 'The console is not built yet: run "npm run build".', details: [] },
      });
    }
    return reply.type('text/html; charset=utf-8').send(index);
  };
  // Pages, not API: documented so that openapi.json lists every route the server answers.
  const page = { tags: ['console'], auth: 'public' as const, produces: 'text/html' };
  documentRoute(app, { ...page, method: 'GET', url: '/console', summary: 'Redirects to /console/', errors: [302] });
  documentRoute(app, {
    ...page,
    method: 'GET',
    url: '/console/',
    summary: 'The console (a single-page app; its data comes from the API)',
    errors: [503],
  });
  documentRoute(app, {
    ...page,
    method: 'GET',
    url: '/console/*',
    summary: 'Any console page: the same single-page app, which shows the page for the path',
    errors: [503],
  });
  documentRoute(app, {
    ...page,
    method: 'GET',
    url: '/console/assets/*',
    summary: "The console's scripts and styles (hashed names, cached for a year)",
    produces: 'application/octet-stream',
    errors: [404],
  });
  app.get('/console', async (_request, reply) => reply.redirect('/console/'));
  app.get('/console/', sendIndex);
  app.get('/console/*', sendIndex);
}
