// Types for minify-templates.mjs (used by rollup.config.mjs; tested in test/node/minify-templates.test.ts).
import type { Plugin } from 'rollup';
export function shrinkCss(text: string): string;
export function shrinkMarkup(text: string): string;
export function minifyTemplates(code: string, fileName?: string): string;
export function minifyTemplatesPlugin(): Plugin;
