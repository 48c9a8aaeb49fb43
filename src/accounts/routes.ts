/** The accounts domain's HTTP surface: the route guard for every protected route, its own routes, the console. */
import cookie from '@fastify/cookie';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../app.js';
import { registerConsole } from './console-routes.js';
import { installRouteGuard } from './guard.js';
import { registerAuthRoutes } from './routes/auth-routes.js';
import { registerTokenRoutes } from './routes/token-routes.js';
import { registerUserRoutes } from './routes/user-routes.js';

/** Registers the cookie parser (if not yet there) and the guard; call before any other domain's routes. */
export async function registerAccountRoutes(app: FastifyInstance, context: AppContext) {
  if (!app.hasDecorator('parseCookie')) await app.register(cookie);
  installRouteGuard(app, context);
  registerAuthRoutes(app, context);
  registerUserRoutes(app, context);
  registerTokenRoutes(app, context);
  await registerConsole(app);
}
