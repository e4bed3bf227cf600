import type { Preview } from '@storybook/web-components-vite';
import { mswLoader } from 'msw-storybook-addon/csf3';
import '@esr/widgets/define-all.ts';

const preview: Preview = {
  // Starts msw's service worker before each story renders; stories add handlers in `beforeEach({ msw })`.
  loaders: [mswLoader()],
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
  },
};

export default preview;
