import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/account/sign-in-form";
import { safeReturnPath } from "@/lib/auth/return-path";
import { getSession } from "@/lib/auth/session";
import { signInErrorFromUrl } from "@/lib/auth/sign-in-errors";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function SignInPage({ searchParams }: Props) {
  const query = await searchParams;
  const callbackUrl = safeReturnPath(first(query.callbackUrl));
  if (await getSession()) redirect(callbackUrl);
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">Sign in</h1>
      <p className="mt-1 mb-6 text-sm text-muted">With the email address and password of your POGS Portal account.</p>
      <SignInForm callbackUrl={callbackUrl} initialError={signInErrorFromUrl(first(query.error))} />
    </>
  );
}
