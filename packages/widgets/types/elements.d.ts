// Shared by the framework typings (react.d.ts, vue.d.ts): every `esr-*` tag, its settable properties
// and its events, derived from the classes' `HTMLElementTagNameMap` and `GlobalEventHandlersEventMap`
// entries, so a new widget is typed everywhere the moment it declares its tag.
import type {} from '../src/define-all.ts';

/** Every registered `esr-*` tag name. */
export type EsrTagName = Extract<keyof HTMLElementTagNameMap, `esr-${string}`>;

type Data<T> = { [K in keyof T as T[K] extends (...args: never[]) => unknown ? never : K]: T[K] };

/** The properties a template may set on a tag: the widget's own public fields (not HTMLElement's). */
export type EsrElementProps<T extends EsrTagName> = Partial<Omit<Data<HTMLElementTagNameMap[T]>, keyof HTMLElement>>;

/** Every `esr-*` event name (`esr-error`, `esr-leave-request-submitted`, …). */
export type EsrEventName = Extract<keyof GlobalEventHandlersEventMap, `esr-${string}`>;
