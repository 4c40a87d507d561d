// The time frame of a place in a report: which part of the report it is in and which year that part is
// about. Part of the report model; rules ask the document (doc.timeFrameAt, doc.expectedYear).
import type { Heading, ReportDocument } from './document';
import { spansYears } from './title';

export type FrameKind = 'summary' | 'plan' | 'multi-year' | 'other';

export interface TimeFrame {
  kind: FrameKind;
  /** The year this part of the report is about, when the report's years are known. */
  year?: number;
  /** The heading that gives the kind (undefined for the preamble). */
  heading?: Heading;
}

/** The year a summary / plan section should name (undefined when the report's years are unknown). */
export function expectedYear(doc: Pick<ReportDocument, 'years'>, kind: 'summary' | 'plan'): number | undefined {
  const y = doc.years;
  if (y.source === 'none') return undefined;
  if (kind === 'summary') return y.summary ?? (y.plan !== undefined ? y.plan - 1 : undefined);
  return y.plan;
}

/**
 * The time frame at an offset. A multi-year heading anywhere up the tree makes the place multi-year (each year
 * in turn is correct there); otherwise the outermost heading with a kind decides, so a sub-heading such as
 * `（三）项目计划…` inside a summary does not turn it into a plan. A work report's preamble between its title and
 * its first section summarises the summary year.
 */
export function timeFrameAt(doc: ReportDocument, offset: number): TimeFrame {
  const sec = doc.sectionAt(offset);
  if (sec.headings.some((h) => h.kind === 'multi-year')) return { kind: 'multi-year' };
  let heading: Heading | undefined;
  for (const h of sec.headings) if (h.kind === 'summary' || h.kind === 'plan') heading = h;
  // `2023年和“十四五”时期工作回顾`: the section checks its year, but its text reviews five years
  if (heading && spansYears(heading.text)) return { kind: 'multi-year' };
  if (heading) {
    const kind = heading.kind as 'summary' | 'plan';
    return { kind, year: expectedYear(doc, kind), heading };
  }
  if (
    sec.headings.length === 0 &&
    doc.kind === 'work-report' &&
    doc.title &&
    offset >= doc.title.endOffset &&
    doc.headings.some((h) => h.block.start > offset && (h.kind === 'summary' || h.kind === 'plan')) &&
    doc.title.years[0]?.role === 'summary'
  ) {
    return { kind: 'summary', year: expectedYear(doc, 'summary') };
  }
  return { kind: 'other', year: doc.years.source === 'none' ? undefined : (doc.years.report ?? doc.years.summary) };
}
