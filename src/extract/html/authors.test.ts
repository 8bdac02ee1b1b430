import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { cleanAuthors } from './authors.js';
import { extractHtml } from './index.js';
import { pagesOf, runAuthors } from '../../../eval/authors.js';
import { hasHtmldateData } from '../../../eval/dates-htmldate.js';

const FLOORS = JSON.parse(readFileSync(new URL('../../../eval/floors.json', import.meta.url), 'utf8')) as Record<string, Record<string, number>>;

test('bylines cleaned to names: labels, dates, counts, glued labels, roles, several names', () => {
  assert.deepEqual(cleanAuthors('Emily Burack 8 January 2020, 3:51 pm 11 Edit'), ['Emily Burack']);
  assert.deepEqual(cleanAuthors('Posted by T. V. Raman'), ['T. V. Raman']);
  assert.deepEqual(cleanAuthors('AuthorAndreas Kalt'), ['Andreas Kalt']);
  assert.deepEqual(cleanAuthors('By Jane Doe and John Roe'), ['Jane Doe', 'John Roe']);
  assert.deepEqual(cleanAuthors('Von Anna Müller und Jörg Schmidt'), ['Anna Müller', 'Jörg Schmidt']);
  assert.deepEqual(cleanAuthors('Meg JamesStaff Writer Nov 3'), ['Meg James']);
  assert.deepEqual(cleanAuthors('Denis Staunton, Senior Correspondent'), ['Denis Staunton']);
  assert.deepEqual(cleanAuthors('TOM KRISHER'), ['Tom Krisher']);
  assert.deepEqual(cleanAuthors('Ludwig van Beethoven'), ['Ludwig van Beethoven']);
});

test('bylines with the outlet, a desk, a repeated name, a handle, an e-mail, a date or a month glued on', () => {
  assert.deepEqual(cleanAuthors('By Paul Steinhauser Fox News', 'Fox News'), ['Paul Steinhauser']);
  assert.deepEqual(cleanAuthors('By Ron Dicker General Assignment Reporter, HuffPost'), ['Ron Dicker']);
  assert.deepEqual(cleanAuthors('Denis Staunton China Correspondent, in Seoul Fri Nov 3 2023 - 07:33'), ['Denis Staunton']);
  assert.deepEqual(cleanAuthors('Hayley J. Fowler Senior Writer'), ['Hayley J. Fowler']);
  assert.deepEqual(cleanAuthors('Tom Krisher, AP Auto Writer'), ['Tom Krisher']);
  assert.deepEqual(cleanAuthors('By Eric Yoder Eric Yoder National reporter focusing on budget policies EmailBioFollow'), ['Eric Yoder']);
  assert.deepEqual(cleanAuthors("By April Roach@aprilroach28 Daniel O'Mahony 01 October 2020"), ['April Roach']);
  assert.deepEqual(cleanAuthors('Claudia Tanclaudiat@sph.com.sg@ClaudiaTanBT'), ['Claudia']);
  assert.deepEqual(cleanAuthors('Par Thomas Lecomte Le 2 novembre 2023 à 16h17'), ['Thomas Lecomte']);
  assert.deepEqual(cleanAuthors('November 3, 2023'), []);
  assert.deepEqual(cleanAuthors('REUTERS 19 NOV 2019'), ['Reuters']);
  assert.deepEqual(cleanAuthors('By AFP'), ['AFP']);
  assert.deepEqual(cleanAuthors('Veröffentlicht von Chris Jung'), ['Chris Jung']);
  assert.deepEqual(cleanAuthors('Ryan Merkley, CEO'), ['Ryan Merkley']);
  assert.deepEqual(cleanAuthors('More Posts'), []);
});

test('a byline in a BEM class ("article__byline") and a link to an author\'s page under the headline; a sidebar\'s author link is not the byline', () => {
  const body = '<p>Body text of the article, long enough to be a paragraph, with a comma, and a full stop.</p>';
  const bem = extractHtml(`<h1>Headline</h1><div class="article__byline"><a href="https://n.example/team/">Catherine Shu</a></div>${body}`, { uri: 'b.html' });
  assert.deepEqual(bem.authors, ['Catherine Shu']);
  const link = extractHtml(`<div class="sidebar"><a href="/author/chad-finn">Chad Finn</a></div><h1>Headline</h1><div><span>By</span> <a href="https://abc.example/author/tal_axelrod">Tal Axelrod</a></div>${body}`, { uri: 'l.html' });
  assert.deepEqual(link.authors, ['Tal Axelrod']);
  assert.equal(link.authorsVia, 'html');
});

test('several authors, each with a role and the outlet: every name, not only the first', () => {
  assert.deepEqual(cleanAuthors('By Daniel Marans Senior Politics Reporter, HuffPost and Liz Skalka Politics Reporter, HuffPost', 'HuffPost'), ['Daniel Marans', 'Liz Skalka']);
  // Without a role or the outlet after the first name, "und" inside a description is not a second author.
  assert.deepEqual(cleanAuthors('Inga Hoeltmann Follow Expertin für Neue Arbeit und Neues Lernen'), ['Inga Hoeltmann']);
  const body = '<p>Body text of the article, long enough to be a paragraph, with a comma, and a full stop.</p>';
  const siblings = extractHtml(`<h1>Headline</h1><div class="list"><div class="entry__author">By <a href="/x">Ann Berg</a></div> and <div class="entry__author"><a href="/y">Tom Hale</a></div></div>${body}`, { uri: 's.html' });
  assert.deepEqual(siblings.authors, ['Ann Berg', 'Tom Hale']);
});

test('a byline without an author class: a line under the headline that starts with a label; author pages under /auteur/ and /authors/<id>/', () => {
  const body = '<p>Body text of the article, long enough to be a paragraph, with a comma, and a full stop.</p>';
  const von = extractHtml(`<h1>Was bringen Therapien?</h1><p class="infoline"><span>Von Claudia Riedler</span><span class="datum">19. Oktober 2019</span></p>${body}`, { uri: 'v.html' });
  assert.deepEqual(von.authors, ['Claudia Riedler']);
  const by = extractHtml(`<h1>Review</h1><p class="meta">By Sherif Saed, Wednesday, 20 November 2019 08:05 GMT</p>${body}`, { uri: 'b.html' });
  assert.deepEqual(by.authors, ['Sherif Saed']);
  const label = extractHtml(`<h1>Headline</h1><div class="info"><span class="date">Author: <strong>Brijesh Srivastava</strong></span></div>${body}`, { uri: 'a.html' });
  assert.deepEqual(label.authors, ['Brijesh Srivastava']);
  const firstLine = extractHtml(`<h1>Hass-Demo</h1><p>Von Daniel Weinmann<br/>Am Samstag zogen mehrere hundert Menschen durch die Innenstadt, um gegen die neuen Regeln zu protestieren, und die Polizei begleitete den Zug.</p>${body}`, { uri: 'w.html' });
  assert.deepEqual(firstLine.authors, ['Daniel Weinmann']);
  // "by" inside a sentence is not a byline.
  assert.deepEqual(extractHtml(`<h1>Headline</h1><p>Stopped by the police, he said nothing.</p>${body}`, { uri: 'n.html' }).authors, []);
  const auteur = extractHtml(`<h1>Titre</h1><aside class="box"><h3><a href="/auteur/jeanne-corriveau">Jeanne Corriveau</a></h3></aside>${body}`, { uri: 'f.html' });
  assert.deepEqual(auteur.authors, ['Jeanne Corriveau']);
  const profile = extractHtml(`<h1 class="post-title">Title</h1><div class="post-meta"><div class="hover-card"><a href="https://substack.com/@casey">Casey Newton</a></div><div>Mar 3, 2024</div></div>${body}`, { uri: 'p.html' });
  assert.deepEqual(profile.authors, ['Casey Newton']);
  const id = extractHtml(`<h1>Headline</h1><div class="credits"><a href="https://p.example/authors/1804821/salve-asis">Salve Asis</a></div>${body}`, { uri: 'i.html' });
  assert.deepEqual(id.authors, ['Salve Asis']);
});

test('a byline that holds an author card gives its first link; an affiliation is not a name; a footer\'s theme credit is not a byline', () => {
  const body = '<p>Body text of the article, long enough to be a paragraph, with a comma, and a full stop.</p>';
  const card = extractHtml(`<h1>Headline</h1><div class="byline">By <div class="byline__author"><a href="#">Shannon Thaler</a><div class="author-flyout"><h3>Social Links for Shannon Thaler</h3><a href="/a">View Author Archive</a></div></div></div>${body}`, { uri: 'c.html' });
  assert.deepEqual(card.authors, ['Shannon Thaler']);
  assert.deepEqual(cleanAuthors('Colin Manning, Hayley J. Fowler, Newcastle University'), ['Colin Manning', 'Hayley J. Fowler']);
  const theme = extractHtml(`<h1>Headline</h1>${body.repeat(40)}<footer><ul><li class="theme-author">Theme: <a href="/t">Pirate Rogue</a> von xwolf</li></ul></footer>`, { uri: 't.html' });
  assert.deepEqual(theme.authors, []);
});

test('form labels, roles and the outlet are not authors', () => {
  assert.deepEqual(cleanAuthors('Name'), []);
  assert.deepEqual(cleanAuthors('Leave a Reply'), []);
  assert.deepEqual(cleanAuthors('Staff'), []);
  assert.deepEqual(cleanAuthors('The Valley Ledger', 'The Valley Ledger'), []);
  assert.deepEqual(cleanAuthors('https://example.com/staff/ann'), []);
});

test('a commenter is not the author; JSON-LD authors come as a list', () => {
  const comments = extractHtml('<div id="comments"><span class="comment-author">Reader Person</span></div><p>Body</p>', { uri: 'c.html' });
  assert.deepEqual(comments.authors, []);
  const ld = extractHtml('<script type="application/ld+json">{"@type":"NewsArticle","author":[{"@type":"Person","name":"Ann Berg"},{"@type":"Person","name":"Tom Hale"}],"publisher":{"@type":"Organization","name":"Coast News"}}</script><p>Body</p>', { uri: 'l.html' });
  assert.deepEqual(ld.authors, ['Ann Berg', 'Tom Hale']);
  assert.equal(ld.authorsVia, 'json-ld');
});

test('authors on the development pages: visible bylines agree with structured data, no junk names', { skip: !hasHtmldateData() && 'SKIPPED: ../shared/data/htmldate not found' }, () => {
  const r = runAuthors(pagesOf(6));
  const floor = FLOORS['authors']!;
  assert.ok(r.sameNames / r.reference >= floor['sliceSameNames']!, `same names ${r.sameNames}/${r.reference} < floor ${floor['sliceSameNames']}`);
  assert.equal(r.junk.length, 0, r.junk.join('\n'));
});
