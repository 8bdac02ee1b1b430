import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseMultipart } from './multipart.js';
import { HttpError } from './http.js';

const body = (b: string): Buffer =>
  Buffer.from(
    `--${b}\r\nContent-Disposition: form-data; name="token"\r\n\r\nsecret\r\n` +
      `--${b}\r\nContent-Disposition: form-data; name="files"; filename="a \\"b\\".txt"\r\nContent-Type: text/plain\r\n\r\nline one\r\nline two\r\n` +
      `--${b}--\r\n`,
  );

test('fields and files, with quoted names and CRLF inside content', () => {
  const parts = parseMultipart(body('XyZ'), 'XyZ');
  assert.equal(parts.length, 2);
  assert.deepEqual([parts[0]?.name, parts[0]?.filename, parts[0]?.data.toString()], ['token', null, 'secret']);
  assert.deepEqual([parts[1]?.name, parts[1]?.filename, parts[1]?.type, parts[1]?.data.toString()], ['files', 'a "b".txt', 'text/plain', 'line one\r\nline two']);
});

test('malformed bodies are 400s', () => {
  const bad = (b: Buffer, boundary = 'XyZ'): void => assert.throws(() => parseMultipart(b, boundary), (e: unknown) => e instanceof HttpError && e.status === 400);
  bad(Buffer.from('no boundary here'));
  bad(Buffer.from('--XyZ\r\nContent-Disposition: form-data; name="a"\r\n\r\nunterminated'));
  bad(Buffer.from('--XyZ\r\nX: y\r\n\r\nv\r\n--XyZ--'));
  bad(body('XyZ'), '');
});
