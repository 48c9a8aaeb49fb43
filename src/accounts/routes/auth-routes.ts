/**
 * Sign-in, sign-out, who am I, organisation switch, first-run setup and password links. Answers never reveal
 * whether an email address has an account.
 */
import type { FastifyInstance } from 'fastify';
import { accountsView } from '../tables.js';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.js';
import type { BackgroundTasks } from '../../platform/background.js';
import { publicUrl } from '../../platform/config.js';
import { badRequest, notFound } from '../../platform/errors.js';
import { defineRoute } from '../../platform/http/routes.js';
import { callerOf } from '../caller.js';
import { clearSessionCookies, setOrganisationCookie, setSessionCookies } from '../cookies.js';
import { linkIsValid } from '../links.js';
import { memoisedInstallationKey } from '../secrets.js';
import { passwordResetAllowed } from '../throttle.js';
import { findOrganisation } from '../organisations.js';
import { passwordSchema } from '../passwords.js';
import { completeSetup, passwordResetLink, setPasswordWithLink, signIn, signOut } from '../sign-in.js';
import { countUsers, findUser, membershipsOf } from '../users.js';
import { sendPasswordMail } from './password-mail.js';
import { languageSchema } from '../../charter/schema.js';

const emailSchema = z.email().max(254);
const slugSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lowercase letters, digits and dashes');
const linkTokenSchema = z.string().min(20).max(200);

const roleSchema = z.enum(['owner', 'privacy-officer', 'viewer']);
const pendingSchema = z.enum(['second-factor', 'enrol']).nullable();
export const meSchema = z.object({
  kind: z.enum(['user', 'token']),
  userId: z.string().nullable(),
  email: z.string().nullable(),
  organisation: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
  role: roleSchema.nullable(),
  scopes: z.array(z.string()),
  organisations: z.array(z.object({ slug: z.string(), name: z.string(), role: roleSchema })),
  csrfToken: z.string().nullable(),
  /** A password sign-in still owing its second factor, or the enrolment an organisation requires; null when done. */
  pending: pendingSchema,
  signInMethod: z.enum(['password', 'oidc']).nullable(),
});

const signedInSchema = z.object({ userId: z.string(), csrfToken: z.string() });

/** What the groups of sign-in routes share: the key of the per-account and per-address throttles. */
function authRouteShared(context: AppContext) {
  const throttleKey = memoisedInstallationKey(context.db, context.config.CHARTER_SECRET);
  return { throttleKey };
}

type AuthRouteShared = ReturnType<typeof authRouteShared>;

export function registerAuthRoutes(app: FastifyInstance, context: AppContext, tasks: BackgroundTasks): void {
  const shared = authRouteShared(context);
  registerSessionRoutes(app, context, tasks, shared);
  registerSetupRoutes(app, context);
  registerPasswordRoutes(app, context, tasks, shared);
}

/** Signing in and out, who is signed in, and the organisation the session works in. */
function registerSessionRoutes(
  app: FastifyInstance,
  context: AppContext,
  tasks: BackgroundTasks,
  shared: AuthRouteShared,
): void {
  const { throttleKey } = shared;
  defineRoute(
    app,
    {
      method: 'POST',
      url: '/api/v1/auth/login',
      summary: 'Sign in to the console (sets the session cookie); throttled per account and per address',
      tags: ['accounts'],
      auth: 'public',
      body: z.object({ email: emailSchema, password: z.string().min(1).max(256) }),
      response: signedInSchema.extend({ pending: pendingSchema }),
      errors: [401, 403, 429],
    },
    async ({ body, request, reply }) => {
      const result = await signIn(
        { db: accountsView(context.db), secret: await throttleKey(), later: (label, work) => tasks.run(label, work) },
        { ...body, address: request.ip },
        context.clock(),
      );
      setSessionCookies(request, reply, result.session);
      return { userId: result.userId, csrfToken: result.session.csrfToken, pending: result.pending };
    },
  );

  defineRoute(
    app,
    {
      method: 'POST',
      url: '/api/v1/auth/logout',
      summary: 'Sign out: ends the session',
      tags: ['accounts'],
      auth: { scopes: [] },
      status: 204,
    },
    async ({ request, reply }) => {
      const caller = callerOf(request);
      if (!caller.sessionId || !caller.userId)
        throw badRequest('API tokens do not sign out; revoke the token instead.');
      await signOut(context.db, { sessionId: caller.sessionId, userId: caller.userId }, context.clock());
      clearSessionCookies(request, reply);
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/api/v1/auth/me',
      summary: 'The signed-in user or token: active organisation, role, scopes, organisations to switch to',
      tags: ['accounts'],
      auth: { scopes: [] },
      response: meSchema,
    },
    async ({ request }) => {
      const caller = callerOf(request);
      const organisation = await findOrganisation(context.db, caller);
      if (!organisation) throw notFound('organisation');
      const user = caller.userId ? await findUser(context.db, caller.userId) : undefined;
      const memberships = caller.userId ? await membershipsOf(context.db, caller.userId) : [];
      return {
        kind: caller.kind,
        userId: caller.userId ?? null,
        email: user?.email ?? null,
        organisation,
        role: caller.role ?? null,
        scopes: [...caller.scopes],
        organisations: memberships.map((m) => ({ slug: m.slug, name: m.name, role: m.role })),
        csrfToken: request.cookies?.charter_csrf ?? null,
        pending: caller.pending ?? null,
        signInMethod: caller.signInMethod ?? null,
      };
    },
  );

  defineRoute(
    app,
    {
      method: 'POST',
      url: '/api/v1/auth/organisation',
      summary: 'Switch the console to another of your organisations (remembered in a cookie)',
      tags: ['accounts'],
      auth: { scopes: [] },
      body: z.object({ slug: slugSchema }),
      response: z.object({ slug: z.string() }),
      errors: [404],
    },
    async ({ body, request, reply }) => {
      const caller = callerOf(request);
      if (!caller.userId) throw badRequest('An API token belongs to one organisation.');
      const memberships = await membershipsOf(context.db, caller.userId);
      if (!memberships.some((m) => m.slug === body.slug)) throw notFound('organisation');
      setOrganisationCookie(request, reply, body.slug);
      return { slug: body.slug };
    },
  );
}

/** The first run: whether an installation still needs its first operator, and creating it. */
function registerSetupRoutes(app: FastifyInstance, context: AppContext): void {
  defineRoute(
    app,
    {
      method: 'GET',
      url: '/api/v1/setup',
      summary: 'First run: whether setup is still needed and whether a setup link is valid',
      tags: ['accounts'],
      auth: 'public',
      query: z.object({ token: linkTokenSchema.optional() }),
      response: z.object({ needed: z.boolean(), linkValid: z.boolean(), organisationNeeded: z.boolean() }),
    },
    async ({ query }) => {
      const needed = (await countUsers(context.db)) === 0;
      const linkValid =
        needed && query.token ? await linkIsValid(context.db, 'setup', query.token, context.clock()) : false;
      const organisations = await context.db.selectFrom('organisations').select('id').limit(1).execute();
      return { needed, linkValid, organisationNeeded: organisations.length === 0 };
    },
  );

  defineRoute(
    app,
    {
      method: 'POST',
      url: '/api/v1/setup',
      summary: 'First run: create the first owner with the one-time setup link printed by the server',
      tags: ['accounts'],
      auth: 'public',
      body: z.object({
        token: linkTokenSchema,
        email: emailSchema,
        password: passwordSchema,
        organisation: z.object({ slug: slugSchema, name: z.string().min(1).max(200) }).optional(),
      }),
      response: signedInSchema,
      status: 201,
      errors: [409],
    },
    async ({ body, request, reply }) => {
      const result = await completeSetup(context.db, body, context.clock());
      setSessionCookies(request, reply, result.session);
      return { userId: result.userId, csrfToken: result.session.csrfToken };
    },
  );
}

/** Forgotten and chosen passwords: the reset mail and the one-time link's form. */
function registerPasswordRoutes(
  app: FastifyInstance,
  context: AppContext,
  tasks: BackgroundTasks,
  shared: AuthRouteShared,
): void {
  const { throttleKey } = shared;
  defineRoute(
    app,
    {
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      summary:
        'Ask for a password link by email (at most 3 an hour per account); the answer is the same whether or not the account exists',
      tags: ['accounts'],
      auth: 'public',
      body: z.object({ email: emailSchema, language: languageSchema.optional() }),
      response: z.object({ message: z.string() }),
      status: 202,
    },
    async ({ body, request }) => {
      // The answer goes out before the throttle, the lookup and the mail, so neither its content nor its time says
      // whether the account exists (a known account's link and SMTP delivery took ~100 ms, an unknown address ~1 ms).
      const now = context.clock();
      const ip = request.ip;
      tasks.run('password reset', async () => {
        // Over the limit per account or address: no lookup and no mail.
        if (!(await passwordResetAllowed(context.db, await throttleKey(), body.email, ip, now))) return;
        const link = await passwordResetLink(context.db, body.email, now);
        if (!link) return;
        await sendPasswordMail(context.mailer, {
          to: body.email,
          url: `${publicUrl(context.config)}/console/password?token=${encodeURIComponent(link.token)}`,
          language: body.language ?? 'en',
          reason: 'reset',
        });
      });
      return { message: 'If this address has an account, a link to choose a new password is on its way.' };
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/api/v1/auth/password',
      summary: 'Whether a password link is still valid',
      tags: ['accounts'],
      auth: 'public',
      query: z.object({ token: linkTokenSchema }),
      response: z.object({ valid: z.boolean() }),
    },
    async ({ query }) => ({ valid: await linkIsValid(context.db, 'password', query.token, context.clock()) }),
  );

  defineRoute(
    app,
    {
      method: 'POST',
      url: '/api/v1/auth/password',
      summary: 'Set a password with a one-time link (ends other sessions)',
      tags: ['accounts'],
      auth: 'public',
      body: z.object({ token: linkTokenSchema, password: passwordSchema }),
      response: z.object({ message: z.string() }),
    },
    async ({ body }) => {
      await setPasswordWithLink(context.db, body, context.clock());
      return { message: 'Your password is set. Sign in with it.' };
    },
  );
}
