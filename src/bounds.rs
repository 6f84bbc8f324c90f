//! The bounds on every count a description can name (steps, runs), checked by the
//! descriptions themselves and by every entry point that takes such a count.

use crate::error::{Code, Error, Result, Shown};

/// `max_steps` when a scenario does not say.
pub const DEFAULT_MAX_STEPS: u32 = 1000;
/// The most steps a run may take: a run's history grows with its steps.
pub const MAX_STEPS: u32 = 1_000_000;
/// The most Monte Carlo runs one scenario may ask for (a Monte Carlo keeps a few numbers per
/// run, so this bounds its memory).
pub const MAX_RUNS: u32 = 10_000_000;

/// `1 ≤ x ≤ max`, or an error naming `field`.
///
/// # Errors
/// [`Code::AtLeast`] or [`Code::AtMost`] naming `field`: `x` is 0 or over `max`.
pub fn check_count(field: &str, x: u64, max: u64) -> Result<()> {
    if x == 0 {
        return Err(Error::new(field, Code::AtLeast { min: 1 }));
    }
    if x > max {
        return Err(Error::new(field, Code::AtMost { max, got: x }));
    }
    Ok(())
}

/// The largest seed JavaScript carries exactly, 2^53 − 1 (the page's seeds are JS numbers).
pub const MAX_JS_SEED: u64 = (1 << 53) - 1;

/// A scenario seed given as a JavaScript number: a whole number from 0 to [`MAX_JS_SEED`].
///
/// # Errors
/// [`Code::WholeNumber`] naming `seed`.
pub fn seed_from_f64(x: f64) -> Result<u64> {
    if x.is_finite() && x >= 0.0 && x.fract() == 0.0 && x <= MAX_JS_SEED as f64 {
        Ok(x as u64)
    } else {
        Err(Error::new(
            "seed",
            Code::WholeNumber {
                strategy: None,
                min: 0,
                max: Some(MAX_JS_SEED),
                got: Shown::Number(x),
            },
        ))
    }
}

/// Runs `start..end` of a Monte Carlo: `end` must not come before `start`.
///
/// # Errors
/// [`Code::RunRange`] naming `runs`.
pub fn check_run_range(start: u32, end: u32) -> Result<()> {
    if end < start {
        return Err(Error::new(
            "runs",
            Code::RunRange {
                start: start as u64,
                end: end as u64,
            },
        ));
    }
    Ok(())
}
