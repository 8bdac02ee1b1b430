/**
 * The "-" input. Standard input is sniffed from its first 64 KiB: when every complete non-empty
 * line there starts with "{" it is JSONL and is streamed like a file; otherwise it is one text
 * article, buffered up to maxBytes (CC105 beyond, the rest drained unread).
 */
import { utf16Of } from './decode.js';
import { problem, type ReadItem } from './item.js';
import { readJsonlStream } from './jsonl.js';
import { textFromBytes } from './text.js';

/** How much of standard input is looked at to decide between JSONL and text. */
const SNIFF_WINDOW = 64 * 1024;
const STDIN_URI = 'stdin';

export async function* readStdin(stream: NodeJS.ReadableStream, maxBytes: number, format: 'text' | 'jsonl' | undefined): AsyncGenerator<ReadItem> {
  const iterator = (stream as AsyncIterable<Buffer | string>)[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let headBytes = 0;
  let done = false;
  while (headBytes < SNIFF_WINDOW) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    const buf = typeof next.value === 'string' ? Buffer.from(next.value, 'utf8') : next.value;
    head.push(buf);
    headBytes += buf.length;
  }
  async function* all(): AsyncGenerator<Buffer> {
    yield* head;
    if (done) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield typeof next.value === 'string' ? Buffer.from(next.value, 'utf8') : next.value;
    }
  }
  const kind = format ?? (looksLikeJsonl(Buffer.concat(head, headBytes), done) ? 'jsonl' : 'text');
  if (kind === 'jsonl') {
    yield* readJsonlStream(all(), STDIN_URI, maxBytes);
    return;
  }
  const parts: Buffer[] = [];
  let total = 0;
  for await (const chunk of all()) {
    total += chunk.length;
    if (total <= maxBytes) parts.push(chunk);
  }
  if (total > maxBytes) {
    yield problem('CC105', `standard input is ${total} bytes, over the limit of ${maxBytes}`, STDIN_URI);
    return;
  }
  yield textFromBytes(Buffer.concat(parts, total), STDIN_URI);
}

/** True when the sniffed window has at least one non-empty line and every complete one starts with "{". */
function looksLikeJsonl(head: Buffer, complete: boolean): boolean {
  const utf16 = utf16Of(head);
  const text = utf16 ? new TextDecoder(utf16).decode(head) : head.toString('utf8');
  const lines = text.split('\n');
  // The last piece may be cut off mid-line unless the input ended inside the window.
  if (!complete && lines.length > 1) lines.pop();
  let seen = 0;
  for (const line of lines) {
    const t = line.replace(/^\uFEFF/, '').trim();
    if (t === '') continue;
    if (!t.startsWith('{')) return false;
    seen++;
  }
  return seen > 0;
}
