//! A/B comparison: the paired interval covers the truth, and the CLI reports it.
mod common;
use std::process::Command;
use std::sync::Arc;
use viralsim::compare::compare;
use viralsim::montecarlo::MonteCarloConfig;
use viralsim::{Seeding, Simulation};

/// Simulation study: on a star with 20 leaves seeded at the hub, IC reaches 1 + 20p on average,
/// so p = 0.3 vs p = 0.2 differ by exactly 2. Over 400 independent comparisons the 95 % paired
/// interval must cover 2 about 95 % of the time (binomial: 380 ± 4.4).
#[test]
fn the_paired_interval_covers_the_true_difference() {
    let net = Arc::new(viralsim::generate::star(21).unwrap());
    let a = Simulation::new(
        net.clone(),
        common::model(r#"{"kind":"ic","p":0.3}"#),
        &"nodes:0".parse::<Seeding>().unwrap(),
        1,
    )
    .unwrap();
    let b = Simulation::new(
        net,
        common::model(r#"{"kind":"ic","p":0.2}"#),
        &"nodes:0".parse::<Seeding>().unwrap(),
        1,
    )
    .unwrap();
    let sims = vec![("a".to_string(), a), ("b".to_string(), b)];
    let cfg = MonteCarloConfig {
        runs: 200,
        max_steps: 10,
        threads: 1,
        threshold: None,
        metrics: false,
    };
    let trials = 400;
    let mut covered = 0;
    let mut a_better = 0;
    for seed in 0..trials {
        let c = compare(&sims, seed, &cfg, &mut |_, _, _| {}).unwrap();
        let p = &c.pairs[0];
        if p.ci95[0] <= 2.0 && 2.0 <= p.ci95[1] {
            covered += 1;
        }
        if c.best == "a" {
            a_better += 1;
        }
    }
    assert!(
        (365..=395).contains(&covered),
        "covered {covered} of {trials}"
    );
    assert!(
        a_better > 390,
        "a is better in truth: {a_better} of {trials}"
    );
}

#[test]
fn common_random_numbers_make_identical_scenarios_tie_exactly() {
    let net = Arc::new(viralsim::generate::karate_club());
    let mk = || {
        Simulation::new(
            net.clone(),
            common::model(r#"{"kind":"sir","beta":0.2,"gamma":0.3}"#),
            &Seeding::Random(2),
            4,
        )
        .unwrap()
    };
    let sims = vec![("x".to_string(), mk()), ("y".to_string(), mk())];
    let c = compare(
        &sims,
        4,
        &MonteCarloConfig {
            runs: 300,
            ..Default::default()
        },
        &mut |_, _, _| {},
    )
    .unwrap();
    assert_eq!(c.pairs[0].mean_difference, 0.0);
    assert_eq!(c.pairs[0].ci95, [0.0, 0.0]);
    assert_eq!(c.pairs[0].prob_a_better, 0.5);
    let one = vec![("x".to_string(), mk())];
    assert!(
        compare(&one, 1, &MonteCarloConfig::default(), &mut |_, _, _| {})
            .unwrap_err()
            .to_string()
            .contains("2 to 4")
    );
}

fn viralsim(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_viralsim"))
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn cli_compare_and_sweep() {
    let dir = std::env::temp_dir().join(format!("viralsim-compare-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let write = |name: &str, text: &str| {
        let p = dir.join(name);
        std::fs::write(&p, text).unwrap();
        p.to_string_lossy().into_owned()
    };
    let a = write(
        "hubs.json",
        r#"{"network":"ba:n=2000,m=3","model":{"kind":"ic","p":0.05},"seeds":"top-degree:5","seed":1}"#,
    );
    let b = write(
        "random.json",
        r#"{"network":"ba:n=2000,m=3","model":{"kind":"ic","p":0.05},"seeds":"random:5","seed":1}"#,
    );
    let other = write(
        "other.json",
        r#"{"network":"ba:n=3000,m=3","model":{"kind":"ic","p":0.05},"seeds":"random:5","seed":1}"#,
    );
    let out = viralsim(&[
        "compare",
        &a,
        &b,
        "--runs",
        "500",
        "--threshold",
        "50",
        "--format",
        "json",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["scenarios"][0]["name"], "hubs");
    assert_eq!(v["best"], "hubs");
    assert!(v["pairs"][0]["prob_a_better"].as_f64().unwrap() > 0.99);
    assert!(v["scenarios"][1]["prob_exceed"].as_f64().is_some());
    let out = viralsim(&["compare", &a, &b, "--runs", "100", "--format", "csv"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("scenario,reach_mean,"));
    assert_eq!(text.lines().count(), 3);
    // a scenario's campaign counts in a comparison (ads alone reach people; costs are reported)
    let ads = write(
        "ads.json",
        r#"{"network":"ba:n=2000,m=3","model":{"kind":"ic","p":0.05},"seeds":"none","seed":1,
            "campaign":{"ads":{"impressions_per_step":100,"conversion":0.2,"steps":3},"costs":{"per_impression":0.5}}}"#,
    );
    let out = viralsim(&["compare", &a, &ads, "--runs", "200", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        v["scenarios"][1]["reach"]["mean"].as_f64().unwrap() > 30.0,
        "{}",
        v["scenarios"][1]["reach"]
    );
    let per_adopter = v["scenarios"][1]["cost_per_adopter"].as_f64().unwrap();
    assert!(
        (per_adopter - 150.0 / v["scenarios"][1]["reach"]["mean"].as_f64().unwrap()).abs() < 1e-9
    );
    // no seed, no seed cost: +0, never "-0"
    let out = viralsim(&[
        "run",
        "--scenario",
        &ads,
        "--runs",
        "10",
        "--format",
        "json",
    ]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("\"seed_cost\": 0.0"), "{text}");
    // errors
    for (args, msg) in [
        (
            vec!["compare", a.as_str()],
            // clap says it: "2 values required by '<SCENARIO> <SCENARIO>...'; only 1 was provided"
            "only 1 was provided",
        ),
        (
            vec!["compare", a.as_str(), other.as_str()],
            "compare needs the same network",
        ),
        (
            vec!["compare", a.as_str(), "/nope.json"],
            "/nope.json: cannot read",
        ),
    ] {
        let out = viralsim(&args);
        assert_eq!(out.status.code(), Some(2));
        assert!(out.stdout.is_empty());
        assert!(
            String::from_utf8_lossy(&out.stderr).contains(msg),
            "{args:?}"
        );
    }
    // sweep: one row per value, reach grows with p
    let out = viralsim(&[
        "sweep",
        "--generate",
        "karate",
        "--model",
        "ic",
        "--p",
        "0.1:0.3:0.1",
        "--seeds",
        "nodes:0",
        "--runs",
        "3000",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<Vec<&str>> = text
        .lines()
        .skip(1)
        .map(|l| l.split(',').collect())
        .collect();
    assert_eq!(
        rows.iter().map(|r| r[0]).collect::<Vec<_>>(),
        vec!["0.1", "0.2", "0.3"]
    );
    let means: Vec<f64> = rows.iter().map(|r| r[1].parse().unwrap()).collect();
    assert!(means[0] < means[1] && means[1] < means[2], "{means:?}");
    let out = viralsim(&[
        "sweep",
        "--generate",
        "karate",
        "--model",
        "ic",
        "--p",
        "0.1:0.05:0.1",
        "--seeds",
        "nodes:0",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains("--p: '0.1:0.05:0.1' should be start:stop:step"));
}
