// Small helpers shared by rules.
import type { Msg } from './types';

export function msg(zh: string, en: string): Msg {
  return { zh, en };
}

/** Iterates a global regex over a string, yielding matches (guards against empty matches). */
export function* matchAll(re: RegExp, s: string): Generator<RegExpExecArray> {
  if (!re.global) throw new Error('matchAll needs a global regex');
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    yield m;
    if (m[0].length === 0) re.lastIndex++;
  }
}
