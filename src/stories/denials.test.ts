import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareArticles } from '../collection/compare.js';
import { readArticles } from '../collection/index.js';
import type { Article, Story } from '../model/index.js';
import { assertEvidence, testArticle } from './testing.js';

// Invented stories. Before the cross-fact link, each denial below stood alone as a single-source
// fact and the claim it denies stayed undisputed.

function denials(stories: readonly Story[]): { fact: string; a: string; b: string }[] {
  return stories.flatMap((s) => s.facts.flatMap((f) => f.conflicts.filter((c) => c.kind === 'denial').map((c) => ({ fact: f.status, a: c.a.text, b: c.b.text }))));
}

const trial = (id: string, outlet: string, body: string): Article => testArticle(body, { id, outlet, publishedAt: '2026-01-12' });
const paid = trial('claim', 'Calder Wire', 'Fane trial opens\nProsecutors say the Lenner Group paid Gerald Fane more than $200,000 in 2021 to win the harbour contract in Calder. The trial in Brennock is expected to last three weeks.');

test('a denial in other words is linked to the claim it denies: "denied taking any money" / "paid Fane $200,000"', async () => {
  const denied = trial('denial', 'Brennock Post', 'Fane pleads not guilty\nGerald Fane, the former mayor of Calder, has denied taking any money from the Lenner Group. His lawyer said the harbour contract was awarded fairly in Brennock.');
  const { stories } = await compareArticles([paid, denied]);
  const found = denials(stories);
  assert.equal(found.length, 1);
  assert.match(found[0]?.a ?? '', /denied taking any money/);
  assert.match(found[0]?.b ?? '', /paid Gerald Fane more than \$200,000/);
  assert.equal(found[0]?.fact, 'disputed');
  const fact = stories.flatMap((s) => s.facts).find((f) => f.conflicts.some((c) => c.kind === 'denial'));
  assert.equal(fact?.members.find((m) => m.articleId === 'denial')?.stance, 'disputes');
  assert.equal(fact?.members.find((m) => m.articleId === 'claim')?.stance, 'asserts');
  // the denial is in that fact, not left as a fact of its own
  assert.equal(stories.flatMap((s) => s.facts).filter((f) => f.members.some((m) => /denied taking/.test(m.text))).length, 1);
  assertEvidence(stories, [paid, denied]);
});

test('"there were no dangerous goods" is linked to "where lithium batteries were kept"', async () => {
  const fire = trial('fire', 'Dunmore Wire', 'Warehouse fire in Dunmore\nThe fire started in a storage area where lithium batteries were kept, the fire service said on Tuesday. About 60 workers were evacuated from the Harwick Storage warehouse in Dunmore.');
  const firm = trial('firm', 'Dunmore Herald', 'Dunmore blaze\nForty workers left the Harwick Storage warehouse in Dunmore safely on Tuesday. Harwick Storage Ltd said: "There were no dangerous goods on the site." The company is cooperating with the fire service.');
  const { stories } = await compareArticles([fire, firm]);
  const found = denials(stories);
  assert.equal(found.length, 1);
  assert.match(found[0]?.a ?? '', /no dangerous goods/);
  assert.match(found[0]?.b ?? '', /lithium batteries were kept/);
  assertEvidence(stories, [fire, firm]);
});

test('no link without a denial of the same thing by a party the claim names', async () => {
  const cases = [
    // denying a request, not a statement
    'Fane lawyer\nThe court denied requests from Gerald Fane to move the trial out of Brennock, his lawyer said.',
    // not denying
    'Fane silent\nGerald Fane has not denied taking money from the Lenner Group, his lawyer said in Brennock.',
  ];
  for (const [k, text] of cases.entries()) {
    const other = trial(`other${k}`, 'Brennock Post', text);
    const { stories } = await compareArticles([paid, other]);
    assert.deepEqual(denials(stories), [], text);
  }
  // a claim that itself says nothing was there is no presence to deny
  const none = trial('none', 'Dunmore Wire', 'Warehouse fire in Dunmore\nFirefighters said there were no batteries kept in the Harwick Storage warehouse in Dunmore.');
  const firm = trial('firm', 'Dunmore Herald', 'Dunmore blaze\nHarwick Storage Ltd said: "There were no dangerous goods on the site in Dunmore."');
  assert.deepEqual(denials((await compareArticles([none, firm])).stories), []);
});

test('the dispute names what is denied in the articles\' words, never a stem ("taking", not "tak")', async () => {
  // read from files as a user's inputs are (full analysis): the denial is linked across facts
  const dir = mkdtempSync(join(tmpdir(), 'cc-denials-'));
  writeFileSync(
    join(dir, 'wire--verdict.txt'),
    'Former mayor of Calder convicted of bribery\n\nBy Ruth Anand | 2026-02-10\n\nA jury in Brennock on Monday convicted Gerald Fane, the former mayor of Calder, of taking bribes from a building firm, prosecutors said.\n\nFane, 61, was found guilty on four of six counts. He faces up to ten years in prison when he is sentenced in April.\n',
  );
  writeFileSync(
    join(dir, 'local--verdict.txt'),
    "Fane guilty: ex-mayor faces prison after bribery trial\n\nCalder's former mayor Gerald Fane was convicted on Monday of accepting bribes, a verdict that ends a three-week trial in Brennock.\n\nJurors found him guilty on three of six counts, the court clerk said.\n\nProsecutors said the building firm Hallam Construction paid Fane about $250,000 over three years. Fane has denied taking any money.\n",
  );
  const { articles } = await readArticles([dir], {});
  const { stories } = await compareArticles(articles);
  const details = stories.flatMap((s) => s.facts.flatMap((f) => f.conflicts.filter((c) => c.kind === 'denial').map((c) => ({ detail: c.detail, texts: `${c.a.text} ${c.b.text}`.toLowerCase() }))));
  assert.ok(details.some((d) => /\(.+\)$/.test(d.detail)), `a linked denial says on what: ${JSON.stringify(details)}`);
  for (const { detail, texts } of details) {
    const named = /\(([^)]*)\)$/.exec(detail)?.[1] ?? '';
    for (const word of named.split(', ').filter((w) => w && !/ /.test(w))) {
      if (word === 'money') continue; // a kind: its words differ by article ("$250,000", "bribes")
      assert.ok(new RegExp(`\\b${word}\\b`).test(texts), `"${word}" of "${detail}" is a word of the two sides`);
    }
  }
});
