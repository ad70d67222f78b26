// The campaign filter of a dashboard page, as a plain GET form: `campaign=<id>` is the calls list's
// own parameter, so the page works without JavaScript, and every figure and link on the page is
// narrowed to that campaign. The page's other filters ride along as hidden fields.
import { serializeCallFilters, type CallFilters } from "@/lib/calls/call-filters";
import { listCampaignOptions } from "@/lib/dashboard/list-campaign-options";

export async function CampaignSelect({ action, filters }: { action: string; filters: CallFilters }) {
  const campaigns = await listCampaignOptions();
  const hidden = [...serializeCallFilters({ ...filters, campaign: [] }).entries()];
  const selected = filters.campaign.length === 1 ? filters.campaign[0]! : "";
  const input = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900 dark:[color-scheme:dark]";
  return (
    <form method="get" action={action} className="flex flex-wrap items-end gap-2 text-sm" data-campaign-select>
      {hidden.map(([name, value], i) => (
        <input key={`${name}-${i}`} type="hidden" name={name} value={value} />
      ))}
      <label className="flex flex-col gap-1">
        <span className="text-xs text-slate-600 dark:text-slate-400">Campaign</span>
        <select name="campaign" defaultValue={selected} className={`${input} max-w-72`}>
          <option value="">All campaigns</option>
          {campaigns.map((c) => (
            <option key={c.id} value={c.id}>{c.name ? `${c.name} (${c.id})` : c.id}</option>
          ))}
        </select>
      </label>
      <button type="submit" className="rounded-md border border-slate-300 px-3 py-1.5 font-medium hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800">
        Show
      </button>
    </form>
  );
}
