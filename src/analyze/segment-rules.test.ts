import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { GOLDEN_RULES, loadGoldenRules, scoreGoldenRules, sentencesOf } from '../../eval/segment-golden-rules.js';
import { sharedOrSkip } from '../../test/helpers.js';

// Our own sentences, one class of hard case each (the Golden Rules themselves are the eval's).
const CASES: [string, string, string[]][] = [
  ['e-mail address', 'Write to press.office@city.example.org. They answer fast.', ['Write to press.office@city.example.org.', 'They answer fast.']],
  ['web address', 'The report is at https://www.agency.example/2024/report.pdf. Read it.', ['The report is at https://www.agency.example/2024/report.pdf.', 'Read it.']],
  ['www address', 'See www.council.example.gov.uk for details. The vote is Monday.', ['See www.council.example.gov.uk for details.', 'The vote is Monday.']],
  ['time then title', 'The polls closed at 8 P.M. Dr. Alvarez then read the results.', ['The polls closed at 8 P.M.', 'Dr. Alvarez then read the results.']],
  ['short time phrase then title', 'By 9 a.m. Dr. Alvarez had left.', ['By 9 a.m. Dr. Alvarez had left.']],
  ['numero sign', 'The file is N°. 4471.12 in the archive. Nobody asked for it.', ['The file is N°. 4471.12 in the archive.', 'Nobody asked for it.']],
  ['inline numbered list', '1. Raise the levy 2. Cut the fares 3. Open the depot', ['1. Raise the levy', '2. Cut the fares', '3. Open the depot']],
  ['numbered list with closing brackets', '1) Fares rise. 2) Service falls.', ['1) Fares rise.', '2) Service falls.']],
  ['lettered list', 'a. The depot b. The line', ['a. The depot', 'b. The line']],
  ['bulleted numbered list', '• 4. The levy • 5. The fares', ['• 4. The levy', '• 5. The fares']],
  ['number not a list', 'He finished 2. The rest trailed.', ['He finished 2.', 'The rest trailed.']],
  ['spaced ellipsis inside a sentence', 'The mayor said . . . Nothing more was added.', ['The mayor said . . . Nothing more was added.']],
  ['four dots end a sentence', 'It was over. . . . Then the rain came.', ['It was over.', '. . . Then the rain came.']],
  ['unspaced four dots', 'It was over.... Then the rain came.', ['It was over....', 'Then the rain came.']],
  ['elision in brackets', '"The plan [...] failed [...]" (Report 12).', ['"The plan [...] failed [...]" (Report 12).']],
  ['short lines without punctuation', 'budget\nroads and bridges\nschools', ['budget', 'roads and bridges', 'schools']],
  ['wrapped sentence', 'The council met on Monday\nto discuss the budget.', ['The council met on Monday\nto discuss the budget.']],
];

test('segment: addresses, abbreviations before titles, lists, ellipses and short lines', () => {
  for (const [name, text, want] of CASES) assert.deepEqual(sentencesOf(text), want, name);
});

test('Golden Rules: at or above the floor', { skip: sharedOrSkip() || (!existsSync(GOLDEN_RULES) && `SKIPPED: ${GOLDEN_RULES} not found`) }, () => {
  const floors = JSON.parse(readFileSync(new URL('../../eval/floors.json', import.meta.url), 'utf8')) as Record<string, Record<string, number> | undefined>;
  const floor = floors['segment-golden-rules'];
  assert.ok(floor, 'eval/floors.json needs a "segment-golden-rules" entry');
  const s = scoreGoldenRules(loadGoldenRules());
  assert.ok(s.exact >= floor.exact!, `${s.exact} rules passed exactly < floor ${floor.exact}`);
  assert.ok(s.collapsed >= floor.collapsed!, `${s.collapsed} rules passed with whitespace collapsed < floor ${floor.collapsed}`);
});
