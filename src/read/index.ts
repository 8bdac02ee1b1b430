// STUB: replaced by the readers (text files, directories, stdin, JSONL).
import type { Message, SourceRecord } from '../model/index.js';

export type ReadItem = { kind: 'source'; source: SourceRecord } | { kind: 'problem'; message: Message };

export interface ReadOptions {
  maxBytes: number;
  /** Force a format instead of guessing from the extension / content. */
  format?: 'text' | 'jsonl';
  /** Standard input, for the "-" input (defaults to process.stdin). */
  stdin?: NodeJS.ReadableStream;
}

export async function* readInputs(inputs: readonly string[], options: ReadOptions): AsyncGenerator<ReadItem> {
  void options;
  const { readFile } = await import('node:fs/promises');
  for (const uri of inputs) {
    yield { kind: 'source', source: { uri, format: 'text', raw: await readFile(uri, 'utf8'), record: {}, messages: [] } };
  }
}
