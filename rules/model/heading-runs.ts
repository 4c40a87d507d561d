// The run of headings a sentence introduces: `重点做好以下九个方面工作：` at the end of a paragraph, then
// `（一）…` to `（九）…`. Read from the heading tree, so a rule never decides what a heading or a section is.
import type { Heading } from './document';
import { isBlankOrMask, type Block } from './prose';

/**
 * The headings introduced by the text that ends at `offset` (the end of a sentence ending in `：`): the heading that
 * opens the next block, when nothing but blanks lies between, and its later siblings of the same marker type under
 * the same parent, as long as they count on 1, 2, 3 … Undefined when the next block is no heading, when the run
 * does not start at 1, or when it holds fewer than two headings.
 */
export function headingRunAfter(
  prose: string,
  blocks: Block[],
  headingOfBlock: (Heading | undefined)[],
  roots: Heading[],
  offset: number,
): Heading[] | undefined {
  // the block that holds offset, then the next one
  let lo = 0;
  let hi = blocks.length - 1;
  let k = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid].start <= offset) {
      k = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (k < 0) return undefined;
  for (let i = offset; i < blocks[k].end; i++) if (!isBlankOrMask(prose.charCodeAt(i))) return undefined;
  const first = headingOfBlock[k + 1];
  if (!first?.marker || first.marker.value !== 1) return undefined;
  const siblings = first.parent ? first.parent.children : roots;
  const at = siblings.indexOf(first);
  if (at < 0) return undefined;
  const run: Heading[] = [first];
  for (let i = at + 1; i < siblings.length; i++) {
    const h = siblings[i];
    if (!h.marker || h.marker.type !== first.marker.type || h.part || h.restartOf) break;
    if (h.marker.value !== run.length + 1) return undefined; // a broken run: heading-sequence's, not countable
    run.push(h);
  }
  return run.length >= 2 ? run : undefined;
}
