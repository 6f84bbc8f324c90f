//! SIR and SIS epidemics in discrete time.
//!
//! # Semantics of one step
//! Every infected node (state `Active`) contacts each of its out-neighbours; a susceptible
//! neighbour is infected with probability `beta` per contact, independently (trials skipped
//! geometrically). Then every node that was infected at the start of the step recovers with
//! probability `gamma`: in SIR it becomes `Removed` for good, in SIS it becomes susceptible again
//! and can be re-infected from the next step on. Nodes infected during the step neither transmit
//! nor recover before the next one. A node infected at the start of a step transmits in that
//! step even if it recovers at its end, so with `gamma = 1` the transmissibility per arc is
//! exactly `beta`, and in general T = 1 − γ(1 − β) / (1 − (1 − γ)(1 − β)).

use crate::error::{check_prob, Error, Result};
use crate::network::Network;
use crate::rng::{bernoulli, RngCore, Skipper};
use crate::state::RunState;

/// A validated SIR or SIS model.
#[derive(Clone, Debug)]
pub struct Epidemic {
    beta: f64,
    gamma: f64,
    /// true: SIS (recovered nodes become susceptible); false: SIR.
    reinfect: bool,
    skip: Skipper,
}

impl Epidemic {
    /// SIR with transmission probability `beta` per contact per step and recovery probability
    /// `gamma` per step.
    pub fn sir(beta: f64, gamma: f64) -> Result<Self> {
        Self::new(beta, gamma, false)
    }
    /// SIS: like SIR, but recovery makes a node susceptible again.
    pub fn sis(beta: f64, gamma: f64) -> Result<Self> {
        Self::new(beta, gamma, true)
    }
    fn new(beta: f64, gamma: f64, reinfect: bool) -> Result<Self> {
        check_prob("beta", beta)?;
        check_prob("gamma", gamma)?;
        if reinfect && gamma == 0.0 && beta == 0.0 {
            // allowed, nothing happens; kept explicit for clarity
        }
        if !reinfect && gamma == 0.0 {
            return Err(Error::param(
                "gamma",
                "must be > 0 for SIR, or infected nodes never recover and the run never ends",
            ));
        }
        Ok(Epidemic {
            beta,
            gamma,
            reinfect,
            skip: Skipper::new(beta),
        })
    }
    pub fn beta(&self) -> f64 {
        self.beta
    }
    pub fn gamma(&self) -> f64 {
        self.gamma
    }
    /// Probability that an infected node infects a given susceptible neighbour before recovering.
    pub fn transmissibility(&self) -> f64 {
        1.0 - self.gamma * (1.0 - self.beta) / (1.0 - (1.0 - self.gamma) * (1.0 - self.beta))
    }

    pub(crate) fn step<R: RngCore + ?Sized>(&self, net: &Network, st: &mut RunState, rng: &mut R) {
        let infected = std::mem::take(&mut st.active);
        for &u in &infected {
            if st.is_muted(u) {
                continue;
            }
            let nb = net.neighbors(u);
            if st.modulated {
                for &v in nb {
                    if st.is_susceptible(v) {
                        st.try_modulated(u, v, self.beta, rng);
                    }
                }
                continue;
            }
            let len = nb.len() as u64;
            let mut pos = self.skip.first_gap(nb.len(), rng);
            while pos < len {
                let v = nb[pos as usize];
                if st.is_susceptible(v) {
                    st.adopt(v, u);
                }
                pos = pos
                    .saturating_add(1)
                    .saturating_add(self.skip.next_gap(rng));
            }
        }
        let mut still = Vec::with_capacity(infected.len() + st.fresh.len());
        for &u in &infected {
            if bernoulli(rng, self.gamma) {
                if self.reinfect {
                    st.make_susceptible(u);
                } else {
                    st.remove(u);
                }
            } else {
                still.push(u);
            }
        }
        still.append(&mut st.fresh);
        st.active = still;
    }
}
