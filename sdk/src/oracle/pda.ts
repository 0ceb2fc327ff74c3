/** Addresses the oracle's instructions need besides its own PDAs (see `../pda.ts`). */
import { PublicKey } from "@solana/web3.js";

/** The BPF upgradeable loader (owner of every upgradeable program's ProgramData). */
export const BPF_UPGRADEABLE_LOADER_ID = new PublicKey("BPFLoaderUpgradeab1e11111111111111111111111");

/** A program's ProgramData account (`config_init` reads the upgrade authority from it). */
export function programDataAddress(programId: PublicKey): PublicKey {
  return PublicKey.findProgramAddressSync([programId.toBuffer()], BPF_UPGRADEABLE_LOADER_ID)[0];
}
