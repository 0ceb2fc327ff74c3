"use client";
import { PublicKey } from "@solana/web3.js";
import type { ProgramIds } from "@futstar/sdk";
import { useMemo } from "react";

import { useCluster } from "./use-cluster";

/** Program ids from env; a missing one is an error the pages show (never a guessed default). */
export function useProgramIds(): { ids: ProgramIds; error: null } | { ids: null; error: string } {
  const cluster = useCluster();
  return useMemo(() => {
    if (cluster.futstarProgramId === null || cluster.oracleProgramId === null) {
      return { ids: null, error: "Program ids are not configured: set NEXT_PUBLIC_FUTSTAR_PROGRAM_ID and NEXT_PUBLIC_ORACLE_PROGRAM_ID." };
    }
    return { ids: { futstar: new PublicKey(cluster.futstarProgramId), momentumOracle: new PublicKey(cluster.oracleProgramId) }, error: null };
  }, [cluster]);
}
