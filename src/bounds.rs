//! The bounds on every count a description can name (steps, runs), checked by the
//! descriptions themselves and by every entry point that takes such a count.

use crate::error::{Error, Result};

/// `max_steps` when a scenario does not say.
pub const DEFAULT_MAX_STEPS: u32 = 1000;
/// The most steps a run may take: a run's history grows with its steps.
pub const MAX_STEPS: u32 = 1_000_000;
/// The most Monte Carlo runs one scenario may ask for (a Monte Carlo keeps a few numbers per
/// run, so this bounds its memory).
pub const MAX_RUNS: u32 = 10_000_000;

/// `1 ≤ x ≤ max`, or an error naming `field`.
pub fn check_count(field: &str, x: u64, max: u64) -> Result<()> {
    if x == 0 {
        return Err(Error::param(field, "must be at least 1"));
    }
    if x > max {
        return Err(Error::param(
            field,
            format!("must be at most {max}, got {x}"),
        ));
    }
    Ok(())
}
