"use client";
import { useEffect, useState } from "react";

/** Unix seconds, ticking once a second (countdowns, feed age). Starts at 0 on the server render. */
export function useNowSeconds(): number {
  const [now, setNow] = useState(0);
  useEffect(() => {
    setNow(Math.floor(Date.now() / 1000));
    const id = setInterval(() => setNow(Math.floor(Date.now() / 1000)), 1000);
    return () => clearInterval(id);
  }, []);
  return now;
}
