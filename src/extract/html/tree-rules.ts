/**
 * The tree rules over our tokenizer: which open elements a tag closes, which elements have no
 * content, what a stray end tag does. They give parse.ts the events it took from htmlparser2's
 * Parser (onopentag, ontext, onclosetag, with startIndex/endIndex of each text), in the same
 * order, so the trees built from them are the same; the rules are htmlparser2's, not the HTML
 * standard's tree construction (which would reshape tables and formatting elements):
 *
 *   - a start tag first closes the open elements on top of the stack that it implies the end of
 *     (IMPLIED_CLOSES: <p> by a block or a heading, <li> by <li>, <td> by <td>/<th>/<tr>, ...);
 *   - void elements (VOID) are opened and closed at once and never hold content;
 *   - "<x/>" closes itself only inside <svg> or <math> (and not in their HTML islands);
 *   - an end tag closes every element open above its match; with no match it is ignored,
 *     except </p> (an empty <p>) and </br> (a <br>);
 *   - at the end of the page every open element is closed.
 *
 * The stack lookups are counted per name, so a page of 100,000 unclosed tags followed by stray
 * end tags costs no search per end tag.
 */
import { HtmlTokenizer, type Attrs, type TokenSink } from './tokenizer.js';
import type { Utf8Page } from '../../read/utf8-page.js';

export type { Attrs } from './tokenizer.js';

const P: ReadonlySet<string> = new Set(['p']);
const FORM: ReadonlySet<string> = new Set(['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea']);
const TABLE_SECTIONS: ReadonlySet<string> = new Set(['thead', 'tbody']);
const DD_DT: ReadonlySet<string> = new Set(['dd', 'dt']);
const RT_RP: ReadonlySet<string> = new Set(['rt', 'rp']);

/** A start tag -> the open elements (on top of the stack) it closes first. */
const IMPLIED_CLOSES: ReadonlyMap<string, ReadonlySet<string>> = new Map<string, ReadonlySet<string>>([
  ['tr', new Set(['tr', 'th', 'td'])],
  ['th', new Set(['th'])],
  ['td', new Set(['thead', 'th', 'td'])],
  ['body', new Set(['head', 'link', 'script'])],
  ['li', new Set(['li'])],
  ['option', new Set(['option'])],
  ['optgroup', new Set(['optgroup', 'option'])],
  ['dd', DD_DT],
  ['dt', DD_DT],
  ['rt', RT_RP],
  ['rp', RT_RP],
  ['tbody', TABLE_SECTIONS],
  ['tfoot', TABLE_SECTIONS],
  ...['select', 'input', 'output', 'button', 'datalist', 'textarea'].map((t) => [t, FORM] as [string, ReadonlySet<string>]),
  ...['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'fieldset',
    'figcaption', 'figure', 'footer', 'form', 'header', 'hr', 'main', 'nav', 'ol', 'pre', 'section', 'table', 'ul'].map((t) => [t, P] as [string, ReadonlySet<string>]),
]);

/** Elements without content or end tag. */
const VOID: ReadonlySet<string> = new Set([
  'area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'input', 'isindex', 'keygen',
  'link', 'meta', 'param', 'source', 'track', 'wbr',
]);

/** Where "<x/>" closes x ... */
const FOREIGN: ReadonlySet<string> = new Set(['math', 'svg']);
/** ... and the HTML islands inside them, where it does not. */
const HTML_ISLANDS: ReadonlySet<string> = new Set(['mi', 'mo', 'mn', 'ms', 'mtext', 'annotation-xml', 'foreignobject', 'desc', 'title']);

/** What the rules say of one tag name, looked up once per tag. */
interface NameRule {
  closes: ReadonlySet<string> | null;
  isVoid: boolean;
  /** Pushed on the self-closing context when the element opens (svg, math: true; their HTML islands: false). */
  context: boolean | null;
}

const RULES: ReadonlyMap<string, NameRule> = (() => {
  const rules = new Map<string, NameRule>();
  const rule = (name: string): NameRule => {
    let r = rules.get(name);
    if (r === undefined) rules.set(name, (r = { closes: null, isVoid: false, context: null }));
    return r;
  };
  for (const [name, closes] of IMPLIED_CLOSES) rule(name).closes = closes;
  for (const name of VOID) rule(name).isVoid = true;
  for (const name of FOREIGN) rule(name).context = true;
  for (const name of HTML_ISLANDS) rule(name).context = false;
  return rules;
})();

/** The events parse.ts builds its tree from. */
export interface HtmlHandler {
  onopentag(name: string, attrs: Attrs): void;
  /** The text's raw span is [startIndex, endIndex + 1) of the parser, as htmlparser2 gives it. */
  ontext(text: string): void;
  onclosetag(name: string): void;
  /** Whether the handler keeps text given now (when it says no, no text is given: see TokenSink). */
  wantsText?(): boolean;
}

export class HtmlParser implements TokenSink {
  /** Raw start of the text being given to ontext. */
  startIndex = 0;
  /** Raw end (inclusive) of the text being given to ontext. */
  endIndex = 0;
  /** Open elements, innermost last. */
  private readonly stack: string[] = [];
  /** How many elements of each name are open. */
  private readonly openCount = new Map<string, number>();
  /** Whether "<x/>" closes x here (innermost last); htmlparser2 pops it on end tags only. */
  private readonly foreign: boolean[] = [false];

  constructor(private readonly cbs: HtmlHandler) {}

  /**
   * Parses a whole page: `proceed` is asked after every `every` characters and stops the
   * parse when it says false; the elements still open are closed either way.
   */
  parse(html: string | Utf8Page, every: number, proceed: () => boolean, windowBytes?: number): void {
    new HtmlTokenizer().run(html, this, every, proceed, windowBytes);
    while (this.stack.length > 0) this.pop();
  }

  text(text: string, start: number, end: number): void {
    this.startIndex = start;
    this.endIndex = end - 1;
    this.cbs.ontext(text);
  }

  wantsText(): boolean {
    return this.cbs.wantsText === undefined || this.cbs.wantsText();
  }

  openTag(name: string, attrs: Attrs, selfClosing: boolean): void {
    const rule = RULES.get(name);
    if (rule !== undefined) {
      const closes = rule.closes;
      if (closes !== null) {
        while (this.stack.length > 0 && closes.has(this.stack[this.stack.length - 1]!)) this.pop();
      }
      if (rule.isVoid) {
        this.cbs.onopentag(name, attrs);
        this.cbs.onclosetag(name);
        return;
      }
      if (rule.context !== null) this.foreign.push(rule.context);
    }
    this.push(name);
    this.cbs.onopentag(name, attrs);
    if (selfClosing && this.foreign[this.foreign.length - 1] === true) this.pop();
  }

  closeTag(name: string): void {
    const rule = RULES.get(name);
    if (rule !== undefined) {
      if (rule.context !== null) this.foreign.pop();
      if (rule.isVoid) {
        if (name === 'br') {
          this.cbs.onopentag('br', {});
          this.cbs.onclosetag('br');
        }
        return;
      }
    }
    if ((this.openCount.get(name) ?? 0) > 0) {
      while (this.pop() !== name);
    } else if (name === 'p') {
      this.cbs.onopentag('p', {});
      this.cbs.onclosetag('p');
    }
  }

  private push(name: string): void {
    this.stack.push(name);
    this.openCount.set(name, (this.openCount.get(name) ?? 0) + 1);
  }

  private pop(): string {
    const name = this.stack.pop()!;
    this.openCount.set(name, this.openCount.get(name)! - 1);
    this.cbs.onclosetag(name);
    return name;
  }
}
