"use client";
// Signs out through next-auth (a CSRF-checked POST), then shows the home page with the header
// read again and the router's cached pages dropped, so nothing of the account stays on screen.
import { signOut } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { refreshAccountSession } from "./use-account-session";

export function SignOutButton({ className }: { className?: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      className={className}
      disabled={pending}
      onClick={async () => {
        setPending(true);
        await signOut({ redirect: false });
        await refreshAccountSession();
        router.push("/");
        router.refresh();
        setPending(false);
      }}
    >
      {pending ? "Signing out…" : "Sign out"}
    </button>
  );
}
