//! A network's degree distribution, its generating functions, and the epidemic threshold.
//!
//! Source: M. E. J. Newman, S. H. Strogatz and D. J. Watts, "Random graphs with arbitrary degree
//! distributions and their applications", Phys. Rev. E 64, 026118 (2001);
//! M. E. J. Newman, "Spread of epidemic disease on networks", Phys. Rev. E 66, 016128 (2002).

use crate::error::{Code, Error, Result};
use crate::network::Network;

/// The fraction p_k of nodes of each degree k, kept as the distinct degrees and their
/// probabilities, with the generating functions of the configuration model
/// G0(x) = Σ p_k x^k and G1(x) = G0'(x) / G0'(1) (Newman 2002).
#[derive(Clone, Debug, PartialEq)]
pub struct DegreeDistribution {
    /// (k, p_k) for every degree k with p_k > 0, k ascending.
    pk: Vec<(u32, f64)>,
    /// ⟨k⟩ = G0'(1).
    mean: f64,
    /// ⟨k²⟩.
    second: f64,
}

impl DegreeDistribution {
    /// The distribution of the network's **out-degrees** (for an undirected network, its
    /// degrees). A directed network is treated as if each node's in-degree equalled its
    /// out-degree, i.e. as an undirected configuration model with the out-degrees: the
    /// directed theory (Newman, Strogatz & Watts 2001, section III) needs the joint in/out
    /// degrees and is not used here.
    ///
    /// # Complexity
    /// O(n + k_max) time, O(k_max) memory.
    pub fn of_network(net: &Network) -> Self {
        let n = net.node_count();
        let mut counts: Vec<u64> = Vec::new();
        for u in 0..n as u32 {
            let k = net.out_degree(u) as usize;
            if counts.len() <= k {
                counts.resize(k + 1, 0);
            }
            counts[k] += 1;
        }
        Self::from_counts(
            counts
                .iter()
                .enumerate()
                .filter(|(_, &c)| c > 0)
                .map(|(k, &c)| (k as u32, c)),
        )
    }

    /// The distribution of `(degree, number of nodes)` pairs (repeated degrees add up). No pair,
    /// or only zero counts: the empty distribution (⟨k⟩ = 0).
    ///
    /// # Complexity
    /// O(K log K) for K pairs.
    pub fn from_counts(pairs: impl IntoIterator<Item = (u32, u64)>) -> Self {
        let mut v: Vec<(u32, u64)> = pairs.into_iter().filter(|p| p.1 > 0).collect();
        v.sort_unstable_by_key(|p| p.0);
        let mut merged: Vec<(u32, u64)> = Vec::with_capacity(v.len());
        for (k, c) in v {
            match merged.last_mut() {
                Some(last) if last.0 == k => last.1 += c,
                _ => merged.push((k, c)),
            }
        }
        let total: f64 = merged.iter().map(|p| p.1 as f64).sum();
        let pk: Vec<(u32, f64)> = merged
            .into_iter()
            .map(|(k, c)| (k, c as f64 / total))
            .collect();
        Self::from_pk(pk)
    }

    fn from_pk(pk: Vec<(u32, f64)>) -> Self {
        let mean = pk.iter().map(|&(k, p)| k as f64 * p).sum();
        let second = pk.iter().map(|&(k, p)| (k as f64) * (k as f64) * p).sum();
        DegreeDistribution { pk, mean, second }
    }

    /// The Poisson distribution of mean `c`, p_k = e^{−c} c^k / k!: the degrees of a large
    /// Erdős–Rényi graph G(n, c/n) (Newman 2002), whose generating functions are
    /// G0(x) = G1(x) = e^{c(x − 1)}. Cut where the remaining tail is below 10⁻¹⁷ of the mass.
    ///
    /// # Errors
    /// `mean`: not a finite number ≥ 0 ([`Code::NonNegative`]), or over 10⁶ ([`Code::AtMost`]).
    ///
    /// # Complexity
    /// O(c + √c) terms.
    pub fn poisson(c: f64) -> Result<Self> {
        if !(c.is_finite() && c >= 0.0) {
            return Err(Error::new("mean", Code::NonNegative { got: c }));
        }
        if c > 1e6 {
            return Err(Error::new(
                "mean",
                Code::AtMost {
                    max: 1_000_000,
                    got: c.ceil() as u64,
                },
            ));
        }
        // p_k computed in logs: ln p_k = −c + k ln c − ln k!
        let mut pk = Vec::new();
        let mut ln_p = -c;
        let mut k = 0u32;
        let mut mass = 0.0;
        loop {
            let p = ln_p.exp();
            if p > 0.0 {
                pk.push((k, p));
            }
            mass += p;
            if k as f64 > c && (1.0 - mass < 1e-17 || p < 1e-300) {
                break;
            }
            k += 1;
            ln_p += c.ln() - (k as f64).ln();
            if c == 0.0 {
                break;
            }
        }
        Ok(Self::from_pk(pk))
    }

    /// (k, p_k) for every degree with p_k > 0, k ascending.
    pub fn probabilities(&self) -> &[(u32, f64)] {
        &self.pk
    }
    /// The mean degree ⟨k⟩ = G0'(1).
    pub fn mean(&self) -> f64 {
        self.mean
    }
    /// The second moment ⟨k²⟩.
    pub fn second_moment(&self) -> f64 {
        self.second
    }
    /// G0(x) = Σ p_k x^k, the generating function of the degrees (Newman 2002).
    ///
    /// # Complexity
    /// O(K log k_max) for K distinct degrees.
    pub fn g0(&self, x: f64) -> f64 {
        self.pk.iter().map(|&(k, p)| p * powk(x, k)).sum()
    }
    /// G0'(x) = Σ k p_k x^{k−1}.
    pub fn g0_prime(&self, x: f64) -> f64 {
        self.pk
            .iter()
            .filter(|p| p.0 > 0)
            .map(|&(k, p)| k as f64 * p * powk(x, k - 1))
            .sum()
    }
    /// G1(x) = G0'(x) / G0'(1), the generating function of the excess degree of a node reached
    /// along an edge (Newman 2002); 1 when ⟨k⟩ = 0 (no edge to follow).
    pub fn g1(&self, x: f64) -> f64 {
        if self.mean == 0.0 {
            return 1.0;
        }
        self.g0_prime(x) / self.mean
    }
    /// G1'(x) = Σ k (k − 1) p_k x^{k−2} / ⟨k⟩; G1'(1) = (⟨k²⟩ − ⟨k⟩) / ⟨k⟩.
    pub fn g1_prime(&self, x: f64) -> f64 {
        if self.mean == 0.0 {
            return 0.0;
        }
        self.pk
            .iter()
            .filter(|p| p.0 > 1)
            .map(|&(k, p)| k as f64 * (k as f64 - 1.0) * p * powk(x, k - 2))
            .sum::<f64>()
            / self.mean
    }
}

/// x^k for a degree k (0^0 = 1).
pub(crate) fn powk(x: f64, k: u32) -> f64 {
    if k <= i32::MAX as u32 {
        x.powi(k as i32)
    } else {
        x.powf(k as f64)
    }
}

/// The epidemic threshold T_c = ⟨k⟩ / (⟨k²⟩ − ⟨k⟩) = 1 / G1'(1): the transmissibility above
/// which a large outbreak is possible on a configuration-model network with these degrees
/// (Newman 2002; the Molloy–Reed criterion with T). `None` when ⟨k²⟩ ≤ ⟨k⟩ (every degree 0 or
/// 1: no large outbreak at any transmissibility). On a directed network, the out-degrees (see
/// [`DegreeDistribution::of_network`]). It can exceed 1 (a ring: exactly 1), meaning that no
/// transmissibility reaches it.
///
/// # Complexity
/// O(1) from the distribution.
pub fn epidemic_threshold(d: &DegreeDistribution) -> Option<f64> {
    let excess = d.second_moment() - d.mean();
    (excess > 0.0).then(|| d.mean() / excess)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn poisson_has_its_mean_and_generating_function() {
        let d = DegreeDistribution::poisson(5.0).unwrap();
        assert!((d.mean() - 5.0).abs() < 1e-12);
        assert!((d.second_moment() - 30.0).abs() < 1e-10);
        assert!((d.g0(0.5) - (-2.5f64).exp()).abs() < 1e-14);
        assert!((d.g1(0.5) - (-2.5f64).exp()).abs() < 1e-14);
        assert!((epidemic_threshold(&d).unwrap() - 0.2).abs() < 1e-12);
        assert!(DegreeDistribution::poisson(-1.0).is_err());
    }

    #[test]
    fn counts_merge_and_a_ring_is_at_threshold_one() {
        let d = DegreeDistribution::from_counts([(2, 3), (2, 7)]);
        assert_eq!(d.probabilities(), &[(2, 1.0)]);
        assert_eq!(epidemic_threshold(&d), Some(1.0));
        let d = DegreeDistribution::from_counts([(1, 4), (0, 2)]);
        assert_eq!(epidemic_threshold(&d), None);
        let d = DegreeDistribution::from_counts([]);
        assert_eq!(d.mean(), 0.0);
        assert_eq!(d.g1(0.3), 1.0);
    }
}
