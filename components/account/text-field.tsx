// A labelled input of the account forms, with its error (announced) or a hint under it.
import { useId } from "react";

export const inputClass =
  "w-full rounded border border-line bg-panel px-3 py-2 placeholder:text-muted focus-visible:outline-2 focus-visible:outline-accent aria-[invalid=true]:border-warn";
export const primaryButtonClass =
  "rounded bg-accent px-4 py-2 font-medium text-ink hover:brightness-110 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent disabled:opacity-60";
export const secondaryButtonClass =
  "rounded border border-line px-3 py-1.5 hover:bg-panel-2 focus-visible:outline-2 focus-visible:outline-accent disabled:opacity-60";

export function TextField({
  label,
  error,
  hint,
  ...input
}: React.InputHTMLAttributes<HTMLInputElement> & { label: string; error?: string; hint?: React.ReactNode }) {
  const id = useId();
  const note = error ?? hint;
  return (
    <div className="flex flex-col gap-1 text-sm">
      <label htmlFor={id} className="text-muted">
        {label}
      </label>
      <input
        id={id}
        className={inputClass}
        aria-invalid={error ? true : undefined}
        aria-describedby={note ? `${id}-note` : undefined}
        {...input}
      />
      {note ? (
        <p
          id={`${id}-note`}
          className={`text-xs ${error ? "text-warn" : "text-muted"}`}
          role={error ? "alert" : undefined}
        >
          {note}
        </p>
      ) : null}
    </div>
  );
}
