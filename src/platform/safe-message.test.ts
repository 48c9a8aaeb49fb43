import { describe, expect, it } from 'vitest';
import { badRequest, InvariantError } from './errors.js';
import { safeMessage } from './safe-message.js';

describe('safeMessage', () => {
  it("keeps the messages of Charter's own errors, which carry ids and counts only", () => {
    expect(safeMessage(new InvariantError('unknown own table rights_requests'))).toBe(
      'unknown own table rights_requests',
    );
    expect(safeMessage(badRequest('bad cutoff'))).toBe('bad cutoff');
  });

  it('keeps only the class of any other error, whose message may quote a stored value', () => {
    const driver = new Error('duplicate key value violates unique constraint: (email)=(ann@example.be)');
    expect(safeMessage(driver)).toBe('Error');
    expect(safeMessage(new TypeError('cannot read ann@example.be'))).toBe('TypeError');
  });

  it('answers a neutral word for a thrown value that is not an Error, and cuts long messages', () => {
    expect(safeMessage('ann@example.be')).toBe('error');
    expect(safeMessage(new InvariantError('x'.repeat(400)))).toHaveLength(300);
  });
});
