import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_CONTEXT, message } from '../model/index.js';
import { packResult, runJob, unpackResult, type JobResult } from './jobs.js';

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
