"use client";
// The account slot of the header: "Sign in" for visitors; for a signed-in volunteer their name
// (the link to their account page), "My galaxies" once a BOINC account is linked, and "Sign out".
// Kept to three short items so the header stays one row beside the navigation.
import Link from "next/link";
import { SignOutButton } from "./sign-out-button";
import { useAccountSession } from "./use-account-session";

const link = "text-muted hover:text-text focus-visible:outline-2 focus-visible:outline-accent";

export function AccountMenu() {
  const session = useAccountSession();
  if (session.status === "loading") return <span className="inline-block h-5 w-16" aria-hidden />;
  const user = session.user;
  if (!user)
    return (
      <Link
        href="/sign-in"
        className="rounded border border-line px-3 py-1 hover:bg-panel-2"
        data-testid="sign-in-link"
      >
        Sign in
      </Link>
    );
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1" data-testid="account-menu">
      <Link
        href="/account"
        className="flex max-w-32 items-center gap-1.5 font-medium hover:text-accent focus-visible:outline-2 focus-visible:outline-accent"
        title="Your account"
      >
        <span aria-hidden className="inline-block h-2 w-2 shrink-0 rounded-full bg-ok" />
        <span className="sr-only">Account: </span>
        <span className="truncate" data-testid="account-name">
          {user.name}
        </span>
      </Link>
      {user.boincUserId !== null ? (
        <Link href={`/users/${user.boincUserId}`} className={link}>
          My galaxies
        </Link>
      ) : null}
      <SignOutButton className={link} />
    </div>
  );
}
