"use client";
import { useSyncExternalStore, type ReactNode } from "react";

import { AgeGateUi } from "./age-gate-ui";

const KEY = "futstar.ageConfirmed.v1";
export const MINIMUM_AGE = 18;

const listeners = new Set<() => void>();
function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
function confirmed(): boolean {
  return window.localStorage.getItem(KEY) === "yes";
}

/** Shows the age gate over the app until the visitor confirms (remembered in localStorage). */
export function AgeGateFeature({ children }: { children: ReactNode }) {
  // Server render: unknown → gate shown; avoids flashing trading UI to an unconfirmed visitor.
  const ok = useSyncExternalStore(subscribe, confirmed, () => false);
  return (
    <>
      {children}
      {ok ? null : (
        <AgeGateUi
          minimumAge={MINIMUM_AGE}
          onConfirm={() => {
            window.localStorage.setItem(KEY, "yes");
            listeners.forEach((l) => l());
          }}
          onLeave={() => window.location.assign("https://www.begambleaware.org/")}
        />
      )}
    </>
  );
}
