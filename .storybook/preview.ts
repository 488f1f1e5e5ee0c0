/// <reference types="vite/client" />
import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';

// custom-elements.json is generated (`npm run analyze`, run before `storybook` and
// `build-storybook`) and not committed; a glob import keeps type-checking working without it.
const manifests = import.meta.glob<{ default: object }>('../custom-elements.json', { eager: true });
const manifest = Object.values(manifests)[0]?.default;
if (manifest) setCustomElementsManifest(manifest);

const preview: Preview = {
  tags: ['autodocs'],
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
    a11y: {
      // GOV.UK Frontend's axe tags; 'error' makes violations fail the story's a11y check.
      options: { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } },
      test: 'error',
    },
  },
  decorators: [
    (story) => {
      // The host page's font, as a GOV.UK page would set it.
      document.body.style.fontFamily = 'Arial, sans-serif';
      document.body.style.color = '#0b0c0c';
      return story();
    },
  ],
};

export default preview;
