import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_CONTEXT, message } from '../model/index.js';
import { packJob, packResult, runJob, unpackJob, unpackResult, type Job, type JobResult } from './jobs.js';
import { htmlFromBytes } from '../read/html.js';
import { Utf8Text } from '../read/utf8-text.js';

const TEXT = 'Crane collapses at Vell quay\n\nA loading crane collapsed onto the Vell quay on Monday in 2017, injuring two dock workers, the port authority said. Inspectors from the port authority will examine the crane.\n';

test('an answer packed for the message between threads unpacks to the same values', () => {
  const r = runJob({ kind: 'source', source: { uri: 'crane.txt', format: 'text', raw: TEXT, record: {}, messages: [] }, ctx: DEFAULT_CONTEXT });
  assert.equal(r.kind, 'article');
  assert.ok(r.kind === 'article' && r.item.features.terms.length > 5 && r.item.features.minhash.length > 0);
  // structuredClone is what postMessage does to it
  assert.deepEqual(unpackResult(structuredClone(packResult(r))), r);
  if (r.kind !== 'article') return;
  // No terms, one term, an empty term between others: each comes back as it was.
  for (const terms of [[], [['crane', 2]], [['crane', 2], ['', 1], ['quay', 1]]] as [string, number][][]) {
    const odd: JobResult = { kind: 'article', item: { ...r.item, features: { ...r.item.features, terms } } };
    assert.deepEqual(unpackResult(structuredClone(packResult(odd))), odd);
  }
  const failed: JobResult = { kind: 'failed', message: message('CC701', 'crane.txt: no text left to ingest', { uri: 'crane.txt' }) };
  assert.deepEqual(unpackResult(structuredClone(packResult(failed))), failed);
});

test('a page read undecoded goes to a worker as its bytes, and is the same job there', () => {
  const page = `<html><head><title>Crane collapses at Vell quay</title></head><body><article><h1>Crane collapses at Vell quay</h1><p>${TEXT.split('\n\n')[1]!.replace('Monday', 'Monday — “early”')}</p></article></body></html>`;
  // A view into a larger buffer (a WARC file read at once): only the page's bytes travel.
  const whole = Buffer.concat([Buffer.alloc(5000, 32), Buffer.from(page, 'utf8'), Buffer.alloc(5000, 32)]);
  const item = htmlFromBytes(whole.subarray(5000, whole.length - 5000), 'crane.html');
  assert.equal(item.kind, 'source');
  if (item.kind !== 'source') return;
  const job: Job = { kind: 'source', source: item.source, ctx: DEFAULT_CONTEXT };
  const packed = packJob(job);
  assert.equal(packed.kind, 'page');
  assert.ok(packed.kind === 'page' && packed.bytes.buffer.byteLength === Buffer.byteLength(page));
  const there = unpackJob(structuredClone(packed));
  assert.ok(there.kind === 'source' && there.source.page instanceof Utf8Text);
  assert.deepEqual(runJob(there), runJob(job));
  // Any other job goes as it is.
  const text: Job = { kind: 'source', source: { uri: 'crane.txt', format: 'text', raw: TEXT, record: {}, messages: [] }, ctx: DEFAULT_CONTEXT };
  assert.equal(packJob(text), text);
});
