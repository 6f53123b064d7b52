// tsx scripts/account.ts list | role <email> <volunteer|admin> | unlock <email> | delete <email>
// Portal accounts from the command line: make the first admin, let a locked-out volunteer in,
// remove an account (the demo's public ones before real volunteers arrive).
import { settings } from "@/lib/config";
import { deleteAccount, listAccounts, setAccountRole, unlockAccount } from "@/lib/auth/account-admin";
import { db } from "@/lib/db/client";
import { runCli } from "./cli";

const USAGE = "usage: account list | role <email> <volunteer|admin> | unlock <email> | delete <email>";

await runCli(async () => {
  settings();
  const [command, email, role] = process.argv.slice(2);
  const need = (n: number) => {
    if (process.argv.length - 2 !== n) throw new Error(USAGE);
  };
  switch (command) {
    case "list": {
      need(1);
      for (const a of await listAccounts(db())) {
        const locked =
          a.lockedUntil && a.lockedUntil > new Date() ? ` locked until ${a.lockedUntil.toISOString()}` : "";
        const boinc = a.boincUserId ? ` BOINC user ${a.boincUserId}` : "";
        console.log(`${a.id}\t${a.email}\t${a.role}\t${a.name}${boinc}${locked}`);
      }
      break;
    }
    case "role":
      need(3);
      await setAccountRole(db(), email, role);
      console.log(`${email} is now ${role}`);
      break;
    case "unlock":
      need(2);
      await unlockAccount(db(), email);
      console.log(`${email} can sign in again`);
      break;
    case "delete":
      need(2);
      await deleteAccount(db(), email);
      console.log(`${email} deleted`);
      break;
    default:
      throw new Error(USAGE);
  }
  await db().$disconnect();
});
