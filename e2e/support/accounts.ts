// Signing up and in through the pages, as a volunteer would, for the accounts and privacy tests.
import { expect, type Page } from "@playwright/test";

export const uniqueEmail = (label: string) =>
  `e2e-${label}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.org`;

export async function signUp(page: Page, account: { name: string; email: string; password: string }) {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(account.name);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password", { exact: true }).fill(account.password);
  await page.getByLabel("Repeat the password").fill(account.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByTestId("account-name")).toHaveText(account.name);
}

/** Fills the sign-in form and submits it; the caller checks where that led. */
export async function submitSignIn(page: Page, email: string, password: string, path = "/sign-in") {
  await page.goto(path);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signIn(page: Page, email: string, password: string) {
  await submitSignIn(page, email, password);
  await expect(page).toHaveURL(/\/account$/);
}

export async function linkBoinc(page: Page, boinc: { email: string; password: string; name: string; id: number }) {
  await page.goto("/account");
  await page.getByLabel("BOINC email address").fill(boinc.email);
  await page.getByLabel("BOINC password or account key").fill(boinc.password);
  await page.getByRole("button", { name: "Link BOINC account" }).click();
  await expect(page.getByTestId("boinc-linked")).toContainText(`${boinc.name} (BOINC user ${boinc.id})`);
}
