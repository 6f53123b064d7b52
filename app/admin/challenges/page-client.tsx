"use client";
// Define a challenge: name, description, the UTC window, and the teams taking part or all teams.
import { useActionState, useState } from "react";
import { FormMessage } from "@/components/account/form-message";
import { TextField, inputClass, primaryButtonClass } from "@/components/account/text-field";
import type { ChallengeFormState } from "@/components/challenges/challenge-form-state";

export function CreateChallengeForm({
  action,
}: {
  action: (state: ChallengeFormState, form: FormData) => Promise<ChallengeFormState>;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const [scope, setScope] = useState<"teams" | "open">("teams");
  // A refused form comes back with what was sent (React empties a form after its action).
  const sent = state?.fields ?? {};
  return (
    <form
      action={formAction}
      className="grid gap-4 rounded-xl border border-line bg-panel/60 p-4"
      data-testid="create-challenge"
    >
      <div className="grid gap-4 md:grid-cols-2">
        <TextField
          label="Name"
          name="name"
          required
          maxLength={120}
          placeholder="e.g. Spring Spiral Sprint"
          defaultValue={sent.name}
        />
        <label className="flex flex-col gap-1 text-sm md:row-span-2">
          <span className="text-muted">Description</span>
          <textarea
            name="description"
            maxLength={2000}
            rows={4}
            className={inputClass}
            defaultValue={sent.description}
          />
        </label>
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField label="Start (UTC)" name="start" type="datetime-local" required defaultValue={sent.start} />
          <TextField label="End (UTC)" name="end" type="datetime-local" required defaultValue={sent.end} />
        </div>
      </div>
      <fieldset className="grid gap-2 text-sm">
        <legend className="mb-1 text-muted">Who takes part</legend>
        <label className="flex items-center gap-2">
          <input
            type="radio"
            name="scope"
            value="teams"
            checked={scope === "teams"}
            onChange={() => setScope("teams")}
          />
          These teams
        </label>
        {scope === "teams" ? (
          <TextField
            label="Team ids"
            name="teams"
            required
            inputMode="numeric"
            placeholder="12, 34, 56"
            defaultValue={sent.teams}
            hint="Numbers from the teams' pages (/teams/12). A team added after the start counts from the next export."
          />
        ) : null}
        <label className="flex items-center gap-2">
          <input type="radio" name="scope" value="open" checked={scope === "open"} onChange={() => setScope("open")} />
          Every team (open to all)
        </label>
      </fieldset>
      <div className="flex flex-wrap items-center gap-4">
        <button className={primaryButtonClass} disabled={pending}>
          {pending ? "Creating…" : "Create challenge"}
        </button>
        <FormMessage state={state} testId="create-challenge-message" />
      </div>
    </form>
  );
}
