// What the audit trail may keep of a changed value: enough to recognise it, never the value itself.
import { maskAccountNumber, maskNiNumber, maskSortCode } from '../domain/masking.ts';

/** Placeholders such as `[changed]` or `[requested]` say nothing about the value: kept as they are. */
const marker = /^\[[a-z][a-z _-]{0,30}\]$/;

/** Special-category data (equality, health): not even a prefix is kept. */
const redactFully = /ethnic|religio|sexual|orientation|disabilit|^sex$|gender|sickness|illness|diagnos|medical|health|reason|note|comment/;
/** Fields whose values are codes or states, not personal data: kept as they are. */
const plainFields = new Set([
  'status', 'state', 'type', 'kind', 'priority', 'version', 'band', 'paypoint', 'staffgroup', 'role', 'roles',
  'action', 'decision', 'frequency', 'masked', 'relationship', 'country',
]);

function normalise(field: string): { path: string; leaf: string } {
  const parts = field.split('.').map((p) => p.toLowerCase().replace(/[^a-z0-9]/g, ''));
  return { path: parts.join(''), leaf: parts.at(-1) ?? '' };
}

/** `07700 900123` → `*********123`: the last three digits only. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return `${'*'.repeat(Math.max(0, digits.length - 3))}${digits.slice(-3)}`;
}

/** `jane.doe@nhs.net` → `j…@nhs.net`. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  return at > 0 ? `${email.slice(0, 1)}…${email.slice(at)}` : redactText(email);
}

/** Free text (addresses, names): its first characters, at most two and never more than a quarter. */
export function redactText(text: string): string {
  const keep = Math.min(2, Math.floor(text.length / 4));
  return `${text.slice(0, keep)}…`;
}

/**
 * The masked form of `value` for the field named `field` (a dotted path such as `addresses.home.line1`
 * or a name such as `accountNumber`). Unknown fields are treated as free text: the safe default.
 */
export function maskValue(field: string, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'object') {
    // A structured value (an address, a contact): mask each member, keep the shape readable.
    const inner = Object.entries(value as Record<string, unknown>).map(([k, v]) => `${k}: ${maskValue(`${field}.${k}`, v) ?? '∅'}`);
    return Array.isArray(value) ? `[${inner.length} items]` : `{${inner.join(', ')}}`;
  }
  const text = String(value);
  if (marker.test(text)) return text;
  const { path, leaf } = normalise(field);
  if (redactFully.test(leaf) || redactFully.test(path)) return '[redacted]';
  if (path.includes('sortcode')) return maskSortCode(text);
  if (path.includes('accountnumber') || leaf === 'account') return maskAccountNumber(text.replace(/\s/g, ''));
  if (path.includes('ninumber') || path.includes('nationalinsurance') || leaf === 'ni') return maskNiNumber(text.replace(/\s/g, ''));
  if (/phone|mobile|telephone/.test(path)) return maskPhone(text);
  if (path.includes('email')) return maskEmail(text);
  if (plainFields.has(leaf) || typeof value === 'number') return text;
  return redactText(text);
}

export interface FieldChange {
  from?: unknown;
  to?: unknown;
}

/** Masks every `from` / `to` of a change set. */
export function maskChanges(changes: Record<string, FieldChange>): Record<string, { from?: string | null; to?: string | null }> {
  return Object.fromEntries(
    Object.entries(changes).map(([field, change]) => [
      field,
      {
        ...('from' in change ? { from: maskValue(field, change.from) } : {}),
        ...('to' in change ? { to: maskValue(field, change.to) } : {}),
      },
    ]),
  );
}
