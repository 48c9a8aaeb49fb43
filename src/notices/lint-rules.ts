/**
 * Lint rules about what the notice would tell people (Art. 12–14) and whether the charter's promises are kept: each a
 * pure function over the charter and a clock, with a severity and the provision it rests on. They join the core rules
 * in `src/charter/lint.ts` through `noticeLintRules`; the rules themselves live in one module per theme.
 */
import type { LintRule } from '../charter/lint.js';
import { childAgeRule, childrenDataRule } from './lint-children.js';
import { noticeCompletenessRule } from './lint-completeness.js';
import { outdatedReferenceRule } from './lint-outdated.js';
import { jointControllerRule, statementsRule, withdrawalRouteRule } from './lint-promises.js';
import { retentionCriteriaRule, retentionExecutionRule, unlistedStoreCategoryRule } from './lint-retention.js';
import { legitimateInterestRule, placeholderRule, untranslatedTextRule } from './lint-texts.js';

/** The notice domain's rules, in the order they are reported. */
export const noticeLintRules: readonly LintRule[] = [
  placeholderRule,
  noticeCompletenessRule,
  untranslatedTextRule,
  legitimateInterestRule,
  withdrawalRouteRule,
  outdatedReferenceRule,
  retentionExecutionRule,
  retentionCriteriaRule,
  unlistedStoreCategoryRule,
  childAgeRule,
  statementsRule,
  jointControllerRule,
  childrenDataRule,
];

export {
  article13Items,
  article14Items,
  missingItems,
  noticeCompletenessRule,
  requiredItems,
} from './lint-completeness.js';
export { legitimateInterestRule, placeholderRule, untranslatedTextRule } from './lint-texts.js';
export { outdatedReferenceRule } from './lint-outdated.js';
export { retentionCriteriaRule, retentionExecutionRule, unlistedStoreCategoryRule } from './lint-retention.js';
export { jointControllerRule, statementsRule, withdrawalRouteRule } from './lint-promises.js';
export { childAgeRule, childrenDataRule } from './lint-children.js';
