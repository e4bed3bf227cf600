import type { CallOptions, Transport } from '../client.ts';
import { Page } from '../pagination.ts';
import type { PageData } from '../pagination.ts';
import type {
  ComplianceMatrix, LearningRequirement, LearningSubject, NewLearningRequirement, NewTrainingRecord, OrganisationCompliance, PersonCompliance, TrainingRecord,
} from '../types.ts';
import { personPath } from './leave.ts';
import type { EmployeeRef } from './people.ts';

/** The date and amber window compliance is judged on. */
export interface ComplianceOptions extends CallOptions {
  /** `YYYY-MM-DD`; default today. */
  asOf?: string;
  /** In date but expiring within this many days is amber (default 30). */
  amberDays?: number;
}

/** Who must hold which CSTF subject in your organisation (writes: learning admins). */
export class LearningRequirementsResource {
  readonly #transport: Transport;
  constructor(transport: Transport) {
    this.#transport = transport;
  }

  async list(options: CallOptions = {}): Promise<LearningRequirement[]> {
    return (await this.#transport.request<PageData<LearningRequirement>>('GET', 'learning/requirements', options)).data;
  }

  /** Requires a subject of a staff group, job title and/or org unit and below. */
  create(requirement: NewLearningRequirement, options: CallOptions = {}): Promise<LearningRequirement> {
    return this.#transport.request<LearningRequirement>('POST', 'learning/requirements', { ...options, json: requirement });
  }

  async delete(requirementId: string, options: CallOptions = {}): Promise<void> {
    if (typeof requirementId !== 'string' || requirementId === '') throw new TypeError('A requirement id (lrq_…) is required');
    await this.#transport.request<unknown>('DELETE', `learning/requirements/${encodeURIComponent(requirementId)}`, options);
  }
}

/** A person's training history; learning admins record training done elsewhere. */
export class TrainingRecordsResource {
  readonly #transport: Transport;
  constructor(transport: Transport) {
    this.#transport = transport;
  }

  /** Latest completion first; async-iterable over every record. */
  async list(employeeId: EmployeeRef = 'me', options: CallOptions & { subjectCode?: string; limit?: number; cursor?: string } = {}): Promise<Page<TrainingRecord>> {
    const { subjectCode, limit, cursor, ...call } = options;
    const url = personPath(employeeId, 'training-records');
    const fetchPage = (at: string | undefined) => this.#transport.request<PageData<TrainingRecord>>('GET', url, { ...call, searchParams: { subjectCode, limit, cursor: at } });
    return new Page(await fetchPage(cursor), fetchPage);
  }

  /** Records training done elsewhere (CSTF portability, external providers); the expiry follows the subject's renewal period. */
  record(employeeId: EmployeeRef, record: NewTrainingRecord, options: CallOptions = {}): Promise<TrainingRecord> {
    return this.#transport.request<TrainingRecord>('POST', personPath(employeeId, 'training-records'), { ...options, json: record });
  }
}

/**
 * Statutory and mandatory training (Core Skills Training Framework): subjects, requirements, a
 * person's red/amber/green matrix and history, a manager's team, organisation figures by subject.
 */
export class ComplianceResource {
  readonly #transport: Transport;
  readonly requirements: LearningRequirementsResource;
  readonly trainingRecords: TrainingRecordsResource;
  constructor(transport: Transport) {
    this.#transport = transport;
    this.requirements = new LearningRequirementsResource(transport);
    this.trainingRecords = new TrainingRecordsResource(transport);
  }

  /** The CSTF subjects and levels with their renewal periods. */
  async subjects(options: CallOptions = {}): Promise<LearningSubject[]> {
    return (await this.#transport.request<PageData<LearningSubject>>('GET', 'learning/subjects', options)).data;
  }

  /** A person's matrix: status, completion and expiry per subject (self, line managers, HR, learning admins). */
  matrix(employeeId: EmployeeRef = 'me', options: ComplianceOptions = {}): Promise<ComplianceMatrix> {
    const { asOf, amberDays, ...call } = options;
    return this.#transport.request<ComplianceMatrix>('GET', personPath(employeeId, 'compliance'), { ...call, searchParams: { asOf, amberDays } });
  }

  /** Everyone in my reporting line (managers), one matrix row each; async-iterable. */
  async team(options: ComplianceOptions & { limit?: number; cursor?: string } = {}): Promise<Page<PersonCompliance>> {
    const { asOf, amberDays, limit, cursor, ...call } = options;
    const fetchPage = (at: string | undefined) =>
      this.#transport.request<PageData<PersonCompliance>>('GET', 'learning/compliance/team', { ...call, searchParams: { asOf, amberDays, limit, cursor: at } });
    return new Page(await fetchPage(cursor), fetchPage);
  }

  /** Compliance percentage by subject for the organisation or `orgUnitId` and below, with each child unit (learning and HR admins). */
  bySubject(options: ComplianceOptions & { orgUnitId?: string } = {}): Promise<OrganisationCompliance> {
    const { asOf, amberDays, orgUnitId, ...call } = options;
    return this.#transport.request<OrganisationCompliance>('GET', 'learning/compliance/by-subject', { ...call, searchParams: { asOf, amberDays, orgUnitId } });
  }
}
