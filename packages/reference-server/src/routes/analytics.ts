// Workforce analytics for managers (their reporting line) and HR admins (their organisation):
// composition (headcount and FTE by unit, staff group, band, contract type, age, service), turnover with
// leaving reasons, diversity by protected characteristic with disclosure control, and sickness absence.
// Time series share one shape (domain/analytics/series.ts; server README "Analytics time series").
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.ts';
import { auditContext, recordAudit } from '../audit/index.ts';
import { absenceAnalytics, analyticsScope, characteristics, composition, disclosureThreshold, diversity, turnover } from '../domain/analytics/index.ts';
import type { AnalyticsScope, Characteristic } from '../domain/analytics/index.ts';
import { addMonths, dayOf, isoOf, todayDay } from '../domain/calendars/dates.ts';
import { bearerSecurity, IsoDate, jsonContent, problemResponses } from '../http/schemas.ts';

const security = bearerSecurity;
const tags = ['Analytics'];
const common = { 400: problemResponses[400], 401: problemResponses[401], 403: problemResponses[403], 404: problemResponses[404] };

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'A month, YYYY-MM');
const orgUnitQuery = z.string().regex(/^ou_[A-Za-z0-9_]{1,64}$/, 'Org unit ids look like ou_…').optional()
  .openapi({ param: { name: 'orgUnitId', in: 'query' }, description: 'Narrow to this unit and its subtree, grouped by its children. Default: the trust (HR) or your own unit (managers).' });
const asOfQuery = IsoDate.optional().openapi({ param: { name: 'asOf', in: 'query' }, description: 'Staff in post on this date. Default today.' });

const Scope = z
  .object({
    kind: z.enum(['organisation', 'line']).openapi({ description: "'organisation' for HR admins, 'line' for a manager's reporting line." }),
    organisationId: z.string(),
    managerEmployeeId: z.string().nullable(),
    rootUnitId: z.string(),
    rootUnitName: z.string(),
  })
  .openapi('AnalyticsScope');
const Point = z
  .object({
    month: Month,
    value: z.number().nullable().openapi({ description: 'null when there is nothing to measure.' }),
    numerator: z.number().nullable().optional(),
    denominator: z.number().nullable().optional(),
  })
  .openapi('SeriesPoint');
const Series = z
  .object({ key: z.string(), label: z.string(), unit: z.enum(['count', 'fte', 'percent', 'fte_days']), points: z.array(Point) })
  .openapi('TimeSeries', { description: 'One line on a chart: points line up with the response\'s `months`.' });
const Breakdown = z.object({ key: z.string().nullable(), label: z.string(), headcount: z.number().int(), fte: z.number() }).openapi('WorkforceBreakdown');
const Composition = z
  .object({
    scope: Scope, asOf: IsoDate, headcount: z.number().int(), fte: z.number(),
    byOrgUnit: z.array(Breakdown), byStaffGroup: z.array(Breakdown), byBand: z.array(Breakdown), byContractType: z.array(Breakdown),
    byAgeBand: z.array(Breakdown), byLengthOfService: z.array(Breakdown),
  })
  .openapi('WorkforceComposition');
const Turnover = z
  .object({
    scope: Scope,
    months: z.array(Month),
    series: z.array(Series),
    leavingReasons: z.object({
      period: z.object({ from: IsoDate, to: IsoDate }),
      total: z.number().int().nullable(),
      reasons: z.array(z.object({ key: z.string(), label: z.string(), leavers: z.number().int().nullable().openapi({ description: 'null: withheld (fewer than the threshold, or would reveal one).' }) })),
      suppressed: z.number().int(),
    }),
  })
  .openapi('WorkforceTurnover');
const Category = z.object({ key: z.string(), label: z.string() });
const Diversity = z
  .object({
    scope: Scope, asOf: IsoDate,
    characteristic: z.enum(Object.keys(characteristics) as [Characteristic, ...Characteristic[]]),
    by: z.enum(['orgUnit', 'staffGroup', 'band']),
    threshold: z.number().int().openapi({ description: 'Counts from 1 to threshold − 1 are withheld, with others withheld so no total or difference reveals them.' }),
    columns: z.array(Category),
    rows: z.array(z.object({ key: z.string().nullable(), label: z.string(), counts: z.array(z.number().int().nullable()), total: z.number().int().nullable() })),
    totals: z.object({ counts: z.array(z.number().int().nullable()), total: z.number().int().nullable() }),
    suppressed: z.number().int(),
  })
  .openapi('WorkforceDiversity');
const Absence = z
  .object({
    scope: Scope,
    months: z.array(Month),
    series: z.array(Series).openapi({ description: 'Percent; numerator FTE days lost, denominator FTE days available. The first series is the whole scope, then one per org unit group.' }),
    topReasons: z.array(z.object({ reason: z.string(), reasonName: z.string(), fteDaysLost: z.number(), sharePercent: z.number() })),
  })
  .openapi('AbsenceAnalytics');

const compositionRoute = createRoute({
  method: 'get', path: '/analytics/composition', operationId: 'getWorkforceComposition', tags, security,
  summary: 'Headcount and FTE by org unit, staff group, band and contract type; headcount by age band and length of service (managers: their line; HR: their organisation)',
  request: { query: z.strictObject({ orgUnitId: orgUnitQuery, asOf: asOfQuery }) },
  responses: { 200: jsonContent(Composition, 'Staff in post on the date.'), ...common },
});
const turnoverRoute = createRoute({
  method: 'get', path: '/analytics/turnover', operationId: 'getWorkforceTurnover', tags, security,
  summary: 'Starters, leavers and 12-month rolling turnover (leavers ÷ average headcount) by month, with leaving reasons',
  request: {
    query: z.strictObject({
      orgUnitId: orgUnitQuery,
      to: Month.optional().openapi({ param: { name: 'to', in: 'query' }, description: 'Last month of the series. Default: last complete month.' }),
      months: z.coerce.number().int().min(1).max(36).default(12).openapi({ param: { name: 'months', in: 'query' } }),
    }),
  },
  responses: { 200: jsonContent(Turnover, 'Monthly series and leaving reasons.'), ...common },
});
const diversityRoute = createRoute({
  method: 'get', path: '/analytics/diversity', operationId: 'getWorkforceDiversity', tags, security,
  summary: `Staff in post by a protected characteristic against org unit, staff group or band; counts below ${disclosureThreshold} withheld (primary and secondary suppression)`,
  request: {
    query: z.strictObject({
      characteristic: z.enum(Object.keys(characteristics) as [Characteristic, ...Characteristic[]]).openapi({ param: { name: 'characteristic', in: 'query' } }),
      by: z.enum(['orgUnit', 'staffGroup', 'band']).default('orgUnit').openapi({ param: { name: 'by', in: 'query' } }),
      orgUnitId: orgUnitQuery,
      asOf: asOfQuery,
    }),
  },
  responses: { 200: jsonContent(Diversity, 'A protected table.'), ...common },
});
const absenceRoute = createRoute({
  method: 'get', path: '/analytics/absence', operationId: 'getAbsenceAnalytics', tags, security,
  summary: 'Sickness absence rate by month (whole scope and by org unit) and the reasons that cost most FTE days',
  request: {
    query: z.strictObject({
      orgUnitId: orgUnitQuery,
      from: Month.optional().openapi({ param: { name: 'from', in: 'query' }, description: 'First month. Default: 12 months ending with the last complete month.' }),
      months: z.coerce.number().int().min(1).max(24).default(12).openapi({ param: { name: 'months', in: 'query' } }),
    }),
  },
  responses: { 200: jsonContent(Absence, 'Monthly rates and top reasons.'), ...common },
});

const today = () => isoOf(todayDay());
const lastCompleteMonth = () => isoOf(addMonths(dayOf(`${today().slice(0, 7)}-01`), -1)).slice(0, 7);
const scopeView = (s: AnalyticsScope) => ({ kind: s.kind, organisationId: s.organisationId, managerEmployeeId: s.managerEmployeeId, rootUnitId: s.rootUnitId, rootUnitName: s.rootUnitName });

export function analyticsRoutes() {
  return new OpenAPIHono<AppEnv>()
    .openapi(compositionRoute, async (c) => {
      const q = c.req.valid('query');
      const scope = await analyticsScope(c.var.db, c.var.principal, q.orgUnitId);
      return c.json({ scope: scopeView(scope), ...(await composition(c.var.db, scope, q.asOf ?? today())) }, 200);
    })
    .openapi(turnoverRoute, async (c) => {
      const q = c.req.valid('query');
      const scope = await analyticsScope(c.var.db, c.var.principal, q.orgUnitId);
      return c.json({ scope: scopeView(scope), ...(await turnover(c.var.db, scope, q.to ?? lastCompleteMonth(), q.months)) }, 200);
    })
    .openapi(diversityRoute, async (c) => {
      const q = c.req.valid('query');
      const scope = await analyticsScope(c.var.db, c.var.principal, q.orgUnitId);
      const table = await diversity(c.var.db, scope, q.characteristic, q.by, q.asOf ?? today());
      // Built from equality & diversity declarations: who looked, at what, is on the record.
      await recordAudit(c.var.db, { ...auditContext(c), action: 'read', resource: 'equality_diversity_aggregate', changes: { characteristic: { to: q.characteristic }, by: { to: q.by }, orgUnitId: { to: scope.rootUnitId } } });
      return c.json({ scope: scopeView(scope), ...table }, 200);
    })
    .openapi(absenceRoute, async (c) => {
      const q = c.req.valid('query');
      const scope = await analyticsScope(c.var.db, c.var.principal, q.orgUnitId);
      const from = q.from ?? isoOf(addMonths(dayOf(`${lastCompleteMonth()}-01`), 1 - q.months)).slice(0, 7);
      return c.json({ scope: scopeView(scope), ...(await absenceAnalytics(c.var.db, scope, from, q.months)) }, 200);
    });
}
