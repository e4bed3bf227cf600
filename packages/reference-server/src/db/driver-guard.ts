// postgres.js 3.4 can reject a promise nobody holds when a server restart closes a connection that was
// starting up or had just run a transaction (porsager/postgres#1223, #1201; fixes not yet released).
// Node ends the process on an unhandled rejection, which would turn a database restart into a server
// crash. The query that needed the connection has already failed its caller (a 503, a retried batch),
// so such a stray connection error is logged and dropped; anything else still ends the process.
import { isDatabaseUnavailable } from './unavailable.ts';

export type RejectionHandler = (reason: unknown) => void;

/** The handler, for `process.on('unhandledRejection', …)`; `other` gets every other reason. */
export function driverRejectionHandler(
  log: (message: string) => void,
  other: RejectionHandler = (reason) => {
    console.error('Unhandled rejection:', reason);
    process.exit(1);
  },
): RejectionHandler {
  return (reason) => {
    if (isDatabaseUnavailable(reason)) log(`database connection lost: ${(reason as { code?: string }).code ?? reason}`);
    else other(reason);
  };
}

/** Installs the handler for this process (the server and worker entry points). */
export function guardAgainstStrayDriverRejections(log: (message: string) => void = (m) => console.warn(m)): void {
  process.on('unhandledRejection', driverRejectionHandler(log));
}
