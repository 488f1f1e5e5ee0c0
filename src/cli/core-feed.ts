/**
 * `core-feed`: build and check CORE feeds. Argument parsing only; the work is in src/builder
 * and src/sdc.
 *
 *   core-feed synth --out DIR --years 2023-24,2024-25 [--lettings N] [--sales N] [--seed S]
 *                   [--values codes|labels] [--users support|ordinary]
 *   core-feed build --input FILE_OR_DIR… --out DIR [--alerts DIR] [--data-version ID]
 *                   [--protection full|primary] [--detail-min-logs N]
 *   core-feed audit DIR [--report FILE] [--rule possibly-small|every] [--intervals verdict|exact] [--workers N]
 *   core-feed protect --in TABLE.json --out OUT.json
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildFeed } from '../builder/build.js';
import { parseYearId } from '../builder/periods.js';
import { synthesise } from '../builder/synth.js';
import { InputError, protectFile } from '../audit/protect-cli.js';
import { FeedError } from '../audit/read-feed.js';
import { auditFeed } from '../audit/run.js';

const USAGE = `Usage:
  core-feed synth --out DIR --years 2024-25[,2025-26] [--lettings 300000] [--sales 60000] [--seed 1]
                  [--values codes|labels] [--users support|ordinary]
  core-feed build --input FILE_OR_DIR [--input …] --out DIR [--alerts DIR] [--data-version ID]
                  [--protection full|primary] [--detail-min-logs 10]
  core-feed audit DIR [--report FILE] [--rule possibly-small|every] [--intervals verdict|exact] [--workers 2]
                  LP audit of a built feed from its published files; exit 0 only if it passes
  core-feed protect --in TABLE.json --out OUT.json
                  protect one table (format: src/sdc/README.md); exit 0 only if its audit passes
`;

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'synth':
      return synth(rest);
    case 'build':
      return build(rest);
    case 'audit':
      return audit(rest);
    case 'protect':
      return protect(rest);
    case undefined:
    case '--help':
    case 'help':
      process.stdout.write(USAGE);
      return command === undefined ? 2 : 0;
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

async function synth(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      out: { type: 'string' }, years: { type: 'string' }, lettings: { type: 'string', default: '300000' },
      sales: { type: 'string', default: '60000' }, seed: { type: 'string', default: '1' },
      values: { type: 'string', default: 'codes' }, users: { type: 'string', default: 'support' },
    },
  });
  if (!values.out || !values.years) throw new UsageError('synth needs --out and --years');
  if (values.values !== 'codes' && values.values !== 'labels') throw new UsageError('--values must be codes or labels');
  if (values.users !== 'support' && values.users !== 'ordinary') throw new UsageError('--users must be support or ordinary');
  const started = performance.now();
  const files = await synthesise({
    out: values.out,
    years: values.years.split(',').map((y) => parseYearId(y.trim())),
    lettings: count(values.lettings!, '--lettings'),
    sales: count(values.sales!, '--sales'),
    seed: count(values.seed!, '--seed'),
    values: values.values,
    users: values.users,
  });
  process.stderr.write(`wrote ${files.length} files in ${seconds(started)} s:\n${files.map((f) => `  ${f}\n`).join('')}`);
  return 0;
}

async function build(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      input: { type: 'string', multiple: true }, out: { type: 'string' }, alerts: { type: 'string' },
      'data-version': { type: 'string' }, protection: { type: 'string', default: 'full' },
      'detail-min-logs': { type: 'string' },
    },
  });
  if (!values.input?.length || !values.out) throw new UsageError('build needs --input and --out');
  if (values.protection !== 'primary' && values.protection !== 'full') throw new UsageError('--protection must be full or primary');
  const detailMinLogs = values['detail-min-logs'] === undefined ? undefined : count(values['detail-min-logs'], '--detail-min-logs');
  if (detailMinLogs === 0) throw new UsageError('--detail-min-logs must be at least 1');
  const tty = process.stderr.isTTY;
  const report = await buildFeed({
    inputs: values.input,
    out: values.out,
    ...(values['data-version'] ? { dataVersion: values['data-version'] } : {}),
    ...(values.alerts ? { alerts: values.alerts } : {}),
    protection: values.protection,
    ...(detailMinLogs === undefined ? {} : { disclosure: { detailMinLogs } }),
    ...(tty ? { onProgress: (m: string) => process.stderr.write(`\r\x1b[K${m}`) } : {}),
  });
  if (tty) process.stderr.write('\r\x1b[K');
  const n = (v: number) => v.toLocaleString('en-GB');
  const lines = [
    `logs read ${n(report.logsRead)}, accepted ${n(report.logsAccepted)}, rejected ${n(report.logsRejected)}, ` +
      `outside the seven log types ${n(report.logsOutsideLogTypes)}`,
    ...Object.entries(report.rejectionsByReason).map(([reason, c]) => `  rejected ${n(c)}: ${reason}`),
    ...report.rejections.slice(0, 10).map((r) => `  ${r.file}:${r.line}: ${r.reason}`),
    ...(report.rejections.length > 10 ? [`  … ${n(report.rejections.length - 10)} more in build-report.json`] : []),
    `documents written ${n(report.documentsWritten)} to ${values.out} in ${report.seconds} s`,
  ];
  process.stderr.write(`${lines.join('\n')}\n`);
  return 0;
}

async function audit(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      report: { type: 'string' }, rule: { type: 'string', default: 'possibly-small' },
      intervals: { type: 'string', default: 'verdict' }, workers: { type: 'string', default: '2' },
    },
  });
  if (positionals.length !== 1) throw new UsageError('audit needs one feed folder (the one holding manifest.json)');
  if (values.rule !== 'possibly-small' && values.rule !== 'every') throw new UsageError('--rule must be possibly-small or every');
  if (values.intervals !== 'verdict' && values.intervals !== 'exact') throw new UsageError('--intervals must be verdict or exact');
  const dir = positionals[0]!;
  const reportPath = values.report ?? join(dir, 'audit-report.json');
  const tty = process.stderr.isTTY;
  let report;
  try {
    report = await auditFeed(dir, {
      settings: { rule: values.rule, intervals: values.intervals },
      workers: count(values.workers!, '--workers'),
      ...(tty ? { onProgress: (m: string) => process.stderr.write(`\r\x1b[K${m}`) } : {}),
    });
  } catch (err) {
    if (err instanceof FeedError) {
      process.stderr.write(`core-feed audit: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
  if (tty) process.stderr.write('\r\x1b[K');
  await writeFile(reportPath, `${JSON.stringify(report)}\n`);
  const s = report.summary;
  const n = (v: number) => v.toLocaleString('en-GB');
  const failing = report.cells.filter((c) => !c.pass);
  const lines = [
    `audited ${n(s.audited)} cells (${n(s.suppressed)} suppressed, ${n(s.increments)} snapshot differences) of ${n(s.documents)} documents, ` +
      `${n(s.blocks)} blocks, ${n(s.components)} components (largest ${n(s.largestComponent)}) in ${s.seconds} s`,
    `rule: ${report.settings.rule}; ${n(s.failures)} cells fail, ${n(s.findings)} problems in the published numbers`,
    ...report.findings.slice(0, 5).map((f) => `  ${f.kind}: ${f.message}`),
    ...failing.slice(0, 5).map((c) => `  ${c.document} ${c.row} × ${c.column} (${c.period}): [${c.lo ?? '?'}, ${c.hi ?? '∞'}] ${c.note ?? ''}`),
    `${s.pass ? 'PASS' : 'FAIL'} — report: ${reportPath}`,
  ];
  process.stderr.write(`${lines.join('\n')}\n`);
  return s.pass ? 0 : 1;
}

async function protect(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { in: { type: 'string' }, out: { type: 'string' } } });
  if (!values.in || !values.out) throw new UsageError('protect needs --in TABLE.json and --out OUT.json');
  let out;
  try {
    out = await protectFile(values.in, values.out);
  } catch (err) {
    if (err instanceof InputError) {
      process.stderr.write(`core-feed protect: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
  const primary = out.suppressed.filter((c) => c.reason === 'primary').length;
  const secondary = out.suppressed.length - primary;
  const failing = out.audit.filter((a) => !a.pass);
  process.stderr.write(
    `${primary} primary and ${secondary} secondary cells suppressed; audit ${out.pass ? 'passes' : 'FAILS'} ` +
      `(${out.audit.length} primaries checked${failing.length ? `; failing: ${failing.map((a) => `${a.row} × ${a.col} [${a.lo}, ${a.hi ?? '∞'}]`).join(', ')}` : ''}) — wrote ${values.out}\n`,
  );
  return out.pass ? 0 : 1;
}

function count(text: string, name: string): number {
  if (!/^\d+$/.test(text)) throw new UsageError(`${name} must be a whole number, not "${text}"`);
  return Number(text);
}

const seconds = (started: number) => ((performance.now() - started) / 1000).toFixed(1);

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof UsageError) process.stderr.write(`core-feed: ${err.message}\n\n${USAGE}`);
    else process.stderr.write(`core-feed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = err instanceof UsageError ? 2 : 1;
  },
);
