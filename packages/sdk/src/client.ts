import { EtagStore } from './etags.ts';
import { Transport } from './transport.ts';
import type { EsrClientOptions, RequestOptions } from './transport.ts';
import { AbsenceResource } from './resources/absence.ts';
import { AnalyticsResource } from './resources/analytics.ts';
import { ApprovalsResource } from './resources/approvals.ts';
import { AuditResource } from './resources/audit.ts';
import { CalendarsResource } from './resources/calendars.ts';
import { ComplianceResource } from './resources/compliance.ts';
import { CoursesResource } from './resources/courses.ts';
import { DemoResource } from './resources/demo.ts';
import { EnrolmentsResource } from './resources/enrolments.ts';
import { EventsResource } from './resources/events.ts';
import { LeaveResource } from './resources/leave.ts';
import { MeResource } from './resources/me.ts';
import { P60sResource } from './resources/p60s.ts';
import { PayrollResource } from './resources/payroll.ts';
import { PayslipsResource } from './resources/payslips.ts';
import { PeopleResource } from './resources/people.ts';

// Resources import these from here; the core itself lives in transport.ts.
export { Transport } from './transport.ts';
export type { CallOptions, EsrClientOptions, RequestOptions, Sent } from './transport.ts';

/** The ESR API, by resource. */
export interface EsrClient {
  /** The signed-in person: who they are, their roles, their team. */
  readonly me: MeResource;
  /** People's records: profile, personal details, name changes, bank details, equality and diversity. */
  readonly people: PeopleResource;
  /** The signed-in employee's payslips, as data and as PDFs. */
  readonly payslips: PayslipsResource;
  /** The signed-in employee's P60 end-of-year certificates, as data and as PDFs. */
  readonly p60s: P60sResource;
  /** Payroll: the period calculator (anyone signed in) and payroll runs (payroll admins). */
  readonly payroll: PayrollResource;
  /** The organisation's audit trail (HR admins). */
  readonly audit: AuditResource;
  /** The approvals inbox: list, read, decide (with If-Match), respond, withdraw, bulk approve. */
  readonly approvals: ApprovalsResource;
  /** Annual leave and TOIL: entitlement, balances, working patterns and requests (create, submit, cancel). */
  readonly leave: LeaveResource;
  /** Sickness absence: episodes, sick pay, Bradford factor, rates, reasons and a person's absence calendar. */
  readonly absence: AbsenceResource;
  /** Workforce analytics (managers: their line; HR: their organisation): composition, turnover, diversity, absence. */
  readonly analytics: AnalyticsResource;
  /** Shared calendars: UK bank holidays. */
  readonly calendars: CalendarsResource;
  /** The course catalogue: search with relevance and facets, courses and class sessions. */
  readonly courses: CoursesResource;
  /** Enrolments: enrol, waiting lists, cancel, attendance, completion. */
  readonly enrolments: EnrolmentsResource;
  /** Statutory and mandatory training (CSTF): red/amber/green matrix, history, team and organisation figures. */
  readonly compliance: ComplianceResource;
  /** The integrators' feed of approval and request state changes, with a poller that follows it. */
  readonly events: EventsResource;
  /** Demo sign-in (only on servers running in demo mode). */
  readonly demo: DemoResource;
  /**
   * The ETag of the response an object came from (`esr.etagOf(await esr.people.personalDetails())`),
   * or undefined when it had none. Pass it as `ifMatch` to update exactly the version you showed.
   */
  etagOf(value: unknown): string | undefined;
  /**
   * Forgets the ETags remembered for automatic `If-Match` (all of them, or one path such as
   * `people/me/personal-details`). Call it when the signed-in user changes on a shared client.
   */
  forgetEtags(path?: string): void;
  /** Escape hatch: call any endpoint with the client's auth, retries and error model. */
  request<T>(method: string, path: string, options?: RequestOptions): Promise<T>;
}

export function createEsrClient(options: EsrClientOptions): EsrClient {
  const transport = new Transport(options);
  const etags = new EtagStore();
  return {
    me: new MeResource(transport),
    people: new PeopleResource(transport, etags),
    payslips: new PayslipsResource(transport),
    p60s: new P60sResource(transport),
    payroll: new PayrollResource(transport),
    audit: new AuditResource(transport),
    approvals: new ApprovalsResource(transport, etags),
    leave: new LeaveResource(transport, etags),
    absence: new AbsenceResource(transport, etags),
    analytics: new AnalyticsResource(transport),
    calendars: new CalendarsResource(transport),
    courses: new CoursesResource(transport, etags),
    enrolments: new EnrolmentsResource(transport),
    compliance: new ComplianceResource(transport),
    events: new EventsResource(transport),
    demo: new DemoResource(transport),
    etagOf: (value) => etags.of(value),
    forgetEtags: (path) => etags.forget(path?.replace(/^\//, '')),
    request: (method, path, requestOptions) => transport.request(method, path, requestOptions),
  };
}
