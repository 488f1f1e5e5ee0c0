// custom-elements.json from the elements' JSDoc (read by Storybook's autodocs and by editors).
// Explicit globs: without them the analyser also scans dist/ and storybook-static/.
export default {
  globs: ['src/elements/**/*.ts', 'src/define/*.ts'],
  exclude: ['src/elements/**/*.view.ts', 'src/elements/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
};
