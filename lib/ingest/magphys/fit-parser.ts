/**
 * Parser of the POGS MAGPHYS `.fit` output: one block per pixel, concatenated, no end marker
 * (docs/formats.md §4). The whole text is parsed before anything is returned, so a truncated or
 * corrupt file yields a ParseError and never a partial list of pixels.
 */
import { PARAMETER_COUNT, parameterByBestFitName } from "@/lib/survey/parameters";
import { COMMENT } from "./fit-layout";
import { parseFilterNames, parsePdfs } from "./fit-pdf-parser";
import { pixelStatistics } from "./fit-statistics";
import type { BestFitModel, ParsedFitFile, ParsedPixelFit, SkyNetModel } from "./fit-types";
import { LineCursor, splitLines, tokens } from "./line-cursor";

export interface ParseFitOptions {
  fileName?: string;
  /**
   * Number of pixels the work unit had. A file cut exactly between two blocks looks complete, so
   * an ingest that knows the area's pixel count passes it to have the truncation detected.
   */
  expectedPixels?: number;
}

export function parseFit(text: string, options: ParseFitOptions = {}): ParsedFitFile {
  const cursor = new LineCursor(splitLines(text), options.fileName);
  if (cursor.restIsBlank()) throw cursor.error("empty file: expected ' ####### pix<id>'", 1);
  const pixels: ParsedPixelFit[] = [];
  const firstLineOf = new Map<number, number>();
  while (!cursor.restIsBlank()) {
    const pixel = parsePixelBlock(cursor);
    const earlier = firstLineOf.get(pixel.pixelId);
    if (earlier !== undefined) {
      throw cursor.error(`pixel pix${pixel.pixelId} appears twice (first at line ${earlier})`, pixel.firstLine);
    }
    firstLineOf.set(pixel.pixelId, pixel.firstLine);
    pixels.push(pixel);
  }
  if (options.expectedPixels !== undefined && pixels.length !== options.expectedPixels) {
    throw cursor.error(`expected ${options.expectedPixels} pixel blocks, found ${pixels.length}`);
  }
  return { fileName: options.fileName, pixels };
}

function parsePixelBlock(cursor: LineCursor): ParsedPixelFit {
  const firstLine = cursor.lineNumber;
  const pixelId = parsePixelHeader(cursor.take("' ####### pix<id>'"), cursor, firstLine);

  cursor.expectComment(COMMENT.observedFluxes);
  const filterNames = parseFilterNames(cursor, "observed");
  const observedFlux = cursor.expectNumbers(filterNames.length, "observed fluxes");
  const observedSigma = cursor.expectNumbers(filterNames.length, "observed flux errors");

  cursor.expectComment(COMMENT.blank);
  cursor.expectComment(COMMENT.results);
  cursor.expectComment(COMMENT.blank);
  cursor.expectComment(COMMENT.bestFitModel);
  const bestFitModel = parseBestFitModel(cursor);

  const order = parseBestFitHeader(cursor);
  const printed = cursor.expectNumbers(PARAMETER_COUNT, "best-fit parameter values");
  const bestFit = new Array<number>(PARAMETER_COUNT);
  order.forEach((parameterIndex, column) => (bestFit[parameterIndex] = printed[column]));

  const modelLine = cursor.lineNumber;
  const modelNames = parseFilterNames(cursor, "best-fit model");
  if (modelNames.join(" ") !== filterNames.join(" ")) {
    throw cursor.error(
      `model filter names '${modelNames.join(" ")}' differ from observed '${filterNames.join(" ")}'`,
      modelLine,
    );
  }
  const modelFlux = cursor.expectNumbers(filterNames.length, "best-fit model fluxes");

  cursor.expectComment(COMMENT.blank);
  cursor.expectComment(COMMENT.histograms);
  const pdfs = parsePdfs(cursor);

  cursor.expectComment(COMMENT.skyNetModel);
  const skyNet = parseSkyNetModel(cursor);

  const fit = { pixelId, filterNames, observedFlux, observedSigma, bestFitModel, bestFit, modelFlux, pdfs, skyNet };
  return { ...fit, firstLine, statistics: pixelStatistics(fit) };
}

function parsePixelHeader(line: string, cursor: LineCursor, lineNumber: number): number {
  const fields = tokens(line);
  const match = fields.length === 2 && fields[0] === "#######" ? /^pix(\d+)$/.exec(fields[1]) : null;
  const id = match ? Number(match[1]) : Number.NaN;
  if (!Number.isSafeInteger(id)) {
    throw cursor.error(`expected a pixel header ' ####### pix<id>', found '${line.trim()}'`, lineNumber);
  }
  return id;
}

function parseBestFitModel(cursor: LineCursor): BestFitModel {
  const lineNumber = cursor.lineNumber;
  const fields = tokens(cursor.take("the best-fit model (i_sfh i_ir chi2 redshift)"));
  if (fields.length !== 4) {
    throw cursor.error(
      `expected the best-fit model: i_sfh i_ir chi2 redshift, found ${fields.length} fields`,
      lineNumber,
    );
  }
  return {
    iSfh: cursor.integer(fields[0], "i_sfh", lineNumber),
    iIr: cursor.integer(fields[1], "i_ir", lineNumber),
    chi2: cursor.number(fields[2], "chi2", lineNumber),
    redshift: cursor.number(fields[3], "redshift", lineNumber),
  };
}

/** Column → parameter index, read from the header names (the row is not in parameter-id order). */
function parseBestFitHeader(cursor: LineCursor): number[] {
  const line = cursor.take("the best-fit header '#.fmu(SFH)...fmu(IR)...'").trim();
  const lineNumber = cursor.lineNumber - 1;
  const names = line.startsWith("#.") ? line.slice(1).split(/\.+/).filter(Boolean) : [];
  const order = names.map((name) => parameterByBestFitName(name)?.index ?? -1);
  const complete = names.length === PARAMETER_COUNT && !order.includes(-1) && new Set(order).size === PARAMETER_COUNT;
  if (!complete) {
    throw cursor.error(
      `expected the best-fit header naming the 16 parameters ('#.fmu(SFH)...'), found '${line}'`,
      lineNumber,
    );
  }
  return order;
}

function parseSkyNetModel(cursor: LineCursor): SkyNetModel {
  const lineNumber = cursor.lineNumber;
  const what = "the theSkyNet model parameters (i_sfh i_ir M*-scale fmu_sfh z)";
  const fields = tokens(cursor.take(what));
  if (fields.length !== 5) throw cursor.error(`expected ${what}, found ${fields.length} fields`, lineNumber);
  return {
    iSfh: cursor.integer(fields[0], "i_sfh", lineNumber),
    iIr: cursor.integer(fields[1], "i_ir", lineNumber),
    stellarMassScale: cursor.number(fields[2], "M* scale", lineNumber),
    fmuSfh: cursor.number(fields[3], "fmu_sfh", lineNumber),
    redshift: cursor.number(fields[4], "redshift", lineNumber),
  };
}
