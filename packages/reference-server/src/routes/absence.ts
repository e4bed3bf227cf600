// Sickness absence: episodes (recorded by the line manager or HR; reasons visible only to the person,
// their line managers and HR, every other reader audited), return to work, occupational sick pay for
// payroll, Bradford factor, and absence rates by org unit, month and reason (HR).
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { and, eq } from 'drizzle-orm';
import type { AppEnv } from '../app-env.ts';
import { auditContext, auditRead } from '../audit/index.ts';
import { authorise, requireHrAdmin } from '../auth/access.ts';
import { orgUnits } from '../db/schema.ts';
import { sicknessEpisodes } from '../db/schema-leave.ts';
import {
  absenceRates, allocateSickPay, bradfordFactor, sickPayPosition, listEpisodes, recordEpisode, returnToWorkOf, sickPayForPeriod, sicknessReasons, toEpisodeView,
  updateEpisode,
} from '../domain/absence/index.ts';
import { isoOf, todayDay } from '../domain/calendars/dates.ts';
import { loadLeaveFacts } from '../domain/leave/facts.ts';
import { etagFor, ifMatchVersion } from '../http/etag.ts';
import { idempotency } from '../http/idempotency.ts';
import { decodeCursor, pageQuery, pageSchema, toPage } from '../http/pagination.ts';
import { problems } from '../http/problem.ts';
import { bearerSecurity, etagHeaders, ifMatchHeader, ifMatchResponses, IsoDate, jsonContent, problemContent, problemResponses } from '../http/schemas.ts';
import { checkRange } from './leave.ts';
import { EmployeeIdParam } from './people.schemas.ts';

const security = bearerSecurity;
const tags = ['Absence'];
const common = { 400: problemResponses[400], 401: problemResponses[401], 403: problemResponses[403], 404: problemResponses[404] };
const ReasonCode = z.string().regex(/^S[0-9]{2}$/).openapi({ example: 'S13', description: 'National level-1 sickness reason.' });
const Reason2Code = z.string().regex(/^S[0-9]{2}\.[0-9]{2}$/).openapi({ example: 'S13.03', description: 'Level-2 reason under the level-1 code.' });

const Episode = z
  .object({
    id: z.string(),
    employeeId: z.string(),
    startDate: IsoDate,
    endDate: IsoDate.nullable().openapi({ description: 'Last day absent; null while open.' }),
    open: z.boolean(),
    reason: z.object({ level1: z.string(), level1Name: z.string(), level2: z.string().nullable(), level2Name: z.string().nullable() }).nullable(),
    returnToWork: z.object({
      interviewDate: IsoDate, conductedBy: z.string(), fitNoteReceived: z.boolean(), phasedReturn: z.boolean(), adjustments: z.string().nullable(), notes: z.string().nullable(),
    }).nullable(),
    recordedBy: z.string(),
    version: z.number().int(),
  })
  .openapi('SicknessEpisode');
const NewEpisode = z
  .strictObject({ startDate: IsoDate, endDate: IsoDate.nullable().optional(), reasonLevel1: ReasonCode, reasonLevel2: Reason2Code.nullable().optional() })
  .openapi('NewSicknessEpisode');
const EpisodePatch = z
  .strictObject({
    endDate: IsoDate.nullable().optional(),
    reasonLevel1: ReasonCode.optional(),
    reasonLevel2: Reason2Code.nullable().optional(),
    returnToWork: z.strictObject({
      interviewDate: IsoDate,
      fitNoteReceived: z.boolean().optional(),
      phasedReturn: z.boolean().optional(),
      adjustments: z.string().max(1000).nullable().optional(),
      notes: z.string().max(2000).nullable().optional(),
    }).optional(),
  })
  .openapi('SicknessEpisodePatch');
const EpisodeParams = EmployeeIdParam.extend({
  episodeId: z.string().regex(/^sck_[A-Za-z0-9]{1,64}$/, 'Episode ids look like sck_…').openapi({ param: { name: 'episodeId', in: 'path' } }),
});
const asOfQuery = z.strictObject({ asOf: IsoDate.optional().openapi({ param: { name: 'asOf', in: 'query' }, description: 'Default today.' }) });
const Scale = z.object({ serviceYears: z.number().int(), fullPayMonths: z.number().int(), halfPayMonths: z.number().int(), fullPayDays: z.number().int(), halfPayDays: z.number().int() });
const SickPay = z
  .object({
    employeeId: z.string(),
    asOf: IsoDate,
    /** The scale if an absence started on asOf, and what the last 12 months used of it. */
    scale: Scale,
    usedInLast12Months: z.object({ fullPayDays: z.number().int(), halfPayDays: z.number().int() }),
    remaining: z.object({ fullPayDays: z.number().int(), halfPayDays: z.number().int() }),
    episodes: z.array(z.object({
      id: z.string(), startDate: IsoDate, endDate: IsoDate.nullable(), scale: Scale,
      usedBefore: z.object({ fullPayDays: z.number().int(), halfPayDays: z.number().int() }),
      fullPayDays: z.number().int(), halfPayDays: z.number().int(), nilPayDays: z.number().int(),
      fullPayUntil: IsoDate.nullable(), halfPayUntil: IsoDate.nullable(),
    })),
  })
  .openapi('SickPayEntitlement', { description: 'Occupational sick pay (AfC 14.2) in calendar days; no reasons.' });
const SickPayPeriod = z
  .object({ employeeId: z.string(), from: IsoDate, to: IsoDate, fullPayDays: z.number().int(), halfPayDays: z.number().int(), nilPayDays: z.number().int() })
  .openapi('SickPayPeriod');
const Bradford = z
  .object({ employeeId: z.string(), from: IsoDate, to: IsoDate, spells: z.number().int(), days: z.number().int(), score: z.number().int() })
  .openapi('BradfordFactor', { description: 'Spells² × working days absent over the 52 weeks to `to`.' });
const RateRow = z
  .object({
    groupId: z.string(), groupName: z.string(), month: z.string().openapi({ example: '2026-01' }), reason: z.string().nullable(), reasonName: z.string().nullable(),
    fteDaysAvailable: z.number(), fteDaysLost: z.number(), ratePercent: z.number(),
  })
  .openapi('AbsenceRate');
const Rates = z.object({ from: z.string(), months: z.number().int(), rootUnitId: z.string().nullable(), rates: z.array(RateRow) }).openapi('AbsenceRates');
const Reasons = z.array(z.object({ code: z.string(), name: z.string(), level2: z.array(z.object({ code: z.string(), name: z.string() })) })).openapi('SicknessReasons');

const recordRoute = createRoute({
  method: 'post', path: '/people/{employeeId}/sickness-episodes', operationId: 'recordSicknessEpisode', tags, security,
  summary: 'Record sickness (line manager or HR); leave endDate out while the person is still off',
  request: { params: EmployeeIdParam, body: { required: true, content: { 'application/json': { schema: NewEpisode } } } },
  responses: { 201: { ...jsonContent(Episode, 'The episode.'), headers: etagHeaders }, ...common, 422: { description: 'Overlaps another episode, starts in the future, …', content: problemContent } },
});
const listRoute = createRoute({
  method: 'get', path: '/people/{employeeId}/sickness-episodes', operationId: 'listSicknessEpisodes', tags, security,
  summary: 'Sickness history, latest first (self, line managers, HR; audited for others)',
  request: { params: EmployeeIdParam, query: z.strictObject(pageQuery) },
  responses: { 200: jsonContent(pageSchema(Episode, 'SicknessEpisodePage'), 'A page of episodes.'), ...common },
});
const getRoute = createRoute({
  method: 'get', path: '/people/{employeeId}/sickness-episodes/{episodeId}', operationId: 'getSicknessEpisode', tags, security,
  summary: 'One episode with its return-to-work record',
  request: { params: EpisodeParams },
  responses: { 200: { ...jsonContent(Episode, 'The episode.'), headers: etagHeaders }, ...common },
});
const patchRoute = createRoute({
  method: 'patch', path: '/people/{employeeId}/sickness-episodes/{episodeId}', operationId: 'updateSicknessEpisode', tags, security,
  summary: 'Close an episode (endDate), correct its reason, record the return-to-work interview (line manager or HR)',
  request: {
    params: EpisodeParams,
    headers: ifMatchHeader,
    body: { required: true, content: { 'application/json': { schema: EpisodePatch } } },
  },
  responses: {
    200: { ...jsonContent(Episode, 'The episode after the change.'), headers: etagHeaders }, ...common,
    ...ifMatchResponses,
    422: { description: 'A rule refused it.', content: problemContent },
  },
});
const sickPayRoute = createRoute({
  method: 'get', path: '/people/{employeeId}/sick-pay', operationId: 'getSickPay', tags, security,
  summary: 'Occupational sick pay entitlement and use (self, line managers, HR, payroll admins)',
  request: { params: EmployeeIdParam, query: asOfQuery },
  responses: { 200: jsonContent(SickPay, 'The entitlement.'), ...common },
});
const sickPayPeriodRoute = createRoute({
  method: 'get', path: '/people/{employeeId}/sick-pay/period', operationId: 'getSickPayForPeriod', tags, security,
  summary: 'Sickness days at full, half and nil pay between two dates: the payroll feed',
  request: { params: EmployeeIdParam, query: z.strictObject({ from: IsoDate.openapi({ param: { name: 'from', in: 'query' } }), to: IsoDate.openapi({ param: { name: 'to', in: 'query' } }) }) },
  responses: { 200: jsonContent(SickPayPeriod, 'Days by rate.'), ...common },
});
const bradfordRoute = createRoute({
  method: 'get', path: '/people/{employeeId}/bradford-factor', operationId: 'getBradfordFactor', tags, security,
  summary: 'Bradford factor over the rolling 52 weeks (self, line managers, HR)',
  request: { params: EmployeeIdParam, query: asOfQuery },
  responses: { 200: jsonContent(Bradford, 'The score.'), ...common },
});
const ratesRoute = createRoute({
  method: 'get', path: '/absence/rates', operationId: 'getAbsenceRates', tags, security,
  summary: 'Sickness absence rate (FTE days lost ÷ FTE days available) by org unit and month, optionally by reason (HR)',
  request: {
    query: z.strictObject({
      from: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'A month, YYYY-MM').openapi({ param: { name: 'from', in: 'query' }, example: '2025-12' }),
      months: z.coerce.number().int().min(1).max(24).default(12).openapi({ param: { name: 'months', in: 'query' } }),
      orgUnitId: z.string().regex(/^ou_[A-Za-z0-9_]{1,64}$/).optional().openapi({ param: { name: 'orgUnitId', in: 'query' }, description: 'Root unit: one row per child unit (with its subtree) and the unit itself. Default: the trust.' }),
      by: z.enum(['unit', 'reason']).default('unit').openapi({ param: { name: 'by', in: 'query' } }),
    }),
  },
  responses: { 200: jsonContent(Rates, 'Rates by unit and month (and reason).'), ...common },
});
const reasonsRoute = createRoute({
  method: 'get', path: '/absence/reasons', operationId: 'listSicknessReasons', tags, security,
  summary: 'National sickness absence reasons (level 1 and 2)',
  responses: { 200: jsonContent(Reasons, 'The reasons.'), 401: problemResponses[401] },
});

const today = () => isoOf(todayDay());

export function absenceRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  app.use('/people/:employeeId/sickness-episodes', idempotency());
  return app
    .openapi(recordRoute, async (c) => {
      const { employeeId } = await authorise(c.var.db, c.var.principal, c.req.valid('param').employeeId, 'sicknessWrite');
      const row = await recordEpisode(c.var.db, auditContext(c), employeeId, c.req.valid('json'));
      c.header('ETag', etagFor(row.version));
      c.header('Location', `/v1/people/${employeeId}/sickness-episodes/${row.id}`);
      return c.json(toEpisodeView(row, null, true), 201);
    })
    .openapi(listRoute, async (c) => {
      const { employeeId, relation } = await authorise(c.var.db, c.var.principal, c.req.valid('param').employeeId, 'sickness');
      const { limit, cursor } = c.req.valid('query');
      const after = cursor ? (decodeCursor(cursor, ['instant', 'text']).map(String) as [string, string]) : undefined;
      const rows = await listEpisodes(c.var.db, employeeId, { limit, ...(after ? { after } : {}) });
      const rtw = await returnToWorkOf(c.var.db, rows.map((r) => r.id));
      if (relation !== 'self') await auditRead(c.var.db, { ...auditContext(c), resource: 'sickness_absence', subjectEmployeeId: employeeId });
      c.header('Cache-Control', 'no-store');
      return c.json(toPage(rows, limit, (r) => toEpisodeView(r, rtw.get(r.id) ?? null, true), (r) => [r.startDate, r.id]), 200);
    })
    .openapi(getRoute, async (c) => {
      const p = c.req.valid('param');
      const { employeeId, relation } = await authorise(c.var.db, c.var.principal, p.employeeId, 'sickness');
      const [row] = await c.var.db.select().from(sicknessEpisodes).where(and(eq(sicknessEpisodes.id, p.episodeId), eq(sicknessEpisodes.employeeId, employeeId))).limit(1);
      if (!row) throw problems.notFound(`Sickness episode ${p.episodeId}`);
      const rtw = await returnToWorkOf(c.var.db, [row.id]);
      if (relation !== 'self') await auditRead(c.var.db, { ...auditContext(c), resource: 'sickness_absence', subjectEmployeeId: employeeId });
      c.header('ETag', etagFor(row.version));
      c.header('Cache-Control', 'no-store');
      return c.json(toEpisodeView(row, rtw.get(row.id) ?? null, true), 200);
    })
    .openapi(patchRoute, async (c) => {
      const p = c.req.valid('param');
      const { employeeId } = await authorise(c.var.db, c.var.principal, p.employeeId, 'sicknessWrite');
      const row = await updateEpisode(c.var.db, auditContext(c), employeeId, p.episodeId, ifMatchVersion(c), c.req.valid('json'));
      const rtw = await returnToWorkOf(c.var.db, [row.id]);
      c.header('ETag', etagFor(row.version));
      return c.json(toEpisodeView(row, rtw.get(row.id) ?? null, true), 200);
    })
    .openapi(sickPayRoute, async (c) => {
      const { employeeId } = await authorise(c.var.db, c.var.principal, c.req.valid('param').employeeId, 'sickPay');
      const asOf = c.req.valid('query').asOf ?? today();
      const facts = await loadLeaveFacts(c.var.db, employeeId);
      if (!facts) throw problems.notFound(`Assignment of ${employeeId}`);
      const episodes = await listEpisodes(c.var.db, employeeId);
      const position = sickPayPosition(facts.serviceStart, episodes, asOf);
      const real = allocateSickPay(facts.serviceStart, episodes, asOf);
      return c.json({
        employeeId,
        asOf,
        ...position,
        episodes: real.episodes.reverse(),
      }, 200);
    })
    .openapi(sickPayPeriodRoute, async (c) => {
      const { employeeId } = await authorise(c.var.db, c.var.principal, c.req.valid('param').employeeId, 'sickPay');
      const q = c.req.valid('query');
      checkRange(q.from, q.to, 62);
      const facts = await loadLeaveFacts(c.var.db, employeeId);
      if (!facts) throw problems.notFound(`Assignment of ${employeeId}`);
      const allocation = allocateSickPay(facts.serviceStart, await listEpisodes(c.var.db, employeeId), q.to);
      return c.json({ employeeId, from: q.from, to: q.to, ...sickPayForPeriod(allocation, q.from, q.to) }, 200);
    })
    .openapi(bradfordRoute, async (c) => {
      const { employeeId, relation } = await authorise(c.var.db, c.var.principal, c.req.valid('param').employeeId, 'sickness');
      const asOf = c.req.valid('query').asOf ?? today();
      const facts = await loadLeaveFacts(c.var.db, employeeId);
      if (!facts) throw problems.notFound(`Assignment of ${employeeId}`);
      if (relation !== 'self') await auditRead(c.var.db, { ...auditContext(c), resource: 'sickness_absence', subjectEmployeeId: employeeId });
      return c.json({ employeeId, ...bradfordFactor(await listEpisodes(c.var.db, employeeId), facts.patterns, asOf) }, 200);
    })
    .openapi(ratesRoute, async (c) => {
      requireHrAdmin(c.var.principal);
      const q = c.req.valid('query');
      const organisationId = c.var.principal.organisationId;
      if (q.orgUnitId) {
        const [unit] = await c.var.db.select({ id: orgUnits.id }).from(orgUnits).where(and(eq(orgUnits.id, q.orgUnitId), eq(orgUnits.organisationId, organisationId))).limit(1);
        if (!unit) throw problems.notFound(`Org unit ${q.orgUnitId}`);
      }
      const rates = await absenceRates(c.var.db, { organisationId, rootUnitId: q.orgUnitId, from: q.from, months: q.months, byReason: q.by === 'reason' });
      return c.json({ from: q.from, months: q.months, rootUnitId: q.orgUnitId ?? null, rates }, 200);
    })
    .openapi(reasonsRoute, async (c) =>
      c.json(sicknessReasons.map((r) => ({ code: r.code, name: r.name, level2: r.level2.map(([code, name]) => ({ code, name })) })), 200));
}
