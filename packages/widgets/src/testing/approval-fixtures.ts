// Test, Storybook and bench helper (not shipped): approval requests as the reference server lists them,
// generated deterministically (no msw here, so a benchmark page can use it).
import type { ApprovalItem } from '@esr/sdk';

export const MANAGER_ID = 'emp_0000000007';
// The generated types read the spec's nullable PersonRef (allOf) as an intersection no literal satisfies.
export const MANAGER = { id: MANAGER_ID, name: 'Priya Shah' } as never;
export const NONE = null as never;
const NAMES = ['Amelia Hughes', 'Owen Davies', 'Ffion Jones', 'Tom Evans', 'Sara Khan', 'Dylan Price', 'Megan Lewis', 'Rhys Morgan', 'Nia Roberts', 'Jack Taylor'];
const LEAVE_TYPES = ['annual', 'annual', 'study', 'annual', 'toil'] as const;
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function leaveApproval(i: number, status: ApprovalItem['status'] = 'pending'): ApprovalItem {
  const name = NAMES[i % NAMES.length]!;
  const start = Date.UTC(2027, 0, 4) + (i % 60) * 7 * DAY;
  const days = 1 + (i % 5);
  const type = LEAVE_TYPES[i % LEAVE_TYPES.length]!;
  const id = `apr_${String(1000 + i).padStart(10, '0')}`;
  const decided = status !== 'pending' && status !== 'info_requested';
  return {
    id,
    type: 'leave.request',
    status,
    summary: `${name}: Annual leave (${days * 7.5} h)`,
    subject: { id: `emp_${String(100 + (i % NAMES.length)).padStart(10, '0')}`, name },
    requestedBy: { id: `emp_${String(100 + (i % NAMES.length)).padStart(10, '0')}`, name },
    subjectRef: `lvr_${String(1000 + i).padStart(10, '0')}`,
    payload: { leaveRequestId: `lvr_${String(1000 + i).padStart(10, '0')}`, type, startDate: iso(start), endDate: iso(start + (days - 1) * DAY), minutes: days * 450, employeeName: name },
    route: ['line_manager'],
    currentStep: decided ? null : { index: 0, kind: 'line_manager', approverKind: 'employee', approver: MANAGER, standIn: NONE },
    version: 1,
    dueAt: null,
    createdAt: new Date(Date.UTC(2026, 10, 20) - i * 3_600_000).toISOString(),
    updatedAt: new Date(Date.UTC(2026, 10, 20) - i * 3_600_000).toISOString(),
    decidedAt: decided ? '2026-11-01T10:00:00.000Z' : null,
    decidedBy: decided ? MANAGER : NONE,
  };
}

