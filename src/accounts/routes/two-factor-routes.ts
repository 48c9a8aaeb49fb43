/**
 * Two-factor authentication over HTTP: the user's status, enrolment (QR code and manual key, confirmed with a code),
 * the second step of a password sign-in, an owner's reset of a member's lost device, and the organisation's sign-in
 * policy (second factor required; password sign-in on or off).
 */
import type { FastifyInstance } from 'fastify';
import QRCode from 'qrcode';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.js';
import type { BackgroundTasks } from '../../platform/background.js';
import { publicUrl } from '../../platform/config.js';
import { badRequest, conflict } from '../../platform/errors.js';
import { defineRoute } from '../../platform/http/routes.js';
import type { Mailer } from '../../platform/mail.js';
import { callerOf } from '../caller.js';
import { setSessionCookies } from '../cookies.js';
import { findOrganisation } from '../organisations.js';
import { memoisedInstallationKey } from '../secrets.js';
import { setSignInPolicy, signInPolicy } from '../sign-in-policy.js';
import {
  confirmEnrolment,
  resetMemberTwoFactor,
  startEnrolment,
  twoFactorStatus,
  verifySecondFactor,
} from '../two-factor.js';
import { oidcProvidersOf } from '../oidc-config.js';
import { languageSchema } from '../../charter/schema.js';

const codeSchema = z.string().trim().min(6).max(20);
const policySchema = z.object({ requireTwoFactor: z.boolean(), passwordSignIn: z.boolean() });

type Language = z.infer<typeof languageSchema>;

const resetTexts: Record<Language, { subject: string; body: (organisation: string) => string }> = {
  en: {
    subject: 'Your Charter two-factor authentication was reset',
    body: (o) =>
      `An owner of ${o} reset the two-factor authentication of your Charter account (a lost device). Your sessions were ended. At your next sign-in, set it up again with your authenticator app. If you did not ask for this, tell the owners of ${o}.`,
  },
  nl: {
    subject: 'Uw tweestapsverificatie in Charter werd gewist',
    body: (o) =>
      `Een eigenaar van ${o} heeft de tweestapsverificatie van uw Charter-account gewist (een verloren toestel). Uw sessies werden beëindigd. Stel ze bij uw volgende aanmelding opnieuw in met uw authenticator-app. Hebt u hier niet om gevraagd, meld het dan aan de eigenaars van ${o}.`,
  },
  fr: {
    subject: 'Votre authentification à deux facteurs Charter a été réinitialisée',
    body: (o) =>
      `Un propriétaire de ${o} a réinitialisé l’authentification à deux facteurs de votre compte Charter (appareil perdu). Vos sessions ont été fermées. À votre prochaine connexion, configurez-la à nouveau avec votre application d’authentification. Si vous ne l’avez pas demandé, prévenez les propriétaires de ${o}.`,
  },
  de: {
    subject: 'Ihre Zwei-Faktor-Authentifizierung in Charter wurde zurückgesetzt',
    body: (o) =>
      `Ein Eigentümer von ${o} hat die Zwei-Faktor-Authentifizierung Ihres Charter-Kontos zurückgesetzt (verlorenes Gerät). Ihre Sitzungen wurden beendet. Richten Sie sie bei Ihrer nächsten Anmeldung mit Ihrer Authenticator-App neu ein. Wenn Sie das nicht veranlasst haben, wenden Sie sich an die Eigentümer von ${o}.`,
  },
};

async function sendResetMail(
  mailer: Mailer,
  input: { to: string; organisation: string; url: string; language: Language },
) {
  const t = resetTexts[input.language];
  await mailer.send({
    organisationId: null,
    to: input.to,
    subject: t.subject,
    text: `${t.body(input.organisation)}\n\n${input.url}\n`,
    template: 'account.two-factor-reset',
    language: input.language,
  });
}

/** What the groups of two-factor routes share: the throttle key and the ports of the two-factor rules. */
function twoFactorRouteShared(context: AppContext, tasks: BackgroundTasks) {
  const throttleKey = memoisedInstallationKey(context.db, context.config.CHARTER_SECRET);
  const deps = async () => ({
    db: context.db,
    secret: await throttleKey(),
    later: (label: string, work: () => Promise<unknown>) => tasks.run(label, work),
  });
  return { throttleKey, deps };
}

type TwoFactorRouteShared = ReturnType<typeof twoFactorRouteShared>;

export function registerTwoFactorRoutes(app: FastifyInstance, context: AppContext, tasks: BackgroundTasks): void {
  const shared = twoFactorRouteShared(context, tasks);
  registerEnrolmentRoutes(app, context, shared);
  registerTwoFactorCheckRoutes(app, context, tasks, shared);
  registerSignInPolicyRoutes(app, context);
}

/** A user's own second factor: its state, enrolling an authenticator and confirming it. */
function registerEnrolmentRoutes(app: FastifyInstance, context: AppContext, shared: TwoFactorRouteShared): void {
  const { deps } = shared;
  defineRoute(
    app,
    {
      method: 'GET',
      url: '/api/v1/auth/two-factor',
      summary:
        'Your two-factor authentication: on or off, recovery codes left, whether an organisation of yours requires it',
      tags: ['accounts'],
      auth: { scopes: [] },
      response: z.object({ enabled: z.boolean(), recoveryCodesLeft: z.number().int(), required: z.boolean() }),
    },
    async ({ request }) => {
      const caller = callerOf(request);
      if (!caller.userId) throw badRequest('API tokens have no second factor.');
      return twoFactorStatus(context.db, caller.userId);
    },
  );

  defineRoute(
    app,
    {
      method: 'POST',
      url: '/api/v1/auth/two-factor/enrolment',
      summary:
        'Start setting up two-factor authentication: a new TOTP key, as a QR code (SVG data URL) and for typing in',
      tags: ['accounts'],
      auth: { scopes: [] },
      response: z.object({ secret: z.string(), uri: z.string(), qrCode: z.string() }),
      status: 201,
      errors: [409],
    },
    async ({ request }) => {
      const caller = callerOf(request);
      if (!caller.userId) throw badRequest('API tokens have no second factor.');
      if (caller.signInMethod === 'oidc')
        throw conflict('You sign in through your identity provider, which handles your second factor.');
      const enrolment = await startEnrolment(context.db, caller.userId, context.clock());
      const svg = await QRCode.toString(enrolment.uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
      return { ...enrolment, qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` };
    },
  );

  defineRoute(
    app,
    {
      method: 'POST',
      url: '/api/v1/auth/two-factor/enrolment/confirm',
      summary: 'Confirm the enrolment with a code from the app; answers the ten recovery codes, shown only this once',
      tags: ['accounts'],
      auth: { scopes: [] },
      body: z.object({ code: codeSchema }),
      response: z.object({ recoveryCodes: z.array(z.string()), csrfToken: z.string().nullable() }),
      errors: [401, 409, 429],
    },
    async ({ body, request, reply }) => {
      const caller = callerOf(request);
      if (!caller.userId) throw badRequest('API tokens have no second factor.');
      const result = await confirmEnrolment(
        await deps(),
        {
          userId: caller.userId,
          code: body.code,
          address: request.ip,
          sessionId: caller.sessionId,
          pendingSession: caller.pending === 'enrol',
        },
        context.clock(),
      );
      if (result.session) setSessionCookies(request, reply, result.session);
      return { recoveryCodes: result.recoveryCodes, csrfToken: result.session?.csrfToken ?? null };
    },
  );
}

/** Proving the second factor at sign-in, and an operator resetting someone's. */
function registerTwoFactorCheckRoutes(
  app: FastifyInstance,
  context: AppContext,
  tasks: BackgroundTasks,
  shared: TwoFactorRouteShared,
): void {
  const { deps } = shared;
  defineRoute(
    app,
    {
      method: 'POST',
      url: '/api/v1/auth/two-factor/verify',
      summary:
        'The second step of a password sign-in: a code of the authenticator app or a recovery code (each once); throttled like passwords',
      tags: ['accounts'],
      auth: { scopes: [] },
      body: z.object({ code: codeSchema }),
      response: z.object({
        userId: z.string(),
        csrfToken: z.string(),
        method: z.enum(['totp', 'recovery-code']),
        recoveryCodesLeft: z.number().int(),
      }),
      errors: [401, 429],
    },
    async ({ body, request, reply }) => {
      const caller = callerOf(request);
      if (!caller.userId || !caller.sessionId || caller.pending !== 'second-factor')
        throw conflict('This session does not wait for a second factor.');
      const result = await verifySecondFactor(
        await deps(),
        { userId: caller.userId, sessionId: caller.sessionId, code: body.code, address: request.ip },
        context.clock(),
      );
      setSessionCookies(request, reply, result.session);
      return {
        userId: caller.userId,
        csrfToken: result.session.csrfToken,
        method: result.method,
        recoveryCodesLeft: result.recoveryCodesLeft,
      };
    },
  );

  defineRoute(
    app,
    {
      method: 'DELETE',
      url: '/api/v1/users/:userId/two-factor',
      summary:
        "Reset a member's two-factor authentication (lost device): another owner only; the member is mailed and signed out",
      tags: ['accounts'],
      auth: { scopes: ['users:manage'], roles: ['owner'] },
      params: z.object({ userId: z.uuid() }),
      query: z.object({ language: languageSchema.optional() }),
      status: 204,
      errors: [404, 409],
    },
    async ({ params, query, request }) => {
      const caller = callerOf(request);
      const now = context.clock();
      const { email } = await resetMemberTwoFactor(
        context.db,
        caller,
        { userId: params.userId, actorUserId: caller.userId ?? '', actor: caller.actor },
        now,
      );
      tasks.run('two-factor reset mail', async () => {
        const organisation = await findOrganisation(context.db, caller);
        await sendResetMail(context.mailer, {
          to: email,
          organisation: organisation?.name ?? '',
          url: `${publicUrl(context.config)}/console/`,
          language: query.language ?? 'en',
        });
      });
    },
  );
}

/** The organisation's sign-in policy (whether two factors are required). */
function registerSignInPolicyRoutes(app: FastifyInstance, context: AppContext): void {
  defineRoute(
    app,
    {
      method: 'GET',
      url: '/api/v1/organisation/sign-in',
      summary:
        "The organisation's sign-in policy: second factor required, password sign-in on or off, the identity providers",
      tags: ['accounts'],
      auth: { scopes: ['users:read'] },
      response: policySchema.extend({ providers: z.array(z.object({ id: z.string(), name: z.string() })) }),
    },
    async ({ request }) => ({
      ...(await signInPolicy(context.db, callerOf(request))),
      providers: oidcProvidersOf(context).map((p) => ({ id: p.id, name: p.name })),
    }),
  );

  defineRoute(
    app,
    {
      method: 'PUT',
      url: '/api/v1/organisation/sign-in',
      summary:
        "Set the organisation's sign-in policy (owners); password sign-in can be turned off only when an identity provider is configured",
      tags: ['accounts'],
      auth: { scopes: ['users:manage'], roles: ['owner'] },
      body: policySchema,
      response: policySchema,
      errors: [409],
    },
    async ({ body, request }) => {
      const caller = callerOf(request);
      if (!body.passwordSignIn && oidcProvidersOf(context).length === 0) {
        throw conflict(
          'Password sign-in can only be turned off when an identity provider is configured (OIDC_PROVIDERS).',
          [{ path: 'body.passwordSignIn', message: 'no identity provider configured' }],
        );
      }
      return setSignInPolicy(context.db, caller, { ...body, actor: caller.actor }, context.clock());
    },
  );
}
