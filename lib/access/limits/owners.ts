// The owner key of a job: the account that asked (through an API token or its session), or a
// hash of the client's address for anonymous callers (the address itself is never stored).
import { createHash } from "node:crypto";

export function addressOwner(address: string): string {
  return `address:${createHash("sha256").update(`pogs-data-owner:${address}`).digest("hex")}`;
}

export const accountOwner = (accountId: number) => `account:${accountId}`;
