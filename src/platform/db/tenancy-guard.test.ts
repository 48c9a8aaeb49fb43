/** Which statement may carry a transaction's `begin` with it (tenancy-guard.ts, `scopedBegin`). */
import { CompiledQuery } from 'kysely';
import { describe, expect, it } from 'vitest';
import { scopedBegin } from './tenancy-guard.js';

const scope = "select set_config('charter.organisation_id', $1, true), set_config('role', 'charter_app', true)";
const id = '0b7c6f0e-8d1a-4f7e-9a53-2c1d3e4f5a6b';
const compiled = (sql: string, parameters: unknown[]) => ({ ...CompiledQuery.raw(sql), parameters });

describe('scopedBegin', () => {
  it("joins begin and the organisation's scope, with the id as a literal", () => {
    expect(scopedBegin(compiled(scope, [id]))).toBe(
      `begin; select set_config('charter.organisation_id', '${id}', true), set_config('role', 'charter_app', true)`,
    );
  });

  it('leaves every other statement, and an id that is not a UUID, to a begin of its own', () => {
    expect(scopedBegin(compiled('select 1', []))).toBeUndefined();
    expect(scopedBegin(compiled(scope, ["x'); drop table audit_entries; --"]))).toBeUndefined();
    expect(scopedBegin(compiled(scope, [`${id}'`]))).toBeUndefined();
    expect(scopedBegin(compiled(scope, [id, 'extra']))).toBeUndefined();
    expect(scopedBegin(compiled(scope.replace('charter_app', 'postgres'), [id]))).toBeUndefined();
  });
});
