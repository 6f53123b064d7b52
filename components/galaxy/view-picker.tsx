"use client";
// What the deep-zoom viewer shows: one of the four composites, one of the parameter maps (once
// the galaxy has results), or the four maps side by side.
import type { GalaxyMaps } from "@/lib/maps/service/maps-info";
import { ToolButton } from "./viewer-controls";
import { SIDE_BY_SIDE, type ViewKey } from "./view-state";

export function ViewPicker({
  maps,
  view,
  onView,
}: {
  maps: GalaxyMaps;
  view: ViewKey;
  onView: (view: ViewKey) => void;
}) {
  return (
    <nav aria-label="What to show" className="flex items-center gap-1.5 overflow-x-auto px-3 py-2">
      {maps.composites.map((c, i) => (
        <ToolButton
          key={c.key}
          pressed={view === c.key}
          onClick={() => onView(c.key)}
          title={`Image ${i + 1}: red, green, blue = ${c.label}`}
          testId={`view-${c.key}`}
        >
          {i + 1}: {c.label}
        </ToolButton>
      ))}
      {maps.resultsVersion > 0 ? (
        <>
          <span aria-hidden className="mx-1 h-5 w-px shrink-0 bg-line" />
          {maps.maps.map((m) => (
            <ToolButton
              key={m.key}
              pressed={view === m.key}
              onClick={() => onView(m.key)}
              title={m.title}
              testId={`view-${m.key}`}
            >
              {m.label.replace(/ \[.*\]$/, "")}
            </ToolButton>
          ))}
          <ToolButton
            pressed={view === SIDE_BY_SIDE}
            onClick={() => onView(SIDE_BY_SIDE)}
            title="The four maps side by side, in step"
            testId="view-side-by-side"
          >
            ⊞ Side by side
          </ToolButton>
        </>
      ) : null}
    </nav>
  );
}
