"use client";
// The reader asked for less motion (prefers-reduced-motion): viewers jump instead of gliding.
// Read at once (not after mounting) so a viewer is not built twice; it only steers animation
// settings, never markup, so server and client renders agree.
import { useEffect, useState } from "react";

const QUERY = "(prefers-reduced-motion: reduce)";

export function useReducedMotion(): boolean {
  const [reduced, setReduced] = useState(() => typeof window !== "undefined" && window.matchMedia(QUERY).matches);
  useEffect(() => {
    const query = window.matchMedia(QUERY);
    const update = () => setReduced(query.matches);
    query.addEventListener("change", update);
    return () => query.removeEventListener("change", update);
  }, []);
  return reduced;
}
