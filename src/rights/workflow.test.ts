import { describe, expect, it } from 'vitest';
import { buildCharter } from '../../test/support/charter.js';
import { canTransition, finalStates, needsApproval, requestStates, verificationLevel } from './workflow.js';

describe('the request workflow', () => {
  it('allows only the documented transitions', () => {
    expect(canTransition('received', 'awaiting-verification')).toBe(true);
    expect(canTransition('awaiting-verification', 'verified')).toBe(true);
    expect(canTransition('verified', 'in-progress')).toBe(true);
    expect(canTransition('in-progress', 'awaiting-approval')).toBe(true);
    expect(canTransition('awaiting-approval', 'in-progress')).toBe(true);
    expect(canTransition('in-progress', 'completed')).toBe(true);
    // Nothing skips verification, and nothing leaves a final state.
    expect(canTransition('awaiting-verification', 'in-progress')).toBe(false);
    expect(canTransition('awaiting-verification', 'completed')).toBe(false);
    expect(canTransition('received', 'completed')).toBe(false);
    for (const final of finalStates) for (const to of requestStates) expect(canTransition(final, to)).toBe(false);
    // Work in progress is not withdrawn half-way (the engine is running); it completes or is refused.
    expect(canTransition('in-progress', 'withdrawn')).toBe(false);
  });

  it('takes the verification level from the charter, never below the default for the type', () => {
    const charter = buildCharter((c) => {
      c.rights.verification = { access: 'account', erasure: 'code' };
    });
    expect(verificationLevel(charter, 'access')).toBe('account');
    expect(verificationLevel(charter, 'erasure')).toBe('code-and-confirm');
    expect(verificationLevel(charter, 'portability')).toBe('code');
    expect(verificationLevel(buildCharter(), 'erasure')).toBe('code-and-confirm');
  });

  it('asks approval where the charter says, and always for an objection to a legitimate interest', () => {
    const charter = buildCharter((c) => {
      c.rights.approval = ['erasure'];
    });
    expect(needsApproval(charter, 'erasure', {})).toBe(true);
    expect(needsApproval(charter, 'access', {})).toBe(false);
    expect(needsApproval(charter, 'objection', { objection: { kind: 'legitimate-interest', purpose: 'x' } })).toBe(
      true,
    );
    expect(needsApproval(charter, 'objection', { objection: { kind: 'direct-marketing' } })).toBe(false);
  });
});
