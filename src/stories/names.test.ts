import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mergeKeys, type Mention } from './names.js';

const mention = (key: string, type = 'name'): Mention => ({ first: 0, last: 1, key, type });

test('one clinic named with two generic heads, and an island with and without "island of", become one key', () => {
  const merge = mergeKeys([
    [mention('lindsay-lohan', 'person'), mention('betty-ford-clinic', 'organization'), mention('island-of-qeshm', 'place')],
    [mention('betty-ford-center', 'organization'), mention('qeshm', 'place'), mention('lohan', 'person')],
  ]);
  const key = (k: string): string => merge.get(k) ?? k;
  assert.equal(key('betty-ford-clinic'), key('betty-ford-center'));
  assert.equal(key('island-of-qeshm'), key('qeshm'));
  assert.equal(key('lohan'), 'lindsay-lohan');
});

test('names that differ in more than a generic head stay apart', () => {
  const merge = mergeKeys([
    [mention('brennock-royal-infirmary', 'organization'), mention('harwell-general-hospital', 'organization')],
    [mention('harwell-city-hospital', 'organization'), mention('marrowby-school', 'organization'), mention('lisken-school', 'organization')],
  ]);
  const key = (k: string): string => merge.get(k) ?? k;
  assert.notEqual(key('harwell-general-hospital'), key('harwell-city-hospital'));
  assert.notEqual(key('marrowby-school'), key('lisken-school'));
  assert.equal(key('brennock-royal-infirmary'), 'brennock-royal-infirmary');
});
