//! Maki–Thompson rumour model.
//!
//! # Semantics of one step
//! Nodes are ignorant (`Susceptible`), spreaders (`Active`) or stiflers (`Removed`). One step is
//! one round: every node that is a spreader at the start of the round, in the order in which
//! they became spreaders, calls one neighbour chosen uniformly at random among its
//! out-neighbours. If the callee is ignorant it becomes a spreader (from the next round on; the
//! caller is its parent); if it is a spreader or a stifler, the caller loses interest and becomes
//! a stifler. A spreader with no neighbour to call, or muted, becomes a stifler.
//!
//! Maki–Thompson is defined by pairwise calls one after another, so within a round each call
//! sees the outcome of the previous ones (a caller can only be stifled by its own call, so every
//! listed spreader is still a spreader when its turn comes). The rounds are therefore exactly
//! the Maki–Thompson chain, and on a large complete graph the fraction never told tends to
//! ≈ 0.203 (the root of x = e^{−2(1−x)}).

use crate::network::Network;
use crate::rng::{below, RngCore};
use crate::state::RunState;

/// The Maki–Thompson rumour model (it has no parameter).
#[derive(Clone, Debug, Default)]
pub struct Rumor;

impl Rumor {
    pub(crate) fn step<R: RngCore + ?Sized>(&self, net: &Network, st: &mut RunState, rng: &mut R) {
        let spreaders = std::mem::take(&mut st.active);
        let mut still = Vec::with_capacity(spreaders.len());
        for &u in &spreaders {
            let nb = net.neighbors(u);
            if nb.is_empty() || !st.hook.passes_on(u) {
                st.remove(u);
                continue;
            }
            let v = nb[below(rng, nb.len() as u64) as usize];
            if st.is_susceptible(v) {
                st.adopt(v, u);
                still.push(u);
            } else {
                st.remove(u);
            }
        }
        still.append(&mut st.fresh);
        st.active = still;
    }
}
