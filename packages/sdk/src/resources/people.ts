import type { CallOptions, Transport } from '../client.ts';
import { downloadPdf } from '../download.ts';
import type { Download, PdfOptions } from '../download.ts';
import { newIdempotencyKey, writeIfMatch } from '../etags.ts';
import { Page } from '../pagination.ts';
import type { PageData } from '../pagination.ts';
import type { EtagStore } from '../etags.ts';
import type {
  ApprovalRequestSummary,
  BankDetails,
  BankDetailsUpdate,
  EqualityDiversity,
  EqualityDiversityDeclaration,
  NameChangeRequest,
  Payslip,
  PayslipSummary,
  PersonalDetails,
  PersonalDetailsPatch,
  Profile,
} from '../types.ts';

/** An employee id (`emp_…`), or `'me'` for the signed-in person. */
export type EmployeeRef = 'me' | (string & {});

export interface UpdateOptions extends CallOptions {
  /**
   * The ETag of the version you are changing (e.g. `client.etagOf(detailsYouShowed)`). Default: the
   * last ETag this client saw for the record, from a read or a successful write.
   */
  ifMatch?: string;
}

export interface CreateOptions extends CallOptions {
  /**
   * Default: a fresh UUID per call, reused by that call's retries. Pass your own (and keep it) to make a
   * retry after a crash or reload safe too: the server replays the first response for 24 hours.
   */
  idempotencyKey?: string;
}

/** People's records. Where an id reads naturally as optional it defaults to `'me'`. */
export class PeopleResource {
  readonly #transport: Transport;
  readonly #etags: EtagStore;
  constructor(transport: Transport, etags: EtagStore) {
    this.#transport = transport;
    this.#etags = etags;
  }

  /** A profile: your own, your reports' (down the hierarchy) or, for HR admins, anyone's in the organisation. */
  get(employeeId: EmployeeRef = 'me', options: CallOptions = {}): Promise<Profile> {
    return this.#transport.request<Profile>('GET', path(employeeId), options);
  }

  /** Addresses, phones and emergency contacts (yourself; HR admins, audited). Remembers the ETag. */
  personalDetails(employeeId: EmployeeRef = 'me', options: CallOptions = {}): Promise<PersonalDetails> {
    return this.#read<PersonalDetails>(path(employeeId, 'personal-details'), options);
  }

  /**
   * Changes that apply at once, sent with `If-Match` so they never overwrite a change you have not seen.
   * Throws `PreconditionError` (412) when the record changed since your ETag, and (428) when this client
   * has no ETag for it yet: read it first. Safe to retry, so it is retried like a read.
   */
  updatePersonalDetails(employeeId: EmployeeRef, patch: PersonalDetailsPatch, options: UpdateOptions = {}): Promise<PersonalDetails> {
    return this.#write<PersonalDetails>('PATCH', path(employeeId, 'personal-details'), patch, options);
  }

  /**
   * Asks for a name change, which needs approval: resolves to the pending request (202). Sent with an
   * `Idempotency-Key`, so retries (automatic or yours, with the same key) never create a second request.
   */
  requestNameChange(employeeId: EmployeeRef, request: NameChangeRequest, options: CreateOptions = {}): Promise<ApprovalRequestSummary> {
    const { idempotencyKey = newIdempotencyKey(), ...call } = options;
    return this.#transport.request<ApprovalRequestSummary>('POST', path(employeeId, 'name-change-requests'), { ...call, json: request, idempotencyKey });
  }

  /** Bank details, masked (yourself; HR admins, audited). Remembers the ETag for `replaceBankDetails`. */
  bankDetails(employeeId: EmployeeRef = 'me', options: CallOptions = {}): Promise<BankDetails> {
    return this.#read<BankDetails>(path(employeeId, 'bank-details'), options);
  }

  /**
   * Replaces your bank details (only their owner may). The response is the one place they come back
   * unmasked (`masked: false`), for a confirmation screen: do not store or log it.
   */
  replaceBankDetails(employeeId: EmployeeRef, details: BankDetailsUpdate, options: UpdateOptions = {}): Promise<BankDetails> {
    return this.#write<BankDetails>('PUT', path(employeeId, 'bank-details'), details, options);
  }

  /** Your equality and diversity declaration, or `null` if you have not made one (only you may read it). */
  equalityDiversity(employeeId: EmployeeRef = 'me', options: CallOptions = {}): Promise<EqualityDiversity | null> {
    return this.#transport.request<EqualityDiversity | null>('GET', path(employeeId, 'equality-diversity'), options);
  }

  /** Makes or replaces your declaration. Every field has a `prefer_not_to_say` (ethnicity: `Z`, not stated). */
  declareEqualityDiversity(employeeId: EmployeeRef, declaration: EqualityDiversityDeclaration, options: CallOptions = {}): Promise<EqualityDiversity> {
    return this.#transport.request<EqualityDiversity>('PUT', path(employeeId, 'equality-diversity'), { ...options, json: declaration });
  }

  /**
   * A person's payslips, newest first (yourself; payroll admins of the organisation, audited). Line
   * managers and HR admins without the payroll admin role get `PermissionError` for people in their
   * line or organisation they may otherwise see, and `NotFoundError` for anyone else.
   */
  async payslips(employeeId: EmployeeRef = 'me', options: CallOptions & { limit?: number; cursor?: string } = {}): Promise<Page<PayslipSummary>> {
    const { limit, cursor, ...call } = options;
    const url = path(employeeId, 'payslips');
    const fetchPage = (at: string | undefined) =>
      this.#transport.request<PageData<PayslipSummary>>('GET', url, { ...call, searchParams: { limit, cursor: at } });
    return new Page(await fetchPage(cursor), fetchPage);
  }

  /** One of a person's payslips (same rule as `payslips`). */
  payslip(employeeId: EmployeeRef, payslipId: string, options: CallOptions = {}): Promise<Payslip> {
    return this.#transport.request<Payslip>('GET', path(employeeId, `payslips/${encodeURIComponent(payslipId)}`), options);
  }

  /** One of a person's payslips as a PDF: `{ blob, filename }` (same rule as `payslips`). */
  payslipPdf(employeeId: EmployeeRef, payslipId: string, options: PdfOptions = {}): Promise<Download> {
    return downloadPdf(this.#transport, path(employeeId, `payslips/${encodeURIComponent(payslipId)}/pdf`), `payslip-${payslipId}.pdf`, options);
  }

  async #read<T>(url: string, options: CallOptions): Promise<T> {
    const { data, response } = await this.#transport.send<T>('GET', url, options);
    this.#etags.remember(url, response, data);
    return data;
  }

  #write<T>(method: 'PATCH' | 'PUT', url: string, body: unknown, options: UpdateOptions): Promise<T> {
    return writeIfMatch<T>(this.#transport, this.#etags, method, url, { ...options, json: body });
  }
}

function path(employeeId: EmployeeRef, record?: string): string {
  if (typeof employeeId !== 'string' || employeeId === '') throw new TypeError('An employee id (emp_…) or "me" is required');
  const person = `people/${encodeURIComponent(employeeId)}`;
  return record ? `${person}/${record}` : person;
}
