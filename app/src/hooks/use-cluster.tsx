"use client";
import { createContext, useContext, type ReactNode } from "react";

import { appConfig, type AppConfig } from "@/lib/config";

const ClusterContext = createContext<AppConfig>(appConfig);

/** The configured cluster (from env); a context so tests and pages can read one source. */
export function ClusterProvider({ children }: { children: ReactNode }) {
  return <ClusterContext.Provider value={appConfig}>{children}</ClusterContext.Provider>;
}

export function useCluster(): AppConfig {
  return useContext(ClusterContext);
}
