import { test } from 'node:test';
import assert from 'node:assert/strict';
import { minifyTemplates, shrinkCss, shrinkMarkup } from '../../scripts/minify-templates.mjs';

const lines = (s: string) => s.split('\n').length;

test('css: comments, indentation and spaces around punctuation go; newlines and descendant combinators stay', () => {
  const text = '\n  .a {\n    color: var(--x, #fff); /* why */\n  }\n  .b :focus, .c > d { margin: 0 0 1em; }\n  /* two\n     lines */\n  @media (max-width: 40em) { .e { font: 700 1em/1.3 "GDS Transport", arial; } }\n';
  const out = shrinkCss(text);
  assert.equal(out, '\n.a{\ncolor:var(--x,#fff);\n}\n.b :focus,.c>d{margin:0 0 1em;}\n\n\n@media (max-width:40em){.e{font:700 1em/1.3 "GDS Transport",arial;}}\n');
  assert.equal(lines(out), lines(text));
});

test('html/svg: indentation around newlines goes, one whitespace character stays', () => {
  assert.equal(shrinkMarkup('<ul>\n      <li>a</li> <li>b</li>\n    </ul>'), '<ul>\n<li>a</li> <li>b</li>\n</ul>');
});

test('only the literal text of css/html/svg tagged templates changes, nested ones too; line numbers hold', () => {
  const code = [
    'const a = html`<div>',
    '    ${x ? html`<p>',
    '        ${y}</p>` : nothing}',
    '  </div>`;',
    'const s = `  keep\n   me  `; // a plain template',
    "const t = other`  keep\n   too`;",
    'const c = css`.a { color: red; }`;',
    "const q = '  html`  ';",
  ].join('\n');
  const out = minifyTemplates(code);
  assert.equal(out, [
    'const a = html`<div>',
    '${x ? html`<p>',
    '${y}</p>` : nothing}',
    '</div>`;',
    'const s = `  keep\n   me  `; // a plain template',
    "const t = other`  keep\n   too`;",
    'const c = css`.a{color:red;}`;',
    "const q = '  html`  ';",
  ].join('\n'));
  assert.equal(lines(out), lines(code));
});
