//! Little-endian, Borsh-compatible field codec over byte slices (no panics: every access is
//! bounds-checked and short data is `InvalidAccountData`).
use pinocchio::{error::ProgramError, Address};

/// Sequential reader of fixed-layout fields.
pub struct Reader<'a> {
    data: &'a [u8],
    offset: usize,
}

impl<'a> Reader<'a> {
    /// Starts reading `data` at `offset`.
    #[inline(always)]
    pub fn new(data: &'a [u8], offset: usize) -> Self {
        Reader { data, offset }
    }

    #[inline(always)]
    fn take<const N: usize>(&mut self) -> Result<[u8; N], ProgramError> {
        let end = self.offset.checked_add(N).ok_or(ProgramError::InvalidAccountData)?;
        let bytes = self.data.get(self.offset..end).ok_or(ProgramError::InvalidAccountData)?;
        self.offset = end;
        <[u8; N]>::try_from(bytes).map_err(|_| ProgramError::InvalidAccountData)
    }

    /// Reads a `u8`.
    #[inline(always)]
    pub fn u8(&mut self) -> Result<u8, ProgramError> {
        Ok(self.take::<1>()?[0])
    }
    /// Reads a `bool` (0 or 1).
    #[inline(always)]
    pub fn bool(&mut self) -> Result<bool, ProgramError> {
        match self.u8()? {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err(ProgramError::InvalidAccountData),
        }
    }
    /// Reads a little-endian `u16`.
    #[inline(always)]
    pub fn u16(&mut self) -> Result<u16, ProgramError> {
        Ok(u16::from_le_bytes(self.take()?))
    }
    /// Reads a little-endian `u32`.
    #[inline(always)]
    pub fn u32(&mut self) -> Result<u32, ProgramError> {
        Ok(u32::from_le_bytes(self.take()?))
    }
    /// Reads a little-endian `u64`.
    #[inline(always)]
    pub fn u64(&mut self) -> Result<u64, ProgramError> {
        Ok(u64::from_le_bytes(self.take()?))
    }
    /// Reads a little-endian `i64`.
    #[inline(always)]
    pub fn i64(&mut self) -> Result<i64, ProgramError> {
        Ok(i64::from_le_bytes(self.take()?))
    }
    /// Reads a 32-byte address.
    #[inline(always)]
    pub fn address(&mut self) -> Result<Address, ProgramError> {
        Ok(Address::new_from_array(self.take()?))
    }
    /// Fails unless every byte was consumed (instruction arguments have exact lengths).
    #[inline(always)]
    pub fn finish(&self) -> Result<(), ProgramError> {
        if self.offset == self.data.len() {
            Ok(())
        } else {
            Err(ProgramError::InvalidInstructionData)
        }
    }
}

/// Sequential writer of fixed-layout fields.
pub struct Writer<'a> {
    data: &'a mut [u8],
    offset: usize,
}

impl<'a> Writer<'a> {
    /// Starts writing into `data` at `offset`.
    #[inline(always)]
    pub fn new(data: &'a mut [u8], offset: usize) -> Self {
        Writer { data, offset }
    }

    /// Bytes written so far (including the starting offset).
    #[inline(always)]
    pub fn position(&self) -> usize {
        self.offset
    }

    /// Writes raw bytes.
    #[inline(always)]
    pub fn bytes(&mut self, bytes: &[u8]) -> Result<(), ProgramError> {
        let end = self.offset.checked_add(bytes.len()).ok_or(ProgramError::AccountDataTooSmall)?;
        self.data.get_mut(self.offset..end).ok_or(ProgramError::AccountDataTooSmall)?.copy_from_slice(bytes);
        self.offset = end;
        Ok(())
    }
    /// Writes a `u8`.
    #[inline(always)]
    pub fn u8(&mut self, v: u8) -> Result<(), ProgramError> {
        self.bytes(&[v])
    }
    /// Writes a `bool`.
    #[inline(always)]
    pub fn bool(&mut self, v: bool) -> Result<(), ProgramError> {
        self.u8(v as u8)
    }
    /// Writes a little-endian `u16`.
    #[inline(always)]
    pub fn u16(&mut self, v: u16) -> Result<(), ProgramError> {
        self.bytes(&v.to_le_bytes())
    }
    /// Writes a little-endian `u32`.
    #[inline(always)]
    pub fn u32(&mut self, v: u32) -> Result<(), ProgramError> {
        self.bytes(&v.to_le_bytes())
    }
    /// Writes a little-endian `u64`.
    #[inline(always)]
    pub fn u64(&mut self, v: u64) -> Result<(), ProgramError> {
        self.bytes(&v.to_le_bytes())
    }
    /// Writes a little-endian `i64`.
    #[inline(always)]
    pub fn i64(&mut self, v: i64) -> Result<(), ProgramError> {
        self.bytes(&v.to_le_bytes())
    }
    /// Writes a 32-byte address.
    #[inline(always)]
    pub fn address(&mut self, v: &Address) -> Result<(), ProgramError> {
        self.bytes(v.as_ref())
    }
}
