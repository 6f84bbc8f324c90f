//! The theory module (`src/analysis/`): its known values, exactly, and its agreement with the
//! simulator, within stated tolerances (99 % normal intervals of the Monte Carlo, plus the
//! finite-size allowance each test names).
mod common;
use common::{sim, Z99};
use viralsim::analysis::degrees::{epidemic_threshold, DegreeDistribution};
use viralsim::analysis::percolation::outbreak;
use viralsim::analysis::{bass, mean_field, rumor, transmissibility};
use viralsim::montecarlo::{monte_carlo, MonteCarloConfig, MonteCarloResult};
use viralsim::rng::rng_from_seed;
use viralsim::{generate, Network, Simulation};

fn f4(x: f64) -> String {
    format!("{x:.4}")
}

fn mc(s: &Simulation, runs: u32, threshold: Option<f64>) -> MonteCarloResult {
    let cfg = MonteCarloConfig {
        runs,
        max_steps: 100_000,
        threshold,
        metrics: false,
        ..Default::default()
    };
    monte_carlo(s, 3, &cfg, &mut |_, _| {}).unwrap()
}

/// Mean and standard error of the mean.
fn mean_se(xs: &[f64]) -> (f64, f64) {
    let k = xs.len() as f64;
    let m = xs.iter().sum::<f64>() / k;
    let sd = (xs.iter().map(|x| (x - m).powi(2)).sum::<f64>() / (k - 1.0)).sqrt();
    (m, sd / k.sqrt())
}

#[test]
fn known_values() {
    // z = 1 − e^{−R₀ z}, R₀ = 2
    assert_eq!(f4(mean_field::final_size(2.0)), "0.7968");
    // Poisson degrees of mean 5, T = 0.4: cT = 2, the same z; P = S for bond percolation
    let d = DegreeDistribution::poisson(5.0).unwrap();
    let o = outbreak(&d, &transmissibility::ic(0.4));
    assert_eq!(f4(o.final_size), "0.7968");
    assert_eq!(o.outbreak_probability, o.final_size);
    assert!((o.final_size - mean_field::final_size(2.0)).abs() < 1e-12);
    // expected reach fraction from one random seed, n → ∞: P · S = S²
    assert_eq!(f4(o.expected_reach_fraction(usize::MAX)), "0.6349");
    assert_eq!(f4(epidemic_threshold(&d).unwrap()), "0.2000");
    // Bass p = 0.03, q = 0.38: t* = ln(q/p)/(p + q), F(t*) = (1 − p/q)/2
    let pk = bass::peak(0.03, 0.38).unwrap();
    assert_eq!(format!("{:.2}", pk.time), "6.19");
    assert_eq!(f4(pk.fraction), "0.4605");
    assert!((bass::closed_form(0.03, 0.38, pk.time) - pk.fraction).abs() < 1e-12);
    assert_eq!(
        bass::closed_form(0.03, 0.38, 3.0),
        viralsim::model::Bass::bass_curve(0.03, 0.38, 3.0)
    );
    // the discrete map: D(1) = p, D(2) = p + (1 − p)(p + (1 − p) q p)
    let c = bass::discrete(0.03, 0.38, 2);
    assert_eq!(c[0], 0.0);
    assert_eq!(c[1], 0.03);
    assert!((c[2] - (0.03 + 0.97 * (0.03 + 0.97 * 0.38 * 0.03))).abs() < 1e-15);
    // Maki–Thompson
    let x = rumor::never_hear();
    assert_eq!(f4(x), "0.2032");
    assert!((x - (-2.0 * (1.0 - x)).exp()).abs() < 1e-15);
}

/// The transmissibility formula against the model: with β = 0.2, γ = 0.5,
/// T = 1 − 0.5·0.8 / (1 − 0.5·0.8) = 1/3; simulated on a single edge and on a star seeded
/// at its centre (each leaf is reached with probability T).
#[test]
fn sir_transmissibility_by_simulation() {
    let (beta, gamma) = (0.2, 0.5);
    let t = transmissibility::sir_mean(beta, gamma);
    assert!((t - 1.0 / 3.0).abs() < 1e-15);
    let model = format!(r#"{{"kind":"sir","beta":{beta},"gamma":{gamma}}}"#);
    let m = common::model(&model);
    match &m {
        viralsim::Model::Sir(e) => assert_eq!(e.transmissibility(), t),
        _ => unreachable!(),
    }
    let runs = 200_000;
    let arc = sim(generate::path(2).unwrap(), &model, "nodes:0", 5);
    let r = mc(&arc, runs, None);
    let told: Vec<f64> = r.reaches.iter().map(|&x| x as f64 - 1.0).collect();
    let (p, se) = mean_se(&told);
    assert!(
        (p - t).abs() < Z99 * se,
        "single arc: {p} vs {t} ± {}",
        Z99 * se
    );
    let star = sim(generate::star(11).unwrap(), &model, "nodes:0", 6);
    let r = mc(&star, 20_000, None);
    let leaves: Vec<f64> = r.reaches.iter().map(|&x| (x as f64 - 1.0) / 10.0).collect();
    let (p, se) = mean_se(&leaves);
    assert!((p - t).abs() < Z99 * se, "star: {p} vs {t} ± {}", Z99 * se);
    // but the leaves are correlated (one infectious period): all 10 reached with probability
    // Σ_d γ(1 − γ)^{d−1} (1 − (1 − β)^d)^10, not T^10
    let all = r.reaches.iter().filter(|&&x| x == 11).count() as f64 / 20_000.0;
    let want: f64 = transmissibility::sir(beta, gamma)
        .parts()
        .iter()
        .map(|&(w, tau)| w * tau.powi(10))
        .sum();
    let se = (want * (1.0 - want) / 20_000.0).sqrt();
    assert!((all - want).abs() < Z99 * se, "all leaves {all} vs {want}");
    assert!(want > 10.0 * t.powi(10));
}

fn er(n: usize, c: f64, seed: u64) -> Network {
    generate::erdos_renyi_gnp(n, c / (n as f64 - 1.0), &mut rng_from_seed(seed)).unwrap()
}

/// T_c = ⟨k⟩ / (⟨k²⟩ − ⟨k⟩) on a generated G(n, c/(n − 1)), n = 20,000, c = 5: its degrees are
/// binomial, ⟨k²⟩ − ⟨k⟩ = c²(n − 2)/(n − 1), so T_c is 1/c up to the sample's own mean and
/// variance: within 1 % of 1/⟨k⟩ (the sample variance of 20,000 degrees is within about 1 %
/// of c).
#[test]
fn threshold_on_erdos_renyi_is_one_over_the_mean_degree() {
    let net = er(20_000, 5.0, 2002);
    let d = DegreeDistribution::of_network(&net);
    let tc = epidemic_threshold(&d).unwrap();
    assert!(
        (tc * d.mean() - 1.0).abs() < 0.01,
        "T_c {tc}, 1/<k> {}",
        1.0 / d.mean()
    );
    assert!((tc - 0.2).abs() < 0.003, "{tc}");
    assert_eq!(format!("{tc:.6}"), TC_ER);
}
const TC_ER: &str = "0.199753";

/// IC p = 0.4 on G(20,000, 5/(n − 1)): the fraction of runs from one random seed that take off
/// (reach over 5 % of the network) is P = S, runs that take off reach S, and the mean over all
/// runs is the expected reach fraction; S from the network's own degrees (≈ 0.7968). Finite
/// size: 0.01 on the size of large outbreaks.
#[test]
fn ic_on_erdos_renyi_matches_theory() {
    let n = 20_000;
    let net = er(n, 5.0, 11);
    let d = DegreeDistribution::of_network(&net);
    let o = outbreak(&d, &transmissibility::ic(0.4));
    assert!((o.final_size - 0.7968).abs() < 0.01, "{o:?}");
    let s = sim(net, r#"{"kind":"ic","p":0.4}"#, "random:1", 3);
    check_against(&s, n, &o, 1000);
}

fn check_against(
    s: &Simulation,
    n: usize,
    o: &viralsim::analysis::percolation::Outbreak,
    runs: u32,
) {
    let cut = 0.05 * n as f64;
    let r = mc(s, runs, Some(cut));
    let p = r.prob_exceed.unwrap();
    let se = (o.outbreak_probability * (1.0 - o.outbreak_probability) / runs as f64).sqrt();
    assert!(
        (p - o.outbreak_probability).abs() < Z99 * se,
        "P(large) {p} vs {} ± {}",
        o.outbreak_probability,
        Z99 * se
    );
    let large: Vec<f64> = r
        .reaches
        .iter()
        .filter(|&&x| x as f64 > cut)
        .map(|&x| x as f64 / n as f64)
        .collect();
    let (m, se) = mean_se(&large);
    assert!(
        (m - o.final_size).abs() < Z99 * se + 0.01,
        "large outbreaks {m} vs S = {}",
        o.final_size
    );
    let all: Vec<f64> = r.reaches.iter().map(|&x| x as f64 / n as f64).collect();
    let (m2, se2) = mean_se(&all);
    let want = o.expected_reach_fraction(n);
    eprintln!(
        "P(large) {p:.4} (theory {:.4}), large outbreaks {m:.4} ± {se:.4} (S {:.4}), \
         mean reach {m2:.4} ± {se2:.4} (theory {want:.4})",
        o.outbreak_probability, o.final_size
    );
    let (m, se) = (m2, se2);
    assert!(
        (m - want).abs() < Z99 * se + 0.01,
        "mean reach fraction {m} vs {want}"
    );
}

/// SIR β = 0.1, γ = 0.2 on the same kind of graph: T = 0.357 (cT ≈ 1.79). Runs that take off
/// reach S, computed from the mean T; the probability of taking off is the lower P of the
/// heterogeneous infectious period (Kenah & Robins 2007), not S.
#[test]
fn sir_on_erdos_renyi_matches_theory() {
    let n = 20_000;
    let net = er(n, 5.0, 12);
    let d = DegreeDistribution::of_network(&net);
    let o = outbreak(&d, &transmissibility::sir(0.1, 0.2));
    assert!(
        o.final_size - o.outbreak_probability > 0.05,
        "the period's spread matters here: {o:?}"
    );
    let s = sim(
        net,
        r#"{"kind":"sir","beta":0.1,"gamma":0.2}"#,
        "random:1",
        4,
    );
    check_against(&s, n, &o, 1000);
}

/// The Bass discrete map against the model on a complete graph of 2,000 (no seed): the mean
/// fraction adopted after each of 30 steps, within 0.01 (f = D·n/(n − 1) and the O(1/n) of a
/// mean over a nonlinear step).
#[test]
fn bass_map_matches_the_model_on_a_complete_graph() {
    let n = 2000;
    let (p, q) = (0.01, 0.5);
    let s = sim(
        generate::complete(n).unwrap(),
        &format!(r#"{{"kind":"bass","p":{p},"q":{q}}}"#),
        "none",
        7,
    );
    let cfg = MonteCarloConfig {
        runs: 40,
        max_steps: 30,
        metrics: false,
        ..Default::default()
    };
    let r = monte_carlo(&s, 7, &cfg, &mut |_, _| {}).unwrap();
    let map = bass::discrete(p, q, 30);
    for (t, want) in map.iter().enumerate() {
        let got = r.curve.mean.get(t).copied().unwrap_or(n as f64) / n as f64;
        assert!((got - want).abs() < 0.01, "step {t}: {got} vs {want}");
    }
}

/// The mean-field SIR curve against the model on a complete graph of 3,000 with 30 seeds
/// (enough that no run dies out early): the mean recovered fraction per step, within 0.02.
#[test]
fn sir_mean_field_matches_the_model_on_a_complete_graph() {
    let n = 3000;
    let (beta, gamma) = (0.0005, 0.3);
    let s = sim(
        generate::complete(n).unwrap(),
        &format!(r#"{{"kind":"sir","beta":{beta},"gamma":{gamma}}}"#),
        "random:30",
        9,
    );
    let cfg = MonteCarloConfig {
        runs: 40,
        max_steps: 60,
        metrics: false,
        ..Default::default()
    };
    let r = monte_carlo(&s, 9, &cfg, &mut |_, _| {}).unwrap();
    let mf = mean_field::sir_complete_graph(n, beta, gamma, 30.0, 60);
    for (t, x) in mf.iter().enumerate() {
        let reached = r
            .curve
            .mean
            .get(t)
            .copied()
            .unwrap_or(*r.curve.mean.last().unwrap());
        let got = reached / n as f64;
        let want = 1.0 - x[0];
        assert!(
            (got - want).abs() < 0.02,
            "step {t}: reached {got} vs {want}"
        );
    }
}

/// Maki–Thompson on a complete graph of 2,000: the mean fraction never told, within 0.01 of
/// 0.2032 (finite n).
#[test]
fn never_hear_matches_the_model_on_a_complete_graph() {
    let n = 2000;
    let s = sim(
        generate::complete(n).unwrap(),
        r#"{"kind":"rumor"}"#,
        "random:1",
        10,
    );
    let r = mc(&s, 100, None);
    let never: Vec<f64> = r
        .reaches
        .iter()
        .map(|&x| 1.0 - x as f64 / n as f64)
        .collect();
    let (m, se) = mean_se(&never);
    let x = rumor::never_hear();
    assert!((m - x).abs() < Z99 * se + 0.01, "{m} vs {x}");
}
