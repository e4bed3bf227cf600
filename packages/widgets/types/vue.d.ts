// Vue 3 typings for the ESR tags in templates (Volar): `import type {} from '@esr/widgets/types/vue'`.
// Tell Vue's compiler they are custom elements: `compilerOptions.isCustomElement: (tag) => tag.startsWith('esr-')`.
// Bind properties with `.prop` (`:client.prop="esr"`) and listen with `@esr-leave-request-submitted`.
import type { DefineComponent } from 'vue';
import type { EsrElementProps, EsrEventName, EsrTagName } from './elements.d.ts';

type EsrVueEvents = { [E in EsrEventName as `on${Capitalize<E>}`]?: (event: GlobalEventHandlersEventMap[E]) => void };

type EsrGlobalComponents = { [T in EsrTagName]: DefineComponent<EsrElementProps<T> & EsrVueEvents> };

declare module 'vue' {
  interface GlobalComponents extends EsrGlobalComponents {}
}
