//! Independent Cascade.
//!
//! # Semantics of one step
//! Every node that adopted in the previous step (the seeds, at step 1) gets one chance to pass
//! the message to each of its out-neighbours: neighbour `v` adopts with probability `p(u, v)`,
//! independently per arc. Attempts read the state at the start of the step; a node reached by
//! several sources in the same step adopts once, its parent is the first source in activation
//! order. After its step the source is spent (state `Removed`) and never tries again.
//!
//! `p(u, v)` is one of: a uniform `p`; the arc's weight in the network (each in [0, 1]); or the
//! weighted cascade `1 / in-degree(v)`. With a uniform `p`, trials are skipped geometrically (one
//! random draw per success, not per arc), which has exactly the same distribution.

use crate::error::{check_prob, Code, Error, Result};
use crate::network::Network;
use crate::rng::{uniform, RngCore, Skipper};
use crate::state::RunState;

/// Where the per-arc probability of an Independent Cascade comes from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum IcProb {
    /// The same probability on every arc.
    Uniform(f64),
    /// The arc weights of the network, each a probability.
    EdgeWeights,
    /// `1 / in-degree(target)`.
    WeightedCascade,
}

/// A validated Independent Cascade model.
#[derive(Clone, Debug)]
pub struct IndependentCascade {
    prob: IcProb,
    skip: Skipper,
}

impl IndependentCascade {
    /// Independent Cascade with the same probability `p` on every arc: each new adopter passes
    /// the message to each out-neighbour with probability `p`, once.
    ///
    /// # Errors
    /// `p`: not a probability in [0, 1] (NaN included).
    ///
    /// # Examples
    /// ```
    /// use viralsim::model::IndependentCascade;
    /// assert!(IndependentCascade::uniform(0.1).is_ok());
    /// assert_eq!(IndependentCascade::uniform(1.5).unwrap_err().to_string(),
    ///            "p: must be a probability in [0, 1], got 1.5");
    /// ```
    pub fn uniform(p: f64) -> Result<Self> {
        check_prob("p", p)?;
        Ok(IndependentCascade {
            prob: IcProb::Uniform(p),
            skip: Skipper::new(p),
        })
    }
    /// Independent Cascade whose per-arc probability is the network's arc weight (each must be
    /// in [0, 1]; the network is checked when a simulation is built).
    pub fn edge_weights() -> Self {
        IndependentCascade {
            prob: IcProb::EdgeWeights,
            skip: Skipper::new(0.0),
        }
    }
    /// The weighted cascade: the probability on arc `u → v` is `1 / in-degree(v)`.
    pub fn weighted_cascade() -> Self {
        IndependentCascade {
            prob: IcProb::WeightedCascade,
            skip: Skipper::new(0.0),
        }
    }
    /// Where the per-arc probability comes from.
    pub fn prob(&self) -> IcProb {
        self.prob
    }

    /// Checks that the network fits: edge weights must exist and be probabilities.
    pub(crate) fn check_network(&self, net: &Network) -> Result<()> {
        if self.prob == IcProb::EdgeWeights {
            check_weights_are_probabilities(net)?;
        }
        Ok(())
    }

    pub(crate) fn step<R: RngCore + ?Sized>(&self, net: &Network, st: &mut RunState, rng: &mut R) {
        let active = std::mem::take(&mut st.active);
        for &u in &active {
            if !st.hook.passes_on(u) {
                continue;
            }
            let nb = net.neighbors(u);
            if st.hook.modulated() {
                let ws = net.neighbor_weights(u);
                for (k, &v) in nb.iter().enumerate() {
                    if st.is_susceptible(v) {
                        let p = match (self.prob, ws) {
                            (IcProb::Uniform(p), _) => p,
                            (IcProb::EdgeWeights, Some(ws)) => ws[k] as f64,
                            _ => 1.0 / net.in_degree(v) as f64,
                        };
                        st.try_modulated(u, v, p, rng);
                    }
                }
                continue;
            }
            match self.prob {
                IcProb::Uniform(_) => {
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
                IcProb::EdgeWeights => {
                    let ws = net.neighbor_weights(u).expect("checked at construction");
                    for (&v, &w) in nb.iter().zip(ws) {
                        if st.is_susceptible(v) && uniform(rng) < w as f64 {
                            st.adopt(v, u);
                        }
                    }
                }
                IcProb::WeightedCascade => {
                    for &v in nb {
                        if st.is_susceptible(v) && uniform(rng) * (net.in_degree(v) as f64) < 1.0 {
                            st.adopt(v, u);
                        }
                    }
                }
            }
        }
        st.active = active;
        st.rotate_once();
    }
}

pub(crate) fn check_weights_are_probabilities(net: &Network) -> Result<()> {
    if !net.is_weighted() {
        return Err(Error::new("weights", Code::NoEdgeWeights));
    }
    for u in 0..net.node_count() as u32 {
        let ws = net.neighbor_weights(u).unwrap_or(&[]);
        if let Some((k, w)) = ws.iter().enumerate().find(|(_, w)| **w > 1.0) {
            return Err(Error::new(
                "weights",
                Code::ArcWeight {
                    from: net.label(u).to_string(),
                    to: net.label(net.neighbors(u)[k]).to_string(),
                    weight: *w,
                },
            ));
        }
    }
    Ok(())
}
