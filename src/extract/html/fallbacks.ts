/**
 * The fallback sieve (Readability's: drop one flag at a time, keep the best attempt), with
 * structured data as the last resort:
 *
 *   1. all flags: furniture stripped, class words weighed, containers cleaned conditionally
 *   2. furniture kept (pages that put the article in a "main-content-rail" or similar)
 *   3. class words ignored
 *   4. no conditional cleaning
 *   5. the JSON-LD articleBody, when the page has one and it is longer than every attempt
 *
 * An attempt is good enough, and the sieve stops, when it holds tuning.goodEnoughChars of text
 * (tuning.ts).
 */
import type { El } from './parse.js';
import { findContent, type Attempt, type AttemptFlags, type Line } from './content.js';
import { isFurnitureLine } from './cleanup.js';
import { CASCADE_TUNING, type CascadeTuning } from './tuning.js';


const ATTEMPTS: readonly AttemptFlags[] = [
  { stripUnlikely: true, weighClasses: true, cleanConditionally: true },
  { stripUnlikely: false, weighClasses: true, cleanConditionally: true },
  { stripUnlikely: false, weighClasses: false, cleanConditionally: true },
  { stripUnlikely: false, weighClasses: false, cleanConditionally: false },
];

export interface Sieved {
  lines: Line[];
  /** 1-4: the attempt kept; 5: the JSON-LD articleBody. */
  step: number;
  leftOut: number;
  droppedLines: number;
}

function cleaned(attempt: Attempt): { lines: Line[]; chars: number; dropped: number } {
  const lines = attempt.lines.filter((l) => !isFurnitureLine(l));
  return { lines, chars: lines.reduce((n, l) => n + l.text.length, 0), dropped: attempt.lines.length - lines.length };
}

export function sieve(root: El, jsonldBody: string | null, tuning: Readonly<CascadeTuning> = CASCADE_TUNING): Sieved {
  let best: Sieved | null = null;
  let bestChars = -1;
  for (let i = 0; i < ATTEMPTS.length; i++) {
    const attempt = findContent(root, ATTEMPTS[i]!, tuning);
    const c = cleaned(attempt);
    if (c.chars > bestChars) {
      best = { lines: c.lines, step: i + 1, leftOut: attempt.leftOut, droppedLines: c.dropped };
      bestChars = c.chars;
    }
    if (c.chars >= tuning.goodEnoughChars) break;
  }
  const body = jsonldBody?.trim();
  if (body && body.length > Math.max(bestChars, 0) * tuning.jsonldGain) {
    const lines: Line[] = body.split(/\n+/).map((t) => t.replace(/\s+/g, ' ').trim()).filter(Boolean).map((text) => ({ text, kind: 'body', linkShare: 0 }));
    return { lines, step: 5, leftOut: 0, droppedLines: 0 };
  }
  return best ?? { lines: [], step: 1, leftOut: 0, droppedLines: 0 };
}
