// What the account page's Server Actions answer, for the forms that show it.
export type ActionState = { ok: boolean; message: string } | null;

/** A new API token comes back once, in the answer of the action that made it. */
export type TokenActionState = (NonNullable<ActionState> & { token?: string }) | null;

export const TOKEN_LIFETIMES = [
  { value: "30", label: "30 days" },
  { value: "90", label: "90 days" },
  { value: "365", label: "1 year" },
  { value: "never", label: "Never" },
] as const;
