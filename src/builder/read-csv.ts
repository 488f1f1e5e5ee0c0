/**
 * Streams the records of a CSV file with their line numbers. A record csv-parse cannot read
 * (an unclosed quote, say) is reported through `onSkip` with its line and skipped; the stream
 * goes on. Column-count checks belong to the caller, which knows the header.
 */
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';

export interface CsvRecord {
  readonly fields: string[];
  /** 1-based line on which the record starts. */
  readonly line: number;
}

export interface SkippedRecord {
  readonly line: number;
  readonly reason: string;
}

export async function* readCsv(path: string, onSkip: (skipped: SkippedRecord) => void): AsyncGenerator<CsvRecord> {
  const parser = createReadStream(path).pipe(
    parse({
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      info: true,
      on_skip: (err) => {
        onSkip({ line: Number(err?.lines ?? 0), reason: err ? `unreadable CSV: ${err.message}` : 'unreadable CSV' });
        return undefined;
      },
    }),
  );
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number; raw?: string } }>) {
    // `info.lines` is the line the record ends on; a record spanning lines starts earlier.
    yield { fields: record, line: info.lines };
  }
}
