// Every widget × state × locale: one story per state in English and one in Welsh, each with its own
// msw scenario, so the stories-render test and the a11y panel cover every combination.
import type { StoryObj } from '@storybook/web-components-vite';
import type { RequestHandler } from 'msw';

export type Locale = 'en-GB' | 'cy';
export interface LocaleArgs {
  lang: Locale;
}

/** A story that mocks `handlers()` (fresh state per render) and renders in `lang`. */
export function stateStory<A extends LocaleArgs>(handlers: () => unknown[], lang: Locale, name?: string): StoryObj<A> {
  return {
    ...(name ? { name } : {}),
    args: { lang } as Partial<A>,
    beforeEach({ msw }) {
      // The widgets' testing handlers come from their own msw copy; msw accepts handlers from any copy.
      msw.use(...(handlers() as RequestHandler[]));
    },
  };
}
