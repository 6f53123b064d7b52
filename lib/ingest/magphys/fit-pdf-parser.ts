/**
 * The `# MARGINAL PDF HISTOGRAMS` part of a .fit block: 16 sections, each a `# ... <name> ...`
 * header, N `x p` bin lines, a percentile line and a `# theSkyNet2` line. Sections are matched to
 * parameters by name, so a client printing them in another order still lands in POGS id order.
 */
import { PARAMETER_COUNT, parameterByFitName, type MagphysParameter } from "@/lib/survey/parameters";
import { COMMENT } from "./fit-layout";
import type { ParameterPdf } from "./fit-types";
import { tokens, type LineCursor } from "./line-cursor";

export function parsePdfs(cursor: LineCursor): ParameterPdf[] {
  const pdfs = new Array<ParameterPdf | undefined>(PARAMETER_COUNT);
  for (let n = 0; n < PARAMETER_COUNT; n++) {
    const parameter = parseSectionHeader(cursor);
    if (pdfs[parameter.index]) {
      throw cursor.error(`second histogram of '${parameter.fitName}'`, cursor.lineNumber - 1);
    }
    pdfs[parameter.index] = parsePdf(cursor, parameter);
  }
  return pdfs as ParameterPdf[];
}

function parseSectionHeader(cursor: LineCursor): MagphysParameter {
  const line = cursor.take("a histogram header '# ... <parameter> ...'").trim();
  const lineNumber = cursor.lineNumber - 1;
  // "# ... f_mu (SFH) ..." and "# ... tau_V^ISM..." (no blank before the dots); names may contain
  // a dot themselves (sSFR_0.1Gyr), so only the leading and trailing runs of dots are cut.
  const name = line.startsWith("#") ? line.replace(/^#\s*\.+\s*/, "").replace(/\s*\.+$/, "") : "";
  const parameter = parameterByFitName(name);
  if (!parameter)
    throw cursor.error(`expected a histogram header '# ... <parameter> ...', found '${line}'`, lineNumber);
  return parameter;
}

function parsePdf(cursor: LineCursor, parameter: MagphysParameter): ParameterPdf {
  const what = `histogram of ${parameter.fitName}`;
  const histogram: [number, number][] = [];
  for (;;) {
    const next = cursor.peek();
    if (next === undefined) {
      throw cursor.error(`unexpected end of file: expected a bin of the ${what} or '${COMMENT.percentiles}'`);
    }
    if (next.trimStart().startsWith("#")) break;
    const [x, p] = cursor.expectNumbers(2, `a bin (x p) of the ${what}`);
    histogram.push([x, p]);
  }
  if (histogram.length === 0) throw cursor.error(`expected at least one bin in the ${what}`);

  cursor.expectComment(COMMENT.percentiles);
  const [p2_5, p16, p50, p84, p97_5] = cursor.expectNumbers(5, `the percentiles of ${parameter.fitName}`);
  cursor.expectComment(COMMENT.skyNet2);
  const [highestProbBin, firstBin, lastBin, binStep] = cursor.expectNumbers(
    4,
    `the theSkyNet2 bins of ${parameter.fitName} (highest, first, last, step)`,
  );
  return { histogram, percentiles: { p2_5, p16, p50, p84, p97_5 }, highestProbBin, firstBin, lastBin, binStep };
}

/** Used by the block parser for the two filter-name lines: `#` then one name per filter. */
export function parseFilterNames(cursor: LineCursor, what: string): string[] {
  const line = cursor.take(`the filter names (${what})`);
  const fields = tokens(line);
  if (fields[0] !== "#" || fields.length < 2) {
    throw cursor.error(`expected the filter names (${what}) after '#', found '${line.trim()}'`, cursor.lineNumber - 1);
  }
  return fields.slice(1);
}
