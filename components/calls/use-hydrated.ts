"use client";
// False in the server's HTML and while React hydrates it, true once handlers are attached: controls
// that only work with script stay disabled until then instead of swallowing an early click.
import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
