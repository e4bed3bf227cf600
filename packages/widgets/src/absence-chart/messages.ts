import type { Messages, StringKey } from '../i18n/types.ts';

/** Strings of <esr-absence-chart>. `%{name}` marks a placeholder. */
export interface AbsenceChartStrings {
  absenceLoading: string;
  absencePersonHeading: string;
  absenceOrgHeading: string;
  absencePersonEmptyTitle: string;
  absencePersonEmptyBody: string;
  absenceOrgEmptyTitle: string;
  absenceOrgEmptyBody: string;
  absenceErrorTitle: string;
  absenceForbiddenTitle: string;
  absenceForbiddenBody: string;
  absenceNotFoundTitle: string;
  absenceNotFoundBody: string;
  bradfordFactor: string;
  bradfordWorking: string; // %{spells} %{days} %{score}
  bradfordPeriod: string; // %{from} %{to}
  spellsOfSickness: string;
  workingDaysLost: string;
  workingDaysOne: string; // %{count}
  workingDaysOther: string; // %{count}
  absencePersonChartLabel: string; // %{from} %{to}
  absencePersonBar: string; // %{month} %{days}
  absencePersonBarReason: string; // %{month} %{days} %{reason}
  absenceOrgChartLabel: string; // %{from} %{to}
  absenceOrgBar: string; // %{month} %{rate}
  absenceOrgBarReason: string; // %{month} %{rate} %{reason}
  absenceOrgNoStaff: string; // %{month}
  chartKeyboardHint: string;
  showAsTable: string;
  month: string;
  mainReason: string;
  absenceRate: string;
  fteDaysLost: string;
  fteDaysAvailable: string;
  absenceReasonsCaption: string; // %{from} %{to}
  reason: string;
  shareOfDaysLost: string;
  sicknessSpellsCaption: string; // %{from} %{to}
  firstDay: string;
  lastDay: string;
  stillOff: string;
  notRecorded: string;
  noneRecorded: string;
}

/** Keys `t()` accepts in this widget: its own and the common ones. */
export type AbsenceChartKey = StringKey<AbsenceChartStrings>;

const enGB: AbsenceChartStrings = {
  absenceLoading: 'Loading absence figures…',
  absencePersonHeading: 'Sickness absence',
  absenceOrgHeading: 'Sickness absence rate',
  absencePersonEmptyTitle: 'No sickness absence in the last 12 months',
  absencePersonEmptyBody: 'Sickness recorded by a line manager or HR will appear here.',
  absenceOrgEmptyTitle: 'No absence figures for these 12 months',
  absenceOrgEmptyBody: 'Nobody was employed in this unit, or no sickness was recorded.',
  absenceErrorTitle: 'We could not load the absence figures',
  absenceForbiddenTitle: 'You do not have permission to see these absence figures',
  absenceForbiddenBody: 'Absence rates are for HR administrators. Sickness records are for the person, their line managers and HR.',
  absenceNotFoundTitle: 'We could not find that person or unit',
  absenceNotFoundBody: 'The link may be wrong, or they may be outside your organisation.',
  bradfordFactor: 'Bradford factor',
  bradfordWorking: '%{spells} spells × %{spells} spells × %{days} working days = %{score}',
  bradfordPeriod: 'Over the 52 weeks from %{from} to %{to}.',
  spellsOfSickness: 'Spells of sickness',
  workingDaysLost: 'Working days lost',
  workingDaysOne: '%{count} working day',
  workingDaysOther: '%{count} working days',
  absencePersonChartLabel: 'Working days lost to sickness each month, %{from} to %{to}',
  absencePersonBar: '%{month}: %{days} lost',
  absencePersonBarReason: '%{month}: %{days} lost (%{reason})',
  absenceOrgChartLabel: 'Sickness absence rate each month, %{from} to %{to}',
  absenceOrgBar: '%{month}: %{rate} of FTE days lost',
  absenceOrgBarReason: '%{month}: %{rate} of FTE days lost, most often %{reason}',
  absenceOrgNoStaff: '%{month}: nobody employed',
  chartKeyboardHint: 'Select the chart, then use the arrow keys to hear each month.',
  showAsTable: 'Show the figures as a table',
  month: 'Month',
  mainReason: 'Main reason',
  absenceRate: 'Absence rate',
  fteDaysLost: 'FTE days lost',
  fteDaysAvailable: 'FTE days available',
  absenceReasonsCaption: 'Reasons for sickness absence, %{from} to %{to}',
  reason: 'Reason',
  shareOfDaysLost: 'Share of days lost',
  sicknessSpellsCaption: 'Spells of sickness, %{from} to %{to}',
  firstDay: 'First day',
  lastDay: 'Last day',
  stillOff: 'Still off',
  notRecorded: 'Not recorded',
  noneRecorded: 'None',
};

// Welsh is fetched the first time this widget renders in Welsh, so English pages never download it.
export const absenceChartMessages: Messages<AbsenceChartStrings> = { 'en-GB': enGB, cy: () => import('./messages.cy.ts').then((m) => m.cy) };
