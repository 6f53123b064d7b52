// What the challenge form's action answers: done or refused, and when refused the fields as they
// were sent, so the form shows them again instead of empty.
export type ChallengeFormFields = Partial<Record<"name" | "description" | "start" | "end" | "teams", string>>;

export type ChallengeFormState = { ok: boolean; message: string; fields?: ChallengeFormFields } | null;
