// Objects that never change once made, so that a JSON writer may encode each once (server/json-encoder.ts): the
// diagnostics the server keeps from one publish to the next (convert.ts, reuseUnchanged). They are frozen as well,
// so that changing one is an error rather than stale bytes on the wire.
const stable = new WeakSet<object>();

/** Freezes `o` and everything in it, and marks it as never changing. */
export function markStable<T extends object>(o: T): T {
  freezeThrough(o, 0);
  stable.add(o);
  return o;
}

export function isStable(o: object): boolean {
  return stable.has(o);
}

/** Into objects already frozen too: a shallow freeze elsewhere (a rule's constant edit list) leaves their insides open. */
function freezeThrough(v: object, depth: number): void {
  if (depth > 32) throw new TypeError('markStable: nested too deep (a cycle?)');
  for (const k in v) {
    const x = (v as Record<string, unknown>)[k];
    if (typeof x === 'object' && x !== null) freezeThrough(x, depth + 1);
  }
  Object.freeze(v);
}
