// /about explains the science with the survey's own pictures, and every map of the galaxy page
// has a "?" that opens the matching explanation.
import { expect, test, type Locator } from "@playwright/test";
import { one, query } from "@/lib/testing/e2e-survey";

const SECTIONS = [
  "composites",
  "sed-fitting",
  "stellar-mass",
  "star-formation-rate",
  "dust-luminosity",
  "mu",
  "work-units",
  "credit",
  "faq",
];
const MAP_HELP = { m: "stellar-mass", sfr: "star-formation-rate", ldust: "dust-luminosity", mu: "mu" } as const;

/** The galaxy /about illustrates: the most fitted pixels, a spiral preferred (lib/survey/showcase.ts). */
function showcase(): { id: number; name: string } {
  const fitted = query<{ id: number; name: string; hubble_type: string }>(
    "select id, name, hubble_type from galaxy where pixels_processed > 0 order by pixels_processed desc, id limit 12",
  );
  return fitted.find((g) => /^S(A|B|AB)?(a|ab|b|bc|c|cd|d|m)\b/.test(g.hubble_type)) ?? fitted[0];
}

async function loaded(img: Locator): Promise<boolean> {
  return img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0);
}

test("the About page is in the navigation and has every explanation, pictures from the survey's own maps", async ({
  page,
}) => {
  await page.goto("/");
  await page.getByRole("link", { name: "About", exact: true }).first().click();
  await expect(page).toHaveURL(/\/about$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("The science of POGS");
  for (const id of SECTIONS) {
    await expect(page.locator(`section#${id}`)).toHaveCount(1);
    await expect(page.locator(`section#${id} h2`)).toBeVisible();
    // The contents list reaches each one.
    await expect(page.locator(`nav[aria-label="On this page"] a[href="#${id}"]`)).toHaveCount(1);
  }

  const galaxy = showcase();
  await expect(page.getByRole("link", { name: galaxy.name }).first()).toHaveAttribute("href", `/galaxies/${galaxy.id}`);
  const pictures = page.getByTestId("about-picture");
  await expect(pictures).toHaveCount(5); // the composite and the four parameter maps
  for (const img of await pictures.all()) {
    await expect(img).toHaveAttribute("alt", new RegExp(`^${galaxy.name}: `));
    await img.scrollIntoViewIfNeeded();
    await expect.poll(() => loaded(img), { timeout: 15_000 }).toBe(true);
  }
  await expect(page.getByTestId("about-picture-placeholder")).toHaveCount(0);

  // The FAQ opens with the keyboard.
  const question = page.locator("#faq summary").first();
  await question.focus();
  await page.keyboard.press("Enter");
  await expect(page.locator("#faq details").first()).toHaveAttribute("open", "");
});

test("each map of the galaxy page has a help link opening its explanation on /about", async ({ page }) => {
  const { id } = one<{ id: number }>(
    "select id from galaxy where results_version > 0 order by pixels_processed desc, id limit 1",
  );
  await page.goto(`/galaxies/${id}`);
  const gallery = page.getByTestId("map-gallery");
  await expect(gallery.getByTestId("help-composites")).toHaveAttribute("href", "/about#composites");
  for (const anchor of Object.values(MAP_HELP)) {
    await expect(gallery.getByTestId(`help-${anchor}`)).toHaveAttribute("href", `/about#${anchor}`);
  }
  await gallery.getByTestId("help-stellar-mass").click();
  await expect(page).toHaveURL(/\/about#stellar-mass$/);
  await expect(page.locator("section#stellar-mass")).toBeInViewport();
  await expect(page.locator("section#stellar-mass h2")).toContainText("Stellar mass");
});
