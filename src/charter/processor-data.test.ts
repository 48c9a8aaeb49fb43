/**
 * Declaring processor data (`processedFor` on a store table, the customer's retention instructions under
 * `customers`): the flashbooth example validates, and each mistake is reported at its field path and line.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { projectFile } from '../platform/project.js';
import { loadCharter, type CharterProblem } from './loader.js';

const example = readFileSync(projectFile('examples/flashbooth/charter.yaml'), 'utf8');

function problemsOf(text: string): CharterProblem[] {
  const result = loadCharter(text, 'flashbooth.yaml');
  return result.problems.filter((p) => p.severity === 'error');
}

function lineOf(text: string, needle: string, after = ''): number {
  const start = after ? text.indexOf(after) : 0;
  return text.slice(0, text.indexOf(needle, start)).split('\n').length;
}

const guests = '      - name: guests\n';

describe('processor data in the charter', () => {
  it('accepts the flashbooth example, whose guests and photos are processed for the event organisers', () => {
    const result = loadCharter(example);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const gallery = result.charter.stores.find((s) => s.id === 'gallery');
    expect(gallery?.tables.filter((t) => t.processedFor).map((t) => [t.name, t.processedFor?.customer])).toEqual([
      ['guests', 'event-organisers'],
      ['photos', 'event-organisers'],
    ]);
    expect(result.charter.customers[0]?.retention).toEqual({ minimum: 'P6M', maximum: 'P2Y', from: 'end-of-contract' });
  });

  it('reports an unknown customer at processedFor.customer, with the closest declared one', () => {
    const text = example.replace(
      'processedFor: { customer: event-organisers, column: event_id }',
      'processedFor: { customer: event-organizers, column: event_id }',
    );
    const problem = problemsOf(text).find((p) => p.path === 'stores[0].tables[2].processedFor.customer');
    expect(problem?.code).toBe('unknown_reference');
    expect(problem?.message).toContain('did you mean "event-organisers"');
    expect(problem?.line).toBe(lineOf(text, 'event-organizers'));
  });

  it('refuses a table governed both by a purpose of its own and by a customer', () => {
    const text = example.replace(
      `${guests}        primaryKey: id\n`,
      `${guests}        primaryKey: id\n        purpose: bookings\n`,
    );
    const problem = problemsOf(text).find((p) => p.code === 'conflicting_governance');
    expect(problem?.path).toBe('stores[0].tables[2].purpose');
    expect(problem?.message).toContain('cannot also be governed by the purpose "bookings"');
    expect(problem?.line).toBe(lineOf(text, 'purpose: bookings', guests));
  });

  it('refuses a customer maximum shorter than its minimum', () => {
    const text = example.replace(
      '      minimum: P6M\n      maximum: P2Y\n      from: end-of-contract',
      '      minimum: P6M\n      maximum: P3M\n      from: end-of-contract',
    );
    const problem = problemsOf(text).find((p) => p.path === 'customers[0].retention.minimum');
    expect(problem?.code).toBe('impossible_value');
    expect(problem?.message).toBe("the customer's minimum P6M is longer than its maximum P3M");
  });

  it('asks for the anchor the customer’s period runs from, and for a column the table has', () => {
    const text = example.replace(
      `        processedFor: { customer: event-organisers, column: event_id }\n        anchor: events.ended_at\n`,
      '        processedFor: { customer: event-organisers, column: evnt_id }\n',
    );
    const problems = problemsOf(text);
    expect(problems.find((p) => p.path === 'stores[0].tables[2].anchor')?.code).toBe('missing_anchor');
    const column = problems.find((p) => p.path === 'stores[0].tables[2].processedFor.column');
    expect(column?.code).toBe('unknown_reference');
    expect(column?.message).toContain('did you mean "event_id"');
  });

  it('requires a processor role once a table is processed for customers', () => {
    const text = example.replace('  role: both\n', '  role: controller\n');
    const problem = problemsOf(text).find((p) => p.path === 'organisation.role');
    expect(problem?.code).toBe('impossible_value');
    expect(problem?.message).toContain('"processor" or "both"');
  });

  it('refuses processor data on an HTTP store', () => {
    const text = example.replace(
      '    kind: postgres\n    connection: FLASHBOOTH_GALLERY_DATABASE_URL\n',
      '    kind: http\n    connection: FLASHBOOTH_GALLERY_DATABASE_URL\n    secret: FLASHBOOTH_GALLERY_SECRET\n',
    );
    expect(
      problemsOf(text)
        .filter((p) => p.code === 'unsupported')
        .map((p) => p.path),
    ).toEqual(['stores[0].tables[2].processedFor', 'stores[0].tables[3].processedFor']);
  });
});
