// README example: "Learning: courses, enrolments and compliance". Typechecked with the package; keep the region identical to the
// README block (test/readme-examples.test.ts). Above it, only what the example assumes.
import type { EsrClient } from '@esr/sdk';
declare const esr: EsrClient;

// #region readme
// Find a course with places left, and book the first session (manager approval where the course asks).
const results = await esr.courses.search({ q: 'basic life support', hasPlaces: true, limit: 5 });
const course = results.data[0];
if (course) {
  const detail = await esr.courses.get(course.id);
  const session = detail.sessions[0];
  const me = await esr.me.get();
  const booked = await esr.enrolments.enrol({ sessionId: session?.id, courseId: course.id, employeeId: me.profile.id });
  console.log(booked.status, booked.waitlistPosition); // 'enrolled', 'pending_approval' or 'waitlisted' (position)
}

// My bookings, and the statutory and mandatory training matrix (red / amber / green).
for await (const enrolment of await esr.enrolments.list('me', { status: ['enrolled', 'waitlisted'] })) {
  console.log(enrolment.courseTitle, enrolment.session?.startsAt, enrolment.status);
}
const matrix = await esr.compliance.matrix('me');
console.log(`${matrix.summary.compliancePercent ?? '-'}% compliant`);
for (const cell of matrix.subjects) console.log(cell.name, cell.status, cell.expiresOn);
// #endregion
