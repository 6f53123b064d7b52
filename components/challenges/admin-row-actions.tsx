"use client";
// One challenge's controls on the admin page: add or remove teams, recompute, delete (confirmed).
import { useActionState } from "react";
import type { ActionState } from "@/components/account/action-state";
import { FormMessage } from "@/components/account/form-message";
import { inputClass, secondaryButtonClass } from "@/components/account/text-field";

export function AdminRowActions({
  id,
  name,
  editableTeams,
  changeTeams,
  recompute,
  remove,
}: {
  id: number;
  name: string;
  /** false for challenges open to all teams and for final ones */
  editableTeams: boolean;
  changeTeams: (state: ActionState, form: FormData) => Promise<ActionState>;
  recompute: (form: FormData) => Promise<void>;
  remove: (form: FormData) => Promise<void>;
}) {
  const [state, teamsAction, pending] = useActionState(changeTeams, null);
  return (
    <div className="grid gap-2 text-xs">
      <div className="flex flex-wrap gap-2">
        <form action={recompute}>
          <input type="hidden" name="id" value={id} />
          <button className={secondaryButtonClass}>Recompute</button>
        </form>
        <form
          action={remove}
          onSubmit={(event) => {
            if (!window.confirm(`Delete "${name}" with its standings?`)) event.preventDefault();
          }}
        >
          <input type="hidden" name="id" value={id} />
          <button className={`${secondaryButtonClass} text-warn`}>Delete</button>
        </form>
      </div>
      {editableTeams ? (
        <form action={teamsAction} className="flex flex-wrap items-center gap-2">
          <input type="hidden" name="id" value={id} />
          <input
            name="teams"
            aria-label={`Team ids for ${name}`}
            placeholder="team ids"
            className={`${inputClass.replace("w-full", "w-28")} py-1`}
          />
          <button name="change" value="add" className={secondaryButtonClass} disabled={pending}>
            Add
          </button>
          <button name="change" value="remove" className={secondaryButtonClass} disabled={pending}>
            Remove
          </button>
        </form>
      ) : null}
      {state ? <FormMessage state={state} /> : null}
    </div>
  );
}
