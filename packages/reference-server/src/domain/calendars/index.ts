export * from './dates.ts';
export * from './bank-holidays.ts';
export * from './working-patterns.ts';
