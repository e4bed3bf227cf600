// Facts a payroll document prints beside the payslip itself: the employer's PAYE reference and the
// employee's NI number (masked). Neither is frozen on the payslip, so they are read at render time.
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { employees, organisations } from '../../db/schema.ts';
import { maskNiNumber } from '../masking.ts';

/**
 * A synthetic employer PAYE reference, `<tax office number>/<reference>`, stable per organisation:
 * `R100` → `120/R100`, `R101` → `121/R101`. Real references come from HMRC at registration.
 */
export function employerPayeReference(organisationCode: string): string {
  const digits = Number.parseInt(organisationCode.replace(/\D/g, ''), 10);
  const n = Number.isFinite(digits) ? digits : [...organisationCode].reduce((s, ch) => (s * 31 + ch.charCodeAt(0)) % 100_000, 7);
  const office = 120 + ((((n - 100) % 880) + 880) % 880);
  return `${office}/${organisationCode.toUpperCase()}`;
}

export interface DocumentFacts {
  niNumberMasked: string | null;
  employerPayeReference: string | null;
  organisationName: string | null;
}

export async function loadDocumentFacts(db: Db, employeeId: string, organisationId: string): Promise<DocumentFacts> {
  const [[person], [org]] = await Promise.all([
    db.select({ niNumber: employees.niNumber }).from(employees).where(eq(employees.id, employeeId)).limit(1),
    db.select({ code: organisations.code, name: organisations.name }).from(organisations).where(eq(organisations.id, organisationId)).limit(1),
  ]);
  return {
    niNumberMasked: person?.niNumber ? maskNiNumber(person.niNumber.replace(/\s/g, '')) : null,
    employerPayeReference: org ? employerPayeReference(org.code) : null,
    organisationName: org?.name ?? null,
  };
}
