//! The Maki–Thompson rumour's final state.
//!
//! Source: D. P. Maki and M. Thompson, *Mathematical Models and Applications*, Prentice-Hall
//! (1973); A. Sudbury, "The proportion of the population never hearing a rumour", J. Appl.
//! Probab. 22, 443–446 (1985): on a complete graph of n people, as n → ∞, the fraction who never
//! hear the rumour tends (in probability) to the root x ≈ 0.2032 in (0, 1) of
//! x = e^{−2(1 − x)} (the same limit as for Daley and Kendall's model).

use super::percolation::smallest_fixed_point;

/// The root in (0, 1) of x = e^{−2(1 − x)}, ≈ 0.203188: the fraction that never hears the
/// rumour on a large complete graph (Sudbury 1985). On a sparse network the fraction is larger.
/// Solved from x = 0, where the map is increasing and convex, as in
/// [`outbreak`](super::percolation::outbreak).
pub fn never_hear() -> f64 {
    smallest_fixed_point(|x| {
        let e = (-2.0 * (1.0 - x)).exp();
        (e, 2.0 * e)
    })
}
