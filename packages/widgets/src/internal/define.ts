import { VERSION } from './version.ts';

/** An element class stamped with the library version that defined it. */
export interface VersionedElement extends CustomElementConstructor {
  readonly esrVersion?: string;
}

/**
 * Registers `tag` unless something already did.
 *
 * Intranet pages often load two copies of a widget bundle (a CMS plugin plus a page script), and a bare
 * `customElements.define` throws `NotSupportedError` on the second call, breaking the whole second
 * bundle. We keep the first registration: a repeat of the same version is silent, a different version
 * warns once, because the page then runs whichever loaded first.
 *
 * @returns the constructor that is registered under `tag` after the call.
 */
export function defineElement(tag: string, ctor: VersionedElement): CustomElementConstructor {
  const registry = globalThis.customElements;
  if (!registry) return ctor; // server-side rendering or a worker: nothing to register
  const existing = registry.get(tag) as VersionedElement | undefined;
  if (existing) {
    if (existing !== ctor && existing.esrVersion !== (ctor.esrVersion ?? VERSION)) {
      console.warn(
        `[esr] <${tag}> is already defined by @esr/widgets ${existing.esrVersion ?? '(unknown version)'}; ` +
          `ignoring ${ctor.esrVersion ?? VERSION}. Load one widgets bundle per page.`,
      );
    }
    return existing;
  }
  registry.define(tag, ctor);
  return ctor;
}
