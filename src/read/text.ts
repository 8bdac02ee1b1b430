/**
 * One plain-text article per input: the size is checked with stat before anything is read
 * (CC105), then the bytes are sniffed (CC102 / CC109), decoded (CC103) and checked for content (CC104).
 */
import { open, readFile, stat } from 'node:fs/promises';
import { message } from '../model/index.js';
import { decodeBytes, isBlank, looksBinary, SNIFF_BYTES } from './decode.js';
import { problem, sourceItem, type ReadItem } from './item.js';

/** Turns the bytes of one text article into a source record or a problem. */
export function textFromBytes(bytes: Uint8Array, uri: string, binaryCode: 'CC102' | 'CC109' = 'CC102'): ReadItem {
  if (bytes.length === 0) return problem('CC104', `${uri} is empty (0 bytes)`, uri);
  if (looksBinary(bytes)) {
    return binaryCode === 'CC109'
      ? problem('CC109', `${uri} has an extension crosscheck does not read and its content looks binary`, uri)
      : problem('CC102', `${uri} looks binary (NUL or control bytes in its first ${SNIFF_BYTES / 1024} KiB), not text`, uri);
  }
  const decoded = decodeBytes(bytes);
  if (isBlank(decoded.text)) return problem('CC104', `${uri} holds only whitespace`, uri);
  const messages = decoded.fellBack ? [message('CC103', `${uri} is not valid UTF-8; read as Windows-1252`, { uri })] : [];
  if (decoded.noBom) messages.push(message('CC114', `${uri} has no byte-order mark but its NUL bytes say ${decoded.encoding}; read as ${decoded.encoding}`, { uri }));
  return sourceItem({ uri, format: 'text', raw: decoded.text, record: {}, messages });
}

/** Reads a regular file as one text article. `size` is from the caller's stat. */
export async function readTextFile(path: string, size: number, maxBytes: number, binaryCode: 'CC102' | 'CC109' = 'CC102'): Promise<ReadItem> {
  if (size > maxBytes) {
    return problem('CC105', `${path} is ${size} bytes, over the limit of ${maxBytes}`, path);
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    return problem('CC101', `${path} could not be read (${errorCode(error)})`, path);
  }
  // The file may have grown between stat and read.
  if (bytes.length > maxBytes) return problem('CC105', `${path} is ${bytes.length} bytes, over the limit of ${maxBytes}`, path);
  return textFromBytes(bytes, path, binaryCode);
}

/** The first bytes of a file, for sniffing without reading the rest. */
export async function readHead(path: string, bytes = SNIFF_BYTES): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buf, 0, bytes, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** A file's size, or the reason it cannot be had. */
export async function statFile(path: string): Promise<{ ok: true; size: number; isFile: boolean; isDirectory: boolean } | { ok: false; code: string }> {
  try {
    const s = await stat(path);
    return { ok: true, size: s.size, isFile: s.isFile(), isDirectory: s.isDirectory() };
  } catch (error) {
    return { ok: false, code: errorCode(error) };
  }
}

export function errorCode(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') return error.code;
  return error instanceof Error ? error.message : String(error);
}
