// Public model types, straight from the generated OpenAPI types so they cannot drift from the server.
import type { components, operations, paths } from './generated/openapi.ts';

type Schemas = components['schemas'];

export type Payslip = Schemas['Payslip'];
export type PayslipSummary = Schemas['PayslipSummary'];
export type PayslipLine = Schemas['PayslipLine'];
export type PayPeriod = Schemas['PayPeriod'];
export type Problem = Schemas['Problem'];
export type DemoPerson = Schemas['DemoPerson'];
export type DemoToken = Schemas['DemoToken'];

export type { components, operations, paths };
