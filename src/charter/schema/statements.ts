/**
 * Promises a statement commonly makes beyond Art. 13/14.
 */
import { z } from 'zod';
import { textSchema } from './common.js';
import { url } from './fields.js';

/**
 * What statements commonly promise beyond Art. 13/14, declared so that the notice says it and lint can check it
 * against the rest of the charter. Every field optional without a default: older charters keep their revision.
 */
export const statementsSchema = z.strictObject({
  noSpecialCategories: z
    .boolean()
    .optional()
    .describe('we do not ask for special categories of data (Art. 9); lint checks that no purpose names one'),
  deleteUnsolicitedSpecial: z
    .boolean()
    .optional()
    .describe('special-category data we receive without asking is deleted'),
  neverSold: z.boolean().optional().describe('we never sell personal data'),
  noThirdPartyAdvertising: z
    .boolean()
    .optional()
    .describe('we do not use personal data for the advertising of third parties'),
  dataStaysInEea: z
    .boolean()
    .optional()
    .describe('all data stays in the EEA; lint checks every recipient and sub-processor'),
  related: z
    .array(z.strictObject({ name: textSchema, url: url }))
    .optional()
    .describe('other statements that apply instead of this one, such as partner sites with their own statement'),
  changeNotification: z
    .strictObject({
      subscribers: z
        .boolean()
        .optional()
        .describe('we mail those who subscribed to the notice when it changes significantly (default true)'),
      customers: z
        .boolean()
        .optional()
        .describe('we also mail our customers the updated statement (Charter does not send this mail)'),
    })
    .optional(),
});
