import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components';
import { mswLoader } from 'msw-storybook-addon/csf3';
import manifest from '@esr/widgets/custom-elements.json';
import '@esr/widgets/define-all.ts';

// Docs pages read each tag's attributes, properties, events, slots, parts and CSS properties from here
// (generated from the classes' JSDoc by `pnpm --filter @esr/widgets manifest`).
setCustomElementsManifest(manifest);

const preview: Preview = {
  // Starts msw's service worker before each story renders; stories add handlers in `beforeEach({ msw })`.
  loaders: [mswLoader()],
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
    // The NHS.UK tag set, as in the widget tests.
    a11y: { options: { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } } },
  },
};

export default preview;
