"use client";
/**
 * The reader's theme choice ("system", "light" or "dark"), remembered in localStorage and shared by
 * every tab (the storage event). Applying a choice writes <html data-theme> as the inline theme
 * script does at load; while the choice is "system" the page follows the system's changes live.
 */
import { useEffect, useSyncExternalStore } from "react";
import { THEME_STORAGE_KEY } from "@/lib/security/theme-script";

export type ThemeChoice = "system" | "light" | "dark";

const LIGHT_QUERY = "(prefers-color-scheme: light)";
const CHANGED = "pogs-theme-change";

function readChoice(): ThemeChoice {
  try {
    const stored = localStorage.getItem(THEME_STORAGE_KEY);
    return stored === "light" || stored === "dark" ? stored : "system";
  } catch {
    return "system";
  }
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener("storage", onChange);
  window.addEventListener(CHANGED, onChange);
  return () => {
    window.removeEventListener("storage", onChange);
    window.removeEventListener(CHANGED, onChange);
  };
}

function apply(choice: ThemeChoice): void {
  const theme = choice === "system" ? (matchMedia(LIGHT_QUERY).matches ? "light" : "dark") : choice;
  document.documentElement.dataset.theme = theme;
}

export function useThemeChoice(): [ThemeChoice, (choice: ThemeChoice) => void] {
  // The server cannot know the choice: it renders "system", and the browser's value follows hydration.
  const choice = useSyncExternalStore(subscribe, readChoice, () => "system" as const);

  useEffect(() => {
    apply(choice);
    if (choice !== "system") return;
    const query = matchMedia(LIGHT_QUERY);
    const follow = () => apply("system");
    query.addEventListener("change", follow);
    return () => query.removeEventListener("change", follow);
  }, [choice]);

  const choose = (next: ThemeChoice) => {
    try {
      if (next === "system") localStorage.removeItem(THEME_STORAGE_KEY);
      else localStorage.setItem(THEME_STORAGE_KEY, next);
    } catch {
      // Storage refused (privacy modes): nothing can be remembered, the page follows the system.
    }
    window.dispatchEvent(new Event(CHANGED));
  };
  return [choice, choose];
}
