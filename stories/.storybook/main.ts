import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  framework: '@storybook/web-components-vite',
  // One folder per widget; add a new widget's folder here.
  stories: [
    '../payslip/**/*.stories.ts',
    '../provider/**/*.stories.ts',
    '../leave-request/**/*.stories.ts',
    '../approval-inbox/**/*.stories.ts',
    '../personal-details/**/*.stories.ts',
    '../absence-chart/**/*.stories.ts',
    '../training-compliance/**/*.stories.ts',
    '../course-catalogue/**/*.stories.ts',
  ],
  // a11y: axe in the Accessibility panel for every story; docs: autodocs pages built from the
  // Custom Elements Manifest (attributes, properties, events, slots, parts, CSS properties).
  addons: ['msw-storybook-addon', '@storybook/addon-a11y', '@storybook/addon-docs'],
  // Serves mockServiceWorker.js at the root, where msw-storybook-addon registers it.
  staticDirs: ['../../packages/widgets/public'],
  core: { disableTelemetry: true },
  // Widgets use legacy decorators (packages/widgets/tsconfig.json), which Vite 8's Oxc lowers itself.
};

export default config;
