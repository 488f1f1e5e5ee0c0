// Rollup plugin for the CDN bundle: shrinks the text of Lit's css``, html`` and svg`` templates,
// which terser leaves as they are written (indentation, CSS comments, "prop: value;" spacing).
// ≈ 0.7 KB min+gzip of the 40 KB budget (DESIGN §6), for nothing the browser would see:
// - css: comments, indentation, newlines, the spaces around { } ; , > and after : go;
// - html / svg: the indentation at the start and end of a line goes (a newline is still there,
//   and is whitespace as the spaces were; no template here uses <pre> or `white-space: pre`).
// Every line stays where it was, so the source map stays right: html and svg keep their
// newlines, and a css template's newlines move to just after it (after its `${` or closing
// backtick, where they are whitespace between tokens). The templates are found
// with TypeScript's parser (a tagged template whose tag is `css`, `html` or `svg`), never by a
// regular expression over the code.
import ts from 'typescript';

/** CSS text, shrunk to one line: comments and newlines go (a newline between two words becomes a space). */
export function shrinkCss(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/ ?([{};,>]) ?/g, '$1')
    .replace(/: /g, ':'); // not before a colon: ".a :focus" is a descendant selector
}

/** HTML or SVG template text without the indentation around its newlines. */
export const shrinkMarkup = (text) => text.replace(/[ \t]*\n[ \t]*/g, '\n');

const SHRINK = { css: shrinkCss, html: shrinkMarkup, svg: shrinkMarkup };

/** `code` (JavaScript or TypeScript) with the literal text of its css/html/svg templates shrunk. */
export function minifyTemplates(code, fileName = 'module.js') {
  const file = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true);
  const edits = [];
  const visit = (node) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && Object.hasOwn(SHRINK, node.tag.text)) {
      const t = node.template;
      const parts = ts.isNoSubstitutionTemplateLiteral(t) ? [t] : [t.head, ...t.templateSpans.map((span) => span.literal)];
      for (const [k, part] of parts.entries()) {
        // The text between the delimiters: ` or } before it, ${ or ` after it.
        const start = part.getStart(file) + 1;
        const end = part.getEnd() - (part.kind === ts.SyntaxKind.TemplateHead || part.kind === ts.SyntaxKind.TemplateMiddle ? 2 : 1);
        const text = code.slice(start, end);
        let shrunk = SHRINK[node.tag.text](text);
        // The css template's own ends (never a part's side next to a `${…}`: a space there may be a combinator).
        if (node.tag.text === 'css') shrunk = shrunk.replace(k === 0 ? /^ / : /$^/, '').replace(k === parts.length - 1 ? / $/ : /$^/, '');
        if (shrunk === text) continue;
        edits.push([start, end, shrunk]);
        const lost = text.split('\n').length - shrunk.split('\n').length;
        if (lost > 0) edits.push([part.getEnd(), part.getEnd(), '\n'.repeat(lost)]);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  // Back to front, so that each edit's positions still hold (nested templates come after their parent's parts).
  for (const [start, end, text] of edits.sort((a, b) => b[0] - a[0])) code = code.slice(0, start) + text + code.slice(end);
  return code;
}

/** The plugin: after TypeScript has compiled a module, before terser. */
export function minifyTemplatesPlugin() {
  return {
    name: 'minify-templates',
    transform(code, id) {
      if (!/\b(css|html|svg)\s*`/.test(code)) return null; // TypeScript emits "css `"
      const out = minifyTemplates(code, id);
      // Lines are where they were: the source map of the code before still holds.
      return out === code ? null : { code: out, map: null };
    },
  };
}
