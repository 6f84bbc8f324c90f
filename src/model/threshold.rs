//! Threshold model of complex contagion (Granovetter; Centola & Macy).
//!
//! # Semantics of one step
//! Deterministic. A susceptible node adopts when at least `k` of its in-neighbours have adopted
//! (absolute rule), or at least a fraction `theta` of them (relative rule: at least
//! ⌈theta · in-degree⌉, and at least 1). Counts are read from the start of the step: nodes that
//! adopted in the previous step add one to each out-neighbour's count, and a node that reaches
//! its bar adopts, with the neighbour that tipped it as parent.

use crate::error::{Code, Error, Result};
use crate::network::Network;
use crate::state::RunState;

/// The adoption rule of the threshold model.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ThresholdRule {
    /// At least `k` adopted neighbours.
    Count(u32),
    /// At least this fraction of the neighbours.
    Fraction(f64),
}

/// A validated threshold (complex contagion) model.
#[derive(Clone, Debug)]
pub struct Threshold {
    rule: ThresholdRule,
}

impl Threshold {
    /// The absolute rule: a node adopts once at least `k` of its in-neighbours have adopted.
    ///
    /// # Errors
    /// `k`: 0 (every node would adopt without any neighbour).
    pub fn count(k: u32) -> Result<Self> {
        if k == 0 {
            return Err(Error::new("k", Code::ThresholdKZero));
        }
        Ok(Threshold {
            rule: ThresholdRule::Count(k),
        })
    }
    /// The relative rule: a node adopts once at least a fraction `theta` of its in-neighbours
    /// (⌈theta · in-degree⌉, and at least one) have adopted.
    ///
    /// # Errors
    /// `theta`: not in (0, 1].
    pub fn fraction(theta: f64) -> Result<Self> {
        if !(theta.is_finite() && theta > 0.0 && theta <= 1.0) {
            return Err(Error::new(
                "theta",
                Code::Interval {
                    min: 0.0,
                    max: 1.0,
                    min_open: true,
                    max_open: false,
                    got: theta,
                },
            ));
        }
        Ok(Threshold {
            rule: ThresholdRule::Fraction(theta),
        })
    }
    /// The adoption rule.
    pub fn rule(&self) -> ThresholdRule {
        self.rule
    }

    #[inline]
    fn bar(&self, in_degree: u32) -> u32 {
        match self.rule {
            ThresholdRule::Count(k) => k,
            ThresholdRule::Fraction(t) => ((t * in_degree as f64 - 1e-9).ceil() as u32).max(1),
        }
    }

    pub(crate) fn step(&self, net: &Network, st: &mut RunState) {
        let active = std::mem::take(&mut st.active);
        for &u in &active {
            if !st.hook.passes_on(u) {
                continue;
            }
            for &v in net.neighbors(u) {
                if !st.is_susceptible(v) {
                    continue;
                }
                let vi = v as usize;
                if !st.fresh_scratch(v) {
                    st.cnt[vi] = 0;
                }
                st.cnt[vi] += 1;
                if st.cnt[vi] >= self.bar(net.in_degree(v)) {
                    st.adopt(v, u);
                }
            }
        }
        st.active = active;
        st.rotate_once();
    }
}
