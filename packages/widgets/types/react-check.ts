// Type-level checks of the React typings (compiled by `tsc -p packages/widgets`, never run).
import type {} from './react.d.ts';
import type { JSX } from 'react';
import type { EsrClient } from '@esr/sdk';

type Tags = JSX.IntrinsicElements;
declare const client: EsrClient;

export const leave: Tags['esr-leave-request'] = {
  client,
  headingLevel: 3,
  name: 'leave',
  'onesr-leave-request-submitted': (event) => void event.detail.leaveRequest.id,
};
export const inbox: Tags['esr-approval-inbox'] = { pollInterval: 0, box: 'decided', 'onesr-approval-decided': (e) => void e.detail.action };
export const details: Tags['esr-personal-details'] = { readonly: true, className: 'panel' };
// @ts-expect-error: not a property of <esr-payslip>
export const wrong: Tags['esr-payslip'] = { notAProp: 1 };
