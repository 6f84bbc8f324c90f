//! The transmissibility T of a model: the probability that an adopter (an infected node)
//! passes the message on along a given arc before it stops, were the neighbour still
//! susceptible. The spread from one seed is then bond percolation with occupation probability
//! T on the network (Grassberger 1983; Newman 2002), exactly for IC and, for the
//! final size, for SIR (see [`sir`]).
//!
//! Source: M. E. J. Newman, "Spread of epidemic disease on networks", Phys. Rev. E 66, 016128
//! (2002), T = 1 − e^{−rτ} and its discrete-time analogue below; E. Kenah and J. M. Robins, "Second
//! look at the spread of epidemics on networks", Phys. Rev. E 76, 036113 (2007); J. C. Miller,
//! "Epidemic size and probability in populations with heterogeneous infectivity and
//! susceptibility", Phys. Rev. E 76, 010101(R) (2007).

/// The transmissibility, as a mixture: with probability `weight`, an adopter's arcs each
/// transmit independently with probability `tau`. A single part is plain bond percolation
/// (IC); SIR's random infectious period gives a mixture, whose arcs from one node are
/// correlated (they share its period).
#[derive(Clone, Debug, PartialEq)]
pub struct Transmissibility {
    parts: Vec<(f64, f64)>,
}

impl Transmissibility {
    /// Every arc transmits with probability `t`, independently: IC with a uniform `p` (t = p).
    pub fn constant(t: f64) -> Self {
        Transmissibility {
            parts: vec![(1.0, t)],
        }
    }

    /// The (weight, τ) parts; the weights add up to 1.
    pub fn parts(&self) -> &[(f64, f64)] {
        &self.parts
    }

    /// The mean transmissibility T = Σ weight · τ: the probability that a given arc of an
    /// adopter transmits.
    pub fn mean(&self) -> f64 {
        self.parts.iter().map(|&(w, t)| w * t).sum()
    }

    /// Whether all arcs transmit independently with one probability (bond percolation).
    pub fn is_constant(&self) -> bool {
        self.parts.len() == 1
    }
}

/// IC: an adopter tries each out-arc once with probability p, so T = p
/// (Kempe, Kleinberg & Tardos 2003, the live-edge view; Newman 2002, section III).
pub fn ic(p: f64) -> Transmissibility {
    Transmissibility::constant(p)
}

/// The mean transmissibility of this project's discrete-time SIR (`src/model/sir.rs`):
/// T = 1 − γ(1 − β) / (1 − (1 − γ)(1 − β)); 0 when β = 0.
///
/// Derivation from one step's rule: a node infected at step s transmits to a susceptible
/// neighbour with probability β in each step s + 1, s + 2, …, and recovers at the end of each
/// of those steps with probability γ, so it transmits in exactly d steps with probability
/// γ(1 − γ)^{d−1} (d ≥ 1: it always transmits once). It misses the neighbour in all d of them
/// with probability (1 − β)^d, so
/// 1 − T = Σ_{d≥1} γ(1 − γ)^{d−1} (1 − β)^d = γ(1 − β) / (1 − (1 − γ)(1 − β)),
/// the discrete-time analogue of Newman 2002's T = 1 − e^{−rτ} (rate r, fixed period τ). With γ = 1 it is β. `tests/theory.rs` checks it by simulation on a single arc.
pub fn sir_mean(beta: f64, gamma: f64) -> f64 {
    if beta == 0.0 {
        return 0.0;
    }
    1.0 - gamma * (1.0 - beta) / (1.0 - (1.0 - gamma) * (1.0 - beta))
}

/// The most parts [`sir`] makes; the tail beyond is one part at its conditional mean.
pub const SIR_PARTS: usize = 10_000;

/// SIR's transmissibility as a mixture over the infectious period d (steps in which the node
/// transmits): weight γ(1 − γ)^{d−1}, τ_d = 1 − (1 − β)^d (see [`sir_mean`]). Given d, its arcs
/// transmit independently; across its arcs they are correlated. The final size of a large
/// outbreak depends only on the mean T, but the probability of one is lower than for a
/// constant T (Kenah & Robins 2007; Miller 2007): see
/// [`outbreak`](crate::analysis::percolation::outbreak).
///
/// The periods are listed until the remaining weight is below 10⁻¹³, τ_d is 1 to the last bit,
/// or [`SIR_PARTS`] parts; the rest is one part of its weight at its conditional mean
/// E[τ_d | d > D] = 1 − (1 − β)^D · γ(1 − β) / (1 − (1 − γ)(1 − β)), which keeps the mean T
/// exact.
///
/// # Complexity
/// O(min(30/γ, 37/β, [`SIR_PARTS`])) parts.
pub fn sir(beta: f64, gamma: f64) -> Transmissibility {
    if beta == 0.0 || gamma >= 1.0 {
        return Transmissibility::constant(if beta == 0.0 { 0.0 } else { beta });
    }
    let miss_one = gamma * (1.0 - beta) / (1.0 - (1.0 - gamma) * (1.0 - beta));
    let mut parts = Vec::new();
    let mut weight_left = 1.0;
    let mut miss = 1.0; // (1 − β)^d
    let mut w = gamma; // γ(1 − γ)^{d−1}
    while parts.len() < SIR_PARTS - 1 && weight_left > 1e-13 {
        miss *= 1.0 - beta;
        let tau = 1.0 - miss;
        if tau == 1.0 {
            break;
        }
        parts.push((w, tau));
        weight_left -= w;
        w *= 1.0 - gamma;
    }
    if weight_left > 0.0 {
        // the tail d > D, where D = parts.len() and miss = (1 − β)^D (or τ = 1 to the last bit)
        let tau = if miss * (1.0 - beta) == 0.0 || 1.0 - miss * (1.0 - beta) == 1.0 {
            1.0
        } else {
            1.0 - miss * miss_one
        };
        parts.push((weight_left, tau));
    }
    Transmissibility { parts }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sir_mixture_has_the_closed_form_mean() {
        for (b, g) in [
            (0.2, 0.5),
            (0.05, 0.1),
            (0.3, 1.0),
            (0.01, 0.001),
            (0.9, 0.01),
        ] {
            let m = sir(b, g);
            let w: f64 = m.parts().iter().map(|p| p.0).sum();
            assert!((w - 1.0).abs() < 1e-12, "{b} {g}: weights {w}");
            assert!(
                (m.mean() - sir_mean(b, g)).abs() < 1e-12,
                "{b} {g}: {} vs {}",
                m.mean(),
                sir_mean(b, g)
            );
            assert!(m.parts().len() <= SIR_PARTS);
        }
        assert_eq!(sir_mean(0.3, 1.0), 0.30000000000000004);
        assert_eq!(sir(0.0, 0.5), Transmissibility::constant(0.0));
        // β = 0.2, γ = 0.5: 1 − 0.4 / 0.6 = 1/3
        assert!((sir_mean(0.2, 0.5) - 1.0 / 3.0).abs() < 1e-15);
    }
}
