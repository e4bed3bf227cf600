// Test and Storybook helper (not shipped): the SDK's people handlers (personal details with ETags and
// If-Match, name change requests) plus the requester's own approvals box, where a pending name change shows.
import { HttpResponse, http } from 'msw';
import { createPeopleHandlers, personalDetailsFixture, type PeopleScenario } from '@esr/sdk/testing';
import type { PersonalDetails } from '@esr/sdk';

export type PersonalDetailsScenario = PeopleScenario | 'empty';

export interface PersonalDetailsHandlerOptions {
  scenario?: PersonalDetailsScenario;
  /** A name change to Amelia Rhys is waiting for HR (default false). */
  pendingNameChange?: boolean;
}

const emptyDetails: PersonalDetails = {
  ...personalDetailsFixture,
  name: { title: null, firstName: 'Amelia', lastName: 'Hughes', preferredName: null },
  addresses: { home: null, postal: null },
  phones: { mobile: null, home: null, work: null },
  emergencyContacts: [],
};

export function createPersonalDetailsHandlers(options: PersonalDetailsHandlerOptions = {}) {
  const scenario = options.scenario ?? 'data';
  const people = createPeopleHandlers({
    scenario: scenario === 'empty' ? 'data' : scenario,
    personalDetails: structuredClone(scenario === 'empty' ? emptyDetails : personalDetailsFixture),
  }) as unknown[];
  const mine = http.get('*/v1/approvals', ({ request }) => {
    const url = new URL(request.url);
    if (url.searchParams.get('box') !== 'mine') return undefined;
    const data = options.pendingNameChange
      ? [
          {
            id: 'apr_name000001',
            type: 'personal_details.name_change',
            status: 'pending',
            summary: 'Name change to Amelia Rhys (marriage)',
            subject: { id: personalDetailsFixture.employeeId, name: 'Amelia Hughes' },
            requestedBy: { id: personalDetailsFixture.employeeId, name: 'Amelia Hughes' },
            subjectRef: null,
            payload: { title: null, firstName: 'Amelia', lastName: 'Rhys', reason: 'marriage' },
            route: ['hr'],
            currentStep: { index: 0, kind: 'hr', approverKind: 'hr_pool', approver: null, standIn: null },
            version: 1,
            dueAt: null,
            createdAt: '2026-11-02T10:00:00.000Z',
            updatedAt: '2026-11-02T10:00:00.000Z',
            decidedAt: null,
            decidedBy: null,
          },
        ]
      : [];
    return HttpResponse.json({ data, hasMore: false, nextCursor: null });
  });
  return [mine, ...people];
}
