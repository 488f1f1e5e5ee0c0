import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  framework: '@storybook/web-components-vite',
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  core: { disableTelemetry: true },
  // The test fixture feeds, served at fixtures/feeds/<name>/: stories and tests share them.
  staticDirs: [{ from: '../test/fixtures', to: '/fixtures' }],
};

export default config;
