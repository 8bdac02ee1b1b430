/**
 * Terminal colours by hand (SGR codes), so the package needs no colour library. A palette with
 * colour off returns the text unchanged, so renderers call it the same way either way.
 */
const SGR = { bold: 1, dim: 2, red: 31, green: 32, yellow: 33, blue: 34, magenta: 35, cyan: 36 } as const;

export type StyleName = keyof typeof SGR;
export type Palette = Record<StyleName, (s: string) => string>;

export function palette(color: boolean): Palette {
  const make = (code: number) => (color ? (s: string) => (s ? `\x1b[${code}m${s}\x1b[0m` : s) : (s: string) => s);
  return Object.fromEntries(Object.entries(SGR).map(([name, code]) => [name, make(code)])) as Palette;
}

// Only our own SGR sequences can be in a line by the time it is measured: article text was
// stripped of every escape sequence before it was styled.
const OWN_SGR = /\x1b\[[0-9;]*m/g;

/** Columns a line takes on a terminal (one per UTF-16 code unit; wide characters not counted twice). */
export function visibleLength(s: string): number {
  return s.replace(OWN_SGR, '').length;
}
