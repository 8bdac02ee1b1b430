// A source that says what it will do itself ("the port authority said it would inspect ...") is
// that claim's actor: two bodies doing two things to one object are two facts, not one. An
// invented story (outlets and places made up here), through the pipeline so that attributions are there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeText } from '../collection/pipeline.js';
import { compareArticles } from '../collection/compare.js';
import { factsWith } from './testing.js';

const gazette = (last: string) =>
  analyzeText(
    [
      'Radar blamed in Calder harbour collision',
      'Two cargo ships collided at the entrance to Calder harbour early on Friday in thick fog.',
      'Nobody was hurt, but one vessel was holed above the waterline and towed to a berth.',
      last,
      'Shipping was suspended for six hours while tugs cleared the channel.',
    ].join('\n\n'),
    { uri: 'calder-gazette--harbour-collision.txt' },
  );
const wire = (last: string) =>
  analyzeText(
    [
      'Ships collide in fog off Calder',
      'Two cargo vessels collided in dense fog at the mouth of Calder harbour on Friday morning.',
      'One ship was holed above the waterline and had to be towed to a berth; no one was injured.',
      last,
      'Tugs cleared the channel and shipping resumed after six hours.',
    ].join('\n\n'),
    { uri: 'coast-wire--calder-ships-collide.txt' },
  );

test('a source acting itself is the subject: the authority inspecting and the coastguard inquiring are two facts', async () => {
  const { stories } = await compareArticles([
    gazette("The port authority said it would inspect the harbour's radar equipment, which was installed in 2019."),
    wire('The coastguard said an inquiry into the radar equipment failure would start next week.'),
  ]);
  assert.equal(stories.length, 1);
  assert.equal(factsWith(stories, /said it would inspect/, /inquiry into the radar/).length, 0, 'the inspection and the inquiry are two facts');
  assert.equal(factsWith(stories, /collided at the entrance/, /collided in dense fog/)[0]?.status, 'corroborated');
});

test('a source acting itself still matches the same act told with that source named', async () => {
  const { stories } = await compareArticles([
    gazette("The port authority said it would inspect the harbour's radar equipment next week."),
    wire("The harbour's radar equipment will be inspected next week, a port authority spokesman said."),
  ]);
  assert.equal(factsWith(stories, /said it would inspect/, /will be inspected/).length, 1, 'one fact holds both tellings');
});
