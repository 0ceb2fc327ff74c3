//! Liquidity-provider shares for a given pool value (`pool_value` says how the value is marked).

use super::{
    wide::mul_div_floor,
    MathError,
};

/// Shares minted for depositing `amount` into a pool worth `value` with `supply` shares out.
/// The first deposit mints 1:1; later ones `amount × supply / value` rounded down.
pub fn shares_for_deposit(amount: u64, supply: u64, value: u64) -> Result<u64, MathError> {
    if supply == 0 {
        return Ok(amount);
    }
    if value == 0 {
        return Err(MathError::DivisionByZero);
    }
    mul_div_floor(amount, supply, value)
}

/// Tokens paid for burning `shares`: `shares × value / supply` rounded down.
pub fn amount_for_withdraw(shares: u64, supply: u64, value: u64) -> Result<u64, MathError> {
    if shares > supply {
        return Err(MathError::OutOfBounds);
    }
    mul_div_floor(shares, value, supply)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deposits_and_withdrawals_round_down() {
        assert_eq!(shares_for_deposit(1_000, 0, 0), Ok(1_000));
        assert_eq!(shares_for_deposit(10, 3, 7), Ok(4));
        assert_eq!(amount_for_withdraw(1, 3, 7), Ok(2));
        assert_eq!(amount_for_withdraw(3, 3, 7), Ok(7));
        assert_eq!(amount_for_withdraw(4, 3, 7), Err(MathError::OutOfBounds));
        assert_eq!(shares_for_deposit(1, 5, 0), Err(MathError::DivisionByZero));
    }

    #[test]
    fn round_trip_never_gains() {
        let mut x: u64 = 88172645463325252;
        for _ in 0..10_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let supply = 1 + x % 1_000_000_000;
            let value = 1 + (x >> 20) % 1_000_000_000;
            let amount = 1 + (x >> 40) % 1_000_000;
            let shares = shares_for_deposit(amount, supply, value).unwrap();
            let back = amount_for_withdraw(shares, supply + shares, value + amount).unwrap();
            assert!(back <= amount, "deposit {amount} came back as {back}");
        }
    }
}
