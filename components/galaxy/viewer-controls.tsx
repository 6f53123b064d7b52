"use client";
// The viewer's toolbar buttons (a pressed state for the picture shown) and option checkboxes.
import type { ReactNode } from "react";

export function ToolButton({
  pressed,
  onClick,
  children,
  title,
  testId,
}: {
  pressed: boolean;
  onClick: () => void;
  children: ReactNode;
  title?: string;
  testId?: string;
}) {
  return (
    <button
      type="button"
      aria-pressed={pressed}
      onClick={onClick}
      title={title}
      data-testid={testId}
      className={`shrink-0 rounded-md border px-2.5 py-1 text-xs whitespace-nowrap focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-accent ${
        pressed ? "border-accent-2/70 bg-accent-2/15 text-text" : "border-line text-muted hover:text-text"
      }`}
    >
      {children}
    </button>
  );
}

export function Check({
  checked,
  onChange,
  disabled,
  children,
  testId,
}: {
  checked: boolean;
  onChange: (v: boolean) => void;
  disabled?: boolean;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <label className={`flex items-center gap-1.5 whitespace-nowrap ${disabled ? "opacity-50" : ""}`}>
      <input
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.target.checked)}
        className="accent-accent-2"
        data-testid={testId}
      />
      {children}
    </label>
  );
}
