"use client";
// Make an API token: a name to tell it apart, and how long it lives. The token itself is shown
// here once, right after it is made; the portal keeps only its hash.
import { useActionState, useState } from "react";
import { TOKEN_LIFETIMES, type TokenActionState } from "./action-state";
import { FormMessage } from "./form-message";
import { inputClass, primaryButtonClass, secondaryButtonClass } from "./text-field";

export function ApiTokenForm({
  action,
}: {
  action: (state: TokenActionState, form: FormData) => Promise<TokenActionState>;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <div className="grid gap-3">
      <form action={formAction} className="flex flex-wrap items-end gap-3 text-sm" data-testid="api-token-form">
        <label className="flex min-w-48 flex-1 flex-col gap-1">
          <span className="text-muted">Token name</span>
          <input name="name" required maxLength={60} placeholder="e.g. laptop download script" className={inputClass} />
        </label>
        <label className="flex flex-col gap-1">
          <span className="text-muted">Expires after</span>
          <select name="lifetime" defaultValue="90" className={inputClass}>
            {TOKEN_LIFETIMES.map((l) => (
              <option key={l.value} value={l.value}>
                {l.label}
              </option>
            ))}
          </select>
        </label>
        <button className={primaryButtonClass} disabled={pending}>
          {pending ? "Making…" : "Make token"}
        </button>
      </form>
      {state?.token ? <NewToken token={state.token} /> : <FormMessage state={state} testId="api-token-message" />}
    </div>
  );
}

function NewToken({ token }: { token: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="rounded-xl border border-ok/60 bg-ok/10 p-4 text-sm" role="status" data-testid="new-api-token">
      <p className="font-medium text-ok">Your new token. Copy it now: it is not shown again.</p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <code
          className="rounded bg-ink px-2 py-1 font-mono text-xs break-all select-all"
          data-testid="new-api-token-value"
        >
          {token}
        </code>
        <button
          type="button"
          className={secondaryButtonClass}
          onClick={async () => {
            await navigator.clipboard.writeText(token);
            setCopied(true);
          }}
        >
          {copied ? "Copied" : "Copy"}
        </button>
      </div>
      <p className="mt-2 text-muted">
        Send it as <code className="font-mono text-xs">Authorization: Bearer {token.slice(0, 11)}…</code> with requests
        to the data API.
      </p>
    </div>
  );
}
