/** The accounts domain's HTTP surface: the route guard for every protected route, its own routes, the console. */
import cookie from '@fastify/cookie';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../platform/app-context.js';
import { createBackgroundTasks, type BackgroundTasks } from '../platform/background.js';
import { registerConsole } from './console-routes.js';
import { installRouteGuard } from './guard.js';
import { accountsView } from './tables.js';
import { registerAuthRoutes } from './routes/auth-routes.js';
import { registerOidcRoutes } from './routes/oidc-routes.js';
import { registerOrganisationRoutes } from './routes/organisation-routes.js';
import { registerPeopleRoutes } from './routes/people-routes.js';
import { registerTokenRoutes } from './routes/token-routes.js';
import { registerTwoFactorRoutes } from './routes/two-factor-routes.js';
import { registerUserRoutes } from './routes/user-routes.js';

const tasksOfApp = new WeakMap<FastifyInstance, BackgroundTasks>();

/** The accounts domain's work after the answer (reset mails, invitations, audit of failed sign-ins), for tests. */
export function accountTasksOf(app: FastifyInstance): BackgroundTasks {
  const tasks = tasksOfApp.get(app);
  if (!tasks) throw new Error('the account routes are not registered on this app');
  return tasks;
}

/** Registers the cookie parser (if not yet there) and the guard; call before any other domain's routes. */
export async function registerAccountRoutes(app: FastifyInstance, context: AppContext) {
  if (!app.hasDecorator('parseCookie')) await app.register(cookie);
  const tasks = createBackgroundTasks(context.logger);
  tasksOfApp.set(app, tasks);
  app.addHook('onClose', () => tasks.idle());
  installRouteGuard(app, { db: accountsView(context.db), clock: () => context.clock() });
  registerAuthRoutes(app, context, tasks);
  registerUserRoutes(app, context, tasks);
  registerTokenRoutes(app, context);
  registerPeopleRoutes(app, context);
  registerTwoFactorRoutes(app, context, tasks);
  registerOidcRoutes(app, context);
  registerOrganisationRoutes(app, context, tasks);
  await registerConsole(app);
}
