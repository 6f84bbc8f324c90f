//! Homogeneous mixing: the final-size relation and the mean-field SIR curve on a complete
//! graph in this project's discrete time.
//!
//! Sources: W. O. Kermack and A. G. McKendrick, "A contribution to the mathematical theory of
//! epidemics", Proc. R. Soc. A 115, 700–721 (1927), the final-size relation
//! z = 1 − e^{−R₀ z}; the Reed–Frost chain binomial (H. Abbey, "An examination of the
//! Reed–Frost theory of epidemics", Human Biology 24, 201–233, 1952), in which a susceptible
//! escapes I infectives with probability (1 − β)^I, with this project's recovery step added.

use super::percolation::smallest_fixed_point;

/// The fraction z reached by a large outbreak under homogeneous mixing with basic reproduction
/// number `r0`: the root in (0, 1] of z = 1 − e^{−R₀ z} (Kermack & McKendrick 1927), 0 when
/// R₀ ≤ 1. It is also the final size on a large Erdős–Rényi graph of mean degree c with
/// transmissibility T and R₀ = cT (Newman 2002). R₀ = 2 gives 0.7968.
pub fn final_size(r0: f64) -> f64 {
    if r0.is_nan() || r0 <= 1.0 {
        return 0.0;
    }
    // z = 1 − y, with y = e^{−R₀(1 − y)} increasing and convex in y
    let y = smallest_fixed_point(|y| {
        let e = (-r0 * (1.0 - y)).exp();
        (e, r0 * e)
    });
    1.0 - y
}

/// The mean-field SIR curve on a complete graph of `n` nodes, in this project's steps
/// (`src/model/sir.rs`): fractions (susceptible, infected, recovered) after each step
/// 0, 1, …, `steps`, from `initial` infected. One step, with the counts S, I, R at its start:
/// each susceptible escapes all I infected with probability (1 − β)^I, then each of the I
/// recovers with probability γ, so
/// S' = S (1 − β)^I, I' = (1 − γ) I + (S − S'), R' = R + γ I.
/// This is the expected step with the counts taken as numbers (the mean-field closure
/// E\[(1 − β)^I\] ≈ (1 − β)^{E\[I\]}), exact in the limit n → ∞ with nβ fixed once the outbreak is
/// large (a law of large numbers); a run started by a few infected may die out first.
///
/// # Complexity
/// O(steps).
pub fn sir_complete_graph(
    n: usize,
    beta: f64,
    gamma: f64,
    initial: f64,
    steps: u32,
) -> Vec<[f64; 3]> {
    let nf = n as f64;
    let mut out = Vec::with_capacity(steps as usize + 1);
    if n == 0 {
        return out;
    }
    let i0 = initial.clamp(0.0, nf);
    let (mut s, mut i, mut r) = (nf - i0, i0, 0.0f64);
    out.push([s / nf, i / nf, r / nf]);
    for _ in 0..steps {
        let s_next = s * (1.0 - beta).powf(i);
        let new = s - s_next;
        r += gamma * i;
        i = (1.0 - gamma) * i + new;
        s = s_next;
        out.push([s / nf, i / nf, r / nf]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_final_size_relation_at_known_points() {
        assert_eq!(final_size(1.0), 0.0);
        assert_eq!(final_size(0.5), 0.0);
        let z = final_size(2.0);
        assert!((z - (1.0 - (-2.0 * z).exp())).abs() < 1e-15);
        assert_eq!(format!("{z:.4}"), "0.7968");
    }

    #[test]
    fn the_complete_graph_curve_conserves_people() {
        let c = sir_complete_graph(1000, 0.002, 0.2, 10.0, 100);
        assert_eq!(c.len(), 101);
        for p in &c {
            assert!((p[0] + p[1] + p[2] - 1.0).abs() < 1e-12);
        }
        assert_eq!(c[0], [0.99, 0.01, 0.0]);
    }
}
