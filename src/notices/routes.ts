/**
 * HTTP side of the notices: the pages `/privacy/{site}/notice` and `/privacy/{site}/cookies` (HTML, Markdown, PDF or
 * an embeddable fragment, any published version), the version history, the change-notification subscription, and
 * the JSON API (`/api/v1/notices/…`), including the console's "mark as significant and tell subscribers".
 * The privacy center itself (`/privacy/{site}`) belongs to the rights domain; only these sub-paths are ours.
 */
import { secretHash } from '../accounts/secrets.js';
import { RateLimiter } from '../consent/ledger-rate-limit.js';
import type { AppContext } from '../platform/app-context.js';
import { registerNoticeApiRoutes, registerNoticeTeamRoutes } from './routes-api.js';
import { registerNoticeDocumentRoutes, registerNoticeHistoryRoute, registerNoticeStyleRoutes } from './routes-pages.js';
import {
  registerSubscriptionApiRoute,
  registerSubscriptionFormRoutes,
  registerSubscriptionPageRoutes,
} from './routes-subscriptions.js';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** Every route of the notices, in the order they are documented. */
export function registerNoticeRoutes(app: FastifyInstance, context: AppContext) {
  // Asking to be told sends a mail: at most ten requests an hour from one address (keyed by its hash, never the IP).
  const subscribeLimiter = new RateLimiter(10, 3_600_000, () => context.clock().getTime());
  const overSubscribeLimit = (request: FastifyRequest) => subscribeLimiter.hit(secretHash(request.ip)) > 0;
  registerNoticeStyleRoutes(app, context);
  registerNoticeDocumentRoutes(app, context);
  registerNoticeHistoryRoute(app, context);
  registerSubscriptionPageRoutes(app, context);
  registerSubscriptionFormRoutes(app, context, overSubscribeLimit);
  registerNoticeApiRoutes(app, context);
  registerSubscriptionApiRoute(app, context, overSubscribeLimit);
  registerNoticeTeamRoutes(app, context);
}
