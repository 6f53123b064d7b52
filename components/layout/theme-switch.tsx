"use client";
// The header's theme switch: one button that steps through "follow the system", light and dark,
// saying what it does now and what a press will do.
import { useThemeChoice, type ThemeChoice } from "./use-theme-choice";

const NEXT: Record<ThemeChoice, ThemeChoice> = { system: "light", light: "dark", dark: "system" };
const LABEL: Record<ThemeChoice, string> = { system: "System theme", light: "Light theme", dark: "Dark theme" };

function Icon({ choice }: { choice: ThemeChoice }) {
  const common = { width: 16, height: 16, viewBox: "0 0 24 24", fill: "none", stroke: "currentColor", strokeWidth: 2 };
  if (choice === "light")
    return (
      <svg {...common} aria-hidden>
        <circle cx="12" cy="12" r="4" />
        <path d="M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4" />
      </svg>
    );
  if (choice === "dark")
    return (
      <svg {...common} aria-hidden>
        <path d="M21 12.8A9 9 0 1 1 11.2 3a7 7 0 0 0 9.8 9.8z" />
      </svg>
    );
  return (
    <svg {...common} aria-hidden>
      <rect x="3" y="4" width="18" height="12" rx="2" />
      <path d="M8 20h8M12 16v4" />
    </svg>
  );
}

export function ThemeSwitch() {
  const [choice, choose] = useThemeChoice();
  return (
    <button
      type="button"
      onClick={() => choose(NEXT[choice])}
      aria-label={`${LABEL[choice]}; switch to ${LABEL[NEXT[choice]].toLowerCase()}`}
      title={`${LABEL[choice]} (press for ${LABEL[NEXT[choice]].toLowerCase()})`}
      data-testid="theme-switch"
      data-choice={choice}
      className="inline-flex h-8 w-8 items-center justify-center rounded-md border border-line text-muted hover:bg-panel-2 hover:text-text"
    >
      <Icon choice={choice} />
    </button>
  );
}
