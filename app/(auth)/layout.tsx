// The sign-in and sign-up pages: one narrow card, with what an account is for beside it.
export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="mx-auto grid max-w-4xl gap-10 py-4 md:grid-cols-[minmax(0,1fr)_16rem]">
      <div className="rounded-xl border border-line bg-panel/70 p-6 sm:p-8">{children}</div>
      <aside className="text-sm text-muted">
        <h2 className="mb-2 font-semibold text-text">Why an account?</h2>
        <ul className="list-disc space-y-2 pl-5">
          <li>Link your BOINC account and see your own work units on every galaxy.</li>
          <li>Jump to your place in the leaderboards.</li>
          <li>Make API tokens for scripts that download survey data.</li>
        </ul>
        <p className="mt-4">
          Your email address and password stay with the portal: they are never shown on any page. The survey&apos;s
          pages are public without an account.
        </p>
      </aside>
    </div>
  );
}
