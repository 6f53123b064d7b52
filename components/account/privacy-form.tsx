"use client";
// Whether the volunteer appears in the portal's public lists (leaderboards, team rosters, trophy
// holders). BOINC itself publishes credit, so this is about this portal's lists only.
import { useActionState } from "react";
import type { ActionState } from "./action-state";
import { FormMessage } from "./form-message";
import { secondaryButtonClass } from "./text-field";

export function PrivacyForm({
  action,
  hideFromLists,
}: {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  hideFromLists: boolean;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="grid max-w-xl gap-3 text-sm" data-testid="privacy-form">
      <label className="flex items-start gap-3">
        <input
          type="checkbox"
          name="hideFromLists"
          defaultChecked={hideFromLists}
          className="mt-0.5 h-4 w-4 accent-accent"
        />
        <span>
          Leave me out of public lists: leaderboards, team member lists and trophy holders.
          <span className="mt-1 block text-muted">
            Your volunteer page stays reachable by its address and then shows only what the BOINC project itself
            publishes about you.
          </span>
        </span>
      </label>
      <FormMessage state={state} testId="privacy-message" />
      <div>
        <button className={secondaryButtonClass} disabled={pending}>
          {pending ? "Saving…" : "Save privacy setting"}
        </button>
      </div>
    </form>
  );
}
