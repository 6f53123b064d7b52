"use client";
// The parameters, statistics and format of a subset request, shared by the galaxy data page and
// the catalogue's multi-galaxy job form.
import { MAP_VALUES, PARAMETERS, STATISTICS } from "@/lib/survey/parameters";

export interface SubsetOptionsValue {
  parameters: string[];
  statistics: string[];
  format: "fits" | "hdf5";
}

export const DEFAULT_OPTIONS: SubsetOptionsValue = {
  parameters: MAP_VALUES.map((m) => PARAMETERS[m.parameterId - 1].column),
  statistics: ["percentile_50"],
  format: "fits",
};

const toggle = (list: string[], item: string, order: string[]) =>
  list.includes(item) ? list.filter((x) => x !== item) : order.filter((x) => x === item || list.includes(x));

const ALL_PARAMETERS = PARAMETERS.map((p) => p.column);
const ALL_STATISTICS = STATISTICS.map((s) => s.feature);

export function SubsetOptions({
  value,
  onChange,
}: {
  value: SubsetOptionsValue;
  onChange: (value: SubsetOptionsValue) => void;
}) {
  return (
    <div className="grid gap-4 md:grid-cols-[2fr_1fr]">
      <fieldset>
        <legend className="mb-2 text-sm font-medium">
          Parameters <span className="font-normal text-muted">(one FITS extension each)</span>
        </legend>
        <div className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-2">
          {PARAMETERS.map((p) => (
            <label key={p.column} className="flex items-center gap-2" title={p.title}>
              <input
                type="checkbox"
                className="accent-accent"
                checked={value.parameters.includes(p.column)}
                onChange={() => onChange({ ...value, parameters: toggle(value.parameters, p.column, ALL_PARAMETERS) })}
              />
              <span className="font-mono text-xs">{p.column}</span>
              <span className="truncate text-muted">{p.label}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="space-y-4">
        <fieldset>
          <legend className="mb-2 text-sm font-medium">Statistics</legend>
          <div className="space-y-1 text-sm">
            {STATISTICS.map((s) => (
              <label key={s.feature} className="flex items-center gap-2">
                <input
                  type="checkbox"
                  className="accent-accent"
                  checked={value.statistics.includes(s.feature)}
                  onChange={() => onChange({ ...value, statistics: toggle(value.statistics, s.feature, ALL_STATISTICS) })}
                />
                <span>{s.label}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend className="mb-2 text-sm font-medium">Format</legend>
          <div className="flex gap-4 text-sm">
            {(["fits", "hdf5"] as const).map((f) => (
              <label key={f} className="flex items-center gap-2">
                <input
                  type="radio"
                  name="format"
                  className="accent-accent"
                  checked={value.format === f}
                  onChange={() => onChange({ ...value, format: f })}
                />
                {f === "fits" ? "FITS" : "HDF5"}
              </label>
            ))}
          </div>
        </fieldset>
      </div>
    </div>
  );
}
