/**
 * Word wrap for the terminal report. Lines break at spaces; a word longer than the width (a URL)
 * is left whole rather than split. Continuation lines take a hanging indent.
 */
import { visibleLength } from './ansi.js';

/** Wraps one paragraph: the first line starts with `indent` spaces, the rest with `hang`. */
export function wrap(text: string, width: number, indent = 0, hang = indent + 2): string[] {
  const words = text.split(' ').filter((w) => w.length > 0);
  const lines: string[] = [];
  let line = ' '.repeat(indent);
  let length = indent;
  let empty = true;
  for (const word of words) {
    const n = visibleLength(word);
    if (!empty && length + 1 + n > width) {
      lines.push(line);
      line = ' '.repeat(hang);
      length = hang;
      empty = true;
    }
    line += (empty ? '' : ' ') + word;
    length += (empty ? 0 : 1) + n;
    empty = false;
  }
  lines.push(line);
  return lines;
}
