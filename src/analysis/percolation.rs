//! The final size and the probability of a large outbreak from one seed, by the generating
//! functions of the configuration model.
//!
//! Source: M. E. J. Newman, "Spread of epidemic disease on networks", Phys. Rev. E 66, 016128
//! (2002): u = G1(1 − T + T u), S = 1 − G0(1 − T + T u), the mean size of
//! an outbreak that stays small, 1 + T G0'(1) / (1 − T G1'(1)) below the threshold, and its
//! form above it; for a transmissibility that varies from node to node
//! (SIR's random infectious period), E. Kenah and J. M. Robins, Phys. Rev. E 76, 036113 (2007)
//! and J. C. Miller, Phys. Rev. E 76, 010101(R) (2007): the final size depends only on the mean
//! T, the probability of a large outbreak is found along the out-going arcs with each node's
//! own τ.
//!
//! These hold on large, sparse, locally tree-like networks (little clustering), where the
//! outbreak from one seed is a branching process; they are limits as n → ∞.

use super::degrees::DegreeDistribution;
use super::transmissibility::Transmissibility;
use serde::Serialize;

/// What the theory expects of an outbreak started by one seed chosen uniformly at random.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Outbreak {
    /// The mean transmissibility T.
    pub transmissibility: f64,
    /// S, the fraction of the network reached by a large outbreak (0 below the threshold).
    pub final_size: f64,
    /// P, the probability that one random seed starts a large outbreak (= S for a constant T).
    pub outbreak_probability: f64,
    /// The mean number of people (the seed included) that an outbreak reaches when it stays
    /// small; `None` where it diverges (at the threshold) or no outbreak stays small.
    pub small_outbreak_mean: Option<f64>,
}

impl Outbreak {
    /// The expected fraction of a network of `n` nodes reached from one random seed:
    /// P · S + (1 − P) · min(⟨s⟩, n) / n, where ⟨s⟩ is [`Outbreak::small_outbreak_mean`]
    /// (left out where it is `None`). As n → ∞ it is P · S.
    pub fn expected_reach_fraction(&self, n: usize) -> f64 {
        let large = self.outbreak_probability * self.final_size;
        match (self.small_outbreak_mean, n) {
            (Some(s), n) if n > 0 => {
                large + (1.0 - self.outbreak_probability) * s.min(n as f64) / n as f64
            }
            _ => large,
        }
    }
}

/// The most Newton steps of [`smallest_fixed_point`].
const MAX_ITERATIONS: usize = 10_000;

/// The smallest fixed point in [0, 1] of u = g(u), for g increasing and convex on [0, 1] with
/// g(1) = 1 (a generating function), `g` returning (g(u), g'(u)). Started at u = 0, plain
/// iteration u ← g(u) climbs to it monotonically (as Newman 2002 solves it); a Newton
/// step on g(u) − u from the same point lands between g(u) and the fixed point (convexity), so
/// it is used instead, with the plain step as fallback: the same root, in a few dozen steps
/// even next to the threshold, where plain iteration needs millions.
pub(crate) fn smallest_fixed_point(g: impl Fn(f64) -> (f64, f64)) -> f64 {
    let mut u = 0.0f64;
    for _ in 0..MAX_ITERATIONS {
        let (gu, dg) = g(u);
        if gu <= u {
            return u;
        }
        let newton = if dg < 1.0 {
            u + (gu - u) / (1.0 - dg)
        } else {
            gu
        };
        let next = if newton.is_finite() && newton >= gu {
            newton.min(1.0)
        } else {
            gu
        };
        if next - u <= 1e-16 {
            return next;
        }
        u = next;
    }
    u
}

/// The outbreak from one random seed on a configuration-model network with degrees `d` and
/// transmissibility `t` (Newman 2002; Kenah & Robins 2007; Miller 2007):
///
/// - final size: u = G1(1 − T + T u) for the mean T, S = 1 − G0(1 − T + T u);
/// - probability of a large outbreak: v = Σ_j w_j G1(1 − τ_j + τ_j v),
///   P = 1 − Σ_j w_j G0(1 − τ_j + τ_j v) over the parts (w_j, τ_j) of `t`; for a constant T,
///   v = u and P = S (bond percolation);
/// - the mean size of an outbreak that stays small, from H1(x) = x Σ w_j G1(1 − τ_j + τ_j H1(x))
///   and H0(x) = x Σ w_j G0(1 − τ_j + τ_j H1(x)): ⟨s⟩ = H0'(1) / H0(1)
///   = 1 + v · Σ w_j τ_j G0'(y_j) / ((1 − P)(1 − Σ w_j τ_j G1'(y_j))), y_j = 1 − τ_j + τ_j v,
///   which is 1 + T G0'(1) / (1 − T G1'(1)) below the threshold (Newman 2002).
///
/// Each root is the smallest in [0, 1], found from 0 by Newton steps that never pass it (the
/// map is increasing and convex), falling back on the plain iteration; at or below the
/// threshold (T G1'(1) ≤ 1, for the mean T in both cases) it is 1, and S = P = 0 exactly.
///
/// # Complexity
/// O(I · J · K log k_max) for K distinct degrees, J parts of `t` and I ≤ 10,000 Newton steps
/// (a few dozen in practice).
pub fn outbreak(d: &DegreeDistribution, t: &Transmissibility) -> Outbreak {
    let mean_t = t.mean();
    let y = |tau: f64, v: f64| 1.0 - tau + tau * v;
    // at or below the threshold (T G1'(1) ≤ 1) the smallest root is 1 exactly: nothing is large
    let below = mean_t * d.g1_prime(1.0) <= 1.0;
    let u = if below {
        1.0
    } else {
        smallest_fixed_point(|u| {
            let x = y(mean_t, u);
            (d.g1(x), mean_t * d.g1_prime(x))
        })
    };
    let final_size = if below {
        0.0
    } else {
        (1.0 - d.g0(y(mean_t, u))).max(0.0)
    };
    let (v, outbreak_probability) = if t.is_constant() || below {
        (u, final_size)
    } else {
        let v = smallest_fixed_point(|v| {
            t.parts().iter().fold((0.0, 0.0), |(a, b), &(w, tau)| {
                let x = y(tau, v);
                (a + w * d.g1(x), b + w * tau * d.g1_prime(x))
            })
        });
        let p: f64 = t.parts().iter().map(|&(w, tau)| w * d.g0(y(tau, v))).sum();
        (v, (1.0 - p).max(0.0))
    };
    let (mut a, mut b) = (0.0, 0.0);
    for &(w, tau) in t.parts() {
        let x = y(tau, v);
        a += w * tau * d.g0_prime(x);
        b += w * tau * d.g1_prime(x);
    }
    let small = 1.0 - outbreak_probability;
    let small_outbreak_mean = (small > 0.0 && b < 1.0)
        .then(|| 1.0 + v * a / (small * (1.0 - b)))
        .filter(|s| s.is_finite());
    Outbreak {
        transmissibility: mean_t,
        final_size,
        outbreak_probability,
        small_outbreak_mean,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn below_the_threshold_nothing_is_large_and_small_outbreaks_have_their_mean() {
        let d = DegreeDistribution::poisson(5.0).unwrap();
        let o = outbreak(&d, &Transmissibility::constant(0.1));
        assert_eq!(o.final_size, 0.0);
        assert_eq!(o.outbreak_probability, 0.0);
        // 1 + T c / (1 − T c) = 1 + 0.5 / 0.5
        assert!((o.small_outbreak_mean.unwrap() - 2.0).abs() < 1e-12);
        assert!((o.expected_reach_fraction(1000) - 0.002).abs() < 1e-14);
    }

    #[test]
    fn the_fixed_point_at_the_threshold_is_found() {
        let d = DegreeDistribution::poisson(5.0).unwrap();
        let o = outbreak(&d, &Transmissibility::constant(0.2));
        assert!(o.final_size < 1e-6, "{o:?}");
    }
}
