// Screenshots of a page at desktop and phone width, light and dark, under e2e/screenshots/ for a
// person to look at (the directory is gitignored), with the accessibility scan in both colour schemes
// where asked (contrast differs). The page is loaded once: the colour scheme and the width are CSS
// media queries that apply in place (no page reads them from script), so switching them shows what a
// page loaded that way shows, without three more server renders and hydrations.
import { mkdirSync } from "node:fs";
import { expect, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./dashboard-support.ts";

const SIZES = { desktop: { width: 1280, height: 900 }, phone: { width: 375, height: 812 } } as const;

export async function screenshotEverywhere(
  page: Page,
  name: string,
  path: string,
  options: { ready?: (page: Page) => Promise<void>; scan?: boolean } = {},
): Promise<void> {
  mkdirSync("e2e/screenshots", { recursive: true });
  await page.setViewportSize(SIZES.desktop);
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto(path);
  await page.waitForLoadState("load");
  // Streamed sections have replaced their skeletons.
  await expect(page.locator('[role="status"][aria-label^="Loading"]')).toHaveCount(0);
  await options.ready?.(page);
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const [size, viewport] of Object.entries(SIZES)) {
      await page.setViewportSize(viewport);
      // Charts re-measure on resize (ResizeObserver): two frames for them to render at the new width.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      if (options.scan && size === "desktop") await expectNoSeriousA11yViolations(page);
      await page.screenshot({ path: `e2e/screenshots/${name}-${size}-${scheme}.png`, fullPage: true });
    }
  }
  // Left as it was found: desktop width, light.
  await page.setViewportSize(SIZES.desktop);
  await page.emulateMedia({ colorScheme: "light" });
}
