// A collection of the young generation while the server waits, rather than in the middle of the next lint. A lint of
// a 20,000-character report allocates ≈ 3.5 MB; the young generation (16 MB) filled every fourth edit and its
// scavenge then ran inside that edit's lint, before its diagnostics went out. After diagnostics are written, the
// client is reading them: a scavenge started then, only when the next lint would not fit, costs no edit anything.
// Node only (V8's gc function, exposed at run time); anything unexpected turns it off.
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

type Gc = (options?: { type?: 'minor' | 'major' }) => void;

export function idleYoungCollector(): () => void {
  let gc: Gc | undefined;
  try {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as Gc;
  } catch {
    gc = undefined;
  }
  if (typeof gc !== 'function') return () => undefined;
  const collect = gc;
  /** Bytes allocated in the young generation between two idle points, the largest of the last few. */
  let lastUsed = -1;
  const deltas = [0, 0, 0, 0];
  let k = 0;
  let broken = false;
  return () => {
    if (broken) return;
    try {
      const young = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
      if (!young) {
        broken = true;
        return;
      }
      const used = young.space_used_size;
      // a scavenge since the last idle point leaves less than before: no delta to learn from then
      if (lastUsed >= 0 && used > lastUsed) deltas[k++ % deltas.length] = used - lastUsed;
      const need = Math.max(...deltas) * 1.25;
      if (need > 0 && young.space_available_size < need) {
        collect({ type: 'minor' });
        lastUsed = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.space_used_size ?? -1;
      } else lastUsed = used;
    } catch {
      broken = true;
    }
  };
}
