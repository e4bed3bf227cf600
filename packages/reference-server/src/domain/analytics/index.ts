// Workforce analytics for managers (their reporting line) and HR admins (their organisation).
export * from './scope.ts';
export * from './series.ts';
export * from './categories.ts';
export * from './disclosure.ts';
export * from './composition.ts';
export * from './turnover.ts';
export * from './diversity.ts';
export * from './absence.ts';
