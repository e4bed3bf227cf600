// Hostile requests generated from the OpenAPI document: every operation, its parameters and body
// schema, with hostile values mixed in at every level. The generator reads the document, so routes
// added later are fuzzed without anyone editing this file.
import fc from 'fast-check';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Schema = Record<string, any>;
export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}
export interface Parameter { name: string; in: 'path' | 'query' | 'header' | 'cookie'; required?: boolean; schema?: Schema }
export interface Operation {
  operationId: string;
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema: Schema }> };
  security?: unknown[];
}
export interface RouteOperation { method: string; path: string; op: Operation }

/** Every operation of the document, in document order. */
export function operationsOf(doc: OpenApiDocument): RouteOperation[] {
  const out: RouteOperation[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      if (['get', 'post', 'put', 'patch', 'delete'].includes(method)) out.push({ method: method.toUpperCase(), path, op });
    }
  }
  return out;
}

/** A request as the fuzzer sends it; `body` is the raw text (so it can be malformed). */
export interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | undefined;
  /** What was done to it, for the failure message. */
  note: string;
}

const bigString = (n: number, unit = 'x') => unit.repeat(n);

/** Strings that have broken servers before: encodings, injection, traversal, prototype keys. */
export const hostileStrings: readonly string[] = [
  '', ' ', '\u0000', 'a\u0000b', '\ud800', 'x\udfffy', '\u202eevil\u202c', 'שלום עולם', '👩‍⚕️🏥', '\ufeffbom', 'Z̴̡̧a̷l̶g̵o̸',
  "' OR '1'='1", "'; DROP TABLE employees; --", '1); SELECT pg_sleep(5); --', '$$;$$', '\\', '"', '%', '%zz', '%00', '%ED%A0%80',
  '\r\nSet-Cookie: pwned=1', 'ok\r\nX-Injected: 1', '%0d%0aX-Injected:%201',
  '../../../../etc/passwd', '..%2f..%2fetc%2fpasswd', '..\\..\\windows\\win.ini', '/v1/me', '//evil.example',
  '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty',
  '<script>alert(1)</script>', '${7*7}', '{{7*7}}', 'javascript:alert(1)',
  '9'.repeat(400), '-1', '0', '1e309', '-0', 'NaN', 'Infinity', '0x10', '1_000',
  '2026-02-30', '2026-13-01', '2026-1-1', '9999-12-31', '0000-01-01', '1899-12-31', '1950-06-01', '1979-12-31', '2200-12-31', '2201-01-01', '+275760-09-13', '2026-11-25T00:00:00Z',
  'null', 'true', '[]', '{}', 'me', 'emp_', 'emp_' + 'a'.repeat(65), 'emp_../x', 'emp_%00',
  bigString(5000), bigString(2000, '€'),
];

export const hostileNumbers: readonly number[] = [
  0, -0, -1, 1.5, -1.5, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 2, -(2 ** 63), 1e308, -1e308, 5e-324, Number.MAX_SAFE_INTEGER,
];

/** Any JSON value a client could send where something else was expected. */
export const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...hostileStrings) },
  { weight: 2, arbitrary: fc.constantFrom(...hostileNumbers) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 24 }) },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}, [null], [[[[[]]]]], { __proto__: null, isAdmin: true }) },
  { weight: 1, arbitrary: fc.constant(deepArray(2000)) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...hostileStrings.slice(0, 10)), { minLength: 500, maxLength: 3000 }) },
);

function deepArray(depth: number): unknown {
  let v: unknown = [];
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}

/** Keys that must never be taken as fields (or pollute an object's prototype). */
const hostileKeys = ['__proto__', 'constructor', 'prototype', 'id', 'organisationId', 'employeeId', 'roles', 'status', 'version', 'unknownField', '', ' ', '\u0000', 'a.b', '$where'];

export class SchemaArbitraries {
  private readonly doc: OpenApiDocument;
  constructor(doc: OpenApiDocument) {
    this.doc = doc;
  }

  private resolve(schema: Schema): Schema {
    let s = schema;
    for (let i = 0; s?.['$ref'] && i < 10; i++) {
      const name = String(s['$ref']).replace('#/components/schemas/', '');
      s = this.doc.components?.schemas?.[name] ?? {};
    }
    return s;
  }

  /** Values the schema accepts (as far as the document says: patterns, formats, enums, ranges). */
  valid(schema: Schema, depth = 0): fc.Arbitrary<unknown> {
    const s = this.resolve(schema);
    const examples = s['example'] !== undefined ? [fc.constant(s['example'])] : [];
    if (s['allOf']) return fc.tuple(...(s['allOf'] as Schema[]).map((p) => this.valid(p, depth))).map((parts) => Object.assign({}, ...parts.filter((p) => p && typeof p === 'object')));
    if (s['anyOf'] || s['oneOf']) return fc.oneof(...((s['anyOf'] ?? s['oneOf']) as Schema[]).map((p) => this.valid(p, depth)));
    if (s['const'] !== undefined) return fc.constant(s['const']);
    if (s['enum']) return fc.constantFrom(...(s['enum'] as unknown[]));
    const types: string[] = Array.isArray(s['type']) ? s['type'] : s['type'] ? [s['type']] : s['properties'] ? ['object'] : [];
    const alternatives = types.map((t) => this.validOfType(t, s, depth));
    if (alternatives.length === 0) return examples[0] ?? fc.jsonValue({ maxDepth: 2 });
    return fc.oneof(...examples, ...alternatives);
  }

  private validOfType(type: string, s: Schema, depth: number): fc.Arbitrary<unknown> {
    switch (type) {
      case 'null': return fc.constant(null);
      case 'boolean': return fc.boolean();
      case 'integer': return fc.integer({ min: Math.max(s['minimum'] ?? -1_000_000, -(2 ** 31)), max: Math.min(s['maximum'] ?? 1_000_000, 2 ** 31) });
      case 'number': return fc.double({ min: s['minimum'] ?? -1e6, max: s['maximum'] ?? 1e6, noNaN: true, noDefaultInfinity: true });
      case 'string': {
        if (s['format'] === 'date') {
          // Mostly around today, sometimes anywhere in the accepted 1900–2200 (calendar edges).
          const around = fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true });
          const anywhere = fc.date({ min: new Date('1900-01-01'), max: new Date('2200-12-31'), noInvalidDate: true });
          return fc.oneof({ weight: 4, arbitrary: around }, { weight: 1, arbitrary: anywhere }).map((d) => d.toISOString().slice(0, 10));
        }
        if (s['format'] === 'date-time') return fc.date({ min: new Date('2000-01-01'), max: new Date('2035-12-31'), noInvalidDate: true }).map((d) => d.toISOString());
        if (s['format'] === 'email') return fc.emailAddress();
        if (s['pattern']) return fc.stringMatching(new RegExp(s['pattern'] as string)).filter((v) => v.length <= (s['maxLength'] ?? 1000) && v.length >= (s['minLength'] ?? 0));
        // Free text: ordinary, and valid-but-nasty (NUL, lone surrogates, RTL, injection) within the length limits.
        const [min, max] = [s['minLength'] ?? 0, s['maxLength'] ?? 10_000];
        const nasty = hostileStrings.filter((v) => v.length >= min && v.length <= max);
        const plain = fc.string({ minLength: min, maxLength: Math.max(min, Math.min(max, 40)) });
        return nasty.length > 0 ? fc.oneof(plain, fc.constantFrom(...nasty)) : plain;
      }
      case 'array': {
        if (depth > 4) return fc.constant([]);
        const minLength = s['minItems'] ?? 0;
        return fc.array(this.valid(s['items'] ?? {}, depth + 1), { minLength, maxLength: Math.max(minLength, Math.min(s['maxItems'] ?? minLength + 3, minLength + 3)) });
      }
      case 'object': {
        if (depth > 4) return fc.constant({});
        const props = (s['properties'] ?? {}) as Record<string, Schema>;
        const required = new Set<string>(s['required'] ?? []);
        const model = Object.fromEntries(Object.entries(props).map(([k, v]) => [k, this.valid(v, depth + 1)]));
        return fc.record(model, { requiredKeys: Object.keys(props).filter((k) => required.has(k)) });
      }
      default: return fc.jsonValue({ maxDepth: 1 });
    }
  }

  /** Mostly-valid values with hostile ones at any level, unknown and prototype keys in objects. */
  hostile(schema: Schema, depth = 0): fc.Arbitrary<unknown> {
    const s = this.resolve(schema);
    const isObject = s['type'] === 'object' || s['properties'];
    const isArray = s['type'] === 'array';
    let structured: fc.Arbitrary<unknown> = this.valid(s, depth);
    if (isObject && depth < 4) {
      const props = (s['properties'] ?? {}) as Record<string, Schema>;
      const required = new Set<string>(s['required'] ?? []);
      const model = Object.fromEntries(Object.entries(props).map(([k, v]) => [k, this.hostile(v, depth + 1)]));
      structured = fc
        .tuple(
          fc.record(model, { requiredKeys: Object.keys(props).filter((k) => required.has(k) && k.length % 3 !== 0) }),
          fc.array(fc.tuple(fc.constantFrom(...hostileKeys), hostileJson), { maxLength: 2 }),
        )
        .map(([obj, extra]) => {
          const out: Record<string, unknown> = { ...(obj as object) };
          // defineProperty so "__proto__" becomes an own key that JSON.stringify writes out.
          for (const [k, v] of extra) Object.defineProperty(out, k, { value: v, enumerable: true, configurable: true, writable: true });
          return out;
        });
    } else if (isArray && depth < 4) {
      structured = fc.array(this.hostile(s['items'] ?? {}, depth + 1), { maxLength: 4 });
    }
    return fc.oneof({ weight: 6, arbitrary: structured }, { weight: 2, arbitrary: hostileJson });
  }
}

/** A cursor shaped like ours (base64url JSON array) with the wrong arity, types or values, or garbage. */
export const badCursor: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('', 'x', '!!!', '%', 'null', 'W10', 'e30', 'bnVsbA', '====', 'a'.repeat(600)),
  fc.array(fc.oneof(fc.constantFrom(...hostileStrings.slice(0, 40)), fc.constantFrom(...hostileNumbers), fc.constant(null), fc.constant({})), { maxLength: 4 })
    .map((key) => Buffer.from(JSON.stringify(key)).toString('base64url')),
  fc.string({ unit: 'binary', maxLength: 30 }).map((s) => Buffer.from(s).toString('base64url')),
  // Our shape (instant, id) with one part wrong: what a client editing a cursor would send.
  fc.tuple(fc.constantFrom('2026-11-25', '2026-11-25 13:49:26.817+00', '2026-11-25T13:49:26.817Z', '2026-02-30', '1899-12-31', '2026-11-25T25:00:00Z'), fc.oneof(fc.constantFrom(...hostileStrings.slice(0, 40)), fc.constantFrom(...hostileNumbers)))
    .map((key) => Buffer.from(JSON.stringify(key)).toString('base64url')),
);

/** Percent-encodes text for a URL; lone surrogates become invalid UTF-8 escapes (encodeURIComponent throws on them). */
export function encodeHostile(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return [...value].map((ch) => (/[\ud800-\udfff]/.test(ch) ? '%ED%A0%80' : encodeURIComponent(ch))).join('');
  }
}

const contentTypes = [
  'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=xyz', 'application/xml',
  'application/json; charset=latin1', 'application/json-patch+json', 'APPLICATION/JSON', 'application/jsonx', '',
];
const malformedJson = ['', '{', '{"a":', "{'a':1}", 'NaN', '[1,]', '{"a":1}{"b":2}', '\u0000', '\ufeff{}', '{"a":"\\ud800"}', 'undefined'];

export interface FuzzContext {
  /** Known-good values per path parameter name (ids that exist), so a request can get past the lookup. */
  knownParams: Record<string, string[]>;
  /** Headers every request carries (the bearer token). */
  baseHeaders: Record<string, string>;
}

/** An arbitrary over hostile requests for one operation. */
export function requestArbitrary(route: RouteOperation, schemas: SchemaArbitraries, ctx: FuzzContext): fc.Arbitrary<FuzzRequest> {
  const params = route.op.parameters ?? [];
  const paramArb = (p: Parameter): fc.Arbitrary<string | undefined> => {
    const schema = p.schema ?? { type: 'string' };
    const asText = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));
    const known = ctx.knownParams[p.name] ?? [];
    const good = known.length > 0 ? fc.constantFrom(...known) : schemas.valid(schema).map(asText);
    const bad: fc.Arbitrary<string> = p.name === 'cursor'
      ? badCursor
      : fc.oneof(fc.constantFrom(...hostileStrings), fc.constantFrom(...hostileNumbers).map(String), fc.string({ unit: 'binary', maxLength: 20 }), hostileJson.map(asText));
    const value = fc.oneof({ weight: 3, arbitrary: good as fc.Arbitrary<string> }, { weight: 3, arbitrary: bad });
    return p.required ? value : fc.option(value, { nil: undefined, freq: 3 });
  };
  const parameterValues = fc.tuple(...params.map((p) => paramArb(p)));
  const body = route.op.requestBody?.content['application/json']?.schema;
  const bodyArb: fc.Arbitrary<{ text?: string | undefined; contentType?: string | undefined; note: string }> = body
    ? fc.oneof(
        { weight: 10, arbitrary: schemas.hostile(body).map((v) => ({ text: JSON.stringify(v), contentType: 'application/json', note: 'schema-shaped' })) },
        { weight: 2, arbitrary: fc.constantFrom(...malformedJson).map((text) => ({ text, contentType: 'application/json', note: 'malformed JSON' })) },
        { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...contentTypes), schemas.valid(body)).map(([contentType, v]) => ({ text: JSON.stringify(v), contentType, note: `content-type ${contentType || '(none)'}` })) },
        { weight: 1, arbitrary: fc.constant({ text: JSON.stringify({ padding: 'x'.repeat(300 * 1024) }), contentType: 'application/json', note: 'oversized body' }) },
        { weight: 1, arbitrary: fc.constant({ note: 'no body' }) },
      )
    : route.method === 'GET'
      ? fc.constant({ note: 'no body' }) // fetch cannot send a GET with a body
      : fc.oneof({ weight: 8, arbitrary: fc.constant({ note: 'no body' }) }, { weight: 1, arbitrary: hostileJson.map((v) => ({ text: JSON.stringify(v), contentType: 'application/json', note: 'unexpected body' })) });
  // A raw (unencoded) path value now and then: traversal and slashes must still land on a 4xx.
  const rawPath = fc.boolean();

  return fc.tuple(parameterValues, bodyArb, fc.integer({ min: 0, max: 9 }), rawPath).map(([values, b, roll, raw]) => {
    let path = route.path;
    const queryParts: string[] = [];
    const headers: Record<string, string> = { ...ctx.baseHeaders };
    params.forEach((p, i) => {
      const v = values[i];
      if (v === undefined) return;
      if (p.in === 'path') path = path.replace(`{${p.name}}`, raw && roll === 0 && !/[\ud800-\udfff]/.test(v) ? v : encodeHostile(v));
      else if (p.in === 'query') queryParts.push(`${encodeURIComponent(p.name)}=${encodeHostile(v)}`);
      else if (p.in === 'header') {
        // Header values cannot carry control characters (fetch refuses them before they leave): keep printable ASCII.
        const printable = v.replace(/[^\x20-\x7e]/g, '');
        headers[p.name] = printable.slice(0, 8192);
      }
    });
    // A repeated query parameter now and then (arrays where a string is expected).
    if (roll === 1 && queryParts.length > 0) queryParts.push(queryParts[0]!);
    // An unknown query parameter now and then.
    if (roll === 2) queryParts.push('unexpected=1', '__proto__[admin]=1');
    if (b.contentType !== undefined) headers['content-type'] = b.contentType;
    if (b.contentType === '') delete headers['content-type'];
    const url = `${path}${queryParts.length ? `?${queryParts.join('&')}` : ''}`;
    return { method: route.method, url, headers, body: b.text, note: b.note };
  });
}

/** A plausible valid value from the document's examples (first enum value, minimum, … otherwise). */
export function exampleOf(doc: OpenApiDocument, schema: Schema, depth = 0): unknown {
  let s = schema;
  for (let i = 0; s?.['$ref'] && i < 10; i++) s = doc.components?.schemas?.[String(s['$ref']).replace('#/components/schemas/', '')] ?? {};
  if (s['example'] !== undefined) return s['example'];
  if (s['default'] !== undefined) return s['default'];
  if (s['const'] !== undefined) return s['const'];
  if (s['enum']) return s['enum'][0];
  if (s['allOf']) return Object.assign({}, ...(s['allOf'] as Schema[]).map((p) => exampleOf(doc, p, depth)));
  if (s['anyOf'] || s['oneOf']) return exampleOf(doc, (s['anyOf'] ?? s['oneOf'])[0], depth);
  const type = Array.isArray(s['type']) ? s['type'].find((t: string) => t !== 'null') : s['type'] ?? (s['properties'] ? 'object' : undefined);
  switch (type) {
    case 'object': {
      if (depth > 5) return {};
      const required = new Set<string>(s['required'] ?? []);
      const entries = Object.entries((s['properties'] ?? {}) as Record<string, Schema>).filter(([k]) => required.has(k));
      return Object.fromEntries(entries.map(([k, v]) => [k, exampleOf(doc, v, depth + 1)]));
    }
    case 'array': return Array.from({ length: s['minItems'] ?? 0 }, () => exampleOf(doc, s['items'] ?? {}, depth + 1));
    case 'string': return s['format'] === 'date' ? '2027-01-12' : 'x'.repeat(Math.max(1, s['minLength'] ?? 1));
    case 'integer': case 'number': return s['minimum'] ?? 1;
    case 'boolean': return false;
    default: return null;
  }
}
