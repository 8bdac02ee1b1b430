/**
 * Our HTML tokenizer: markup to open tags, close tags and text, in one forward pass over the
 * whole page. It finds each construct with indexOf rather than a per-character state machine,
 * so plain text and long scripts cost one scan.
 *
 * It reads markup the way htmlparser2 (the parser we used before) reads it, so the trees built
 * from it stay the same (tree-rules.test.ts compares both on every page we have):
 *   - a tag starts with '<' and an ASCII letter; its name runs to whitespace, '/' or '>';
 *     names and attribute names are lower-cased; the first of duplicate attributes wins;
 *     attribute values may be double-, single- or un-quoted, or absent ("");
 *   - '<' followed by anything else is text; '</>' is text; '</' + a non-letter opens a bogus
 *     comment that runs to the next '>';
 *   - comments (<!-- -->, also the short <!--> and <!--->), CDATA sections, doctypes and other
 *     declarations (<!...>) and processing instructions (<?...>) give nothing;
 *   - script, style, textarea, xmp and title hold raw text up to their end tag ("</script" in
 *     any case, then whitespace or '>'); only title's text has its character references read;
 *   - character references (&amp; &#38; &#x26;, the legacy ones without ';' such as &copy)
 *     are decoded as the HTML standard says, in text and attribute values; each one is a text
 *     event of its own so the text's raw spans point at the reference;
 *   - a tag or attribute cut off by the end of the page is dropped.
 *
 * Bounds: nothing recursive, every search moves forward (the next '&' is remembered, so a page
 * of many short texts far from any '&' is not scanned again and again), so the cost is linear in
 * the page whatever it holds. The caller's `proceed` is asked after every `every` characters and
 * can stop the pass (time budget, open-element bound).
 *
 * A page of UTF-8 can be given undecoded (read/utf8-page.ts): the pass then runs over its bytes,
 * which are ASCII wherever markup is, decodes only the names, values and texts it gives out, and
 * gives offsets (and counts `every`) in UTF-16 code units of the decoded page, so its events are
 * the same as over the decoded text.
 */
import { DecodingMode, EntityDecoder, htmlDecodeTree } from 'entities/decode';
import type { Utf8Page } from '../../read/utf8-page.js';

export type Attrs = Record<string, string>;

/** Where the tokens go: the tree rules (tree-rules.ts). Offsets are UTF-16, half-open. */
export interface TokenSink {
  openTag(name: string, attrs: Attrs, selfClosing: boolean): void;
  closeTag(name: string): void;
  text(text: string, start: number, end: number): void;
  /**
   * Whether text here would be kept: text the sink drops (parse.ts keeps none inside script,
   * style, svg...) is then not built, which saves decoding it when the page is undecoded UTF-8.
   */
  wantsText(): boolean;
}

/** Elements whose content is raw text up to their end tag (as htmlparser2 has them). */
const RAW_TEXT: ReadonlySet<string> = new Set(['script', 'style', 'textarea', 'xmp', 'title']);

/** Bytes of an undecoded page scanned at once (its latin1 string stays under V8's large-object size). */
const WINDOW = 64 * 1024;
/** Thrown by atEnd to scan again in a longer window. */
const NEED_MORE = { needMore: true };

/**
 * Attribute names common on news pages. A name read from the page that is one of them is given
 * as this (internalized) string instead of a fresh slice: storing a property under a fresh
 * string makes V8 hash it and look it up in its string table, which was half of the attribute
 * reading's time (CPU profile of bench/extraction.bench.ts's pages).
 */
const COMMON_NAMES: readonly string[] = [
  'class', 'id', 'href', 'src', 'style', 'rel', 'type', 'content', 'name', 'property', 'alt', 'title', 'width', 'height',
  'target', 'role', 'itemprop', 'itemscope', 'itemtype', 'datetime', 'lang', 'charset', 'srcset', 'sizes', 'loading', 'decoding',
  'data-src', 'data-srcset', 'data-id', 'data-type', 'aria-label', 'aria-hidden', 'aria-labelledby', 'aria-expanded', 'value', 'for',
  'action', 'method', 'tabindex', 'async', 'defer', 'crossorigin', 'media', 'http-equiv', 'xmlns', 'viewbox', 'fill', 'd', 'hidden',
  'dir', 'integrity', 'referrerpolicy', 'frameborder', 'allowfullscreen', 'allow', 'placeholder', 'onclick', 'onload', 'stroke',
  'stroke-width', 'focusable', 'data-testid', 'data-component', 'scrolling', 'border', 'align', 'colspan', 'rowspan',
];
/** COMMON_NAMES by length and first character. */
const NAMES_BY_SHAPE: ReadonlyMap<number, readonly string[]> = (() => {
  const m = new Map<number, string[]>();
  for (const name of COMMON_NAMES) {
    const key = name.length * 128 + name.charCodeAt(0);
    const list = m.get(key) ?? [];
    if (!list.includes(name)) list.push(name);
    m.set(key, list);
  }
  return m;
})();

const TAB = 9;
const LF = 10;
const FF = 12;
const CR = 13;
const SPACE = 32;
const BANG = 33;
const DQUOTE = 34;
const SQUOTE = 39;
const DASH = 45;
const SLASH = 47;
const EQ = 61;
const GT = 62;
const QUESTION = 63;
const LBRACKET = 91;

function isSpace(c: number): boolean {
  return c === SPACE || c === LF || c === TAB || c === FF || c === CR;
}

/** Whether toLowerCase could change the character (most names are lower-case already: no copy then). */
function needsLowering(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || c > 0x7f;
}

/** The COMMON_NAMES entry that [start, end) of `html` spells (lower-case ASCII), or undefined. */
function commonName(html: string, start: number, end: number): string | undefined {
  const names = NAMES_BY_SHAPE.get((end - start) * 128 + html.charCodeAt(start));
  if (names === undefined) return undefined;
  for (const name of names) if (html.startsWith(name, start)) return name;
  return undefined;
}

function isAsciiLetter(c: number): boolean {
  const lower = c | 0x20;
  return lower >= 0x61 && lower <= 0x7a;
}

export class HtmlTokenizer {
  private readonly decoder: EntityDecoder;
  private cp1 = -1;
  private cp2 = -1;
  /** The first '&' at or after the last position searched from (html.length when none). */
  private nextAmp = -1;
  private selfClosing = false;
  /**
   * What is scanned: the page's text, or when `page` is set a window of its bytes, one per
   * character, that starts at byte `base`; `final` when the window reaches the page's end.
   */
  private html = '';
  private page: Utf8Page | null = null;
  private base = 0;
  private final = true;
  /** Bytes in a fresh window (WINDOW; tests make it tiny). */
  private window = WINDOW;
  /** The page's length (characters, or bytes of an undecoded page). */
  private total = 0;
  /** Where scanning starts again when a window is too short (see atEnd). */
  private restartAt = 0;
  /** The next `proceed` check, in UTF-16 units, and the first page position that may reach it. */
  private nextCheck = 0;
  private checkAt = 0;

  constructor() {
    this.decoder = new EntityDecoder(htmlDecodeTree, (cp) => {
      if (this.cp1 < 0) this.cp1 = cp;
      else this.cp2 = cp;
    });
  }

  /**
   * Tokenizes `html` into `sink`; after each `every` characters asks `proceed` whether to go on.
   * Returns false when `proceed` stopped it.
   *
   * An undecoded page is scanned through windows of WINDOW bytes (as latin1 strings: V8 makes a
   * string of more than 128 KiB in its large-object space, at about ten times the cost per byte
   * of a small one, see read/utf8-page.ts). A construct the window's end cuts (a tag, a comment,
   * text up to the next tag) is scanned again from where its text starts, in a window twice as
   * long, so each event is the one the whole page gives; raw text (script, style) is searched
   * for its end tag in the bytes and not scanned in windows at all.
   */
  run(input: string | Utf8Page, sink: TokenSink, every: number, proceed: () => boolean, windowBytes = WINDOW): boolean {
    this.window = windowBytes;
    this.page = typeof input === 'string' ? null : input;
    this.total = typeof input === 'string' ? input.length : input.byteLength;
    if (typeof input === 'string') this.setWindow(input, 0, true);
    else this.moveWindow(0, this.window);
    this.nextCheck = every;
    this.checkAt = every;
    for (let resumed = false; ; resumed = true) {
      try {
        return this.scan(sink, every, proceed, resumed);
      } catch (e) {
        if (e !== NEED_MORE) throw e;
        this.moveWindow(this.restartAt, Math.max(this.window, 2 * (this.base + this.html.length - this.restartAt)));
      }
    }
  }

  private setWindow(html: string, base: number, final: boolean): void {
    this.html = html;
    this.base = base;
    this.final = final;
    this.nextAmp = -1;
  }

  /** Makes [from, from + length) of the undecoded page the window. */
  private moveWindow(from: number, length: number): void {
    const end = Math.min(this.total, from + length);
    this.setWindow(this.page!.latin1(from, end), from, end >= this.total);
  }

  /**
   * Where the window ends inside a construct: at the page's end, nothing to do (the caller
   * handles the cut-off construct); else scanning starts again at `textStart` in a longer window.
   */
  private atEnd(textStart: number): void {
    if (this.final) return;
    this.restartAt = this.base + textStart;
    throw NEED_MORE;
  }

  /**
   * The scan of the window from its start (where the text not yet given starts). `resumed`: the
   * start is where a construct cut by the last window began, a place the whole page's scan does
   * not stop at, so `proceed` is not asked there.
   */
  private scan(sink: TokenSink, every: number, proceed: () => boolean, resumed: boolean): boolean {
    const page = this.page;
    let html = this.html;
    let n = html.length;
    let pos = 0;
    // Start of the text not yet given to the sink (a '<' that starts nothing stays in it).
    let textStart = 0;
    // this.checkAt in the window.
    let checkFrom = this.checkAt - this.base;
    for (;;) {
      // The next check is `nextCheck` UTF-16 units in; `checkAt` the first position that may have
      // reached it (a character is at least as many bytes as UTF-16 units).
      if (pos >= checkFrom && (pos > 0 || !resumed)) {
        const at = this.base + pos;
        const units = page === null ? at : page.offset(at);
        if (units >= this.nextCheck) {
          while (this.nextCheck <= units) this.nextCheck += every;
          if (!proceed()) {
            this.emitText(textStart, Math.min(pos, n), sink);
            return false;
          }
        }
        this.checkAt = at + (this.nextCheck - units);
        checkFrom = this.checkAt - this.base;
      }
      const lt = html.indexOf('<', pos);
      if (lt < 0) {
        this.atEnd(textStart);
        this.emitText(textStart, n, sink);
        return true;
      }
      const c = html.charCodeAt(lt + 1);
      if (isAsciiLetter(c)) {
        this.emitText(textStart, lt, sink);
        textStart = lt;
        let q = lt + 2;
        let upper = c < 0x61;
        for (let d = html.charCodeAt(q); q < n && !(isSpace(d) || d === SLASH || d === GT); d = html.charCodeAt(++q)) upper ||= needsLowering(d);
        const name = upper ? this.piece(lt + 1, q).toLowerCase() : html.slice(lt + 1, q);
        const attrs: Attrs = {};
        const gt = q < n ? this.attributes(q, attrs) : -1;
        if (gt < 0) {
          this.atEnd(textStart);
          return true;
        }
        if (this.selfClosing || !RAW_TEXT.has(name)) {
          sink.openTag(name, attrs, this.selfClosing);
          pos = textStart = gt + 1;
          continue;
        }
        // Raw text, to its end tag: found in the whole page, not in the window.
        const start = this.base + gt + 1;
        const end = this.rawTextEnd(start, name);
        // A title's text is read for references in the window: it must lie inside it.
        if (name === 'title' && end > this.base + n) this.atEnd(textStart);
        sink.openTag(name, attrs, false);
        if (name === 'title') this.emitText(gt + 1, end - this.base, sink);
        else if (end > start && sink.wantsText()) this.emitAt(sink, this.pieceAt(start, end), start, end);
        if (end >= this.total) return true;
        const after = end + 2 + name.length;
        sink.closeTag(name);
        const close = this.charAt(after) === GT ? after : this.indexAt('>', after);
        if (close < 0) return true;
        if (close + 1 - this.base > n) {
          this.moveWindow(close + 1, this.window);
          html = this.html;
          n = html.length;
          pos = textStart = 0;
          checkFrom = this.checkAt - this.base;
          resumed = false;
        } else pos = textStart = close + 1 - this.base;
      } else if (c === SLASH) {
        let p = lt + 2;
        while (isSpace(html.charCodeAt(p))) p++;
        const d = html.charCodeAt(p);
        if (p >= n) {
          this.atEnd(textStart);
          this.emitText(textStart, n, sink);
          return true;
        }
        if (d === GT) {
          // "</>" is text.
          pos = p + 1;
          continue;
        }
        this.emitText(textStart, lt, sink);
        textStart = lt;
        if (isAsciiLetter(d)) {
          let q = p + 1;
          let upper = d < 0x61;
          for (let e = html.charCodeAt(q); q < n && !(isSpace(e) || e === GT); e = html.charCodeAt(++q)) upper ||= needsLowering(e);
          if (q >= n) {
            this.atEnd(textStart);
            return true;
          }
          const close = html.charCodeAt(q) === GT ? q : html.indexOf('>', q);
          if (close < 0) this.atEnd(textStart);
          sink.closeTag(upper ? this.piece(p, q).toLowerCase() : html.slice(p, q));
          if (close < 0) return true;
          pos = textStart = close + 1;
        } else {
          // A bogus comment ("</3 ...>").
          const close = html.indexOf('>', p);
          if (close < 0) {
            this.atEnd(textStart);
            this.rawTail(p, sink);
            return true;
          }
          pos = textStart = close + 1;
        }
      } else if (c === BANG) {
        this.emitText(textStart, lt, sink);
        textStart = lt;
        const close = this.declarationEnd(lt, sink);
        if (close < 0) return true;
        pos = textStart = close;
      } else if (c === QUESTION) {
        this.emitText(textStart, lt, sink);
        textStart = lt;
        const close = html.indexOf('>', lt + 2);
        if (close < 0) {
          this.atEnd(textStart);
          this.rawTail(lt + 2, sink);
          return true;
        }
        pos = textStart = close + 1;
      } else if (lt + 1 >= n) {
        this.atEnd(textStart);
        this.emitText(textStart, n, sink);
        return true;
      } else {
        // '<' that starts nothing: text.
        pos = lt + 1;
      }
    }
  }

  /**
   * The end of a `<!...` construct at `lt` (the position after it), or -1 when the page ends
   * inside it (a comment is then dropped; what other declarations held is given as raw text,
   * as htmlparser2 does).
   */
  private declarationEnd(lt: number, sink: TokenSink): number {
    const html = this.html;
    const n = html.length;
    const c = html.charCodeAt(lt + 2);
    // Where the page ends inside it: cut() or tail(); where the window does, atEnd scans again
    // from lt in a longer one.
    if (lt + 2 >= n) return this.cut(lt);
    let from: number;
    if (c === DASH) {
      if (lt + 3 >= n) return this.tail(lt, sink);
      if (html.charCodeAt(lt + 3) === DASH) {
        // The comment's own "--" may end it: "<!-->" and "<!--->" are whole comments.
        const end = html.indexOf('-->', lt + 2);
        return end < 0 ? this.cut(lt) : end + 3;
      }
      from = lt + 4;
    } else if (c === LBRACKET) {
      const cdata = 'CDATA[';
      let k = 0;
      while (k < cdata.length && html.charCodeAt(lt + 3 + k) === cdata.charCodeAt(k)) k++;
      if (k === cdata.length) {
        const end = html.indexOf(']]>', lt + 3 + k);
        return end < 0 ? this.cut(lt) : end + 3;
      }
      if (lt + 3 + k >= n) return this.tail(lt, sink);
      from = lt + 3 + k;
    } else {
      // The character after "<!" is taken as part of the declaration, even a '>'.
      from = lt + 3;
    }
    const end = html.indexOf('>', from);
    return end < 0 ? this.tail(lt, sink) : end + 1;
  }

  /** A comment or CDATA section at `lt` the page ends inside: dropped. */
  private cut(lt: number): -1 {
    this.atEnd(lt);
    return -1;
  }

  /** Another declaration at `lt` the page ends inside: its raw text. */
  private tail(lt: number, sink: TokenSink): -1 {
    this.atEnd(lt);
    return this.rawTail(lt + 2, sink);
  }

  /**
   * What an unterminated declaration, instruction or bogus comment leaves at the page's end: its
   * raw text, as htmlparser2 gives it. Returns -1, the end declarationEnd gives then.
   */
  private rawTail(from: number, sink: TokenSink): -1 {
    if (from < this.html.length && sink.wantsText()) this.emit(sink, this.piece(from, this.html.length), from, this.html.length);
    return -1;
  }

  /** Reads the attributes from `p` (just after the tag name) into `attrs`; the '>' position or -1. */
  private attributes(p: number, attrs: Attrs): number {
    const html = this.html;
    const n = html.length;
    for (;;) {
      let c = html.charCodeAt(p);
      while (isSpace(c)) c = html.charCodeAt(++p);
      if (p >= n) return -1;
      if (c === GT) {
        this.selfClosing = false;
        return p;
      }
      if (c === SLASH) {
        c = html.charCodeAt(++p);
        while (isSpace(c)) c = html.charCodeAt(++p);
        if (p >= n) return -1;
        if (c === GT) {
          this.selfClosing = true;
          return p;
        }
        // "<a/b>": the slash is ignored and an attribute starts.
        if (c === SLASH) continue;
      }
      // The name's first character is part of it whatever it is: '<a ="x">' has an attribute '="x"'.
      const start = p;
      let upper = needsLowering(c);
      c = html.charCodeAt(++p);
      while (p < n && !(isSpace(c) || c === EQ || c === SLASH || c === GT)) {
        upper ||= needsLowering(c);
        c = html.charCodeAt(++p);
      }
      if (p >= n) return -1;
      const name = upper ? this.piece(start, p).toLowerCase() : commonName(html, start, p) ?? html.slice(start, p);
      while (isSpace(c)) c = html.charCodeAt(++p);
      if (p >= n) return -1;
      let value = '';
      if (c === EQ) {
        c = html.charCodeAt(++p);
        while (isSpace(c)) c = html.charCodeAt(++p);
        if (p >= n) return -1;
        if (c === DQUOTE || c === SQUOTE) {
          const close = html.indexOf(c === DQUOTE ? '"' : "'", p + 1);
          if (close < 0) return -1;
          value = this.attributeValue(p + 1, close);
          p = close + 1;
        } else {
          const from = p;
          while (p < n && !(isSpace(c) || c === GT)) c = html.charCodeAt(++p);
          if (p >= n) return -1;
          value = this.attributeValue(from, p);
        }
      }
      if (!Object.prototype.hasOwnProperty.call(attrs, name)) attrs[name] = value;
    }
  }

  /** The first '&' at or after `from` (html.length when none); searches move forward only. */
  private ampFrom(from: number): number {
    if (this.nextAmp < from) {
      const at = this.html.indexOf('&', from);
      this.nextAmp = at < 0 ? this.html.length : at;
    }
    return this.nextAmp;
  }

  /** Reads the character reference at `amp`: its length (0 when there is none), its text in cp1/cp2. */
  private reference(amp: number, mode: DecodingMode): number {
    this.cp1 = -1;
    this.cp2 = -1;
    this.decoder.startEntity(mode);
    const n = this.decoder.write(this.html, amp + 1);
    return n < 0 ? this.decoder.end() : n;
  }

  private referenceText(): string {
    return this.cp2 < 0 ? String.fromCodePoint(this.cp1) : String.fromCodePoint(this.cp1, this.cp2);
  }

  /** The decoded text of [start, end) of what is scanned (both ends outside any multi-byte character). */
  private piece(start: number, end: number): string {
    const page = this.page;
    return page === null || !page.hasNonAscii(this.base + start, this.base + end) ? this.html.slice(start, end) : page.slice(this.base + start, this.base + end);
  }

  /** Gives `text`, which is [start, end) of the window, to the sink with the decoded page's offsets. */
  private emit(sink: TokenSink, text: string, start: number, end: number): void {
    this.emitAt(sink, text, this.base + start, this.base + end);
  }

  /** As emit, for [start, end) of the page (in or out of the window). */
  private emitAt(sink: TokenSink, text: string, start: number, end: number): void {
    const page = this.page;
    if (page === null) sink.text(text, start, end);
    else sink.text(text, page.offset(start), page.offset(end));
  }

  /** As piece, for [start, end) of the page. */
  private pieceAt(start: number, end: number): string {
    return this.page === null ? this.html.slice(start, end) : this.page.slice(start, end);
  }

  /** The character (byte) at `at` of the page; NaN or undefined past its end. */
  private charAt(at: number): number | undefined {
    return this.page === null ? this.html.charCodeAt(at) : this.page.byteAt(at);
  }

  /** The first `ch` at or after `from` in the page, or -1. */
  private indexAt(ch: string, from: number): number {
    return this.page === null ? this.html.indexOf(ch, from) : this.page.indexOf(ch, from);
  }

  private attributeValue(start: number, end: number): string {
    let amp = this.ampFrom(start);
    if (amp >= end) return this.piece(start, end);
    let out = '';
    let from = start;
    while (amp < end) {
      const len = this.reference(amp, DecodingMode.Attribute);
      if (len > 0) {
        out += this.piece(from, amp) + this.referenceText();
        from = amp + len;
        amp = this.ampFrom(from);
      } else amp = this.ampFrom(amp + 1);
    }
    return out + this.piece(from, end);
  }

  /** Gives the text [start, end) to the sink: verbatim runs, and one event per character reference. */
  private emitText(start: number, end: number, sink: TokenSink): void {
    if (end <= start || !sink.wantsText()) return;
    let amp = this.ampFrom(start);
    while (amp < end) {
      const len = this.reference(amp, DecodingMode.Legacy);
      if (len > 0) {
        if (amp > start) this.emit(sink, this.piece(start, amp), start, amp);
        this.emit(sink, this.referenceText(), amp, amp + len);
        start = amp + len;
        amp = this.ampFrom(start);
      } else amp = this.ampFrom(amp + 1);
    }
    if (end > start) this.emit(sink, this.piece(start, end), start, end);
  }

  /**
   * Where the raw text of `name` that starts at `from` of the page ends: its "</name" +
   * (whitespace or '>'), or the page's end.
   */
  private rawTextEnd(from: number, name: string): number {
    const len = name.length;
    if (this.page === null) {
      // The page's text is the window.
      const html = this.html;
      for (let at = html.indexOf('</', from); at >= 0; at = html.indexOf('</', at + 1)) {
        let k = 0;
        while (k < len && (html.charCodeAt(at + 2 + k) | 0x20) === name.charCodeAt(k)) k++;
        if (k < len) continue;
        const c = html.charCodeAt(at + 2 + len);
        if (c === GT || isSpace(c)) return at;
      }
      return html.length;
    }
    for (let at = this.indexAt('</', from); at >= 0; at = this.indexAt('</', at + 1)) {
      let k = 0;
      while (k < len && ((this.charAt(at + 2 + k)! | 0x20) === name.charCodeAt(k))) k++;
      if (k < len) continue;
      const c = this.charAt(at + 2 + len)!;
      if (c === GT || isSpace(c)) return at;
    }
    return this.total;
  }
}
