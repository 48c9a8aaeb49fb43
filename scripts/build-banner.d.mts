/** Types of scripts/build-banner.mjs for TypeScript callers (tests, benchmarks). */
export const bannerBudget: number;
export function build(root: string): Promise<{ js: string; css: string; gzip: number }>;
