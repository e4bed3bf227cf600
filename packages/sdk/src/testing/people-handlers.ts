import { HttpResponse, delay, http } from 'msw';
import type { FieldIssue } from '../errors.ts';
import type {
  ApprovalRequestSummary,
  AuditEvent,
  BankDetails,
  BankDetailsUpdate,
  EqualityDiversity,
  PersonalDetails,
  Problem,
  Profile,
  Role,
  TeamMember,
} from '../types.ts';
import { bankDetailsFixture, equalityDiversityFixture, personalDetailsFixture, profileFixture, teamFixtures } from './people-fixtures.ts';

export type PeopleScenario = 'data' | 'error' | 'unauthorised' | 'slow' | 'offline';

export interface PeopleHandlerOptions {
  scenario?: PeopleScenario;
  /** Delay for the `slow` scenario, in ms (default: forever, to show the loading state). */
  delayMs?: number | 'infinite';
  /** Roles granted besides `employee` (and `manager`, which comes from having a team). `hr_admin` may read the audit trail. */
  roles?: Role[];
  /** The signed-in person. */
  profile?: Profile;
  /** Their personal details; `version` is the starting ETag (`"v<version>"`), shared with bank details as on the server. */
  personalDetails?: PersonalDetails;
  /** Their bank details, unmasked (reads mask them). `null`: none on record (404). */
  bankDetails?: BankDetailsUpdate | null;
  /** Their equality and diversity declaration, or `null` when none was made. */
  equalityDiversity?: EqualityDiversity | null;
  /** Everyone below them (`level` 1 = direct report). Their profiles are visible; their records are not. */
  team?: TeamMember[];
  /** The clock for `declaredAt`, `createdAt` and audit times (default: now). */
  now?: () => Date;
}

const requestId = 'req_mock0000000001';
const employeeIdPattern = /^(me|emp_[A-Za-z0-9]{1,64})$/;

function problemResponse(status: number, code: string, title: string, detail: string, extra: { errors?: FieldIssue[]; headers?: Record<string, string> } = {}): Response {
  const body: Problem = { type: `urn:esr:problem:${code}`, title, status, detail, code, requestId, ...(extra.errors ? { errors: extra.errors } : {}) };
  return HttpResponse.json(body, { status, headers: { 'Content-Type': 'application/problem+json', 'X-Request-Id': requestId, ...extra.headers } });
}

const invalid = (errors: FieldIssue[]) =>
  problemResponse(400, 'validation_failed', 'Your request is not valid', errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors });
const notFound = (what: string) => problemResponse(404, 'not_found', 'Not found', `${what} was not found.`);
const forbidden = (detail: string) => problemResponse(403, 'forbidden', 'Not allowed', detail);

/** JSON with keys sorted at every level: the fingerprint of an idempotent request's body. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

type Body = Record<string, unknown>;
const isObject = (v: unknown): v is Body => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Unknown fields are rejected, never ignored (the API's rule for writes). */
function unknownFields(body: Body, allowed: readonly string[], at: string): FieldIssue[] {
  return Object.keys(body).filter((k) => !allowed.includes(k)).map((k) => ({ path: `${at}.${k}`, message: 'Unknown field', code: 'unknown_field' }));
}

function requiredText(body: Body, field: string, at: string, max: number): FieldIssue[] {
  const value = body[field];
  if (typeof value !== 'string' || value.trim() === '') return [{ path: `${at}.${field}`, message: 'Required', code: 'invalid_type' }];
  if (value.trim().length > max) return [{ path: `${at}.${field}`, message: `Too long: at most ${max} characters`, code: 'too_big' }];
  return [];
}

function oneOf(body: Body, field: string, at: string, values: readonly string[]): FieldIssue[] {
  return values.includes(body[field] as string) ? [] : [{ path: `${at}.${field}`, message: `Expected one of ${values.join(', ')}`, code: 'invalid_value' }];
}

const mask = (bank: BankDetailsUpdate): BankDetails => ({
  accountName: bank.accountName,
  sortCode: `**-**-${bank.sortCode.slice(-2)}`,
  accountNumber: `****${bank.accountNumber.slice(-4)}`,
  masked: true,
});

const postcodePattern = /^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$/;
const phonePattern = /^\+?[0-9 ]{7,20}$/;

/**
 * msw handlers that behave like the reference server's people routes for one signed-in person, for
 * widget tests, Storybook and integrators' own tests: `setupServer(...createPeopleHandlers())`.
 *
 * Each call starts from fresh state, then keeps it: updates apply, and
 * - personal details and bank details share one version, sent as `ETag: "v<n>"`; an update without
 *   `If-Match` is 428, with any other ETag 412 (with the current ETag), as on the server;
 * - name-change requests honour `Idempotency-Key`: a replay returns the first response with
 *   `Idempotent-Replayed: true`, the same key with another body is 422;
 * - changes and requests are appended to an audit trail that `hr_admin` may list.
 */
export function createPeopleHandlers(options: PeopleHandlerOptions = {}) {
  const scenario = options.scenario ?? 'data';
  const now = options.now ?? (() => new Date());
  const profile = structuredClone(options.profile ?? profileFixture);
  const team = structuredClone(options.team ?? teamFixtures);
  const roles: Role[] = ['employee', ...(team.some((m) => m.level === 1) ? (['manager'] as const) : []), ...(options.roles ?? [])];
  let details: PersonalDetails = { ...structuredClone(options.personalDetails ?? personalDetailsFixture), employeeId: profile.id };
  let bank = options.bankDetails === undefined ? { ...bankDetailsFixture } : options.bankDetails;
  let declaration = options.equalityDiversity === undefined ? { ...equalityDiversityFixture } : options.equalityDiversity;
  const idempotency = new Map<string, { fingerprint: string; status: number; body: string; type: string }>();
  const audit: AuditEvent[] = [];
  let sequence = 0;

  const etag = () => `"v${details.version}"`;
  const record = (event: Pick<AuditEvent, 'action' | 'resource'> & Partial<AuditEvent>) => {
    sequence++;
    audit.unshift({ id: `aud_${sequence}`, occurredAt: now().toISOString(), actorEmployeeId: profile.id, subjectEmployeeId: profile.id, changes: null, ip: '10.0.0.1', requestId, ...event });
  };

  const guard = async (): Promise<Response | undefined> => {
    if (scenario === 'slow') await delay(options.delayMs ?? 'infinite');
    if (scenario === 'offline') return HttpResponse.error();
    if (scenario === 'unauthorised') return problemResponse(401, 'unauthenticated', 'You are not signed in', 'The bearer token is invalid or has expired: sign in again.');
    if (scenario === 'error') return problemResponse(500, 'internal_error', 'Something went wrong on our side', 'The error has been logged; quote the request id.');
    return undefined;
  };

  /** Resolves `me`; only the signed-in person's own records exist here (others' are 403 or 404, as for a non-HR caller). */
  const ownRecord = (raw: unknown, what: string): Response | undefined => {
    const id = String(raw);
    if (!employeeIdPattern.test(id)) return invalid([{ path: 'param.employeeId', message: 'An employee id (emp_…) or "me"', code: 'invalid_format' }]);
    if (id === 'me' || id === profile.id) return undefined;
    if (team.some((m) => m.id === id)) return forbidden(`Your role does not allow this on ${id}'s ${what}.`);
    return notFound(`Employee ${id}`);
  };

  /** 428 without If-Match, 412 (with the current ETag) when it names another version. */
  const precondition = (request: Request): Response | undefined => {
    const ifMatch = request.headers.get('if-match')?.trim();
    if (!ifMatch || ifMatch === '*') {
      return problemResponse(428, 'precondition_required', 'If-Match is required', 'Send If-Match with the ETag you read: this record is updated only against a known version.');
    }
    const tags: string[] = ifMatch.match(/(?:W\/)?"[^"]*"/g) ?? [];
    if (!tags.includes(etag())) {
      return problemResponse(412, 'precondition_failed', 'The record has changed', 'The record changed since you read it (If-Match does not match): read it again and reapply your change.', { headers: { ETag: etag() } });
    }
    return undefined;
  };

  const readJson = async (request: Request): Promise<Body | Response> => {
    try {
      const body: unknown = await request.json();
      return isObject(body) ? body : invalid([{ path: 'json', message: 'Expected an object', code: 'invalid_type' }]);
    } catch {
      return invalid([{ path: 'json', message: 'Malformed JSON', code: 'invalid_json' }]);
    }
  };

  const page = <T>(request: Request, items: T[]): Response => {
    const url = new URL(request.url);
    const limit = Number(url.searchParams.get('limit') ?? 20);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) return invalid([{ path: 'query.limit', message: 'Expected an integer from 1 to 100', code: 'too_big' }]);
    const cursor = url.searchParams.get('cursor');
    const start = cursor === null ? 0 : Number(cursor.replace(/^c/, ''));
    if (cursor !== null && (!/^c\d+$/.test(cursor) || start > items.length)) return invalid([{ path: 'query.cursor', message: 'Not a cursor this API issued', code: 'invalid_cursor' }]);
    const data = items.slice(start, start + limit);
    const hasMore = start + limit < items.length;
    return HttpResponse.json({ data, hasMore, nextCursor: hasMore ? `c${start + limit}` : null });
  };

  const requestNameChange = (employeeId: unknown, body: unknown): Response => {
    const refused = ownRecord(employeeId, 'name');
    if (refused) return refused;
    if (!isObject(body)) return invalid([{ path: 'json', message: 'Expected an object', code: 'invalid_type' }]);
    const issues = [
      ...unknownFields(body, ['title', 'firstName', 'lastName', 'reason'], 'json'),
      ...requiredText(body, 'firstName', 'json', 60),
      ...requiredText(body, 'lastName', 'json', 60),
      ...oneOf(body, 'reason', 'json', ['marriage', 'civil_partnership', 'divorce', 'deed_poll', 'correction', 'other']),
    ];
    if (issues.length > 0) return invalid(issues);
    const created: ApprovalRequestSummary = {
      id: `apr_${crypto.randomUUID().replaceAll('-', '')}`,
      type: 'personal_details.name_change',
      status: 'pending',
      subjectEmployeeId: profile.id,
      createdAt: now().toISOString(),
    };
    record({ action: 'request', resource: 'name_change', changes: { name: { to: '[requested]' } } });
    return HttpResponse.json(created, { status: 202 });
  };

  return [
    http.get('*/v1/me', async () => (await guard()) ?? HttpResponse.json({ profile, roles })),

    http.get('*/v1/me/team', async ({ request }) => {
      const failure = await guard();
      if (failure) return failure;
      const scope = new URL(request.url).searchParams.get('scope') ?? 'direct';
      if (scope !== 'direct' && scope !== 'all') return invalid([{ path: 'query.scope', message: 'Expected "direct" or "all"', code: 'invalid_value' }]);
      return page(request, scope === 'direct' ? team.filter((m) => m.level === 1) : team);
    }),

    http.get('*/v1/people/:employeeId', async ({ params }) => {
      const failure = await guard();
      if (failure) return failure;
      const id = String(params['employeeId']);
      if (!employeeIdPattern.test(id)) return invalid([{ path: 'param.employeeId', message: 'An employee id (emp_…) or "me"', code: 'invalid_format' }]);
      if (id === 'me' || id === profile.id) return HttpResponse.json(profile);
      const member = team.find((m) => m.id === id);
      if (!member) return notFound(`Employee ${id}`);
      const [firstName = member.name, ...rest] = member.name.split(' ');
      const supervisor = member.supervisorId === profile.id ? { id: profile.id, name: `${profile.name.firstName} ${profile.name.lastName}` } : (team.find((m) => m.id === member.supervisorId) ?? null);
      const theirs: Profile = {
        ...profile,
        id: member.id,
        employeeNumber: `R100-${member.id.slice(-7)}`,
        name: { title: null, firstName, lastName: rest.join(' '), preferredName: null },
        email: `${member.name.toLowerCase().replaceAll(' ', '.')}@severnvale.nhs.example`,
        assignment: profile.assignment && {
          ...profile.assignment,
          id: `asg_${member.id.slice(4)}`,
          assignmentNumber: `2${member.id.slice(-7)}-1`,
          jobTitle: member.jobTitle,
          band: member.band,
          supervisor: supervisor && { id: supervisor.id, name: supervisor.name },
          contractedMinutesPerWeek: Math.round(2250 * member.fte),
          fte: member.fte,
        },
        registrations: [],
      };
      return HttpResponse.json(theirs);
    }),

    http.get('*/v1/people/:employeeId/personal-details', async ({ params }) => {
      const failure = (await guard()) ?? ownRecord(params['employeeId'], 'personal details');
      if (failure) return failure;
      return HttpResponse.json(details, { headers: { ETag: etag() } });
    }),

    http.patch('*/v1/people/:employeeId/personal-details', async ({ params, request }) => {
      const failure = (await guard()) ?? ownRecord(params['employeeId'], 'personal details');
      if (failure) return failure;
      const body = await readJson(request);
      if (body instanceof Response) return body;
      const issues = unknownFields(body, ['preferredName', 'addresses', 'phones', 'emergencyContacts'], 'json');
      if (isObject(body['addresses'])) {
        issues.push(...unknownFields(body['addresses'], ['home', 'postal'], 'json.addresses'));
        for (const kind of ['home', 'postal'] as const) {
          const address = body['addresses'][kind];
          if (address === undefined || address === null) continue;
          const at = `json.addresses.${kind}`;
          if (!isObject(address)) issues.push({ path: at, message: 'Expected an address', code: 'invalid_type' });
          else {
            issues.push(...unknownFields(address, ['line1', 'line2', 'town', 'county', 'postcode', 'country'], at), ...requiredText(address, 'line1', at, 100), ...requiredText(address, 'town', at, 60));
            if (typeof address['postcode'] !== 'string' || !postcodePattern.test(address['postcode'].trim().toUpperCase())) {
              issues.push({ path: `${at}.postcode`, message: 'Enter a real UK postcode, like LS1 4AP', code: 'invalid_format' });
            }
          }
        }
      }
      if (isObject(body['phones'])) {
        issues.push(...unknownFields(body['phones'], ['mobile', 'home', 'work'], 'json.phones'));
        for (const [kind, phone] of Object.entries(body['phones'])) {
          if (phone !== null && (typeof phone !== 'string' || !phonePattern.test(phone.trim()))) {
            issues.push({ path: `json.phones.${kind}`, message: 'Enter a phone number, like 07700 900123', code: 'invalid_format' });
          }
        }
      }
      if (issues.length > 0) return invalid(issues);
      const stale = precondition(request);
      if (stale) return stale;

      // Field names as the server records them: `preferredName`, `addresses.home`, `phones.mobile`, `emergencyContacts`.
      const changed = Object.entries(body).flatMap(([field, value]) =>
        (field === 'addresses' || field === 'phones') && isObject(value) ? Object.keys(value).map((kind) => `${field}.${kind}`) : [field],
      );
      const next = structuredClone(details);
      if (body['preferredName'] !== undefined) next.name.preferredName = body['preferredName'] as string | null;
      if (isObject(body['addresses'])) {
        for (const [kind, address] of Object.entries(body['addresses']) as Array<['home' | 'postal', Body | null]>) {
          next.addresses[kind] = address && {
            line1: String(address['line1']).trim(),
            line2: (address['line2'] as string | null | undefined) ?? null,
            town: String(address['town']).trim(),
            county: (address['county'] as string | null | undefined) ?? null,
            postcode: normalisePostcode(String(address['postcode'])),
            country: (address['country'] as string | undefined) ?? 'United Kingdom',
          };
        }
      }
      if (isObject(body['phones'])) Object.assign(next.phones, body['phones']);
      if (Array.isArray(body['emergencyContacts'])) next.emergencyContacts = body['emergencyContacts'] as PersonalDetails['emergencyContacts'];
      next.version = details.version + 1;
      details = next;
      record({ action: 'update', resource: 'personal_details', changes: Object.fromEntries(changed.map((field) => [field, { to: '[changed]' }])) });
      return HttpResponse.json(details, { headers: { ETag: etag() } });
    }),

    http.post('*/v1/people/:employeeId/name-change-requests', async ({ params, request }) => {
      const failure = await guard();
      if (failure) return failure;
      // As on the server, the key is checked before anything else, and every answer but a 5xx, 408 or
      // 429 is stored: a replay of a refused request is refused the same way.
      const key = request.headers.get('idempotency-key');
      const text = await request.text();
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined;
      }
      const fingerprint = `POST ${new URL(request.url).pathname} ${parsed === undefined ? text : canonical(parsed)}`;
      if (key !== null) {
        if (!/^[\x21-\x7e]{1,255}$/.test(key)) return invalid([{ path: 'header.Idempotency-Key', message: 'Must be 1–255 visible ASCII characters', code: 'invalid_idempotency_key' }]);
        const first = idempotency.get(key);
        if (first && first.fingerprint !== fingerprint) {
          return problemResponse(422, 'idempotency_key_reused', 'Idempotency-Key already used', 'This Idempotency-Key was used for a different request (method, path or body): use a new key for a new request.');
        }
        if (first) {
          return new HttpResponse(first.body, { status: first.status, headers: { 'Content-Type': first.type, 'Idempotent-Replayed': 'true', 'X-Request-Id': requestId } });
        }
      }
      const response = requestNameChange(params['employeeId'], parsed);
      if (key !== null && response.status < 500 && response.status !== 408 && response.status !== 429) {
        idempotency.set(key, { fingerprint, status: response.status, body: await response.clone().text(), type: response.headers.get('content-type') ?? 'application/json' });
      }
      return response;
    }),

    http.get('*/v1/people/:employeeId/bank-details', async ({ params }) => {
      const failure = (await guard()) ?? ownRecord(params['employeeId'], 'bank details');
      if (failure) return failure;
      if (!bank) return notFound(`Bank details for ${profile.id}`);
      return HttpResponse.json(mask(bank), { headers: { ETag: etag() } });
    }),

    http.put('*/v1/people/:employeeId/bank-details', async ({ params, request }) => {
      const failure = (await guard()) ?? ownRecord(params['employeeId'], 'bank details');
      if (failure) return failure;
      const body = await readJson(request);
      if (body instanceof Response) return body;
      const sortCode = typeof body['sortCode'] === 'string' ? body['sortCode'].trim().replaceAll('-', '').replaceAll(' ', '') : '';
      const accountNumber = typeof body['accountNumber'] === 'string' ? body['accountNumber'].trim() : '';
      const issues = [...unknownFields(body, ['accountName', 'sortCode', 'accountNumber'], 'json'), ...requiredText(body, 'accountName', 'json', 70)];
      if (!/^[0-9]{6}$/.test(sortCode)) issues.push({ path: 'json.sortCode', message: 'A sort code is 6 digits', code: 'invalid_format' });
      if (!/^[0-9]{8}$/.test(accountNumber)) issues.push({ path: 'json.accountNumber', message: 'An account number is 8 digits', code: 'invalid_format' });
      if (issues.length > 0) return invalid(issues);
      const stale = precondition(request);
      if (stale) return stale;
      const previous = bank && mask(bank);
      bank = { accountName: String(body['accountName']).trim(), sortCode, accountNumber };
      details = { ...details, version: details.version + 1 };
      const masked = mask(bank);
      record({
        action: 'update',
        resource: 'bank_details',
        changes: { sortCode: { from: previous?.sortCode ?? null, to: masked.sortCode }, accountNumber: { from: previous?.accountNumber ?? null, to: masked.accountNumber } },
      });
      return HttpResponse.json({ ...bank, masked: false } satisfies BankDetails, { headers: { ETag: etag(), 'Cache-Control': 'no-store' } });
    }),

    http.get('*/v1/people/:employeeId/equality-diversity', async ({ params }) => {
      const failure = (await guard()) ?? ownRecord(params['employeeId'], 'equality and diversity declaration');
      if (failure) return failure;
      return HttpResponse.json(declaration);
    }),

    http.put('*/v1/people/:employeeId/equality-diversity', async ({ params, request }) => {
      const failure = (await guard()) ?? ownRecord(params['employeeId'], 'equality and diversity declaration');
      if (failure) return failure;
      const body = await readJson(request);
      if (body instanceof Response) return body;
      const issues = [
        ...unknownFields(body, ['ethnicity', 'sex', 'disability', 'religion', 'sexualOrientation'], 'json'),
        ...oneOf(body, 'ethnicity', 'json', ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'J', 'K', 'L', 'M', 'N', 'P', 'R', 'S', 'Z']),
        ...oneOf(body, 'sex', 'json', ['female', 'male', 'prefer_not_to_say']),
        ...oneOf(body, 'disability', 'json', ['yes', 'no', 'prefer_not_to_say']),
        ...oneOf(body, 'religion', 'json', ['atheism', 'buddhism', 'christianity', 'hinduism', 'islam', 'jainism', 'judaism', 'sikhism', 'other', 'prefer_not_to_say']),
        ...oneOf(body, 'sexualOrientation', 'json', ['bisexual', 'gay_or_lesbian', 'heterosexual', 'other', 'prefer_not_to_say']),
      ];
      if (issues.length > 0) return invalid(issues);
      declaration = { ...(body as Omit<EqualityDiversity, 'declaredAt'>), declaredAt: now().toISOString() };
      record({ action: 'update', resource: 'equality_diversity' });
      return HttpResponse.json(declaration);
    }),

    http.get('*/v1/audit-events', async ({ request }) => {
      const failure = await guard();
      if (failure) return failure;
      if (!roles.includes('hr_admin')) return forbidden('Only HR admins may read the audit trail.');
      const url = new URL(request.url);
      const only = (field: 'subjectEmployeeId' | 'actorEmployeeId' | 'action') => url.searchParams.get(field);
      const from = url.searchParams.get('from');
      const to = url.searchParams.get('to');
      const events = audit.filter(
        (e) =>
          (only('subjectEmployeeId') === null || e.subjectEmployeeId === only('subjectEmployeeId')) &&
          (only('actorEmployeeId') === null || e.actorEmployeeId === only('actorEmployeeId')) &&
          (only('action') === null || e.action === only('action')) &&
          (from === null || Date.parse(e.occurredAt) >= Date.parse(from)) &&
          (to === null || Date.parse(e.occurredAt) < Date.parse(to)),
      );
      return page(request, events);
    }),
  ];
}

function normalisePostcode(raw: string): string {
  const p = raw.trim().toUpperCase();
  return p.includes(' ') ? p : `${p.slice(0, -3)} ${p.slice(-3)}`;
}
