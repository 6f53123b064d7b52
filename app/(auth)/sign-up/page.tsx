import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/account/sign-up-form";
import { safeReturnPath } from "@/lib/auth/return-path";
import { getSession } from "@/lib/auth/session";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/sign-up";
import { signUpAction } from "./actions";

export const metadata: Metadata = { title: "Create an account" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignUpPage({ searchParams }: Props) {
  const raw = (await searchParams).callbackUrl;
  const callbackUrl = safeReturnPath(Array.isArray(raw) ? raw[0] : raw);
  if (await getSession()) redirect(callbackUrl);
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">Create an account</h1>
      <p className="mt-1 mb-6 text-sm text-muted">
        Then link your BOINC account to see where your computer&apos;s work went.
      </p>
      <SignUpForm action={signUpAction} callbackUrl={callbackUrl} minPasswordLength={MIN_PASSWORD_LENGTH} />
    </>
  );
}
