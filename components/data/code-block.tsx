// A block of code to copy (Python, curl), with a copy button.
import { CopyButton } from "./copy-button";

export function CodeBlock({ code, label, testId }: { code: string; label: string; testId?: string }) {
  return (
    <div className="rounded-xl border border-line bg-panel/60">
      <div className="flex items-center justify-between border-b border-line/60 px-3 py-1.5 text-xs text-muted">
        <span>{label}</span>
        <CopyButton text={code} />
      </div>
      {/* Focusable, so a keyboard can scroll a long line into view. */}
      <pre className="overflow-x-auto p-3 text-xs leading-relaxed" data-testid={testId} tabIndex={0}>
        <code>{code}</code>
      </pre>
    </div>
  );
}
