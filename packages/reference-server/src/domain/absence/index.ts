// Absence: sickness episodes, return to work, occupational sick pay, Bradford factor, absence rates.
export * from './reasons.ts';
export * from './episodes.ts';
export * from './sick-pay.ts';
export * from './bradford.ts';
export * from './absence-rate.ts';
