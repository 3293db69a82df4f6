/**
 * Running slow patterns only where they can match. A case-insensitive Unicode pattern with long
 * alternations ("am vergangenen Freitag", "4. Februar 2022") costs a scan of every position; a cheap
 * search for what every match must contain (a year, a weekday name) finds the few stretches worth it.
 */

/** A stretch of a text: [start, end) offsets. */
export type TextWindow = [start: number, end: number];

const SPACE = /\s/;

/**
 * Stretches reaching `before` characters before and `after` characters after each found range, widened
 * to the surrounding spaces (so a pattern's "not inside a word" tests read as in the whole text), merged
 * where they overlap. `ranges` must come in text order.
 */
export function windowsAround(text: string, ranges: Iterable<TextWindow>, before: number, after: number): TextWindow[] {
  const windows: TextWindow[] = [];
  for (const [from, to] of ranges) {
    let start = Math.max(0, from - before);
    while (start > 0 && !SPACE.test(text[start - 1]!)) start--;
    let end = Math.min(text.length, to + after);
    while (end < text.length && !SPACE.test(text[end]!)) end++;
    const last = windows[windows.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else windows.push([start, end]);
  }
  return windows;
}

/** Matches of a global pattern inside the windows, or in the whole text when `windows` is null; offsets are the text's. */
export function* matchesIn(pattern: RegExp, text: string, windows: readonly TextWindow[] | null): Generator<RegExpExecArray> {
  for (const [start, end] of windows ?? [[0, text.length] as TextWindow]) {
    const stretch = windows === null ? text : text.slice(start, end);
    pattern.lastIndex = 0;
    for (let m = pattern.exec(stretch); m !== null; m = pattern.exec(stretch)) {
      m.index += start;
      yield m;
    }
  }
}
