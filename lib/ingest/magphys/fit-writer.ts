/**
 * Writer of POGS `.fit` blocks, for the demo generator's synthetic results. It prints exactly the
 * client's comments and number formats (a parsed real file is written back byte for byte), so
 * `parseFit(writeFit(x))` returns x rounded to the printed precision, and writing that again gives
 * the same text. Histograms may have any number of bins ≥ 1.
 */
import { PARAMETER_COUNT, PARAMETERS } from "@/lib/survey/parameters";
import { formatInteger, formatScientificZeroScale } from "./fortran-numbers";
import {
  BEST_FIT_FORMAT,
  BEST_FIT_HEADER,
  BEST_FIT_ORDER,
  COMMENT,
  FLUX_FORMAT,
  MODEL,
  PDF_LAYOUT,
  PIXEL_HEADER_PREFIX,
  PIXEL_NAME_WIDTH,
  PROBABILITY_FORMAT,
  SKYNET2_FORMAT,
  SKYNET_MODEL,
  filterNamesLine,
  formatNumber,
  type NumberFormat,
} from "./fit-layout";
import type { MagphysPixelFit, ParameterPdf } from "./fit-types";

export interface WriteFitOptions {
  /** The real client output is CRLF; LF is accepted by the parser just as well. */
  lineEnding?: "\r\n" | "\n";
}

export function writeFit(pixels: readonly MagphysPixelFit[], options: WriteFitOptions = {}): string {
  const eol = options.lineEnding ?? "\r\n";
  return pixels.map((pixel) => fitBlockLines(pixel).join(eol) + eol).join("");
}

/** The lines of one pixel's block, without line endings. */
export function fitBlockLines(pixel: MagphysPixelFit): string[] {
  checkShape(pixel);
  const row = (values: readonly number[], format: NumberFormat) => values.map((v) => formatNumber(v, format)).join("");
  const names = filterNamesLine(pixel.filterNames);
  const model = pixel.bestFitModel;
  const lines = [
    PIXEL_HEADER_PREFIX + `pix${pixel.pixelId}`.padEnd(PIXEL_NAME_WIDTH),
    COMMENT.observedFluxes,
    names,
    row(pixel.observedFlux, FLUX_FORMAT),
    row(pixel.observedSigma, FLUX_FORMAT),
    COMMENT.blank,
    COMMENT.results,
    COMMENT.blank,
    COMMENT.bestFitModel,
    formatInteger(model.iSfh, MODEL.iSfh) +
      formatInteger(model.iIr, MODEL.iIr) +
      formatNumber(model.chi2, MODEL.chi2) +
      formatNumber(model.redshift, MODEL.redshift),
    BEST_FIT_HEADER,
    BEST_FIT_ORDER.map((id) => formatNumber(pixel.bestFit[id - 1], BEST_FIT_FORMAT[id])).join(""),
    names,
    row(pixel.modelFlux, FLUX_FORMAT),
    COMMENT.blank,
    COMMENT.histograms,
  ];
  for (const parameter of PARAMETERS) lines.push(...pdfLines(parameter.id, pixel.pdfs[parameter.index]));
  const sky = pixel.skyNet;
  lines.push(
    COMMENT.skyNetModel,
    formatInteger(sky.iSfh, SKYNET_MODEL.iSfh) +
      formatInteger(sky.iIr, SKYNET_MODEL.iIr) +
      formatScientificZeroScale(
        sky.stellarMassScale,
        SKYNET_MODEL.stellarMassScale.width,
        SKYNET_MODEL.stellarMassScale.decimals,
      ) +
      formatScientificZeroScale(sky.fmuSfh, SKYNET_MODEL.fmuSfh.width, SKYNET_MODEL.fmuSfh.decimals) +
      formatScientificZeroScale(sky.redshift, SKYNET_MODEL.redshift.width, SKYNET_MODEL.redshift.decimals),
  );
  return lines;
}

function pdfLines(parameterId: number, pdf: ParameterPdf): string[] {
  const layout = PDF_LAYOUT[parameterId];
  const p = pdf.percentiles;
  return [
    layout.header,
    ...pdf.histogram.map(([x, prob]) => formatNumber(x, layout.histogramX) + formatNumber(prob, PROBABILITY_FORMAT)),
    COMMENT.percentiles,
    [p.p2_5, p.p16, p.p50, p.p84, p.p97_5].map((v) => formatNumber(v, layout.percentiles)).join(""),
    COMMENT.skyNet2,
    [pdf.highestProbBin, pdf.firstBin, pdf.lastBin, pdf.binStep].map((v) => formatNumber(v, SKYNET2_FORMAT)).join(""),
  ];
}

// A malformed structure is a bug in the caller (the demo generator), not bad input: RangeError.
function checkShape(pixel: MagphysPixelFit): void {
  const n = pixel.filterNames.length;
  const problems = [
    !Number.isSafeInteger(pixel.pixelId) || pixel.pixelId < 0 ? `pixel id ${pixel.pixelId}` : "",
    n === 0 ? "no filters" : "",
    pixel.filterNames.some((name) => !/^\S+$/.test(name)) ? "a filter name is empty or contains blanks" : "",
    pixel.observedFlux.length !== n || pixel.observedSigma.length !== n || pixel.modelFlux.length !== n
      ? `flux arrays do not have ${n} values`
      : "",
    pixel.bestFit.length !== PARAMETER_COUNT ? `${pixel.bestFit.length} best-fit values` : "",
    pixel.pdfs.length !== PARAMETER_COUNT ? `${pixel.pdfs.length} PDFs` : "",
    pixel.pdfs.some((pdf) => pdf.histogram.length === 0) ? "an empty histogram" : "",
  ].filter(Boolean);
  if (problems.length) throw new RangeError(`cannot write pixel ${pixel.pixelId}: ${problems.join("; ")}`);
}
