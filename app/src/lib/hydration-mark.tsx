"use client";
import { useEffect } from "react";

/** Records when React finished hydrating (read by the browser test's time-to-interactive). */
export function HydrationMark() {
  useEffect(() => {
    (window as unknown as { __futstarHydratedAt?: number }).__futstarHydratedAt ??= performance.now();
  }, []);
  return null;
}
