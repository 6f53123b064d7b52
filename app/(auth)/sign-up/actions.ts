"use server";
import { headers } from "next/headers";
import type { SignUpFormState, SignUpInput } from "@/components/account/sign-up-form";
import { clientAddress } from "@/lib/auth/client-address";
import { signUp } from "@/lib/auth/sign-up";
import { db } from "@/lib/db/client";

/** Creates a volunteer account; lib/auth/sign-up.ts validates the input with zod. */
export async function signUpAction(input: SignUpInput): Promise<SignUpFormState> {
  const result = await signUp(db(), input, clientAddress(await headers()));
  return result.ok ? { ok: true } : { ok: false, errors: result.errors };
}
