// React 19 JSX typings for the ESR tags: `import type {} from '@esr/widgets/types/react'` once (e.g. in
// a global.d.ts). React 19 sets known properties (`client`, `headingLevel`) as properties and wires
// `on<event-name>` props (`onesr-leave-request-submitted`) as event listeners on custom elements.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { EsrElementProps, EsrEventName, EsrTagName } from './elements.d.ts';

type EsrEventProps = { [E in EsrEventName as `on${E}`]?: (event: GlobalEventHandlersEventMap[E]) => void };

export type EsrReactProps<T extends EsrTagName> = DetailedHTMLProps<HTMLAttributes<HTMLElementTagNameMap[T]>, HTMLElementTagNameMap[T]> &
  EsrElementProps<T> &
  EsrEventProps;

type EsrIntrinsicElements = { [T in EsrTagName]: EsrReactProps<T> };

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements extends EsrIntrinsicElements {}
  }
}
