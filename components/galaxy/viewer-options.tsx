"use client";
// The deep-zoom viewer's options: the maps' colour range, image 1 beneath the maps (and how much
// it shows through), and the two overlays (the chosen volunteer's work units, progress by date).
import type { VolunteerAreas } from "@/lib/maps/service/areas";
import { StretchSwitch, type Stretch } from "./stretch-switch";
import { Check } from "./viewer-controls";

export interface ViewerOptions {
  beneath: boolean;
  /** Of the maps, when image 1 is beneath them. */
  opacity: number;
  showAreas: boolean;
  showProgress: boolean;
}

export const INITIAL_OPTIONS: ViewerOptions = { beneath: false, opacity: 1, showAreas: true, showProgress: false };

export function ViewerOptionsBar({
  options,
  onChange,
  showsMaps,
  hasComposite,
  stretch,
  onStretch,
  volunteerAreas,
}: {
  options: ViewerOptions;
  onChange: (change: Partial<ViewerOptions>) => void;
  showsMaps: boolean;
  hasComposite: boolean;
  stretch: Stretch;
  onStretch: (s: Stretch) => void;
  volunteerAreas: VolunteerAreas | null;
}) {
  const { beneath, opacity, showAreas, showProgress } = options;
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-1.5 px-3 pb-2 text-xs">
      {showsMaps ? <StretchSwitch value={stretch} onChange={onStretch} /> : null}
      {showsMaps && hasComposite ? (
        <Check checked={beneath} onChange={(v) => onChange({ beneath: v })} testId="toggle-beneath">
          Image 1 beneath
        </Check>
      ) : null}
      {showsMaps && hasComposite && beneath ? (
        <label className="flex items-center gap-1.5">
          <span className="text-muted">map opacity</span>
          <input
            type="range"
            min={0.1}
            max={1}
            step={0.05}
            value={opacity}
            onChange={(e) => onChange({ opacity: Number(e.target.value) })}
            className="w-20 accent-accent-2"
            aria-label="Map opacity"
          />
        </label>
      ) : null}
      <Check
        checked={showAreas && !!volunteerAreas}
        disabled={!volunteerAreas}
        onChange={(v) => onChange({ showAreas: v })}
        testId="toggle-areas"
      >
        {volunteerAreas ? (
          <>
            Work units of {volunteerAreas.user?.name ?? "the volunteer"}{" "}
            <span className="tabular text-muted">
              ({volunteerAreas.areaCount} · {volunteerAreas.pixelCount} px)
            </span>
          </>
        ) : (
          "A volunteer's work units (choose one on the page)"
        )}
      </Check>
      <Check checked={showProgress} onChange={(v) => onChange({ showProgress: v })} testId="toggle-progress">
        Progress by date
      </Check>
    </div>
  );
}
