//! Agreement with theory, fixed seeds, within 99 % intervals.
mod common;
use common::{sim, Z99};
use std::sync::Arc;
use viralsim::montecarlo::{monte_carlo, MonteCarloConfig};
use viralsim::rng::rng_from_seed;
use viralsim::{generate, model::Bass, Simulation};

fn solve(f: impl Fn(f64) -> f64) -> f64 {
    // fixed point of z = f(z) on (0, 1], started from 1
    let mut z = 1.0;
    for _ in 0..10_000 {
        z = f(z);
    }
    z
}

/// Newman (2002): IC with transmissibility T = 0.4 on an Erdős–Rényi graph with mean degree 5
/// is bond percolation with zT = 2; the giant cluster S solves S = 1 − e^{−2S} (S = 0.797).
/// A single random seed starts a large outbreak with probability S, which then reaches a
/// fraction S, so the mean reach fraction over all runs is S² = 0.635.
#[test]
fn newman_ic_on_erdos_renyi() {
    let n = 100_000;
    let net =
        generate::erdos_renyi_gnp(n, 5.0 / (n as f64 - 1.0), &mut rng_from_seed(2002)).unwrap();
    let s = sim(net, r#"{"kind":"ic","p":0.4}"#, "random:1", 17);
    let runs = 2000;
    let cfg = MonteCarloConfig {
        runs,
        max_steps: 10_000,
        threshold: Some(0.05 * n as f64),
        metrics: false,
        ..Default::default()
    };
    let res = monte_carlo(&s, 17, &cfg, &mut |_, _| {}).unwrap();
    let big = solve(|z| 1.0 - (-2.0 * z).exp());
    assert!((big - 0.7968).abs() < 1e-4);
    let p_large = res.prob_exceed.unwrap();
    let se = (big * (1.0 - big) / runs as f64).sqrt();
    assert!(
        (p_large - big).abs() < Z99 * se,
        "P(large) {p_large} vs {big} ± {}",
        Z99 * se
    );
    let mean_frac = res.reach_fraction.mean;
    let se = res.reach_fraction.std / (runs as f64).sqrt();
    assert!(
        (mean_frac - big * big).abs() < Z99 * se,
        "mean reach {mean_frac} vs {} ± {}",
        big * big,
        Z99 * se
    );
    // large outbreaks reach S
    let large: Vec<f64> = res
        .reaches
        .iter()
        .filter(|&&r| r as f64 > 0.05 * n as f64)
        .map(|&r| r as f64 / n as f64)
        .collect();
    let m = large.iter().sum::<f64>() / large.len() as f64;
    assert!((m - big).abs() < 0.01, "size of large outbreaks {m}");
}

/// SIR on a complete graph of n nodes: a susceptible escapes one infected neighbour for its
/// whole infectious period with probability (1 − β)^I, I geometric with mean 1/γ, so for large
/// n the final size z solves z = 1 − e^{−R0 z} with R0 = −(n − 1)·ln(1 − β)/γ.
#[test]
fn sir_final_size_on_complete_graph() {
    let n = 3000;
    let (gamma, r0) = (0.5, 2.0);
    let beta = 1.0 - (-r0 * gamma / (n as f64 - 1.0)).exp();
    let s = sim(
        generate::complete(n).unwrap(),
        &format!(r#"{{"kind":"sir","beta":{beta},"gamma":{gamma}}}"#),
        "random:5",
        4,
    );
    let cfg = MonteCarloConfig {
        runs: 400,
        max_steps: 10_000,
        metrics: false,
        ..Default::default()
    };
    let res = monte_carlo(&s, 4, &cfg, &mut |_, _| {}).unwrap();
    let z = solve(|z| 1.0 - (-r0 * z).exp());
    let major: Vec<f64> = res
        .reaches
        .iter()
        .map(|&r| r as f64 / n as f64)
        .filter(|&f| f > 0.3)
        .collect();
    assert!(
        major.len() > 300,
        "five seeds almost always start a major outbreak: {}",
        major.len()
    );
    let k = major.len() as f64;
    let mean = major.iter().sum::<f64>() / k;
    let sd = (major.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (k - 1.0)).sqrt();
    // finite-n: the seeds (5/n) and O(1/n) corrections, plus the 99 % interval of the mean
    let tol = Z99 * sd / k.sqrt() + 5.0 / n as f64;
    assert!((mean - z).abs() < tol, "final size {mean} vs {z} ± {tol}");
}

/// Maki–Thompson on a complete graph: the fraction never told tends to the root of
/// x = e^{−2(1 − x)}, ≈ 0.2032.
#[test]
fn maki_thompson_never_told_on_complete_graph() {
    let n = 3000;
    let s = sim(
        generate::complete(n).unwrap(),
        r#"{"kind":"rumor"}"#,
        "random:1",
        8,
    );
    let cfg = MonteCarloConfig {
        runs: 300,
        max_steps: 100_000,
        metrics: false,
        ..Default::default()
    };
    let res = monte_carlo(&s, 8, &cfg, &mut |_, _| {}).unwrap();
    let x = {
        // the root in (0, 1): iterate x = e^{−2(1−x)} from 0
        let mut x: f64 = 0.0;
        for _ in 0..10_000 {
            x = (-2.0 * (1.0 - x)).exp();
        }
        x
    };
    assert!((x - 0.2032).abs() < 1e-4);
    let never: Vec<f64> = res
        .reaches
        .iter()
        .map(|&r| 1.0 - r as f64 / n as f64)
        .collect();
    let k = never.len() as f64;
    let mean = never.iter().sum::<f64>() / k;
    let sd = (never.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / (k - 1.0)).sqrt();
    let tol = Z99 * sd / k.sqrt() + 1.0 / n as f64;
    assert!((mean - x).abs() < tol, "never told {mean} vs {x} ± {tol}");
}

/// Bass on a complete graph. The exact expected dynamics of our discrete-time model in the
/// large-n limit is the map D_{t+1} = D_t + (1 − D_t)(p + (1 − p) q D_t), a first-order
/// (Euler-like) discretisation of dF/dt = (1 − F)(p + qF). So the tolerance against the
/// continuous F(t) is the discretisation error max_t |D_t − F(t)|, computed exactly here, plus
/// the 99 % sampling interval of the simulated mean and O(1/n) finite-size terms. The test also
/// checks that the discretisation error itself is small (< 0.03) for these parameters, so the
/// comparison with F(t) means something.
#[test]
fn bass_follows_the_bass_curve() {
    let n = 2000;
    let (p, q) = (0.005, 0.1);
    let s = sim(
        generate::complete(n).unwrap(),
        &format!(r#"{{"kind":"bass","p":{p},"q":{q}}}"#),
        "none",
        21,
    );
    let steps = 120u32;
    let runs = 200;
    let cfg = MonteCarloConfig {
        runs,
        max_steps: steps,
        metrics: false,
        ..Default::default()
    };
    let res = monte_carlo(&s, 21, &cfg, &mut |_, _| {}).unwrap();
    // sampling spread of F at each step, from the runs themselves
    let mut per_step: Vec<Vec<f64>> = vec![Vec::new(); steps as usize + 1];
    for r in 0..runs as u64 {
        let mut one = s.clone();
        one.reset_run(21, r);
        one.run(steps);
        // a run that has converted everyone stops early: it keeps its final value
        let h = &one.history().reach;
        for (t, xs) in per_step.iter_mut().enumerate() {
            xs.push(*h.get(t).unwrap_or(h.last().unwrap()) as f64 / n as f64);
        }
    }
    let mut d = 0.0f64;
    let mut max_disc = 0.0f64;
    for (t, xs) in per_step.iter().enumerate().take(steps as usize + 1) {
        let f = Bass::bass_curve(p, q, t as f64);
        let mean = xs.iter().sum::<f64>() / xs.len() as f64;
        assert!(
            (mean - res.curve.mean[t] / n as f64).abs() < 1e-12,
            "Monte Carlo curve = mean of the runs"
        );
        let sd =
            (xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (xs.len() as f64 - 1.0)).sqrt();
        let disc = (d - f).abs();
        max_disc = max_disc.max(disc);
        let tol = disc + Z99 * sd / (xs.len() as f64).sqrt() + 2.0 / n as f64;
        assert!(
            (mean - f).abs() <= tol,
            "t = {t}: simulated {mean}, Bass {f}, discrete {d}, tolerance {tol}"
        );
        assert!(
            (mean - d).abs() <= Z99 * sd / (xs.len() as f64).sqrt() + 2.0 / n as f64,
            "t = {t}: {mean} vs discrete map {d}"
        );
        d += (1.0 - d) * (p + (1.0 - p) * q * d);
    }
    assert!(max_disc < 0.03, "discretisation error {max_disc}");
}

/// Cross-check with the peer libraries (shared/bench/peers/RESULTS.md): IC p = 0.1 on the karate
/// club from its 10 highest-degree nodes spreads to 14.55 nodes on average (SEM 0.02 there), LT
/// with 1/in-degree weights to 30.98.
#[test]
fn karate_agrees_with_peer_libraries() {
    for (model, reference, ref_sem) in [
        (r#"{"kind":"ic","p":0.1}"#, 14.55, 0.02),
        (r#"{"kind":"lt"}"#, 30.98, 0.03),
    ] {
        let s = sim(generate::karate_club(), model, "top-degree:10", 42);
        let runs = 20_000;
        let cfg = MonteCarloConfig {
            runs,
            metrics: false,
            ..Default::default()
        };
        let res = monte_carlo(&s, 42, &cfg, &mut |_, _| {}).unwrap();
        let se = (res.reach.std.powi(2) / runs as f64 + ref_sem * ref_sem).sqrt();
        assert!(
            (res.reach.mean - reference).abs() < Z99 * se,
            "{model}: {} vs {reference} ± {}",
            res.reach.mean,
            Z99 * se
        );
    }
}

/// SIR and IC agree where they must: with γ = 1 discrete SIR is IC with p = β.
#[test]
fn sir_with_gamma_1_is_ic() {
    let net = Arc::new(generate::barabasi_albert(5000, 3, &mut rng_from_seed(1)).unwrap());
    let mean = |json: &str| {
        let s = Simulation::new(
            net.clone(),
            common::model(json),
            &"top-degree:5".parse().unwrap(),
            3,
        )
        .unwrap();
        let res = monte_carlo(
            &s,
            3,
            &MonteCarloConfig {
                runs: 2000,
                metrics: false,
                ..Default::default()
            },
            &mut |_, _| {},
        )
        .unwrap();
        (res.reach.mean, res.reach.std / 2000f64.sqrt())
    };
    let (a, sa) = mean(r#"{"kind":"ic","p":0.1}"#);
    let (b, sb) = mean(r#"{"kind":"sir","beta":0.1,"gamma":1.0}"#);
    assert!(
        (a - b).abs() < Z99 * (sa * sa + sb * sb).sqrt(),
        "IC {a} vs SIR {b}"
    );
}
