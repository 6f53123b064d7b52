"use client";
// Email and password, checked by next-auth's Credentials provider. The server's reason for a
// refusal (wrong password, locked account, too many attempts) is shown as it comes.
import Link from "next/link";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { signInErrorFromResult } from "@/lib/auth/sign-in-errors";
import { primaryButtonClass, TextField } from "./text-field";

export function SignInForm({ callbackUrl, initialError }: { callbackUrl: string; initialError?: string }) {
  const [error, setError] = useState(initialError);
  const [pending, setPending] = useState(false);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(undefined);
    try {
      const result = await signIn("credentials", {
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
        redirect: false,
      });
      if (result?.ok && !result.error) {
        window.location.assign(callbackUrl);
        return;
      }
      setError(signInErrorFromResult(result?.error));
    } catch {
      setError("The portal could not be reached. Check your connection and try again.");
    }
    setPending(false);
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-4">
      <TextField label="Email" name="email" type="email" autoComplete="email" required />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" required />
      <p className="min-h-5 text-sm text-warn" role="alert" data-testid="sign-in-error">
        {error}
      </p>
      <button className={primaryButtonClass} disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
      <p className="text-sm text-muted">
        No account yet?{" "}
        <Link
          className="text-accent-2 hover:underline"
          href={`/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}`}
        >
          Create one
        </Link>
        .
      </p>
    </form>
  );
}
