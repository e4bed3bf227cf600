import type { Messages, StringKey } from '../i18n/types.ts';

/** Strings of <esr-training-compliance>. `%{name}` marks a placeholder. */
export interface TrainingComplianceStrings {
  complianceLoading: string;
  compliancePersonHeading: string;
  complianceTeamHeading: string;
  complianceEmptyTitle: string;
  complianceEmptyBody: string;
  complianceTeamEmptyTitle: string;
  complianceErrorTitle: string;
  complianceForbiddenTitle: string;
  complianceForbiddenBody: string;
  complianceNotFoundTitle: string;
  complianceSummary: string; // %{percent} %{compliant} %{required}
  complianceCounts: string; // %{red} %{amber}
  complianceCaption: string; // %{date}
  statusGreen: string;
  statusAmber: string;
  statusExpired: string;
  statusNotDone: string;
  statusLevelNeeded: string; // %{level}
  statusNotRequired: string;
  subject: string;
  status: string;
  level: string;
  completedOn: string;
  renewalDue: string;
  renewEvery: string;
  person: string;
  never: string;
  monthsCount: string; // %{count}
  yearsOne: string;
  yearsOther: string; // %{count}
  daysLeftOne: string;
  daysLeftOther: string; // %{count}
  daysAgoOne: string;
  daysAgoOther: string; // %{count}
  dueToday: string;
}

/** Keys `t()` accepts in this widget: its own and the common ones. */
export type TrainingComplianceKey = StringKey<TrainingComplianceStrings>;

const enGB: TrainingComplianceStrings = {
  complianceLoading: 'Loading training records…',
  compliancePersonHeading: 'Statutory and mandatory training',
  complianceTeamHeading: 'Your team’s statutory and mandatory training',
  complianceEmptyTitle: 'No statutory or mandatory training is required',
  complianceEmptyBody: 'If this looks wrong, contact your learning and development team.',
  complianceTeamEmptyTitle: 'Nobody reports to you',
  complianceErrorTitle: 'We could not load the training records',
  complianceForbiddenTitle: 'You do not have permission to see these training records',
  complianceForbiddenBody: 'Only the person, their line managers, HR and learning administrators can see them.',
  complianceNotFoundTitle: 'We could not find that person',
  complianceSummary: '%{percent} compliant: %{compliant} of %{required} required subjects in date',
  complianceCounts: '%{red} need action, %{amber} expire soon',
  complianceCaption: 'Training as of %{date}',
  statusGreen: 'In date',
  statusAmber: 'Expires soon',
  statusExpired: 'Expired',
  statusNotDone: 'Not done',
  statusLevelNeeded: 'Level %{level} needed',
  statusNotRequired: 'Not required',
  subject: 'Subject',
  status: 'Status',
  level: 'Level',
  completedOn: 'Completed',
  renewalDue: 'Renewal due',
  renewEvery: 'Renew every',
  person: 'Person',
  never: 'Never',
  monthsCount: '%{count} months',
  yearsOne: '1 year',
  yearsOther: '%{count} years',
  daysLeftOne: 'in 1 day',
  daysLeftOther: 'in %{count} days',
  daysAgoOne: '1 day ago',
  daysAgoOther: '%{count} days ago',
  dueToday: 'today',
};

// Welsh is fetched the first time this widget renders in Welsh, so English pages never download it.
export const trainingComplianceMessages: Messages<TrainingComplianceStrings> = { 'en-GB': enGB, cy: () => import('./messages.cy.ts').then((m) => m.cy) };
