/**
 * Our tokenizer and tree rules against htmlparser2 (the parser they replace, still a dependency
 * for feeds): the same events, text and raw spans on tricky markup and on every page we have
 * (../shared/data/extraction, ../shared/data/htmldate, the golden cases). Runs are compared
 * once merged where they continue each other verbatim: htmlparser2 also splits text at its
 * 64 KiB slices and at a '<' that starts nothing, which says nothing about the text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { Parser } from 'htmlparser2';
import { HtmlParser } from './tree-rules.js';
import { PARSE_LIMITS } from './parse.js';
import { decodeHtml, readHtmlMarkup } from '../../read/charset.js';
import { Utf8Page } from '../../read/utf8-page.js';
import { growth } from '../../../test/growth.js';

interface Log {
  items: string[];
  text: string;
  runs: number[];
}

/** A flat log of the events: tags with their attributes, and each stretch of text with its runs. */
function logger(position: (text: string) => [number, number]) {
  const log: Log = { items: [], text: '', runs: [] };
  const flush = (): void => {
    if (log.text === '' && log.runs.length === 0) return;
    log.items.push(`#text ${JSON.stringify(log.text)} ${JSON.stringify(mergeRuns(log.runs, log.text.length))}`);
    log.text = '';
    log.runs = [];
  };
  return {
    log,
    flush,
    handler: {
      onopentag(name: string, attrs: Record<string, string>) {
        flush();
        log.items.push(`<${name} ${JSON.stringify(Object.entries(attrs))}>`);
      },
      onclosetag(name: string) {
        flush();
        log.items.push(`</${name}>`);
      },
      ontext(text: string) {
        const [start, end] = position(text);
        log.runs.push(log.text.length, start, end);
        log.text += text;
      },
    },
  };
}

/** Triples (offset in text, raw start, raw end) with verbatim neighbours merged, empty ones folded in. */
function mergeRuns(runs: number[], length: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < runs.length; i += 3) {
    const off = runs[i]!;
    const start = runs[i + 1]!;
    const end = runs[i + 2]!;
    const len = (i + 3 < runs.length ? runs[i + 3]! : length) - off;
    const k = out.length - 3;
    if (k >= 0 && start === end && out[k + 2] === start) continue;
    const prevLen = k >= 0 ? off - out[k]! : -1;
    if (k >= 0 && out[k + 2] === start && len === end - start && prevLen === out[k + 2]! - out[k + 1]!) {
      out[k + 2] = end;
      continue;
    }
    out.push(off, start, end);
  }
  return out;
}

/** Our events; with `every`, each time the parser asks whether to go on is an event too. */
function ours(html: string | Utf8Page, every = PARSE_LIMITS.sliceChars, windowBytes?: number): string[] {
  let parser: HtmlParser | null = null;
  const l = logger(() => [parser!.startIndex, parser!.endIndex + 1]);
  parser = new HtmlParser(l.handler);
  parser.parse(html, every, () => {
    if (every !== PARSE_LIMITS.sliceChars) {
      l.flush();
      l.log.items.push('#proceed');
    }
    return true;
  }, windowBytes);
  l.flush();
  return l.log.items;
}

/**
 * htmlparser2's raw span of a text after an end tag with more before its '>' ("</p >", "</a\n>")
 * starts inside the end tag (its startIndex is set where the name ends): that run is moved to
 * where the text starts, as ours has it, so the rest of the comparison stays exact.
 */
function theirs(html: string): string[] {
  let parser: Parser | null = null;
  const l = logger((text) => {
    let start = parser!.startIndex;
    const end = parser!.endIndex + 1;
    if (end - start > text.length && html.slice(start, end) !== text) {
      const gt = html.lastIndexOf('>', end - 1);
      if (gt >= start && html.slice(gt + 1, end) === text) start = gt + 1;
    }
    return [start, end];
  });
  parser = new Parser(l.handler, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  for (let i = 0; i < html.length; i += PARSE_LIMITS.sliceChars) parser.write(html.slice(i, i + PARSE_LIMITS.sliceChars));
  parser.end();
  l.flush();
  return l.log.items;
}

function firstDifference(a: string[], b: string[]): string | null {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (a[i] !== b[i]) return `event ${i}: ours ${a[i]?.slice(0, 300)} | htmlparser2 ${b[i]?.slice(0, 300)} (after ${a.slice(Math.max(0, i - 3), i).join(' ').slice(-300)})`;
  }
  return null;
}

const TRICKY: string[] = [
  '<p>one<p>two<div>three</div>four',
  '<ul><li>a<li>b<p>c<li>d</ul>',
  '<dl><dt>a<dd>b<dt>c</dl><table><tr><td>1<td>2<tr><th>3</table>',
  '<select><option>a<option>b<optgroup><option>c</select>',
  '<br><img src=x.png alt="a &amp; b"><hr/>text</br></p>x</span>y',
  '<script>if (a < b && c > d) { x = "</div>"; }</script ><style>p>a{}</STYLE\n>z',
  '<title>A &amp; B &copy 2020 &notit; &#x41;&#65;&#0;&#x110000;&#128;</title><textarea>&amp;<b></textarea>',
  '<!-- a comment --><!----><!--><!--->x<!DOCTYPE html><?xml version="1.0"?><![CDATA[ cdata ]]><!x>y<!->z>w',
  '<DIV CLASS=Big Id=\'q\' data-x data-y = "1" class="dup" checked/>text</DIV>',
  '<a href=/x/y/ title=a&amp;b&ampc=d&lt>link</a><a href="?a=1&copy=2&notin;">x</a>',
  'a < b, c <3 d, e </> f, g </3 bogus> h, i <= j',
  '<svg><path d="M0"/><circle/><title>t</title><desc/>d</svg><div/>after',
  '<math><mi/>x</math><p/>para',
  '<p>unclosed <b>bold <i>italic',
  '<div>text <!-- unterminated comment',
  '<p>a</p  ><p>b</p\tclass=x>c',
  'x &amp y &AMP; z &NotEqualTilde; &#x1F600; &unknown; &&amp; &',
  '<script/>not raw<b>bold</b></script>',
  '<scriptx>a</scriptx><xmp><b>raw</b></xmp>',
  '<body><head><link rel=x><script>s</script><body>b',
  '<p>a<h1>h</h1><p>b<table><tr><td>c</table>',
  '<a b c=d e=\'f\'g="h">x</a><a/b>y</a><a x="1" ="2" =3 = 4>z</a><a/=x>w</a>',
  '<\u00e9>not a tag</\u00e9>',
  // Names next to the common ones tokenizer.ts gives as known strings.
  '<a classy="1" clas="2" class="3" id=4 idx=5 i=6 d=7 data-srcx=8 data-src=9 hreF=10 href=11>x</a>',
  'text <',
];

test('our parser gives the events htmlparser2 gives on tricky markup', () => {
  const differ = TRICKY.map((html) => [html, firstDifference(ours(html), theirs(html))]).filter(([, d]) => d !== null);
  assert.deepEqual(differ, []);
});

test('where ours differs from htmlparser2, at the end of a cut-off page', () => {
  // htmlparser2 closes a tag it never opened (parse.ts would then close its parent early).
  assert.deepEqual(theirs('<p>a<b attr="unterminated'), ['<p []>', '#text "a" [0,3,4]', '</b>', '</p>']);
  assert.deepEqual(ours('<p>a<b attr="unterminated'), ['<p []>', '#text "a" [0,3,4]', '</p>']);
  // Both keep what an unterminated declaration or instruction held as text; ours spans just that text.
  assert.deepEqual(theirs('<!DOCTYPE html'), ['#text "DOCTYPE html" [0,0,14]']);
  assert.deepEqual(ours('<!DOCTYPE html'), ['#text "DOCTYPE html" [0,2,14]']);
  assert.deepEqual(ours('x<?php echo'), ['#text "xphp echo" [0,0,1,1,3,11]']);
  // After an end tag with more before its '>', htmlparser2's text span starts inside the tag.
  const html = '<p>a</p >b';
  assert.equal(html.slice(9, 10), 'b');
  assert.deepEqual(ours(html).at(-1), '#text "b" [0,9,10]');
});

test('hostile shapes cost time linear in the page (no bound stops them here)', () => {
  const shapes: [string, (n: number) => string][] = [
    ['deep stack then stray end tags', (n) => '<div>'.repeat(n) + '</span>'.repeat(n)],
    ['deep stack then its end tags', (n) => '<div><b>'.repeat(n) + '</div>'.repeat(n)],
    ["'<' starting nothing", (n) => 'x <'.repeat(n)],
    ['references', (n) => '&amp&#x&#9&;&notit'.repeat(n)],
    ['raw text near its end tag', (n) => '<script>' + '</scrip </scriptx'.repeat(n)],
    ['unclosed comment', (n) => '<!--' + '-x'.repeat(n)],
    ['unterminated tag', (n) => '<a b' + ' c="&amp"'.repeat(n)],
    ['many attributes', (n) => '<a ' + Array.from({ length: n }, (_, i) => `a${i}=1`).join(' ') + '>'],
    ['bogus end tags', (n) => '</3'.repeat(n)],
    ['self-closing in svg', (n) => '<svg>' + '<svg/>'.repeat(n)],
  ];
  const none = { onopentag() {}, onclosetag() {}, ontext() {} };
  for (const [name, make] of shapes) {
    const small = make(30_000);
    const large = make(300_000);
    const g = growth((size) => new HtmlParser(none).parse(size === 1 ? small : large, PARSE_LIMITS.sliceChars, () => true), 1, 10, { runs: 3, floorMs: 10 });
    assert.ok(g.ratio < 30, `${name}: ${g.text}`);
    // Undecoded, in windows: a construct longer than a window is scanned again in longer ones.
    const [smallPage, largePage] = [small, large].map((h) => new Utf8Page(Buffer.from(`é${h}`, 'utf8')));
    const u = growth((size) => new HtmlParser(none).parse(size === 1 ? smallPage! : largePage!, PARSE_LIMITS.sliceChars, () => true), 1, 10, { runs: 3, floorMs: 10 });
    assert.ok(u.ratio < 30, `${name}, undecoded: ${u.text}`);
  }
});

test('raw spans lead back to the page: verbatim runs are the page, references are one run each', () => {
  const html = '<p>Caf&eacute; &amp; bar&#33; <b>x</b></p>';
  const items = ours(html);
  assert.deepEqual(items, [
    '<p []>',
    `#text ${JSON.stringify('Café & bar! ')} ${JSON.stringify([0, 3, 6, 3, 6, 14, 4, 14, 15, 5, 15, 20, 6, 20, 24, 10, 24, 29, 11, 29, 30])}`,
    '<b []>',
    '#text "x" [0,33,34]',
    '</b>',
    '</p>',
  ]);
});

const HERE = fileURLToPath(new URL('.', import.meta.url));
const DATA = `${HERE}../../../../shared/data/`;

function* pages(): Generator<[string, string]> {
  const extraction = `${DATA}extraction/html/`;
  if (existsSync(extraction)) for (const f of readdirSync(extraction).sort()) yield [f, decodeHtml(gunzipSync(readFileSync(extraction + f))).text];
  const htmldate = `${DATA}htmldate/pages/`;
  if (existsSync(htmldate)) for (const f of readdirSync(htmldate).sort()) yield [f, decodeHtml(gunzipSync(readFileSync(htmldate + f))).text];
  const cases = `${HERE}../../../test/cases/`;
  for (const dir of readdirSync(cases)) {
    for (const c of readdirSync(cases + dir)) {
      const folder = `${cases}${dir}/${c}/`;
      if (!existsSync(folder) || !statIsDir(folder)) continue;
      for (const f of readdirSync(folder)) if (f.endsWith('.html')) yield [`${dir}/${c}/${f}`, readFileSync(folder + f, 'utf8')];
    }
  }
}

function statIsDir(path: string): boolean {
  try {
    readdirSync(path);
    return true;
  } catch {
    return false;
  }
}

test('our parser gives the events htmlparser2 gives on every page we have', { skip: !existsSync(`${DATA}extraction`) && 'no ../shared/data' }, () => {
  const differ: string[] = [];
  let n = 0;
  for (const [name, html] of pages()) {
    n++;
    const d = firstDifference(ours(html), theirs(html));
    if (d !== null) differ.push(`${name}: ${d}`);
  }
  assert.ok(n > 80, `only ${n} pages`);
  assert.deepEqual(differ, []);
});

/**
 * Our events over a page of UTF-8 given undecoded (read/utf8-page.ts), scanned in windows of
 * `windowBytes`, and over its decoded text.
 */
function undecodedDifference(bytes: Uint8Array, every: number, windowBytes?: number): string | null {
  const page = new Utf8Page(bytes);
  return firstDifference(ours(page, every, windowBytes), ours(page.text(), every));
}

test('undecoded UTF-8 gives the events of its decoded text, offsets and checks included, whatever its windows', () => {
  const differ: string[] = [];
  const shapes = [
    ...TRICKY,
    ...TRICKY.map((t) => t.replace(/a/g, 'ä').replace(/b/g, '😀').replace(/i/g, 'ї')),
    '<title>Ä &amp; 😀</title><script type="application/ld+json">{"a":"é"}</script><style>p{}</style>x &eacute;y',
    'a < b <<< c </ d <! e <? f',
  ];
  for (const html of shapes) {
    for (const every of [1, 3, 7]) {
      // Windows of one byte up: every construct is cut by a window's end somewhere.
      for (const windowBytes of [1, 2, 3, 5, 8, 13, undefined]) {
        const d = undecodedDifference(Buffer.from(html, 'utf8'), every, windowBytes);
        if (d !== null) differ.push(`${JSON.stringify(html)} every ${every} window ${windowBytes}: ${d}`);
      }
    }
  }
  assert.deepEqual(differ, []);
  // Tag and attribute names with capitals outside ASCII are lower-cased once decoded.
  assert.deepEqual(ours(new Utf8Page(Buffer.from('<dÄv Ö=1>x</DÄV>', 'utf8'))), ['<däv [["ö","1"]]>', '#text "x" [0,9,10]', '</däv>']);
});

test('undecoded UTF-8 gives the events of its decoded text on every page we have', { skip: !existsSync(`${DATA}extraction`) && 'no ../shared/data' }, () => {
  const differ: string[] = [];
  let n = 0;
  for (const dir of [`${DATA}extraction/html/`, `${DATA}htmldate/pages/`]) {
    for (const f of readdirSync(dir).sort()) {
      const markup = readHtmlMarkup(gunzipSync(readFileSync(dir + f))).markup;
      if (typeof markup === 'string') continue;
      n++;
      // Checks every 4,099 units (a prime, so they fall in and around multi-byte characters),
      // windows of 1,021 bytes (so many constructs are cut by a window's end).
      const d = firstDifference(ours(markup, 4099, 1021), ours(markup.text(), 4099));
      if (d !== null) differ.push(`${f}: ${d}`);
    }
  }
  assert.ok(n > 80, `only ${n} pages of UTF-8 with non-ASCII bytes`);
  assert.deepEqual(differ, []);
});
