"use client";
// Link a BOINC account: its email address and password (or account key). The Server Action asks
// the BOINC project's Web RPCs whether they are right; nothing typed here is stored.
import { useActionState, useState } from "react";
import type { ActionState } from "./action-state";
import { FormMessage } from "./form-message";
import { primaryButtonClass, TextField } from "./text-field";

export function BoincLinkForm({
  action,
  projectHost,
}: {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  projectHost: string;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  // Kept by hand: React resets a form after its action, and a wrong password should not cost
  // the volunteer the email address they typed.
  const [email, setEmail] = useState("");
  return (
    <form action={formAction} className="grid max-w-xl gap-4" data-testid="boinc-link-form">
      <TextField
        label="BOINC email address"
        name="email"
        type="email"
        autoComplete="off"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        hint="The one your BOINC client or the project's website knows you by."
      />
      <TextField
        label="BOINC password or account key"
        name="secret"
        type="password"
        autoComplete="off"
        required
        hint={
          <>
            Sent to {projectHost} as BOINC&apos;s own clients send it (hashed with your email address) and not kept. An
            account key (from the project&apos;s &ldquo;Account keys&rdquo; page) also works without the email address.
          </>
        }
      />
      <FormMessage state={state} testId="boinc-link-message" />
      <div>
        <button className={primaryButtonClass} disabled={pending}>
          {pending ? `Checking with ${projectHost}…` : "Link BOINC account"}
        </button>
      </div>
    </form>
  );
}
