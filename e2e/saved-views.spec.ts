// Saved views on the calls page: name the current filter, open it from the list, rename, delete.
import { axe } from "./dashboard-support.ts";
import { expect, test } from "@playwright/test";
import { payloadFor } from "../test/support/voxia-fixtures.ts";

const CAMPAIGN = { id: "camp-views-e2e", name: "Views e2e" };

test.beforeAll(async ({ request }) => {
  for (const [id, outcome, name] of [
    ["views-e2e-1", "INTERESTED", "Ivy Interested"],
    ["views-e2e-2", "CALL_ME_LATER", "Larry Later"],
    ["views-e2e-3", "INTERESTED", "Iris Interested"],
  ] as const) {
    const body = payloadFor({ id, outcome, campaign: CAMPAIGN, contact: { id: `${id}-contact`, name, phoneNumber: "+15550009999" } }, `POST_PROCESSING_FINISHED:${outcome}`, "final");
    const response = await request.post("/api/webhooks/voxia", { data: JSON.stringify(body), headers: { "content-type": "application/json" } });
    expect(response.status()).toBe(200);
  }
});

test("save the current filter as a view, open it, rename it and delete it", async ({ page }) => {
  const filtered = `/calls?campaign=${CAMPAIGN.id}&status=INTERESTED`;
  await page.goto(filtered);
  await expect(page.locator("tbody tr")).toHaveCount(2);

  const views = page.getByRole("region", { name: "Saved views" });
  await views.getByRole("button", { name: "Save view" }).click();
  await views.getByLabel("View name").fill("Interested in Views e2e");
  await views.getByRole("button", { name: "Save", exact: true }).click();
  const link = views.getByRole("link", { name: "Interested in Views e2e" });
  await expect(link).toBeVisible();
  // The view of the filter on screen is marked as the current one.
  await expect(link).toHaveAttribute("aria-current", "page");

  const scan = await axe(page).include('[aria-label="Saved views"]').analyze();
  expect(scan.violations).toEqual([]);

  // Elsewhere, the link opens exactly the saved filter.
  await page.goto(`/calls?campaign=${CAMPAIGN.id}`);
  await expect(page.locator("tbody tr")).toHaveCount(3);
  await views.getByRole("link", { name: "Interested in Views e2e" }).click();
  await expect(page).toHaveURL(new RegExp(`campaign=${CAMPAIGN.id}&status=INTERESTED$`));
  await expect(page.locator("tbody tr")).toHaveCount(2);
  await expect(page.locator("tbody")).not.toContainText("Larry Later");

  // A second view with the same name, in any case, is refused with a message.
  await views.getByRole("button", { name: "Save view" }).click();
  await views.getByLabel("View name").fill("interested in views E2E");
  await views.getByRole("button", { name: "Save", exact: true }).click();
  await expect(views.getByRole("alert")).toContainText("already exists");
  await views.getByRole("button", { name: "Cancel" }).click();

  await views.getByText("Manage views").click();
  const nameInput = views.getByLabel("Name of view Interested in Views e2e");
  await nameInput.fill("Hot leads, Views e2e");
  await views.getByRole("button", { name: "Rename" }).click();
  await expect(views.getByRole("link", { name: "Hot leads, Views e2e" })).toBeVisible();
  await expect(views.getByRole("link", { name: "Interested in Views e2e" })).toHaveCount(0);
  await page.reload();
  await expect(views.getByRole("link", { name: "Hot leads, Views e2e" })).toBeVisible();

  await views.getByText("Manage views").click();
  page.once("dialog", (dialog) => void dialog.accept());
  await views.getByRole("button", { name: "Delete view Hot leads, Views e2e" }).click();
  await expect(views.getByRole("link", { name: "Hot leads, Views e2e" })).toHaveCount(0);
  await page.reload();
  await expect(views.getByRole("link", { name: "Hot leads, Views e2e" })).toHaveCount(0);
});
