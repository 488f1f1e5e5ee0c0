import { test } from 'node:test';
import assert from 'node:assert/strict';
import { minifyTemplates, shrinkCss, shrinkMarkup } from '../../scripts/minify-templates.mjs';

const lines = (s: string) => s.split('\n').length;

test('css: comments, indentation, newlines and spaces around punctuation go; descendant combinators stay', () => {
  const text = '\n  .a {\n    color: var(--x, #fff); /* why */\n  }\n  .b :focus, .c > d { margin: 0 0 1em; }\n  /* two\n     lines */\n  @media (max-width: 40em) { .e { font: 700 1em/1.3 "GDS Transport", arial; } }\n';
  const out = shrinkCss(text);
  assert.equal(out, ' .a{color:var(--x,#fff);}.b :focus,.c>d{margin:0 0 1em;}@media (max-width:40em){.e{font:700 1em/1.3 "GDS Transport",arial;}}');
  assert.equal(shrinkCss('.a\n.b{margin:0\n1em}'), '.a .b{margin:0 1em}'); // a newline between words is a space
});

test('a css template\'s newlines move to just after its part, so every later line stays where it was', () => {
  const code = ['const c = css`', '  .a { color: red; }', '  ${x}', '  .b {', '    margin: 0;', '  }', '`;', 'f();'].join('\n');
  const out = minifyTemplates(code);
  assert.equal(out, ['const c = css`.a{color:red;}${', '', 'x} .b{margin:0;}`', '', '', '', ';', 'f();'].join('\n'));
  assert.equal(lines(out), lines(code));
  assert.equal(out.split('\n').indexOf('f();'), code.split('\n').indexOf('f();'));
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
