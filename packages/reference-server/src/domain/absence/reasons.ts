// National sickness absence reasons: the ESR / NHS Digital level-1 categories (S10–S32, S98, S99), with
// level-2 detail where ESR records it. Level 2 codes are ours (S10.01 …), each under its level-1 code.
export const sicknessReasons = [
  { code: 'S10', name: 'Anxiety/stress/depression/other psychiatric illnesses', mentalHealth: true, level2: [['S10.01', 'Anxiety'], ['S10.02', 'Stress'], ['S10.03', 'Depression'], ['S10.04', 'Other psychiatric illness'], ['S10.05', 'Bereavement reaction']] },
  { code: 'S11', name: 'Back problems', level2: [['S11.01', 'Back pain'], ['S11.02', 'Back injury']] },
  { code: 'S12', name: 'Other musculoskeletal problems', level2: [['S12.01', 'Joint problems'], ['S12.02', 'Muscle problems'], ['S12.03', 'Neck and shoulder']] },
  { code: 'S13', name: 'Cold, cough, flu - influenza', level2: [['S13.01', 'Cold'], ['S13.02', 'Cough'], ['S13.03', 'Influenza']] },
  { code: 'S14', name: 'Asthma', level2: [] },
  { code: 'S15', name: 'Chest and respiratory problems', level2: [['S15.01', 'Chest infection'], ['S15.02', 'Other respiratory']] },
  { code: 'S16', name: 'Headache/migraine', level2: [['S16.01', 'Headache'], ['S16.02', 'Migraine']] },
  { code: 'S17', name: 'Benign and malignant tumours, cancers', level2: [] },
  { code: 'S18', name: 'Blood disorders', level2: [] },
  { code: 'S19', name: 'Heart, cardiac and circulatory problems', level2: [] },
  { code: 'S20', name: 'Burns, poisoning, frostbite, hypothermia', level2: [] },
  { code: 'S21', name: 'Ear, nose, throat (ENT)', level2: [] },
  { code: 'S22', name: 'Dental and oral problems', level2: [] },
  { code: 'S23', name: 'Eye problems', level2: [] },
  { code: 'S24', name: 'Endocrine/glandular problems', level2: [] },
  { code: 'S25', name: 'Gastrointestinal problems', level2: [['S25.01', 'Diarrhoea and vomiting'], ['S25.02', 'Other gastrointestinal']] },
  { code: 'S26', name: 'Genitourinary and gynaecological disorders', level2: [] },
  { code: 'S27', name: 'Infectious diseases', level2: [['S27.01', 'COVID-19'], ['S27.02', 'Other infectious disease']] },
  { code: 'S28', name: 'Injury, fracture', level2: [['S28.01', 'Injury at work'], ['S28.02', 'Injury outside work'], ['S28.03', 'Fracture']] },
  { code: 'S29', name: 'Nervous system disorders', level2: [] },
  { code: 'S30', name: 'Pregnancy related disorders', level2: [] },
  { code: 'S31', name: 'Skin disorders', level2: [] },
  { code: 'S32', name: 'Substance abuse', level2: [] },
  { code: 'S98', name: 'Other known causes - not elsewhere classified', level2: [] },
  { code: 'S99', name: 'Unknown causes/not specified', level2: [] },
] as const satisfies ReadonlyArray<{ code: string; name: string; mentalHealth?: boolean; level2: ReadonlyArray<readonly [string, string]> }>;

export type ReasonCode = (typeof sicknessReasons)[number]['code'];
export const reasonCodes = sicknessReasons.map((r) => r.code) as string[];
export const level2Codes = new Map<string, string>(sicknessReasons.flatMap((r) => r.level2.map(([c]) => [c, r.code] as [string, string])));
export const reasonName = new Map<string, string>([
  ...sicknessReasons.map((r) => [r.code, r.name] as [string, string]),
  ...sicknessReasons.flatMap((r) => r.level2.map(([c, n]) => [c, n] as [string, string])),
]);

/** Field problems with a level-1/level-2 pair (empty when valid). */
export function reasonProblems(level1: string, level2: string | null | undefined, prefix = 'json'): Array<{ path: string; message: string; code: string }> {
  if (!reasonCodes.includes(level1)) return [{ path: `${prefix}.reasonLevel1`, message: 'Not a national sickness reason (S10–S32, S98, S99)', code: 'unknown_reason' }];
  if (level2 && level2Codes.get(level2) !== level1) return [{ path: `${prefix}.reasonLevel2`, message: `Not a level-2 reason under ${level1}`, code: 'unknown_reason' }];
  return [];
}
