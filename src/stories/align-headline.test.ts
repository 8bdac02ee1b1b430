// A headline "Calder collision: harbour radar was switched off" names the story in its label and
// says its own claim after the colon: the label's words alone do not make it a telling of the
// collision. An invented story (outlets and places made up here).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeText } from '../collection/pipeline.js';
import { compareArticles } from '../collection/compare.js';
import { factsWith } from './testing.js';

test("a headline's label is not its claim: the radar headline does not join the collision fact", async () => {
  const a = analyzeText(
    [
      'Calder Star collision: harbour radar was switched off as fog closed in',
      'The ferry Calder Star collided with the cargo ship Morwen Bay in thick fog outside Calder harbour early on Friday.',
      'Nobody was hurt, but the ferry was holed above the waterline and towed to a berth.',
      'The harbour radar had been switched off for maintenance overnight, two port workers said.',
    ].join('\n\n'),
    { uri: 'calder-gazette--radar-off.txt' },
  );
  const b = analyzeText(
    [
      'Ferry and cargo ship collide off Calder',
      'The passenger ferry Calder Star collided with the cargo ship Morwen Bay in dense fog at the mouth of Calder harbour on Friday.',
      'One ship was holed above the waterline and had to be towed to a berth; no one was injured.',
      'Tugs cleared the channel and shipping resumed after six hours.',
    ].join('\n\n'),
    { uri: 'coast-wire--calder-collide.txt' },
  );
  const { stories } = await compareArticles([a, b]);
  assert.equal(stories.length, 1);
  assert.equal(factsWith(stories, /in thick fog outside/, /in dense fog at the mouth/).length, 1, 'the two tellings of the collision are one fact');
  assert.equal(factsWith(stories, /radar was switched off as fog/, /in dense fog at the mouth/).length, 0, 'the radar headline is no telling of the collision');
});
