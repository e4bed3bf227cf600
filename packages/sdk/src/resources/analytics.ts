import type { CallOptions, Transport } from '../client.ts';
import type { AbsenceAnalytics, DiversityCharacteristic, WorkforceComposition, WorkforceDiversity, WorkforceTurnover } from '../types.ts';

export interface AnalyticsScopeOptions extends CallOptions {
  /** Narrow to this org unit (`ou_…`) and its subtree, grouped by its children. Default: the trust (HR) or your own unit (managers). */
  orgUnitId?: string;
}

export interface AsOfScopeOptions extends AnalyticsScopeOptions {
  /** Staff in post on this date (`YYYY-MM-DD`); default today. */
  asOf?: string;
}

export interface MonthSeriesOptions extends AnalyticsScopeOptions {
  /** How many months the series has (turnover 1–36, absence 1–24; default 12). */
  months?: number;
}

/**
 * Workforce analytics for managers (their reporting line) and HR admins (their organisation). Monthly
 * figures come as `{ months, series: [{ key, label, unit, points: [{ month, value, numerator?, denominator? }] }] }`,
 * points lined up with `months`, ready to plot.
 */
export class AnalyticsResource {
  readonly #transport: Transport;
  constructor(transport: Transport) {
    this.#transport = transport;
  }

  /** Headcount and FTE by org unit, staff group, band and contract type; headcount by age band and length of service. */
  composition(options: AsOfScopeOptions = {}): Promise<WorkforceComposition> {
    const { orgUnitId, asOf, ...call } = options;
    return this.#transport.request<WorkforceComposition>('GET', 'analytics/composition', { ...call, searchParams: { orgUnitId, asOf } });
  }

  /** Starters, leavers and 12-month rolling turnover by month up to `to` (`YYYY-MM`, default last complete month), with leaving reasons. */
  turnover(options: MonthSeriesOptions & { to?: string } = {}): Promise<WorkforceTurnover> {
    const { orgUnitId, to, months, ...call } = options;
    return this.#transport.request<WorkforceTurnover>('GET', 'analytics/turnover', { ...call, searchParams: { orgUnitId, to, months } });
  }

  /** Staff in post by a protected characteristic against org unit (default), staff group or band; small counts withheld as null. */
  diversity(characteristic: DiversityCharacteristic, options: AsOfScopeOptions & { by?: 'orgUnit' | 'staffGroup' | 'band' } = {}): Promise<WorkforceDiversity> {
    const { orgUnitId, asOf, by, ...call } = options;
    return this.#transport.request<WorkforceDiversity>('GET', 'analytics/diversity', { ...call, searchParams: { characteristic, by, orgUnitId, asOf } });
  }

  /** Sickness absence rate by month (whole scope, then by org unit) from `from` (`YYYY-MM`, default the 12 months to last month), and the top reasons. */
  absence(options: MonthSeriesOptions & { from?: string } = {}): Promise<AbsenceAnalytics> {
    const { orgUnitId, from, months, ...call } = options;
    return this.#transport.request<AbsenceAnalytics>('GET', 'analytics/absence', { ...call, searchParams: { orgUnitId, from, months } });
  }
}
