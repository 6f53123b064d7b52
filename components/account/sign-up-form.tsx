"use client";
// A new account: name, email, password twice. The account is made by a Server Action (which
// validates everything again), then signed in through next-auth like any sign-in.
import Link from "next/link";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { signInErrorFromResult } from "@/lib/auth/sign-in-errors";
import type { SignUpField } from "@/lib/auth/sign-up";
import { primaryButtonClass, TextField } from "./text-field";

export type SignUpInput = Record<SignUpField, string>;
export type SignUpFormState = { ok: true } | { ok: false; errors: Partial<Record<SignUpField | "form", string>> };

export function SignUpForm({
  action,
  callbackUrl,
  minPasswordLength,
}: {
  action: (input: SignUpInput) => Promise<SignUpFormState>;
  callbackUrl: string;
  minPasswordLength: number;
}) {
  const [errors, setErrors] = useState<Partial<Record<SignUpField | "form", string>>>({});
  const [pending, setPending] = useState(false);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input: SignUpInput = {
      name: String(form.get("name") ?? ""),
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      confirm: String(form.get("confirm") ?? ""),
    };
    setPending(true);
    setErrors({});
    try {
      const result = await action(input);
      if (!result.ok) {
        setErrors(result.errors);
        setPending(false);
        return;
      }
      const signedIn = await signIn("credentials", { email: input.email, password: input.password, redirect: false });
      if (signedIn?.ok && !signedIn.error) {
        window.location.assign(callbackUrl);
        return;
      }
      setErrors({ form: `Your account is made, but signing in failed: ${signInErrorFromResult(signedIn?.error)}` });
    } catch {
      setErrors({ form: "The portal could not be reached. Check your connection and try again." });
    }
    setPending(false);
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-4">
      <TextField
        label="Name"
        name="name"
        autoComplete="nickname"
        required
        maxLength={60}
        error={errors.name}
        hint="Shown in the header while you are signed in; never in public lists."
      />
      <TextField label="Email" name="email" type="email" autoComplete="email" required error={errors.email} />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={minPasswordLength}
        error={errors.password}
        hint={`At least ${minPasswordLength} characters.`}
      />
      <TextField
        label="Repeat the password"
        name="confirm"
        type="password"
        autoComplete="new-password"
        required
        error={errors.confirm}
      />
      <p className="min-h-5 text-sm text-warn" role="alert" data-testid="sign-up-error">
        {errors.form}
      </p>
      <button className={primaryButtonClass} disabled={pending}>
        {pending ? "Creating your account…" : "Create account"}
      </button>
      <p className="text-sm text-muted">
        Have an account?{" "}
        <Link
          className="text-accent-2 hover:underline"
          href={`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`}
        >
          Sign in
        </Link>
        .
      </p>
    </form>
  );
}
