/**
 * What a React component needs to draw a colour bar: ticks at round values (d3-scale's
 * `ticks()`, formatted with the matching `tickFormat`), the label with units, and the gradient as
 * CSS or as SVG stops. Pure and free of Node APIs so client components can import it.
 */
import { scaleLinear } from "d3";
import { colormapLut, LUT_SIZE, type ColormapName } from "./colormaps";
import { parameterLabel, PARAMETER_MAPS, type ParameterMapKey, type ValueRange } from "./parameter-maps";

export interface ColorbarTick {
  value: number;
  /** Position along the bar, 0 at `range[0]`, 1 at `range[1]`. */
  position: number;
  text: string;
}

export interface ColorbarModel {
  label: string;
  range: ValueRange;
  colormap: ColormapName;
  ticks: ColorbarTick[];
  /** Ready for `style={{ background }}`. */
  cssGradient: string;
}

/** Round-valued ticks inside the range; `count` is d3's hint, not an exact number. */
export function colorbarTicks(range: ValueRange, count = 5): ColorbarTick[] {
  const scale = scaleLinear().domain([range[0], range[1]]).range([0, 1]);
  const format = scale.tickFormat(count);
  // d3 formats negatives with U+2212 MINUS SIGN, which is what typography wants on a bar.
  return scale.ticks(count).map((value) => ({ value, position: scale(value), text: format(value) }));
}

export interface GradientStop {
  /** 0..1 along the bar. */
  offset: number;
  color: string;
}

/**
 * `stops` colours sampled evenly from the LUT (first and last entries included); 16 stops are
 * visually indistinguishable from 256 on these smooth maps and keep the CSS short.
 */
export function colorbarStops(colormap: ColormapName, stops = 16): GradientStop[] {
  if (!(Number.isInteger(stops) && stops >= 2)) throw new RangeError(`need ≥ 2 stops, got ${stops}`);
  const lut = colormapLut(colormap);
  return Array.from({ length: stops }, (_, s) => {
    const offset = s / (stops - 1);
    const i = Math.round(offset * (LUT_SIZE - 1));
    return { offset, color: `rgb(${lut[3 * i]}, ${lut[3 * i + 1]}, ${lut[3 * i + 2]})` };
  });
}

/** CSS `linear-gradient(to right | to top, …)` of the colour map. */
export function colorbarCssGradient(
  colormap: ColormapName,
  direction: "to right" | "to top" = "to right",
  stops = 16,
): string {
  const parts = colorbarStops(colormap, stops).map(({ offset, color }) => `${color} ${+(offset * 100).toFixed(3)}%`);
  return `linear-gradient(${direction}, ${parts.join(", ")})`;
}

/** Everything for the colour bar of one parameter map. */
export function parameterColorbar(
  key: ParameterMapKey,
  range: ValueRange,
  colormap: ColormapName = PARAMETER_MAPS[key].colormap,
  tickCount = 5,
): ColorbarModel {
  return {
    label: parameterLabel(key),
    range,
    colormap,
    ticks: colorbarTicks(range, tickCount),
    cssGradient: colorbarCssGradient(colormap),
  };
}
