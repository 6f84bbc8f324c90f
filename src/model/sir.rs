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

use crate::error::{check_prob, Code, Error, Result};
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
    ///
    /// # Errors
    /// `beta` or `gamma`: not a probability in [0, 1]; `gamma`: 0 (infected nodes would never
    /// recover and the run would never end).
    pub fn sir(beta: f64, gamma: f64) -> Result<Self> {
        Self::new(beta, gamma, false)
    }
    /// SIS: like SIR, but recovery makes a node susceptible again. `gamma = 0` is allowed (the
    /// run then ends at the scenario's `max_steps`).
    ///
    /// # Errors
    /// `beta` or `gamma`: not a probability in [0, 1].
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
            return Err(Error::new("gamma", Code::SirGammaZero));
        }
        Ok(Epidemic {
            beta,
            gamma,
            reinfect,
            skip: Skipper::new(beta),
        })
    }
    /// Transmission probability per contact (per arc from an infected node) per step.
    pub fn beta(&self) -> f64 {
        self.beta
    }
    /// Recovery probability per infected node per step.
    pub fn gamma(&self) -> f64 {
        self.gamma
    }
    /// Probability that an infected node infects a given susceptible neighbour before recovering.
    /// (The epidemic threshold of the learn chapters is drawn from it.) With β = 0 nothing is
    /// ever passed on: 0, where the closed form would be 0/0 when γ = 0 too.
    pub fn transmissibility(&self) -> f64 {
        if self.beta == 0.0 {
            return 0.0;
        }
        1.0 - self.gamma * (1.0 - self.beta) / (1.0 - (1.0 - self.gamma) * (1.0 - self.beta))
    }

    pub(crate) fn step<R: RngCore + ?Sized>(&self, net: &Network, st: &mut RunState, rng: &mut R) {
        let infected = std::mem::take(&mut st.active);
        for &u in &infected {
            if !st.hook.passes_on(u) {
                continue;
            }
            let nb = net.neighbors(u);
            if st.hook.modulated() {
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
