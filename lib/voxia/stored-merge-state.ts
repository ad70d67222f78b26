// The MergeState as stored in calls.merge_state: the same content with each provenance written once.
// In memory every winner carries its source's stage rank and sha256; stored, the sources are one
// sorted list and each winner names its source by index, so an object of many small keys does not
// store a 64-character hash per key. The list is sorted and holds only sources still winning
// something, so equal states store equal jsonb values (test/integration/seed-reprocess.test.ts compares them).
import type { JsonValue } from "./parse-voxia-json";
import type { MergeState } from "./merge-call-state";

type Source = [stageRank: number, sha256: string];
type Ref = number;

export type StoredMergeState = {
  v: 1;
  id: string;
  sources: Source[];
  latest: Ref;
  deliveryCount: number;
  firstReceivedAt: string;
  lastReceivedAt: string;
  fields: Record<string, [value: JsonValue, source: Ref]>;
  objects: Record<string, Record<string, [value: JsonValue, source: Ref]>>;
  transcript: Stored<unknown> | null;
  summary: Stored<unknown> | null;
  events: Stored<unknown> | null;
};
type Stored<T> = [value: T, score: number[], source: Ref];
type At = { stageRank: number; sha256: string };

export function toStoredMergeState(state: MergeState): StoredMergeState {
  const sources = new Map<string, Source>();
  const note = (at: At) => void sources.set(at.sha256, [at.stageRank, at.sha256]);
  note(state.latest);
  for (const won of Object.values(state.fields)) note(won);
  for (const object of Object.values(state.objects)) for (const won of Object.values(object)) note(won);
  for (const best of [state.transcript, state.summary, state.events]) if (best) note(best);
  const sorted = [...sources.values()].sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  const index = new Map(sorted.map(([, sha], i) => [sha, i]));
  const ref = (at: At) => index.get(at.sha256)!;
  const best = <T>(b: { value: T; score: number[] } & At | null): Stored<T> | null => (b ? [b.value, b.score, ref(b)] : null);
  return {
    v: 1,
    id: state.id,
    sources: sorted,
    latest: ref(state.latest),
    deliveryCount: state.deliveryCount,
    firstReceivedAt: state.firstReceivedAt,
    lastReceivedAt: state.lastReceivedAt,
    fields: Object.fromEntries(Object.entries(state.fields).map(([field, won]) => [field, [won.value, ref(won)]])),
    objects: Object.fromEntries(
      Object.entries(state.objects).map(([field, object]) => [
        field,
        Object.fromEntries(Object.entries(object).map(([key, won]) => [key, [won.value, ref(won)]])),
      ]),
    ),
    transcript: best(state.transcript),
    summary: best(state.summary),
    events: best(state.events),
  };
}

export function fromStoredMergeState(stored: StoredMergeState): MergeState {
  if (stored.v !== 1) throw new Error(`unknown merge_state version ${String(stored.v)}`);
  const at = (ref: Ref): At => {
    const source = stored.sources[ref];
    if (!source) throw new Error(`merge_state names source ${ref}, which it does not list`);
    return { stageRank: source[0], sha256: source[1] };
  };
  const best = <T>(b: Stored<unknown> | null) => (b ? { value: b[0] as T, score: b[1], ...at(b[2]) } : null);
  return {
    id: stored.id,
    latest: at(stored.latest),
    deliveryCount: stored.deliveryCount,
    firstReceivedAt: stored.firstReceivedAt,
    lastReceivedAt: stored.lastReceivedAt,
    fields: Object.fromEntries(Object.entries(stored.fields).map(([field, [value, ref]]) => [field, { value, ...at(ref) }])),
    objects: Object.fromEntries(
      Object.entries(stored.objects).map(([field, object]) => [
        field,
        Object.fromEntries(Object.entries(object).map(([key, [value, ref]]) => [key, { value, ...at(ref) }])),
      ]),
    ),
    transcript: best(stored.transcript),
    summary: best(stored.summary),
    events: best(stored.events),
  };
}
