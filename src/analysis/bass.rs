//! The Bass diffusion curve: closed form and this project's discrete-time map.
//!
//! Source: F. M. Bass, "A new product growth for model consumer durables", Management Science
//! 15(5), 215–227 (1969): dF/dt = (1 − F)(p + q F), F(0) = 0, whose solution is
//! F(t) = (1 − e^{−(p+q)t}) / (1 + (q/p) e^{−(p+q)t}); the peak of adoptions at
//! t* = ln(q/p) / (p + q) with F(t*) = 1/2 − p/(2q) when q > p (V. Mahajan, E. Muller and
//! F. M. Bass, "New product diffusion models in marketing", J. Marketing 54(1), 1990).

use serde::Serialize;

/// F(t), the fraction adopted at time t from no adopters (Bass 1969); 0 when p = 0 (nothing
/// starts it).
pub fn closed_form(p: f64, q: f64, t: f64) -> f64 {
    if p == 0.0 {
        return 0.0;
    }
    let e = (-(p + q) * t).exp();
    (1.0 - e) / (1.0 + (q / p) * e)
}

/// The expected fraction adopted after each step 0, 1, …, `steps` of this project's Bass model
/// (`src/model/bass.rs`) on a large complete graph, with no seed: a non-adopter adopts in a step
/// with probability p + (1 − p)·q·f, f the fraction of its neighbours adopted at the start of
/// the step (on a complete graph of n nodes f = D·n/(n − 1) → D), so
/// D(t + 1) = D(t) + (1 − D(t))·(p + (1 − p)·q·D(t)), D(0) = 0 — the mean-field map (the law of
/// large numbers as n → ∞). It is the discrete-time counterpart of the differential equation,
/// with (1 − p) because advertising is drawn first.
///
/// # Complexity
/// O(steps).
pub fn discrete(p: f64, q: f64, steps: u32) -> Vec<f64> {
    let mut d = 0.0f64;
    let mut out = Vec::with_capacity(steps as usize + 1);
    out.push(d);
    for _ in 0..steps {
        d += (1.0 - d) * (p + (1.0 - p) * q * d);
        out.push(d.min(1.0));
    }
    out
}

/// When adoptions peak in the closed form, and the fraction adopted then.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct BassPeak {
    /// t* = ln(q/p) / (p + q).
    pub time: f64,
    /// F(t*) = 1/2 − p/(2q).
    pub fraction: f64,
}

/// The peak of the adoption rate F'(t) (Mahajan, Muller & Bass 1990): `None` unless q > p > 0
/// (otherwise adoptions are highest at t = 0).
pub fn peak(p: f64, q: f64) -> Option<BassPeak> {
    (p > 0.0 && q > p).then(|| BassPeak {
        time: (q / p).ln() / (p + q),
        fraction: 0.5 - p / (2.0 * q),
    })
}

/// The two curves, per step 0, 1, …, steps.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BassCurve {
    /// F(t) of the closed form at t = 0, 1, …, steps.
    pub closed_form: Vec<f64>,
    /// The discrete-time map's D(t) ([`discrete`]).
    pub discrete: Vec<f64>,
}

/// Both curves for `steps` steps.
///
/// # Complexity
/// O(steps).
pub fn curve(p: f64, q: f64, steps: u32) -> BassCurve {
    BassCurve {
        closed_form: (0..=steps).map(|t| closed_form(p, q, t as f64)).collect(),
        discrete: discrete(p, q, steps),
    }
}
