"use client";
// Survey-wide colour ranges (the default: the same colour is the same value on every galaxy) or
// the galaxy's own 2–98 % stretch (more contrast, not comparable between galaxies).
export type Stretch = "survey" | "galaxy";

export function StretchSwitch({ value, onChange }: { value: Stretch; onChange: (s: Stretch) => void }) {
  const options: { value: Stretch; label: string; hint: string }[] = [
    { value: "survey", label: "Survey range", hint: "the same colours mean the same values on every galaxy" },
    { value: "galaxy", label: "This galaxy", hint: "stretched to this galaxy's own 2–98 % range" },
  ];
  return (
    <div
      role="radiogroup"
      aria-label="Colour range"
      className="inline-flex rounded-md border border-line p-0.5 text-xs"
    >
      {options.map((o) => (
        <button
          key={o.value}
          type="button"
          role="radio"
          aria-checked={value === o.value}
          title={o.hint}
          onClick={() => onChange(o.value)}
          className={`rounded px-2 py-1 focus-visible:outline-2 focus-visible:outline-accent ${value === o.value ? "bg-panel-2 text-text" : "text-muted hover:text-text"}`}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}
