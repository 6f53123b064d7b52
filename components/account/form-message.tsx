// The answer of an account form's action: green when done, amber when refused.
import type { ActionState } from "./action-state";

export function FormMessage({ state, testId }: { state: ActionState; testId?: string }) {
  return (
    <p
      className={`min-h-5 text-sm ${state?.ok ? "text-ok" : "text-warn"}`}
      role={state && !state.ok ? "alert" : "status"}
      data-testid={testId}
    >
      {state?.message}
    </p>
  );
}
