/** API shapes the console reads, taken from the server's zod schemas (one source of truth). */
import type { z } from 'zod';
import type { meSchema } from '../../../src/accounts/routes/auth-routes.js';

export type Me = z.infer<typeof meSchema>;
export type Role = Me['organisations'][number]['role'];
