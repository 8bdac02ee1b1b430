/**
 * RFC 4180 CSV: fields separated by commas, rows by CRLF (a lone LF or CR is taken too);
 * a field in double quotes may hold commas, line breaks and doubled quotes ("" for ").
 * Used to read public sets such as FNC-1 (`Body ID,articleBody`, bodies with line breaks
 * inside quotes) for evaluation and benchmarks.
 *
 * One state machine, fed chunk by chunk, so a large file streams in constant memory per row:
 * `CSVParser.push(chunk)` returns the rows completed so far, `end()` the last one.
 * It is lenient where RFC 4180 is strict, as readers of real files must be:
 * - a quote inside an unquoted field is kept as a letter (`5" screen`);
 * - letters after a closing quote are kept (`"a"b` reads `ab`);
 * - an unterminated quoted field runs to the end of the input (`unterminated` says so);
 * - a UTF-8 byte order mark at the very start is dropped.
 * Cost is linear in the input: each character is looked at once and slices are joined per field.
 */

const COMMA = 0x2c;
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const BOM = 0xfeff;

const enum State {
  /** At the start of a field: a quote here opens a quoted field. */
  FieldStart,
  /** Inside an unquoted field. */
  Unquoted,
  /** Inside a quoted field. */
  Quoted,
  /** Just saw a quote inside a quoted field: a second quote is a literal one, anything else closes the field. */
  QuoteInQuoted,
}

export class CSVParser {
  private state: State = State.FieldStart;
  /** The current field's text from earlier chunks (and earlier slices of this one). */
  private field = '';
  private row: string[] = [];
  /** True once the current row has any content (so a final newline yields no empty row). */
  private rowStarted = false;
  /** A CR ended the last row: an LF right after it (maybe in the next chunk) belongs to it. */
  private afterCR = false;
  private atInputStart = true;
  /** True when the input ended inside a quoted field. */
  unterminated = false;

  /** Feeds the next piece of text; returns the rows it completed. */
  push(chunk: string): string[][] {
    const rows: string[][] = [];
    let i = 0;
    const n = chunk.length;
    if (this.atInputStart && n > 0) {
      this.atInputStart = false;
      if (chunk.charCodeAt(0) === BOM) i = 1;
    }
    // `from` marks where the pending slice of the current field begins in this chunk.
    let from = i;
    while (i < n) {
      const c = chunk.charCodeAt(i);
      if (this.afterCR) {
        this.afterCR = false;
        if (c === LF) {
          i++;
          from = i;
          continue;
        }
      }
      switch (this.state) {
        case State.FieldStart:
          if (c === QUOTE) {
            this.state = State.Quoted;
            this.rowStarted = true;
            i++;
            from = i;
            continue;
          }
          // Anything else starts an unquoted field: look at the same letter again in that state.
          this.state = State.Unquoted;
          from = i;
          continue;
        case State.Unquoted:
          if (c === COMMA) {
            this.field += chunk.slice(from, i);
            this.endField();
            i++;
            from = i;
          } else if (c === LF || c === CR) {
            this.field += chunk.slice(from, i);
            this.endRow(rows);
            this.afterCR = c === CR;
            i++;
            from = i;
          } else {
            this.rowStarted = true;
            i++;
          }
          continue;
        case State.Quoted: {
          // Jump to the next quote: everything before it is field text, line breaks included.
          const q = chunk.indexOf('"', i);
          if (q < 0) {
            i = n;
            continue;
          }
          this.field += chunk.slice(from, q);
          this.state = State.QuoteInQuoted;
          i = q + 1;
          from = i;
          continue;
        }
        case State.QuoteInQuoted:
          if (c === QUOTE) {
            // A doubled quote: one literal quote, still inside the field.
            this.field += '"';
            this.state = State.Quoted;
            i++;
            from = i;
          } else if (c === COMMA) {
            this.endField();
            i++;
            from = i;
          } else if (c === LF || c === CR) {
            this.endRow(rows);
            this.afterCR = c === CR;
            i++;
            from = i;
          } else {
            // Letters after the closing quote: keep them (lenient).
            this.state = State.Unquoted;
            from = i;
          }
          continue;
      }
    }
    if (this.state === State.Unquoted || this.state === State.Quoted) this.field += chunk.slice(from, n);
    return rows;
  }

  /** Ends the input; returns the last row when it had no final line break. */
  end(): string[][] {
    this.unterminated = this.state === State.Quoted;
    const rows: string[][] = [];
    if (this.rowStarted || this.row.length > 0 || this.field !== '') this.endRow(rows);
    this.state = State.FieldStart;
    this.afterCR = false;
    this.atInputStart = true;
    return rows;
  }

  private endField(): void {
    this.row.push(this.field);
    this.field = '';
    this.state = State.FieldStart;
    this.rowStarted = true;
  }

  private endRow(rows: string[][]): void {
    this.row.push(this.field);
    rows.push(this.row);
    this.row = [];
    this.field = '';
    this.state = State.FieldStart;
    this.rowStarted = false;
  }
}

/** Parses a whole CSV text into rows of fields. */
export function parseCSV(text: string): string[][] {
  const parser = new CSVParser();
  const rows = parser.push(text);
  for (const row of parser.end()) rows.push(row);
  return rows;
}

/**
 * Parses a stream of chunks (strings, or bytes decoded as UTF-8, a character split across
 * chunks included), yielding rows as they complete: `parseCSVStream(createReadStream(path))`.
 */
export async function* parseCSVStream(chunks: AsyncIterable<string | Uint8Array>): AsyncGenerator<string[]> {
  const parser = new CSVParser();
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    yield* parser.push(text);
  }
  const rest = decoder.decode();
  if (rest) yield* parser.push(rest);
  yield* parser.end();
}

/** Rows to records keyed by the header row's names (missing cells read as ''). */
export function toRecords(rows: readonly (readonly string[])[]): Record<string, string>[] {
  const [header, ...body] = rows;
  if (!header) return [];
  return body.map((row) => {
    const record: Record<string, string> = {};
    header.forEach((name, k) => {
      record[name] = row[k] ?? '';
    });
    return record;
  });
}
