import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'out/', 'storybook-static/', 'custom-elements.json', 'src/catalog/generated/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Feed and CSV content is never rendered as HTML (DESIGN §4, README "Security").
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Never render data as HTML: use Lit templates.' },
        { property: 'outerHTML', message: 'Never render data as HTML: use Lit templates.' },
        { property: 'insertAdjacentHTML', message: 'Never render data as HTML: use Lit templates.' },
      ],
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'lit/directives/unsafe-html.js', message: 'Never render data as HTML.' },
                  { name: 'lit/directives/unsafe-svg.js', message: 'Never render data as SVG markup.' }] },
      ],
    },
  },
  {
    files: ['**/*.mjs', 'scripts/**', 'test/node/**', 'src/cli/**', 'src/builder/**'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', setTimeout: 'readonly' } },
  },
);
