import type { ApprovalTypeHandler } from './types.ts';

const handlers = new Map<string, ApprovalTypeHandler>();

/** Registers (or replaces) the handler of an approval type. Call at module load of your domain. */
export function registerApprovalType(handler: ApprovalTypeHandler): void {
  if (!/^[a-z_]+(\.[a-z_]+)+$/.test(handler.type)) throw new Error(`approval type ${handler.type}: use dotted snake_case, e.g. leave.request`);
  handlers.set(handler.type, handler);
}

export function approvalHandler(type: string): ApprovalTypeHandler | undefined {
  return handlers.get(type);
}

export function registeredApprovalTypes(): string[] {
  return [...handlers.keys()].sort();
}
