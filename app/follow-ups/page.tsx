// /follow-ups – the team's work lists: people who asked to be called back and hot leads, one item per
// contact, longest waiting first, open / snoozed / done. Members act on them; viewers read them with
// the numbers masked.
import Link from "next/link";
import { requireViewer } from "@/lib/auth/require-viewer";
import { hasRole } from "@/lib/auth/viewer";
import { phoneViewFor } from "@/lib/calls/phone-view";
import { FOLLOW_UP_QUEUES, type FollowUpQueue as Queue } from "@/lib/contacts/contact-state-sql";
import { parseFollowUpSelection } from "@/lib/follow-ups/follow-up-params";
import { countFollowUps, decodeFollowUpCursor, listFollowUps, type FollowUpSelection } from "@/lib/follow-ups/list-follow-ups";
import type { FollowUpState } from "@/lib/follow-ups/follow-up-vocabulary";
import { formatCount } from "@/lib/ui/format";
import { KeysetPagination } from "@/components/keyset-pagination";
import { FollowUpQueue } from "@/components/follow-ups/follow-up-queue";
import { LiveRefresh } from "@/components/live/live-refresh";

export const dynamic = "force-dynamic";
export const metadata = { title: "Follow-ups" };

const STATE_TITLES: Record<FollowUpState, string> = { open: "Open", snoozed: "Snoozed", done: "Done" };
/** The tabs' order: what to do now, what comes back later, what is done. */
const FOLLOW_UP_STATES: FollowUpState[] = ["open", "snoozed", "done"];
const QUEUE_HELP: Record<Queue, string> = {
  callbacks: "People whose latest call asked to be called back.",
  leads: "People whose latest call showed interest.",
};

export default async function FollowUpsPage({ searchParams }: PageProps<"/follow-ups">) {
  const viewer = await requireViewer();
  const params = await searchParams;
  const parsed = parseFollowUpSelection(params, { queue: "callbacks" });
  const selection: FollowUpSelection = parsed.ok ? parsed.selection : { queue: "callbacks", state: "open", order: "oldest" };
  const cursor = typeof params.cursor === "string" ? decodeFollowUpCursor(params.cursor) : null;
  const before = !cursor && typeof params.before === "string" ? decodeFollowUpCursor(params.before) : null;
  const queues = Object.keys(FOLLOW_UP_QUEUES) as Queue[];
  const [queueCounts, stateCounts, page] = await Promise.all([
    Promise.all(queues.map((queue) => countFollowUps({ ...selection, queue, state: "open" }))),
    Promise.all(FOLLOW_UP_STATES.map((state) => countFollowUps({ ...selection, state }))),
    listFollowUps(selection, { cursor, before }, phoneViewFor(viewer)),
  ]);
  const href = (change: Partial<FollowUpSelection>) => {
    const next = { ...selection, ...change };
    const qs = new URLSearchParams({ queue: next.queue, state: next.state });
    if (next.order !== "oldest") qs.set("order", next.order);
    return `/follow-ups?${qs}`;
  };
  const query = new URL(href({}), "http://x").searchParams.toString();
  const count = stateCounts[FOLLOW_UP_STATES.indexOf(selection.state)]!;
  const canAct = hasRole(viewer, "member");

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline gap-3">
        <h1 className="text-xl font-semibold">Follow-ups</h1>
        {/* Someone else's change, or a call that opens, reopens or takes out an item: counts and cards
            refresh; items a person is working on stay as they started (FollowUpQueue). */}
        <LiveRefresh types={["follow_up.changed"]} everyMs={2000} />
        <p className="text-sm text-slate-600 dark:text-slate-400">{QUEUE_HELP[selection.queue]} A number on the do-not-call list is never in a queue.</p>
      </div>

      <nav aria-label="Queues" className="flex flex-wrap gap-2 border-b border-slate-200 dark:border-slate-800">
        {queues.map((queue, i) => (
          <Tab key={queue} href={href({ queue, state: "open" })} current={queue === selection.queue} big>
            {FOLLOW_UP_QUEUES[queue].title}
            <CountPill total={queueCounts[i]!.total} isLowerBound={queueCounts[i]!.isLowerBound} data={{ "data-queue-count": queue }} />
          </Tab>
        ))}
      </nav>

      <div className="flex flex-wrap items-center justify-between gap-3">
        <nav aria-label="States" className="flex flex-wrap gap-1 rounded-lg bg-slate-100 p-1 dark:bg-slate-800/60">
          {FOLLOW_UP_STATES.map((state, i) => (
            <Tab key={state} href={href({ state })} current={state === selection.state}>
              {STATE_TITLES[state]}
              <CountPill total={stateCounts[i]!.total} isLowerBound={stateCounts[i]!.isLowerBound} data={{ "data-state-count": state }} />
            </Tab>
          ))}
        </nav>
        <p className="text-sm">
          {selection.order === "oldest" ? (
            <>Longest waiting first · <Link className="text-blue-700 underline dark:text-blue-300" href={href({ order: "newest" })}>Newest first</Link></>
          ) : (
            <>Newest first · <Link className="text-blue-700 underline dark:text-blue-300" href={href({ order: "oldest" })}>Longest waiting first</Link></>
          )}
        </p>
      </div>

      <p className="text-sm text-slate-600 tabular-nums dark:text-slate-400" data-follow-ups-count={count.total} aria-live="polite">
        {formatCount(count.total, count.isLowerBound, ["item", "items"])} {STATE_TITLES[selection.state].toLowerCase()} in {FOLLOW_UP_QUEUES[selection.queue].title}
      </p>

      {/* Always mounted, so that an item someone is working on stays when a refresh empties the list. */}
      <FollowUpQueue
        key={`${query}&${String(params.cursor ?? "")}&${String(params.before ?? "")}`}
        items={page.followUps}
        canAct={canAct}
        empty={
          <div className="rounded-lg border border-dashed border-slate-300 p-8 text-center dark:border-slate-700">
            <p className="font-medium">{cursor || before ? "No more items." : `Nothing ${STATE_TITLES[selection.state].toLowerCase()} here.`}</p>
            <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
              {selection.state === "open"
                ? "Items appear as soon as a call qualifies for this queue."
                : selection.state === "snoozed" ? "Snoozed items come back to Open on their date." : "Items marked done are listed here."}
            </p>
          </div>
        }
      />
      <KeysetPagination
        path="/follow-ups"
        query={query}
        label="Pages of items"
        nextCursor={page.nextCursor}
        prevCursor={page.prevCursor}
        onFirstPage={!cursor && !before}
        firstLabel="First page"
        prevLabel="Previous"
        nextLabel="More"
      />
    </div>
  );
}

function Tab({ href, current, big = false, children }: { href: string; current: boolean; big?: boolean; children: React.ReactNode }) {
  const base = big
    ? `-mb-px inline-flex items-center gap-2 border-b-2 px-3 py-2 text-sm font-medium ${current ? "border-blue-600 text-blue-800 dark:border-blue-400 dark:text-blue-200" : "border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-white"}`
    : `inline-flex items-center gap-2 rounded-md px-3 py-1 text-sm font-medium ${current ? "bg-white text-slate-900 shadow-sm dark:bg-slate-950 dark:text-white" : "text-slate-600 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white"}`;
  return (
    <Link href={href} aria-current={current ? "page" : undefined} className={base}>
      {children}
    </Link>
  );
}

function CountPill({ total, isLowerBound, data }: { total: number; isLowerBound: boolean; data: Record<string, string> }) {
  return (
    <span {...data} data-count={total} className="rounded-full bg-slate-200 px-2 text-xs tabular-nums text-slate-800 dark:bg-slate-700 dark:text-slate-100">
      {total.toLocaleString("en-US")}{isLowerBound ? "+" : ""}
    </span>
  );
}
