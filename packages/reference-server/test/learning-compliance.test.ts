// Compliance rules without a database: expiry dates, the red / amber / green boundaries, levels, and
// which requirements apply to whom.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { complianceCells, expiryOf, familiesOf, requiredLevels, statusOf, summarise } from '../src/domain/learning/index.ts';
import type { LearnerFacts, Requirement, Subject } from '../src/domain/learning/index.ts';

const subjects: Subject[] = [
  { code: 'fire_safety', family: 'fire_safety', level: 1, name: 'Fire Safety', renewalMonths: 24, sortOrder: 1 },
  { code: 'resuscitation_l1', family: 'resuscitation', level: 1, name: 'Resuscitation – Level 1', renewalMonths: 12, sortOrder: 2 },
  { code: 'resuscitation_l2', family: 'resuscitation', level: 2, name: 'Resuscitation – Level 2', renewalMonths: 12, sortOrder: 3 },
  { code: 'resuscitation_l3', family: 'resuscitation', level: 3, name: 'Resuscitation – Level 3', renewalMonths: 12, sortOrder: 4 },
];
const byCode = new Map(subjects.map((s) => [s.code, s]));
const nurse: LearnerFacts = { employeeId: 'emp_1', name: 'A Nurse', jobTitle: 'Staff Nurse', staffGroup: 'Nursing and Midwifery Registered', orgUnitId: 'ou_ward' };
const req = (subjectCode: string, fields: Partial<Requirement> = {}): Requirement => ({ id: `lrq_${subjectCode}`, subjectCode, staffGroup: null, jobTitle: null, orgUnitId: null, ...fields });

describe('expiry', () => {
  test('valid to the day before the anniversary; month ends clamp', () => {
    assert.equal(expiryOf('2026-03-10', 12), '2027-03-09');
    assert.equal(expiryOf('2026-03-10', 36), '2029-03-09');
    assert.equal(expiryOf('2024-02-29', 12), '2025-02-27', '29 Feb + 1 year is 28 Feb; valid to the 27th');
    assert.equal(expiryOf('2026-01-31', 1), '2026-02-27');
  });
});

describe('status at the boundaries', () => {
  const asOf = '2026-11-25';
  test('expiry day itself is still in date (amber); the day after is red', () => {
    assert.equal(statusOf(true, '2026-11-25', true, asOf, 30), 'amber');
    assert.equal(statusOf(true, '2026-11-24', true, asOf, 30), 'red');
  });
  test('amber window edge: expiring on asOf + window is amber, one day later is green', () => {
    assert.equal(statusOf(true, '2026-12-25', true, asOf, 30), 'amber');
    assert.equal(statusOf(true, '2026-12-26', true, asOf, 30), 'green');
    assert.equal(statusOf(true, '2026-11-26', true, asOf, 0), 'green', 'no amber window');
    assert.equal(statusOf(true, '2026-11-25', true, asOf, 0), 'amber', 'window 0: only the last day');
  });
  test('nothing held is red; not required is not_required whatever is held', () => {
    assert.equal(statusOf(true, null, false, asOf, 30), 'red');
    assert.equal(statusOf(false, null, false, asOf, 30), 'not_required');
    assert.equal(statusOf(false, '2020-01-01', true, asOf, 30), 'not_required');
    assert.equal(statusOf(true, null, true, asOf, 30), 'green', 'held without expiry');
  });
});

describe('requirements and levels', () => {
  test('criteria all match (null = any); an org unit covers its subtree; the highest level wins', () => {
    const requirements = [
      req('fire_safety'),
      req('resuscitation_l1'),
      req('resuscitation_l2', { staffGroup: 'Nursing and Midwifery Registered' }),
      req('resuscitation_l3', { orgUnitId: 'ou_ed' }),
      req('resuscitation_l3', { jobTitle: 'Midwife' }),
    ];
    assert.deepEqual([...requiredLevels(nurse, ['ou_ward', 'ou_div', 'ou_trust'], requirements, byCode)].sort(), [['fire_safety', 1], ['resuscitation', 2]]);
    assert.equal(requiredLevels(nurse, ['ou_bay', 'ou_ed', 'ou_trust'], requirements, byCode).get('resuscitation'), 3, 'a unit below the emergency department');
    assert.equal(requiredLevels({ ...nurse, staffGroup: 'Administrative and Clerical' }, ['ou_x'], requirements, byCode).get('resuscitation'), 1);
  });

  test('a higher level satisfies a lower requirement; a lower one does not satisfy a higher', () => {
    const families = familiesOf(subjects);
    const held = new Map([['resuscitation_l3', { completedOn: '2026-06-01', expiresOn: '2027-05-31' }], ['fire_safety', { completedOn: '2024-01-01', expiresOn: '2025-12-31' }]]);
    const cells = complianceCells(families, new Map([['resuscitation', 2], ['fire_safety', 1]]), held, '2026-11-25', 30);
    const resus = cells.find((c) => c.family === 'resuscitation')!;
    assert.deepEqual([resus.status, resus.requiredLevel, resus.heldLevel, resus.subjectCode, resus.expiresOn], ['green', 2, 3, 'resuscitation_l2', '2027-05-31']);
    assert.equal(cells.find((c) => c.family === 'fire_safety')!.status, 'red');
    assert.equal(cells.find((c) => c.family === 'fire_safety')!.daysToExpiry, -329);

    const lowOnly = new Map([['resuscitation_l1', { completedOn: '2026-06-01', expiresOn: '2027-05-31' }]]);
    const [, r] = complianceCells(families, new Map([['resuscitation', 2]]), lowOnly, '2026-11-25', 30);
    assert.deepEqual([r!.status, r!.heldLevel], ['red', null]);
    const [f2, r2] = complianceCells(families, new Map(), lowOnly, '2026-11-25', 30);
    assert.deepEqual([f2!.status, r2!.status, r2!.heldLevel], ['not_required', 'not_required', 1], 'not required: the record is still shown');
  });

  test('summary: compliant is green plus amber over required, one decimal; null when nothing required', () => {
    assert.deepEqual(summarise([{ status: 'green' }, { status: 'amber' }, { status: 'red' }, { status: 'not_required' }]), { required: 3, compliant: 2, expiring: 1, nonCompliant: 1, compliancePercent: 66.7 });
    assert.equal(summarise([{ status: 'not_required' }]).compliancePercent, null);
  });
});
