import { describe, expect, it } from 'vitest';
import { minimalCharterYaml } from '../../test/support/charter.js';
import { gateCharter } from './apply-gate.js';

const now = new Date('2026-12-01');

describe('the apply gate', () => {
  it('lets a valid charter through with its parsed form', () => {
    const gate = gateCharter(minimalCharterYaml, 'charter.yaml', now);
    expect(gate.ok ? gate.charter.organisation.id : gate.details).toBe('testco');
  });

  it('refuses a shape error and a lint error alike, each with its position', () => {
    const shape = gateCharter(
      minimalCharterYaml.replace('legalBasis: contract', 'legalBasis: contrakt'),
      'charter.yaml',
      now,
    );
    expect(shape.ok ? [] : shape.details.map((d) => d.path)).toContain('purposes[0].legalBasis');
    // A lint error (the charter's statement contradicted by a recipient in the United States).
    const lint = gateCharter(`${minimalCharterYaml}statements: { dataStaysInEea: true }\n`, 'charter.yaml', now);
    expect(lint.ok).toBe(false);
    const detail = lint.ok ? undefined : lint.details.find((d) => d.code === 'statement-contradicted');
    expect(detail?.path).toBe('recipients[1].country');
    expect(detail?.line).toBeGreaterThan(1);
  });
});
