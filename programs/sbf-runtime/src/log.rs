//! Program logs (`sol_log_`) and Anchor-style event data (`sol_log_data`).
//! On the host (unit tests of pure code) they do nothing.

/// Logs a message line.
#[inline(always)]
pub fn log(message: &str) {
    #[cfg(any(target_arch = "bpf", target_os = "solana"))]
    // SAFETY: pointer and length come from a valid `&str`.
    unsafe {
        pinocchio::syscalls::sol_log_(message.as_ptr(), message.len() as u64);
    }
    #[cfg(not(any(target_arch = "bpf", target_os = "solana")))]
    let _ = message;
}

/// Emits one `Program data:` entry holding `bytes` (an Anchor event: 8-byte discriminator + body).
#[inline(always)]
pub fn log_data(bytes: &[u8]) {
    #[cfg(any(target_arch = "bpf", target_os = "solana"))]
    {
        let slices: [&[u8]; 1] = [bytes];
        // SAFETY: `sol_log_data` reads an array of (ptr, len) fat slices, which is the layout
        // of `&[u8]` on BPF.
        unsafe { pinocchio::syscalls::sol_log_data(slices.as_ptr() as *const u8, 1) };
    }
    #[cfg(not(any(target_arch = "bpf", target_os = "solana")))]
    let _ = bytes;
}
