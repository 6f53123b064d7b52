"use client";
// The region of a subset: the whole image, a pixel box (1-based, inclusive, as SODA's PIXELS) or a
// circle on the sky (RA, Dec in degrees, radius in arcseconds).
export type RegionFieldsValue = {
  kind: "all" | "pixels" | "circle";
  x1: string;
  x2: string;
  y1: string;
  y2: string;
  ra: string;
  dec: string;
  radius: string;
};

const input = "w-full rounded border border-line bg-panel px-2 py-1 text-sm sm:w-28";

function Number_({ label, value, onChange }: { label: string; value: string; onChange: (v: string) => void }) {
  return (
    <label className="flex flex-col gap-1 text-xs text-muted">
      {label}
      <input className={input} inputMode="decimal" value={value} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}

export function RegionFields({
  value,
  onChange,
  width,
  height,
}: {
  value: RegionFieldsValue;
  onChange: (v: RegionFieldsValue) => void;
  width: number;
  height: number;
}) {
  const set = (patch: Partial<RegionFieldsValue>) => onChange({ ...value, ...patch });
  const kinds = [
    ["all", `Whole image (${width} × ${height} px)`],
    ["pixels", "Pixel box"],
    ["circle", "Circle on the sky"],
  ] as const;
  return (
    <fieldset>
      <legend className="mb-2 text-sm font-medium">Region</legend>
      <div className="flex flex-wrap gap-4 text-sm">
        {kinds.map(([kind, label]) => (
          <label key={kind} className="flex items-center gap-2">
            <input type="radio" name="region" className="accent-accent" checked={value.kind === kind} onChange={() => set({ kind })} />
            {label}
          </label>
        ))}
      </div>
      {value.kind === "pixels" ? (
        <div className="mt-3 grid grid-cols-2 gap-3 sm:flex sm:flex-wrap">
          <Number_ label="x from (1…)" value={value.x1} onChange={(x1) => set({ x1 })} />
          <Number_ label={`x to (…${width})`} value={value.x2} onChange={(x2) => set({ x2 })} />
          <Number_ label="y from (1…)" value={value.y1} onChange={(y1) => set({ y1 })} />
          <Number_ label={`y to (…${height})`} value={value.y2} onChange={(y2) => set({ y2 })} />
        </div>
      ) : null}
      {value.kind === "circle" ? (
        <div className="mt-3 grid grid-cols-2 gap-3 sm:flex sm:flex-wrap">
          <Number_ label="RA (deg)" value={value.ra} onChange={(ra) => set({ ra })} />
          <Number_ label="Dec (deg)" value={value.dec} onChange={(dec) => set({ dec })} />
          <Number_ label="Radius (arcsec)" value={value.radius} onChange={(radius) => set({ radius })} />
        </div>
      ) : null}
    </fieldset>
  );
}
