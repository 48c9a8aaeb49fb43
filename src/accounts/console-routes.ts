/**
 * Serves the console (built by scripts/build-console.mjs into dist/console) at /console/: hashed assets cached for a
 * year, and index.html — never cached — for every console path, so the browser's router shows the page. The console's
 * data comes from the API; this serves no data and needs no session.
 */
import { readFile } from 'node:fs/promises';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
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
      return reply.code(503).type('text/plain; charset=utf-8').send('The console is not built yet: run "npm run build".');
    }
    return reply.type('text/html; charset=utf-8').send(index);
  };
  app.get('/console', async (_request, reply) => reply.redirect('/console/'));
  app.get('/console/', sendIndex);
  app.get('/console/*', sendIndex);
}
