// Screenshots of a page at desktop and phone width, light and dark, under e2e/screenshots/ for a
// person to look at (the directory is gitignored).
import { expect, type Page } from "@playwright/test";

const SIZES = { desktop: { width: 1280, height: 900 }, phone: { width: 375, height: 812 } } as const;

export async function screenshotEverywhere(page: Page, name: string, path: string): Promise<void> {
  for (const scheme of ["light", "dark"] as const) {
    for (const [size, viewport] of Object.entries(SIZES)) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize(viewport);
      await page.goto(path);
      await page.waitForLoadState("load");
      // Streamed sections have replaced their skeletons.
      await expect(page.locator('[role="status"][aria-label^="Loading"]')).toHaveCount(0);
      await page.screenshot({ path: `e2e/screenshots/${name}-${size}-${scheme}.png`, fullPage: true });
    }
  }
}
