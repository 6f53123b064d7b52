"use client";
// The work units one volunteer processed in a galaxy (`GET /api/galaxies/<id>/areas?user=`),
// kept in the `?user=` of the page URL. Read again when the galaxy's results version changes,
// since a new result may be theirs.
import { useEffect, useRef, useState } from "react";
import type { VolunteerAreas } from "@/lib/maps/service/areas";
import { replaceQuery } from "./view-state";

export type VolunteerState =
  | { status: "none" }
  | { status: "loading"; userId: number }
  | { status: "ok"; userId: number; areas: VolunteerAreas }
  | { status: "error"; userId: number; message: string };

export function useVolunteerAreas(galaxyId: number, resultsVersion: number) {
  const [userId, setUserId] = useState<number | null>(null);
  const [state, setState] = useState<VolunteerState>({ status: "none" });
  // What the state holds: "<user>:<version>".
  const holds = useRef("");

  useEffect(() => {
    if (userId === null) return;
    const key = `${userId}:${resultsVersion}`;
    if (holds.current === key) return;
    const controller = new AbortController();
    (async () => {
      try {
        const response = await fetch(`/api/galaxies/${galaxyId}/areas?user=${userId}`, { signal: controller.signal });
        const body = await response.json();
        if (!response.ok) throw new Error(body?.error?.message ?? `HTTP ${response.status}`);
        setState({ status: "ok", userId, areas: body as VolunteerAreas });
      } catch (error) {
        if (controller.signal.aborted) return;
        setState({ status: "error", userId, message: error instanceof Error ? error.message : String(error) });
      }
      holds.current = key;
    })();
    return () => controller.abort();
  }, [galaxyId, userId, resultsVersion]);

  const choose = (id: number | null) => {
    holds.current = "";
    setUserId(id);
    setState(id === null ? { status: "none" } : { status: "loading", userId: id });
    replaceQuery({ user: id === null ? null : String(id) });
  };

  return { userId, state, choose };
}
