"use client";
// The parts of a galaxy page that live in its address: the volunteer whose work units are shown
// (`?user=`) and the map open in the viewer (`?view=`). The server renders one page for everyone
// (it is cached); the browser applies these once, on arrival.
import { useEffect, useRef } from "react";
import { parseViewKey, type ViewKey } from "./view-state";

export function useAddressState(showView: (key: ViewKey) => void, chooseVolunteer: (userId: number) => void): void {
  const applied = useRef(false);
  useEffect(() => {
    if (applied.current) return;
    applied.current = true;
    const query = new URL(window.location.href).searchParams;
    const view = parseViewKey(query.get("view"));
    if (view) showView(view);
    const user = query.get("user")?.trim() ?? "";
    if (/^\d{1,9}$/.test(user) && Number(user) > 0) chooseVolunteer(Number(user));
  }, [showView, chooseVolunteer]);
}
