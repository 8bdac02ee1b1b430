import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LABELS } from '../stance/index.js';
import type { Article, Story } from '../model/index.js';
import { hasStanceCue } from './conflicts.js';
import { compareArticles } from '../collection/compare.js';
import { MODEL_STANCE, useStanceModel } from './stance.js';
import { assertEvidence, factsWith, testArticle } from './testing.js';

// Invented for these tests (no real people or events).
const REPORT = testArticle(
  'Caldera studio sale\nThe painter Ines Caldera is selling her island studio on Lake Orsa to a hotel group, the Orsa Gazette reported on Monday. ' +
    'The studio has been her home since 1998.',
  { id: 'report', outlet: 'Orsa Gazette' },
);
// A one-line report and a one-line rebuttal, as news headlines put them ("No, it's not X ..."):
// no denial word and no negated shared term, so the rules alone read the rebuttal as asserting.
const SHORT_REPORT = testArticle('Caldera island\nThe painter Ines Caldera is selling her island in Lake Orsa, Norland.', { id: 'report' });
const REBUTTAL = testArticle('Caldera island\nNo, it is not Ines Caldera selling an island in Lake Orsa.', { id: 'rebuttal' });
const AGREE = testArticle(
  'Island studio for sale\nInes Caldera, the painter, is selling her studio on an island in Lake Orsa to a group of hotels, according to the Orsa Gazette. ' +
    'A hotel group confirmed the purchase on Tuesday.',
  { id: 'agree', outlet: 'Lakeside News' },
);

function modelEvidenceExact(stories: readonly Story[], articles: readonly Article[]): void {
  const byId = new Map(articles.map((a) => [a.id, a]));
  for (const s of stories) {
    for (const f of s.facts) {
      for (const m of f.members) {
        if (!m.stanceModel) continue;
        const sum = m.stanceModel.agree + m.stanceModel.disagree + m.stanceModel.discuss + m.stanceModel.unrelated;
        assert.ok(Math.abs(sum - 1) < 0.01, `probabilities sum to ${sum}`);
        assert.ok((LABELS as readonly string[]).includes(m.stanceModel.label));
        assert.ok(m.stanceModel.evidence.length > 0);
        for (const e of m.stanceModel.evidence) {
          assert.equal(e.articleId, m.articleId, 'the evidence is from the member article');
          assert.equal(byId.get(e.articleId)?.text.slice(e.span.start, e.span.end), e.text);
        }
      }
    }
  }
}

test('the stance model reads each article of a shared fact, with exact evidence; single-article facts are not read', async () => {
  const { stories } = await compareArticles([REPORT, AGREE]);
  assertEvidence(stories, [REPORT, AGREE]);
  modelEvidenceExact(stories, [REPORT, AGREE]);
  const facts = stories.flatMap((s) => s.facts);
  assert.ok(facts.some((f) => f.articleIds.length >= 2 && f.members.every((m) => m.stanceModel)));
  for (const f of facts) if (f.articleIds.length < 2) assert.ok(f.members.every((m) => m.stanceModel === undefined));
});

test('agreeing reports stay corroborated: the model changes no label', async () => {
  const { stories } = await compareArticles([REPORT, AGREE]);
  const [fact] = factsWith(stories, /selling her island studio/, /selling her studio/);
  assert.ok(fact);
  assert.equal(fact.status, 'corroborated');
  assert.ok(fact.members.every((m) => m.stance === 'asserts' && m.stanceModel?.changed === false));
  assert.ok(fact.members.every((m) => (m.stanceModel?.disagree ?? 1) < MODEL_STANCE.disagreeWithCue));
});

test('a rebuttal the rules miss disputes the fact when the model reads disagreement, both sides quoted', async () => {
  const rules = await (async () => {
    useStanceModel(false);
    try {
      return (await compareArticles([SHORT_REPORT, REBUTTAL])).stories;
    } finally {
      useStanceModel(true);
    }
  })();
  const [plain] = factsWith(rules, /is selling her island/, /not Ines Caldera/);
  assert.ok(plain, 'the two sentences form one fact');
  assert.equal(plain.status, 'corroborated', 'the rules alone miss it (else this test shows nothing)');

  const { stories } = await compareArticles([SHORT_REPORT, REBUTTAL]);
  modelEvidenceExact(stories, [SHORT_REPORT, REBUTTAL]);
  const [fact] = factsWith(stories, /is selling her island/, /not Ines Caldera/);
  assert.ok(fact);
  assert.equal(fact.status, 'disputed');
  const member = fact.members.find((m) => m.articleId === 'rebuttal');
  assert.equal(member?.stance, 'disputes');
  assert.equal(member?.stanceModel?.changed, true);
  assert.ok((member?.stanceModel?.disagree ?? 0) >= MODEL_STANCE.disagreeWithCue);
  assert.equal(fact.members.find((m) => m.articleId === 'report')?.stance, 'asserts');
  const conflict = fact.conflicts.find((k) => /stance model/.test(k.detail));
  assert.ok(conflict);
  assert.deepEqual([conflict.a.articleId, conflict.b.articleId], ['rebuttal', 'report']);
  assert.match(conflict.a.text, /^No, it is not Ines Caldera/);
  assert.match(conflict.b.text, /is selling her island/);
  assertEvidence(stories, [SHORT_REPORT, REBUTTAL]);
});

test('below the cut-off the model changes nothing: the same pair stays corroborated', async () => {
  useStanceModel(true, 0.99);
  try {
    const [fact] = factsWith((await compareArticles([SHORT_REPORT, REBUTTAL])).stories, /is selling her island/, /not Ines Caldera/);
    assert.equal(fact?.status, 'corroborated');
    assert.ok(fact?.members.every((m) => m.stanceModel && !m.stanceModel.changed));
  } finally {
    useStanceModel(true);
  }
});

test('stance cues: denying, refuting and negating words, not plain reports', async () => {
  assert.ok(hasStanceCue('Her agent called the report a hoax'));
  assert.ok(hasStanceCue('The ministry denied the report'));
  assert.ok(hasStanceCue('No, Banksy has not been arrested'));
  assert.ok(hasStanceCue('The painter is not selling her studio'));
  assert.ok(!hasStanceCue('The painter is selling her studio to a hotel group, the Gazette reported'));
});
