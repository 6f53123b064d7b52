import type { Metadata } from "next";
import Link from "next/link";
import { ApiTokenForm } from "@/components/account/api-token-form";
import { ApiTokenTable } from "@/components/account/api-token-table";
import { BoincLinkForm } from "@/components/account/boinc-link-form";
import { BoincLinkedCard } from "@/components/account/boinc-linked-card";
import { PrivacyForm } from "@/components/account/privacy-form";
import { RefreshAccountSession } from "@/components/account/refresh-account-session";
import { SignOutButton } from "@/components/account/sign-out-button";
import { secondaryButtonClass } from "@/components/account/text-field";
import { Section } from "@/components/ui/section";
import { getAccountApiTokens, getAccountOverview } from "@/lib/auth/queries";
import { requireSignedIn } from "@/lib/auth/session";
import { settings } from "@/lib/config";
import { formatDate, formatDateTime } from "@/lib/format";
import { createTokenAction, linkBoincAction, revokeTokenAction, savePrivacyAction, unlinkBoincAction } from "./actions";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const session = await requireSignedIn("/account");
  const [account, tokens] = await Promise.all([
    getAccountOverview(session.accountId),
    getAccountApiTokens(session.accountId),
  ]);
  // The session read the account a moment ago; only a deletion in between gets here.
  if (!account) return <p className="text-muted">This account no longer exists.</p>;
  const projectUrl = settings().boincProjectUrl;
  const boinc = account.boincUser;
  return (
    <>
      <RefreshAccountSession boincUserId={boinc?.id ?? null} />
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-3xl font-semibold tracking-tight">Your account</h1>
        <SignOutButton className={secondaryButtonClass} />
      </div>
      <p className="mt-1 text-sm text-muted" data-testid="account-summary">
        Signed in as <span className="font-medium text-text">{account.name}</span> ·{" "}
        {account.role === "admin" ? "admin" : "volunteer"} · account since {formatDate(account.createdAt)}
        {account.lastSignInAt ? ` · last sign-in ${formatDateTime(account.lastSignInAt)}` : ""}
      </p>
      {account.role === "admin" ? (
        <p className="mt-3 text-sm">
          <Link className="font-medium text-accent-2 hover:underline" href="/admin">
            Administration →
          </Link>{" "}
          <span className="text-muted">accounts and the operators&apos; tools</span>
        </p>
      ) : null}

      <Section title="BOINC account">
        {boinc ? (
          <BoincLinkedCard boinc={boinc} linkedAt={account.boincLinkedAt} unlink={unlinkBoincAction} />
        ) : projectUrl ? (
          <>
            <p className="mb-4 max-w-2xl text-sm text-muted">
              Link the BOINC account your computers crunch POGS with, and the portal shows your work units on every
              galaxy, your galaxies and your rank.
            </p>
            <BoincLinkForm action={linkBoincAction} projectHost={new URL(projectUrl).host} />
          </>
        ) : (
          <p className="text-sm text-muted" data-testid="boinc-link-unavailable">
            Linking a BOINC account is not set up on this portal (its operator sets BOINC_PROJECT_URL). Meanwhile any
            volunteer&apos;s work units can be shown on a galaxy page by their BOINC user id.
          </p>
        )}
      </Section>

      <Section title="Privacy">
        <PrivacyForm action={savePrivacyAction} hideFromLists={account.hideFromLists} />
      </Section>

      <Section title="API tokens">
        <p className="mb-4 max-w-2xl text-sm text-muted">
          Scripts that download survey data send a token as{" "}
          <code className="font-mono text-xs">Authorization: Bearer &lt;token&gt;</code> and get the higher limits of a
          signed-in account. Revoke a token as soon as you no longer need it.
        </p>
        <ApiTokenForm action={createTokenAction} />
        <div className="mt-4">
          <ApiTokenTable tokens={tokens} revoke={revokeTokenAction} />
        </div>
      </Section>
    </>
  );
}
