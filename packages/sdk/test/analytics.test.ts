import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { HttpResponse, http } from 'msw';
import { PermissionError } from '../src/index.ts';
import type { WorkforceDiversity, WorkforceTurnover } from '../src/index.ts';
import { baseUrl, pathOf, rejection, testClient, useMockServer } from './helpers.ts';

const { server, seen } = useMockServer();
const scope = { kind: 'organisation' as const, organisationId: 'org_00', managerEmployeeId: null, rootUnitId: 'ou_1', rootUnitName: 'Trust Board' };

describe('analytics', () => {
  test('each report sends only the options given, as query parameters', async () => {
    const turnover: WorkforceTurnover = {
      scope, months: ['2026-10'],
      series: [{ key: 'turnover_rate', label: 'Turnover', unit: 'percent', points: [{ month: '2026-10', value: 10.5, numerator: 21, denominator: 200 }] }],
      leavingReasons: { period: { from: '2025-11-01', to: '2026-10-31' }, total: 21, reasons: [{ key: 'relocation', label: 'Relocation', leavers: null }], suppressed: 1 },
    };
    const diversity: WorkforceDiversity = {
      scope, asOf: '2026-11-25', characteristic: 'sex', by: 'band', threshold: 5, columns: [{ key: 'female', label: 'Female' }],
      rows: [{ key: '5', label: 'Band 5', counts: [null], total: 3 }], totals: { counts: [null], total: 3 }, suppressed: 2,
    };
    server.use(
      http.get(`${baseUrl}/v1/analytics/turnover`, () => HttpResponse.json(turnover)),
      http.get(`${baseUrl}/v1/analytics/diversity`, () => HttpResponse.json(diversity)),
      http.get(`${baseUrl}/v1/analytics/composition`, () => HttpResponse.json({ scope })),
      http.get(`${baseUrl}/v1/analytics/absence`, () => HttpResponse.json({ scope, months: [], series: [], topReasons: [] })),
    );
    const esr = testClient();
    const t = await esr.analytics.turnover({ to: '2026-10', months: 1 });
    assert.equal(t.series[0]!.points[0]!.value, 10.5);
    assert.equal((await esr.analytics.diversity('sex', { by: 'band' })).rows[0]!.counts[0], null);
    await esr.analytics.composition({ orgUnitId: 'ou_2', asOf: '2026-06-30' });
    await esr.analytics.absence();
    assert.deepEqual(seen.map((r) => pathOf(r)), [
      '/v1/analytics/turnover?to=2026-10&months=1',
      '/v1/analytics/diversity?characteristic=sex&by=band',
      '/v1/analytics/composition?orgUnitId=ou_2&asOf=2026-06-30',
      '/v1/analytics/absence',
    ]);
  });

  test('a caller with no reports and no HR role gets a PermissionError', async () => {
    server.use(http.get(`${baseUrl}/v1/analytics/composition`, () =>
      HttpResponse.json({ type: 'urn:esr:problem:forbidden', title: 'Not allowed', status: 403, code: 'forbidden', detail: 'Workforce analytics are for managers and HR admins.' }, { status: 403, headers: { 'Content-Type': 'application/problem+json' } })));
    const error = await rejection(testClient().analytics.composition());
    assert.ok(error instanceof PermissionError);
  });
});
