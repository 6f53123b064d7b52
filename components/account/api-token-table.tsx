// The account's usable API tokens: which is which (name, first characters), when each was made,
// last used and expires, and a button to revoke it. Revoking is a plain form post, so it works
// before any script has loaded.
import { Table } from "@/components/ui/section";
import { formatDateTime } from "@/lib/format";
import { secondaryButtonClass } from "./text-field";

export type ApiTokenRow = {
  id: number;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
};

export function ApiTokenTable({
  tokens,
  revoke,
}: {
  tokens: ApiTokenRow[];
  revoke: (form: FormData) => Promise<void>;
}) {
  if (tokens.length === 0) return <p className="text-sm text-muted">No API tokens yet.</p>;
  return (
    <Table>
      <thead>
        <tr>
          <th>Name</th>
          <th>Token</th>
          <th className="hidden sm:table-cell">Made</th>
          <th className="hidden sm:table-cell">Last used</th>
          <th className="hidden sm:table-cell">Expires</th>
          {/* relative: an sr-only label positions itself against it, not against the page */}
          <th className="relative">
            <span className="sr-only">Revoke</span>
          </th>
        </tr>
      </thead>
      <tbody data-testid="api-token-rows">
        {tokens.map((t) => (
          <tr key={t.id}>
            <td className="font-medium">{t.name}</td>
            <td className="font-mono text-xs whitespace-nowrap">{t.prefix}…</td>
            <td className="hidden whitespace-nowrap text-muted sm:table-cell">{formatDateTime(t.createdAt)}</td>
            <td className="hidden whitespace-nowrap text-muted sm:table-cell">
              {t.lastUsedAt ? formatDateTime(t.lastUsedAt) : "never"}
            </td>
            <td className="hidden whitespace-nowrap text-muted sm:table-cell">
              {t.expiresAt ? formatDateTime(t.expiresAt) : "never"}
            </td>
            <td className="text-right">
              <form action={revoke}>
                <input type="hidden" name="id" value={t.id} />
                <button className={`${secondaryButtonClass} text-xs`} aria-label={`Revoke token ${t.name}`}>
                  Revoke
                </button>
              </form>
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
