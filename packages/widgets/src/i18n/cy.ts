import type { CommonStrings } from './types.ts';

/**
 * Cymraeg. Terms follow the Welsh Government's TermCymru glossary where it has one
 * (e.g. "Yswiriant Gwladol", "cod treth", "cyflog net", "didyniadau"). Common strings only; loaded
 * on first use by the localize controller.
 */
export const cy: CommonStrings = {
  errorGenericBody: 'Aeth rhywbeth annisgwyl o’i le. Rhowch gynnig arall arni.',
  errorSignedOutTitle: 'Rydych wedi allgofnodi',
  errorConnectionTitle: 'Nid oeddem yn gallu cysylltu ag ESR',
  errorConnectionBody: 'Gwiriwch eich cysylltiad â’r rhyngrwyd a rhowch gynnig arall arni.',
  errorTimeoutTitle: 'Cymerodd ESR ormod o amser i ymateb',
  errorTimeoutBody: 'Efallai fod y gwasanaeth yn brysur. Rhowch gynnig arall arni ymhen munud.',
  errorRateLimitedTitle: 'Gormod o geisiadau',
  errorRateLimitedBody: 'Arhoswch funud, yna rhowch gynnig arall arni.',
  errorServerTitle: 'Mae’n ddrwg gennym, mae problem gydag ESR',
  errorServerBody: 'Nid eich bai chi yw hyn. Rhowch gynnig arall arni ymhen ychydig funudau.',
  errorNoClientBody: 'Nid yw’r dudalen wedi sefydlu cysylltiad ag ESR. Cysylltwch â pherchennog y wefan.',
  errorReference: 'Cyfeirnod: %{requestId}',
  retry: 'Ceisio eto',
  hoursValue: '%{hours} awr',
  hoursValueOne: '%{hours} awr',
  errorSignInAgain: 'Mewngofnodwch eto i barhau.',
  errorNotConnectedTitle: 'Nid yw’r dudalen hon wedi’i chysylltu ag ESR',
  errorNoPermissionTitle: 'Nid oes gennych ganiatâd i wneud hyn',
  errorNoPermissionBody: 'Cysylltwch â’ch tîm AD os ydych yn credu bod hyn yn anghywir.',
  errorSummaryTitle: 'Mae problem wedi codi',
  errorPrefix: 'Gwall:',
  dateRange: '%{start} i %{end}',
};
