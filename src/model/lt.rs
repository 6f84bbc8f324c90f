//! Linear Threshold.
//!
//! # Semantics of one step
//! Each node `v` has a threshold θ_v drawn uniformly from [0, 1) afresh in every run (drawn when
//! `v` first receives influence, which has the same distribution as drawing all at the start).
//! Every node that adopted in the previous step adds its weight `w(u, v)` to each susceptible
//! out-neighbour `v`; `v` adopts as soon as its accumulated influence reaches θ_v, with the node
//! whose weight tipped it over as parent. Influence only comes from nodes adopted before the
//! step, so the update is synchronous. Weights are `1 / in-degree(v)` by default (then the
//! influence on `v` is the fraction of its in-neighbours that adopted), or the network's arc
//! weights, whose sum over the in-arcs of each node must not exceed 1.

use crate::error::{Code, Error, Result};
use crate::network::Network;
use crate::rng::{uniform, RngCore};
use crate::state::RunState;

/// Where Linear Threshold weights come from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum LtWeights {
    /// `1 / in-degree(target)`.
    InDegree,
    /// The network's arc weights.
    EdgeWeights,
}

/// A validated Linear Threshold model.
#[derive(Clone, Debug)]
pub struct LinearThreshold {
    weights: LtWeights,
}

impl LinearThreshold {
    /// Linear Threshold with these weights (a weighted network is checked when a simulation
    /// is built: its in-weights must sum to at most 1 per node).
    pub fn new(weights: LtWeights) -> Self {
        LinearThreshold { weights }
    }
    /// Where the weights come from.
    pub fn weights(&self) -> LtWeights {
        self.weights
    }

    pub(crate) fn check_network(&self, net: &Network) -> Result<()> {
        if self.weights == LtWeights::EdgeWeights {
            if !net.is_weighted() {
                return Err(Error::new("weights", Code::NoEdgeWeights));
            }
            for v in 0..net.node_count() as u32 {
                let s: f64 = net
                    .in_neighbor_weights(v)
                    .unwrap_or(&[])
                    .iter()
                    .map(|&w| w as f64)
                    .sum();
                if s > 1.0 + 1e-6 {
                    return Err(Error::new(
                        "weights",
                        Code::InWeights {
                            node: net.label(v).to_string(),
                            sum: s,
                        },
                    ));
                }
            }
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
            let ws = net.neighbor_weights(u);
            for (k, &v) in nb.iter().enumerate() {
                if !st.is_susceptible(v) {
                    continue;
                }
                let w = match (self.weights, ws) {
                    (LtWeights::EdgeWeights, Some(ws)) => ws[k] as f64,
                    _ => 1.0 / net.in_degree(v) as f64,
                };
                let vi = v as usize;
                if !st.fresh_scratch(v) {
                    st.acc[vi] = 0.0;
                    st.thr[vi] = uniform(rng);
                }
                st.acc[vi] += w;
                // 1e-9 absorbs rounding: a node all of whose in-neighbours adopted always adopts
                if st.acc[vi] + 1e-9 >= st.thr[vi] {
                    st.adopt(v, u);
                }
            }
        }
        st.active = active;
        st.rotate_once();
    }
}
