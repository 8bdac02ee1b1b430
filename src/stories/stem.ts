/**
 * A light English stemmer: possessives, plurals, -ed, -ing, -ly and a few derivational
 * endings, so that "imprisoned"/"imprisons" and "broadened"/"broadens" meet. It only has to be
 * consistent: the concept lexicon is stemmed with it too, so its forms never need to be words.
 */

const CACHE = new Map<string, string>();
const CACHE_LIMIT = 50_000;

export function stem(norm: string): string {
  const hit = CACHE.get(norm);
  if (hit !== undefined) return hit;
  const out = stemUncached(norm);
  if (CACHE.size < CACHE_LIMIT) CACHE.set(norm, out);
  return out;
}

function stemUncached(input: string): string {
  // ’s or 's, then a final ’ or ' (char tests: the two regex replaces cost more than the rest)
  let w = input;
  if (w.length >= 2 && w.charCodeAt(w.length - 1) === 115 && isApostrophe(w.charCodeAt(w.length - 2))) w = w.slice(0, -2);
  if (w.length >= 1 && isApostrophe(w.charCodeAt(w.length - 1))) w = w.slice(0, -1);
  if (w.length <= 3 || hasDigit(w)) return w;
  // Plurals.
  if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  // Verb endings.
  if (w.endsWith('ied') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('eed')) w = w.slice(0, -1);
  else if (w.endsWith('ed') && w.length > 4 && hasVowel(w, w.length - 2)) w = undouble(w.slice(0, -2));
  else if (w.endsWith('ing') && w.length > 5 && hasVowel(w, w.length - 3)) w = undouble(w.slice(0, -3));
  // Adverbs and a few derivations that news paraphrase moves between.
  if (w.endsWith('ally') && w.length > 6) w = w.slice(0, -4);
  else if (w.endsWith('ly') && w.length > 5) w = w.slice(0, -2);
  if (w.endsWith('ment') && w.length > 7) w = w.slice(0, -4);
  else if (w.endsWith('ation') && w.length > 9) w = w.slice(0, -5);
  else if (w.endsWith('ness') && w.length > 6) w = w.slice(0, -4);
  // A final silent e: "release"/"released" -> "releas".
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  return w;
}

/** ' or ’ */
function isApostrophe(c: number): boolean {
  return c === 39 || c === 0x2019;
}

/** An ASCII digit anywhere in w. */
function hasDigit(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

/** One of a e i o u y in w[0, end). */
function hasVowel(w: string, end: number): boolean {
  for (let i = 0; i < end; i++) {
    const c = w.charCodeAt(i);
    if (c === 97 || c === 101 || c === 105 || c === 111 || c === 117 || c === 121) return true;
  }
  return false;
}

function undouble(w: string): string {
  const n = w.length;
  if (n > 3) {
    const c = w.charCodeAt(n - 1);
    if (c === w.charCodeAt(n - 2) && c !== 108 && c !== 115 && c !== 122) return w.slice(0, -1);
  }
  return w;
}
