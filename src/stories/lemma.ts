/**
 * Irregular verb forms to their base form, so that the forms of one verb meet where the light
 * stemmer (stem.ts) cannot join them: "sent" / "sending", "took" / "taking", "paid" / "paying".
 * Our own list, of the irregular verbs news uses to report acts; forms that are mostly another
 * word in news ("found" a company, "saw" the tool, "lay", "rose") are left out.
 */
import { stem } from './stem.js';

const FORMS: Readonly<Record<string, string>> = {
  send: 'sent', take: 'took taken', pay: 'paid', make: 'made', give: 'gave given', get: 'got gotten', go: 'went gone',
  come: 'came', tell: 'told', say: 'said', see: 'seen', meet: 'met', hold: 'held', win: 'won', lose: 'lost',
  lead: 'led', fall: 'fell fallen', run: 'ran', build: 'built', bring: 'brought', think: 'thought', keep: 'kept',
  become: 'became', break: 'broke broken', choose: 'chose chosen', drive: 'drove driven', fly: 'flew flown',
  grow: 'grew grown', hide: 'hid hidden', know: 'knew known', speak: 'spoke spoken', steal: 'stole stolen',
  throw: 'threw thrown', write: 'wrote written', strike: 'struck stricken', fight: 'fought', catch: 'caught',
  teach: 'taught', seek: 'sought', buy: 'bought', sell: 'sold', shoot: 'shot', spend: 'spent', feel: 'felt',
  hear: 'heard', mean: 'meant', stand: 'stood', sit: 'sat', hang: 'hung', flee: 'fled', swear: 'swore sworn',
  tear: 'tore torn', deal: 'dealt', dig: 'dug', shake: 'shook shaken', slide: 'slid', stick: 'stuck', sweep: 'swept',
  wake: 'woke woken', withdraw: 'withdrew withdrawn', freeze: 'froze frozen', forgive: 'forgave forgiven',
  begin: 'began begun', sink: 'sank sunk', drink: 'drank drunk', ride: 'rode ridden', eat: 'ate eaten',
  forget: 'forgot forgotten', lend: 'lent', bear: 'bore borne', arise: 'arose arisen',
  blow: 'blew blown', draw: 'drew drawn', feed: 'fed', leave: 'left',
};

// "left" is kept: in a denial's head and its claim ("denied leaving the scene" / "left the scene")
// it is the verb; these stems only meet in denials.ts, never in alignment's terms.
/** The stem of every form of each verb (base, -s, -ing, irregular forms) -> the stem of its base. */
const CANON: ReadonlyMap<string, string> = new Map(
  Object.entries(FORMS).flatMap(([base, forms]) => {
    const root = base.endsWith('e') && !base.endsWith('ee') ? base.slice(0, -1) : base;
    const all = [base, `${base}s`, `${base}es`, `${root}ing`, `${base}${base.slice(-1)}ing`, ...forms.split(' ')];
    return all.map((f): [string, string] => [stem(f), stem(base)]);
  }),
);

/** The stem of a word, with the forms of an irregular verb taken to one stem: "sent", "sends" and "sending" all give "send". */
export function verbStem(norm: string): string {
  const s = stem(norm);
  return CANON.get(s) ?? s;
}
