import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenizeText } from '../tokenize.js';
import { surfaceAndHashOf, surfaceOf } from './features.js';

test('surfaceAndHashOf: the surface of surfaceOf and the FNV hash of the norm, in one loop', () => {
  const text = "McDonald's U.S. ÄRGER Ölberg naïve 3D 1990s COVID-19 Zürich’s 北京 x y2k ... — NATO";
  for (const tok of tokenizeText(text)) {
    const len = tok.norm.length;
    if (tok.end - tok.start !== len) continue;
    let h = 2166136261;
    for (let k = 0; k < len; k++) h = Math.imul(h ^ tok.norm.charCodeAt(k), 16777619);
    const apart = { klass: -1, shape: -1 };
    surfaceOf(text, tok.start, tok.end, apart);
    const fused = { klass: -1, shape: -1 };
    assert.equal(surfaceAndHashOf(text, tok.start, tok.norm, len, fused), h, tok.norm);
    assert.deepEqual(fused, apart, tok.norm);
  }
});
