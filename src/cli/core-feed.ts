/**
 * `core-feed`: build and check CORE feeds. Argument parsing only; the work is in src/builder
 * and src/sdc.
 *
 *   core-feed synth --out DIR --years 2023-24,2024-25 [--lettings N] [--sales N] [--seed S]
 *                   [--values codes|labels] [--users support|ordinary]
 *   core-feed build --input FILE_OR_DIR… --out DIR [--alerts DIR] [--data-version ID]
 */
import { parseArgs } from 'node:util';
import { buildFeed } from '../builder/build.js';
import { parseYearId } from '../builder/periods.js';
import { synthesise } from '../builder/synth.js';

const USAGE = `Usage:
  core-feed synth --out DIR --years 2024-25[,2025-26] [--lettings 300000] [--sales 60000] [--seed 1]
                  [--values codes|labels] [--users support|ordinary]
  core-feed build --input FILE_OR_DIR [--input …] --out DIR [--alerts DIR] [--data-version ID]
                  [--protection primary|full]
`;

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'synth':
      return synth(rest);
    case 'build':
      return build(rest);
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
      'data-version': { type: 'string' }, protection: { type: 'string', default: 'primary' },
    },
  });
  if (!values.input?.length || !values.out) throw new UsageError('build needs --input and --out');
  if (values.protection !== 'primary' && values.protection !== 'full') throw new UsageError('--protection must be primary or full');
  const tty = process.stderr.isTTY;
  const report = await buildFeed({
    inputs: values.input,
    out: values.out,
    ...(values['data-version'] ? { dataVersion: values['data-version'] } : {}),
    ...(values.alerts ? { alerts: values.alerts } : {}),
    protection: values.protection,
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
