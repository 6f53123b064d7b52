"use client";
// Choose a volunteer (any BOINC user id, as the original site allowed) to draw the work units
// their computer processed over the galaxy's pictures, with the counts and a link to the
// shareable "your areas" image. A plain GET form, so it also works before the scripts load.
import { useState } from "react";
import { formatInt } from "@/lib/format";
import type { VolunteerState } from "./use-volunteer-areas";

export interface Contributor {
  id: number;
  name: string;
}

export function VolunteerPicker({
  galaxyId,
  state,
  contributors,
  onChoose,
  onShow,
}: {
  galaxyId: number;
  state: VolunteerState;
  contributors: Contributor[];
  onChoose: (userId: number | null) => void;
  /** Open the viewer with the areas drawn. */
  onShow: () => void;
}) {
  const current = state.status === "none" ? "" : String(state.userId);
  const [text, setText] = useState(current);
  const [lastCurrent, setLastCurrent] = useState(current);
  if (current !== lastCurrent) {
    setLastCurrent(current);
    setText(current);
  }
  const parsed = /^\s*\d{1,10}\s*$/.test(text) ? Number(text) : null;

  return (
    <div data-testid="volunteer-picker">
      <form
        action={`/galaxies/${galaxyId}`}
        method="get"
        className="flex flex-wrap items-end gap-2 text-sm"
        onSubmit={(e) => {
          e.preventDefault();
          if (parsed !== null && parsed > 0) onChoose(parsed);
        }}
      >
        <label className="flex flex-col gap-1">
          <span className="text-xs text-muted">BOINC user id</span>
          <input
            name="user"
            inputMode="numeric"
            pattern="[0-9]*"
            autoComplete="off"
            list={`contributors-${galaxyId}`}
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder="e.g. 12"
            className="w-36 rounded border border-line bg-panel px-3 py-1.5 placeholder:text-muted focus-visible:outline-2 focus-visible:outline-accent"
          />
        </label>
        <datalist id={`contributors-${galaxyId}`}>
          {contributors.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </datalist>
        <button className="rounded bg-accent px-3 py-1.5 font-medium text-ink focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent">
          Show areas
        </button>
        {state.status !== "none" ? (
          <button
            type="button"
            onClick={() => onChoose(null)}
            className="rounded border border-line px-3 py-1.5 hover:bg-panel-2 focus-visible:outline-2 focus-visible:outline-accent"
          >
            Clear
          </button>
        ) : null}
      </form>
      {contributors.length ? (
        <p className="mt-2 flex flex-wrap gap-x-2 gap-y-1 text-xs text-muted">
          Top contributors:
          {contributors.slice(0, 5).map((c) => (
            <button
              key={c.id}
              type="button"
              onClick={() => onChoose(c.id)}
              className="text-accent-2 hover:underline focus-visible:outline-2 focus-visible:outline-accent"
            >
              {c.name}
            </button>
          ))}
        </p>
      ) : null}
      <div className="mt-3 min-h-6 text-sm" aria-live="polite" data-testid="volunteer-summary">
        {state.status === "loading" ? <span className="text-muted">Looking up user {state.userId}…</span> : null}
        {state.status === "error" ? <span className="text-warn">{state.message}</span> : null}
        {state.status === "ok" ? (
          <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
            <span>
              <span className="font-medium">{state.areas.user?.name ?? `User ${state.userId}`}</span>{" "}
              <span className="text-muted">(BOINC user {state.userId})</span> processed{" "}
              <span className="tabular font-medium" data-testid="volunteer-area-count">
                {formatInt(state.areas.areaCount)}
              </span>{" "}
              {state.areas.areaCount === 1 ? "work unit" : "work units"} of this galaxy:{" "}
              <span className="tabular font-medium" data-testid="volunteer-pixel-count">
                {formatInt(state.areas.pixelCount)}
              </span>{" "}
              pixels.
            </span>
            {state.areas.areaCount > 0 ? (
              <span className="flex flex-wrap gap-3">
                <button
                  type="button"
                  onClick={onShow}
                  className="text-accent-2 hover:underline focus-visible:outline-2 focus-visible:outline-accent"
                >
                  Explore them in the viewer
                </button>
                <a
                  className="text-accent-2 hover:underline"
                  href={`/galaxies/${galaxyId}/images/areas.png?user=${state.userId}`}
                  target="_blank"
                  rel="noopener"
                  data-testid="share-areas-png"
                >
                  Image to share (PNG)
                </a>
              </span>
            ) : null}
          </div>
        ) : null}
      </div>
    </div>
  );
}
