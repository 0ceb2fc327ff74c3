//! Byte comparison through the `sol_memcmp_` syscall: a flat ~10 CU for the short buffers
//! programs compare (keys, signed messages), far below a byte loop on SBF.

/// Whether `a` and `b` hold the same bytes.
#[inline(always)]
pub fn bytes_equal(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    #[cfg(any(target_arch = "bpf", target_os = "solana"))]
    {
        let mut result: i32 = 0;
        // SAFETY: both pointers are valid for `a.len()` bytes (equal lengths checked above) and
        // `result` is a valid i32 to write.
        unsafe { pinocchio::syscalls::sol_memcmp_(a.as_ptr(), b.as_ptr(), a.len() as u64, &mut result) };
        result == 0
    }
    #[cfg(not(any(target_arch = "bpf", target_os = "solana")))]
    {
        a == b
    }
}
