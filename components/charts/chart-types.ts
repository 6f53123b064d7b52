// The kit's data: series of (time, value) points with a label and a unit, and the ticks an axis draws.

export interface ChartPoint {
  /** milliseconds since the epoch (UTC) */
  time: number;
  value: number;
}

export type ValueFormat = "integer" | "decimal" | "compact";

export interface ChartSeries {
  label: string;
  /** the value's unit, shown on its axis, in the readout and the table, e.g. "credits a day" */
  unit: string;
  /** ascending in time */
  points: ChartPoint[];
  /** CSS colour; a palette colour by default */
  color?: string;
  /** how values are written in the readout and the table (axes have their own tick format) */
  format?: ValueFormat;
}

/** A tick on any axis (linear, log, time or category): where it sits in the scale's domain, and its text. */
export interface Tick {
  value: number;
  label: string;
}
