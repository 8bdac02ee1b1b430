/**
 * multipart/form-data (RFC 7578) for bodies already read under the size limit: the parts'
 * names, file names, types and bytes. Bounded: at most MAX_PARTS parts, headers of a part at
 * most MAX_HEADER_BYTES; a body that does not follow the format is a 400 (CC902).
 */
import { badRequest } from './http.js';

export const MULTIPART = { maxParts: 200, maxHeaderBytes: 8 * 1024 } as const;

export interface Part {
  name: string;
  /** The file name the browser sent (for a file field), else null. */
  filename: string | null;
  type: string;
  data: Buffer;
}

const CRLF2 = Buffer.from('\r\n\r\n');

export function parseMultipart(body: Buffer, boundary: string): Part[] {
  if (!/^[\x20-\x7e]{1,70}$/.test(boundary)) throw badRequest('the multipart boundary is missing or not valid');
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: Part[] = [];
  let at = body.indexOf(delimiter);
  if (at < 0) throw badRequest('the multipart body has no part boundary');
  for (;;) {
    let start = at + delimiter.length;
    // "--" after a delimiter closes the body.
    if (body[start] === 0x2d && body[start + 1] === 0x2d) return parts;
    if (body[start] === 0x0d && body[start + 1] === 0x0a) start += 2;
    else throw badRequest('the multipart body is malformed (a boundary is not followed by a line break)');
    const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), start);
    if (next < 0) throw badRequest('the multipart body ends before its closing boundary');
    const headerEnd = body.indexOf(CRLF2, start);
    if (headerEnd < 0 || headerEnd > next) throw badRequest('a multipart part has no blank line after its headers');
    if (headerEnd - start > MULTIPART.maxHeaderBytes) throw badRequest('a multipart part has headers over 8 KiB');
    const headers = body.subarray(start, headerEnd).toString('utf8');
    parts.push({ ...partHeaders(headers), data: body.subarray(headerEnd + 4, next) });
    if (parts.length > MULTIPART.maxParts) throw badRequest(`the multipart body has more than ${MULTIPART.maxParts} parts`);
    at = next + 2;
  }
}

function partHeaders(block: string): { name: string; filename: string | null; type: string } {
  let name: string | null = null;
  let filename: string | null = null;
  let type = 'text/plain';
  for (const line of block.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const key = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (key === 'content-type') type = value.split(';')[0]?.trim().toLowerCase() || type;
    if (key !== 'content-disposition') continue;
    name = parameter(value, 'name');
    filename = parameter(value, 'filename');
  }
  if (name === null) throw badRequest('a multipart part has no name (Content-Disposition: form-data; name="...")');
  return { name, filename, type };
}

function parameter(header: string, key: string): string | null {
  // name="value" (quotes escaped with a backslash) or name=token; "filename" must not match "name".
  const re = new RegExp(`(?:^|;)\\s*${key}=(?:"((?:[^"\\\\]|\\\\.)*)"|([^;\\s]*))`, 'i');
  const m = re.exec(header);
  if (!m) return null;
  return m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : (m[2] ?? '');
}

/**
 * The text fields at the start of a multipart body that may not have arrived whole: the parts
 * that end within `head`, up to the first file part. (The ingest form sends its token first, so
 * that it is checked before the files are read.)
 */
export function leadingFields(head: Buffer, boundary: string): Map<string, string> {
  const fields = new Map<string, string>();
  if (!/^[\x20-\x7e]{1,70}$/.test(boundary)) return fields;
  const delimiter = Buffer.from(`--${boundary}`);
  const between = Buffer.from(`\r\n--${boundary}`);
  let at = head.indexOf(delimiter);
  while (at >= 0 && fields.size < MULTIPART.maxParts) {
    const start = at + delimiter.length + 2;
    if (head[at + delimiter.length] !== 0x0d || head[at + delimiter.length + 1] !== 0x0a) break;
    const headerEnd = head.indexOf(CRLF2, start);
    const next = head.indexOf(between, start);
    if (headerEnd < 0 || next < 0 || headerEnd > next || headerEnd - start > MULTIPART.maxHeaderBytes) break;
    let part: { name: string; filename: string | null };
    try {
      part = partHeaders(head.subarray(start, headerEnd).toString('utf8'));
    } catch {
      break;
    }
    if (part.filename !== null) break;
    fields.set(part.name, head.subarray(headerEnd + 4, next).toString('utf8'));
    at = next + 2;
  }
  return fields;
}
