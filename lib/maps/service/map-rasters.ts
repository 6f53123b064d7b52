/**
 * Full-resolution RGBA rasters of a galaxy's maps (image orientation: north up), and their
 * downsampled pyramid levels for on-demand tiles.
 */
import { readFits, readImage } from "@/lib/fits";
import { renderRgbComposite } from "@/lib/maps/composite";
import { compositeWeights } from "@/lib/maps/composite-weights";
import { cropRgba, halveRgba } from "@/lib/maps/downsample";
import { dziMaxLevel, dziTileGrid, dziTileRect } from "@/lib/maps/dzi-geometry";
import {
  galaxyRange,
  PARAMETER_MAP_KEYS,
  PARAMETER_MAPS,
  surveyRange,
  type ParameterMapKey,
  type ValueRange,
} from "@/lib/maps/parameter-maps";
import type { RgbaRaster } from "@/lib/maps/raster";
import { renderParameterMap } from "@/lib/maps/render-parameter-map";
import type { CompositeSource } from "./galaxy-source";
import type { ValueGrids } from "./result-grids";

export type GalaxyRanges = Record<ParameterMapKey, ValueRange | null>;

/** Per-galaxy 2–98 % ranges of the four maps (null where a map has no value yet). */
export function galaxyRanges(values: ValueGrids): GalaxyRanges {
  const ranges = {} as GalaxyRanges;
  for (const key of PARAMETER_MAP_KEYS) ranges[key] = galaxyRange(values[key]);
  return ranges;
}

/**
 * The range a parameter pyramid is drawn with: survey-wide, or the galaxy's own. A galaxy without
 * values has no range of its own; its local map is then drawn with the survey range, which makes
 * no difference since every pixel is transparent.
 */
export function rangeOf(parameter: ParameterMapKey, local: boolean, ranges: GalaxyRanges): ValueRange {
  return (local ? ranges[parameter] : null) ?? surveyRange(parameter);
}

export function renderParameterRaster(
  values: ValueGrids,
  width: number,
  height: number,
  parameter: ParameterMapKey,
  range: ValueRange,
): RgbaRaster {
  return renderParameterMap(values[parameter], width, height, { range, colormap: PARAMETER_MAPS[parameter].colormap });
}

export class LayerSizeError extends Error {}

async function readLayerImage(file: string, width: number, height: number): Promise<Float32Array> {
  const image = readImage(await readFits(file), "IMAGE");
  if (image.width !== width || image.height !== height) {
    throw new LayerSizeError(`${file}: layer is ${image.width}×${image.height}, the galaxy ${width}×${height}`);
  }
  return image.data instanceof Float32Array ? image.data : Float32Array.from(image.data);
}

/** The composite of three layer files: one colour-preserving asinh stretch of the bands on a common scale. */
export async function renderCompositeRaster(
  composite: CompositeSource,
  width: number,
  height: number,
): Promise<RgbaRaster> {
  const { red, green, blue } = composite.files;
  const [r, g, b] = await Promise.all([red, green, blue].map((f) => readLayerImage(f, width, height)));
  const weights = compositeWeights(composite.bands, [r, g, b]);
  return renderRgbComposite({ red: r, green: g, blue: b }, width, height, weights);
}

/**
 * A raster with its pyramid levels, computed lazily by halving (the same arithmetic as the
 * pyramid builder, so a tile cut from level L here has the bytes of tile L in a full build).
 */
export class RasterLevels {
  readonly maxLevel: number;
  private readonly levels: (RgbaRaster | undefined)[];

  constructor(readonly full: RgbaRaster) {
    this.maxLevel = dziMaxLevel(full.width, full.height);
    this.levels = [];
    this.levels[this.maxLevel] = full;
  }

  /** Bytes held once every level is computed (≤ 4/3 of the full raster). */
  get bytes(): number {
    return Math.ceil((this.full.data.byteLength * 4) / 3) + 4 * (this.maxLevel + 1);
  }

  level(level: number): RgbaRaster {
    if (!Number.isInteger(level) || level < 0 || level > this.maxLevel)
      throw new RangeError(`level ${level} outside 0..${this.maxLevel}`);
    for (let l = this.maxLevel - 1; l >= level; l--) this.levels[l] ??= halveRgba(this.levels[l + 1]!);
    return this.levels[level]!;
  }

  /** The pixels of one tile (overlap 0). */
  tile(level: number, col: number, row: number, tileSize: number): RgbaRaster {
    const source = this.level(level);
    const r = dziTileRect(source.width, source.height, col, row, tileSize, 0);
    return cropRgba(source, r.x, r.y, r.width, r.height);
  }
}

/** Whether a DZI of this size has tile (level, col, row). */
export function tileExists(
  width: number,
  height: number,
  level: number,
  col: number,
  row: number,
  tileSize: number,
): boolean {
  const maxLevel = dziMaxLevel(width, height);
  if (level > maxLevel) return false;
  const f = 2 ** (maxLevel - level);
  const { cols, rows } = dziTileGrid(Math.ceil(width / f), Math.ceil(height / f), tileSize);
  return col < cols && row < rows;
}
