//! Bass diffusion on a network (marketing): advertising plus word of mouth.
//!
//! # Semantics of one step
//! Let `f_v` be the fraction of `v`'s in-neighbours that had adopted at the start of the step.
//! Every non-adopter `v`, independently: adopts because of **advertising** with probability `p`;
//! otherwise adopts by **word of mouth** with probability `q · f_v`, its parent then being one of
//! its adopted in-neighbours chosen uniformly. So P(adopt) = p + (1 − p)·q·f_v per step.
//! Adopters of the previous step are shown as `Active`, earlier ones as `Removed` (both have
//! adopted for good). Every adoption records its cause (see [`crate::state::ADVERTISING`]).
//!
//! On a complete graph this is the discrete-time version of the Bass equation
//! dF/dt = (1 − F)(p + qF), whose solution is
//! F(t) = (1 − e^{−(p+q)t}) / (1 + (q/p)·e^{−(p+q)t}).

use crate::error::{check_prob, Result};
use crate::network::Network;
use crate::rng::{below, uniform, RngCore, Skipper};
use crate::state::{RunState, ADVERTISING};

/// A validated Bass-on-network model.
#[derive(Clone, Debug)]
pub struct Bass {
    p: f64,
    q: f64,
    skip: Skipper,
}

impl Bass {
    /// `p`: advertising (innovation) probability per step; `q`: word-of-mouth (imitation)
    /// strength: a non-adopter with a fraction `f` of adopted in-neighbours adopts by word of
    /// mouth with probability `q · f` per step.
    ///
    /// # Errors
    /// `p` or `q`: not a probability in [0, 1].
    pub fn new(p: f64, q: f64) -> Result<Self> {
        check_prob("p", p)?;
        check_prob("q", q)?;
        Ok(Bass {
            p,
            q,
            skip: Skipper::new(p),
        })
    }
    /// Advertising (innovation) probability per non-adopter per step.
    pub fn p(&self) -> f64 {
        self.p
    }
    /// Word-of-mouth (imitation) strength: the probability per step, when advertising did not
    /// convert it, that a non-adopter all of whose in-neighbours have adopted adopts.
    pub fn q(&self) -> f64 {
        self.q
    }

    /// The continuous-time Bass curve F(t) (fraction adopted at time t, from no adopters).
    pub fn bass_curve(p: f64, q: f64, t: f64) -> f64 {
        let e = (-(p + q) * t).exp();
        (1.0 - e) / (1.0 + (q / p) * e)
    }

    pub(crate) fn step<R: RngCore + ?Sized>(&self, net: &Network, st: &mut RunState, rng: &mut R) {
        // 1. influence of the adopters of the previous step (read by this step)
        let active = std::mem::take(&mut st.active);
        for &u in &active {
            if !st.hook.passes_on(u) {
                continue;
            }
            for &w in net.neighbors(u) {
                if !st.is_susceptible(w) {
                    continue;
                }
                let wi = w as usize;
                if !st.fresh_scratch(w) {
                    st.cnt[wi] = 0;
                }
                if st.cnt[wi] == 0 {
                    st.exposed.push(w);
                }
                st.cnt[wi] += 1;
            }
        }
        st.active = active;
        // 2. advertising: each non-adopter independently with probability p
        let n = net.node_count() as u64;
        let mut pos = self.skip.next_gap(rng);
        while pos < n {
            let v = pos as u32;
            if st.is_susceptible(v) {
                st.adopt(v, ADVERTISING);
            }
            pos = pos
                .saturating_add(1)
                .saturating_add(self.skip.next_gap(rng));
        }
        // 3. word of mouth among the exposed non-adopters that advertising did not convert
        if self.q > 0.0 {
            let exposed = std::mem::take(&mut st.exposed);
            let mut kept = Vec::with_capacity(exposed.len());
            for &v in &exposed {
                if !st.is_susceptible(v) {
                    continue;
                }
                let c = st.cnt[v as usize];
                let f = c as f64 / net.in_degree(v) as f64;
                if uniform(rng) < self.q * f {
                    let pick = below(rng, c as u64) as usize;
                    let mut told = net
                        .in_neighbors(v)
                        .iter()
                        .copied()
                        // an adopter counts if it adopted before this step and is not muted
                        // (a muted adopter told nobody: it cannot be the parent)
                        .filter(|&w| {
                            st.rec[w as usize].adopted_at < st.step && st.hook.passes_on(w)
                        });
                    // `c` counts the adopted in-neighbours, so `pick` names one of them; should
                    // the two ever differ, the last one is taken rather than stopping the page
                    let parent = told.clone().nth(pick).or_else(|| told.next_back());
                    match parent {
                        Some(p) => st.adopt(v, p),
                        None => kept.push(v),
                    }
                } else {
                    kept.push(v);
                }
            }
            st.exposed = kept;
        } else {
            st.exposed.clear();
        }
        st.rotate_once();
    }

    pub(crate) fn finished(&self, st: &RunState, n: usize) -> bool {
        st.reach as usize == n
            || (self.p == 0.0 && (self.q == 0.0 || (st.active.is_empty() && st.exposed.is_empty())))
    }
}
