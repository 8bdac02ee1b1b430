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
  let w = input.replace(/['’]s$/, '').replace(/['’]$/, '');
  if (w.length <= 3 || /\d/.test(w)) return w;
  // Plurals.
  if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  // Verb endings.
  if (w.endsWith('ied') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('eed')) w = w.slice(0, -1);
  else if (w.endsWith('ed') && w.length > 4 && /[aeiouy]/.test(w.slice(0, -2))) w = undouble(w.slice(0, -2));
  else if (w.endsWith('ing') && w.length > 5 && /[aeiouy]/.test(w.slice(0, -3))) w = undouble(w.slice(0, -3));
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

function undouble(w: string): string {
  const n = w.length;
  if (n > 3 && w[n - 1] === w[n - 2] && !/[lsz]/.test(w[n - 1] ?? '')) return w.slice(0, -1);
  return w;
}
