//! Deploys a program through the upgradeable BPF loader (loader-v3) with ordinary transactions
//! sent to the surfnet's JSON-RPC endpoint, as `solana program deploy` does: create and
//! initialize a buffer, write the ELF into it in chunks, then `DeployWithMaxDataLen`.

use std::time::{Duration, Instant};

use solana_commitment_config::CommitmentConfig;
use solana_instruction::Instruction;
use solana_keypair::Keypair;
use solana_loader_v3_interface::{
    get_program_data_address,
    instruction::{create_buffer, deploy_with_max_program_len, write},
    state::UpgradeableLoaderState,
};
use solana_pubkey::Pubkey;
use solana_rpc_client::nonblocking::rpc_client::RpcClient;
use solana_sdk_ids::bpf_loader_upgradeable;
use solana_signature::Signature;
use solana_signer::Signer;
use solana_transaction::Transaction;

/// Bytes of ELF per `Write` transaction: a one-signer write transaction carries about 230 bytes
/// of overhead, and a transaction may not exceed 1232 bytes.
const WRITE_CHUNK_BYTES: usize = 950;

/// Room left in the ProgramData account for upgrades, as a multiple of the first build's size.
const MAX_DATA_LEN_FACTOR: usize = 2;

/// A program now owned by the upgradeable loader.
pub struct DeployedProgram {
    /// The program account.
    pub program_id: Pubkey,
    /// Its ProgramData account (holds the ELF and the upgrade authority).
    pub programdata: Pubkey,
    /// Slot the deploy transaction landed in; the program is callable from the next slot.
    pub deploy_slot: u64,
    /// Transactions sent (buffer, writes, deploy).
    pub transactions: usize,
}

/// Deploys `elf` at `program`'s address with `authority` as upgrade authority and fee payer.
pub async fn deploy_upgradeable(
    rpc: &RpcClient,
    authority: &Keypair,
    program: &Keypair,
    elf: &[u8],
    slot_time_ms: u64,
) -> Result<DeployedProgram, String> {
    let buffer = Keypair::new();
    let rent = |size: usize| async move {
        rpc.get_minimum_balance_for_rent_exemption(size).await.map_err(|e| format!("getMinimumBalanceForRentExemption({size}): {e}"))
    };

    let buffer_lamports = rent(UpgradeableLoaderState::size_of_buffer(elf.len())).await?;
    let create = create_buffer(&authority.pubkey(), &buffer.pubkey(), &authority.pubkey(), buffer_lamports, elf.len())
        .map_err(|e| format!("building the create-buffer instructions: {e}"))?;
    let mut sent = vec![("create buffer".to_string(), send(rpc, "create buffer", &create, &[authority, &buffer]).await?)];

    for (index, chunk) in elf.chunks(WRITE_CHUNK_BYTES).enumerate() {
        let offset = u32::try_from(index * WRITE_CHUNK_BYTES).map_err(|_| "program larger than 4 GiB".to_string())?;
        let what = format!("write at offset {offset}");
        let ix = write(&buffer.pubkey(), &authority.pubkey(), offset, chunk.to_vec());
        sent.push((what.clone(), send(rpc, &what, &[ix], &[authority]).await?));
    }

    let program_lamports = rent(UpgradeableLoaderState::size_of_program()).await?;
    let deploy = deploy_with_max_program_len(
        &authority.pubkey(),
        &program.pubkey(),
        &buffer.pubkey(),
        &authority.pubkey(),
        program_lamports,
        elf.len() * MAX_DATA_LEN_FACTOR,
    )
    .map_err(|e| format!("building the deploy instructions: {e}"))?;
    sent.push(("deploy".to_string(), send(rpc, "deploy", &deploy, &[authority, program]).await?));
    confirm_all(rpc, &sent, slot_time_ms).await?;
    let deploy_slot = rpc.get_slot_with_commitment(CommitmentConfig::processed()).await.map_err(|e| format!("getSlot: {e}"))?;

    let account = rpc
        .get_account_with_commitment(&program.pubkey(), CommitmentConfig::processed())
        .await
        .map_err(|e| format!("getAccountInfo(program): {e}"))?
        .value
        .ok_or_else(|| format!("program account {} absent after deploy", program.pubkey()))?;
    if account.owner != bpf_loader_upgradeable::id() || !account.executable {
        return Err(format!(
            "program account {} after deploy: owner {} executable {} (expected the upgradeable loader, executable)",
            program.pubkey(),
            account.owner,
            account.executable
        ));
    }
    Ok(DeployedProgram {
        program_id: program.pubkey(),
        programdata: get_program_data_address(&program.pubkey()),
        deploy_slot,
        transactions: sent.len(),
    })
}

/// Sends one transaction with preflight: surfnet runs `sendTransaction` synchronously and answers
/// a failing transaction with an error, so later transactions see this one's effects.
async fn send(rpc: &RpcClient, what: &str, ixs: &[Instruction], signers: &[&Keypair]) -> Result<Signature, String> {
    let payer = signers[0].pubkey();
    let blockhash = rpc.get_latest_blockhash().await.map_err(|e| format!("{what}: getLatestBlockhash: {e}"))?;
    let tx = Transaction::new_signed_with_payer(ixs, Some(&payer), signers, blockhash);
    rpc.send_transaction(&tx).await.map_err(|e| format!("{what}: sendTransaction: {e}"))
}

/// Waits until every transaction is confirmed and checks none failed. Surfnet, like a real node,
/// reports no status for a merely processed transaction, so this takes about one slot.
async fn confirm_all(rpc: &RpcClient, sent: &[(String, Signature)], slot_time_ms: u64) -> Result<(), String> {
    let deadline = Instant::now() + Duration::from_millis(slot_time_ms.saturating_mul(20)) + Duration::from_secs(10);
    let signatures: Vec<Signature> = sent.iter().map(|(_, signature)| *signature).collect();
    loop {
        let statuses = rpc.get_signature_statuses(&signatures).await.map_err(|e| format!("getSignatureStatuses: {e}"))?.value;
        let mut pending = None;
        for ((what, signature), status) in sent.iter().zip(&statuses) {
            match status {
                Some(status) => {
                    if let Some(err) = &status.err {
                        return Err(format!("{what}: transaction {signature} failed: {err}"));
                    }
                }
                None => pending = pending.or(Some((what, signature))),
            }
        }
        let Some((what, signature)) = pending else { return Ok(()) };
        if Instant::now() > deadline {
            return Err(format!("{what}: transaction {signature} not confirmed in time"));
        }
        tokio::time::sleep(Duration::from_millis(slot_time_ms.clamp(5, 100))).await;
    }
}
