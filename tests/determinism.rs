//! Same scenario + seed → the same trajectory, bit for bit; Monte Carlo independent of threads.
mod common;
use common::sim;
use viralsim::montecarlo::Tally;
use viralsim::montecarlo::{monte_carlo, MonteCarloConfig};
use viralsim::{generate, Scenario};

const MODELS: &[&str] = &[
    r#"{"kind":"ic","p":0.15}"#,
    r#"{"kind":"ic","weights":"in_degree"}"#,
    r#"{"kind":"lt"}"#,
    r#"{"kind":"sir","beta":0.1,"gamma":0.3}"#,
    r#"{"kind":"sis","beta":0.1,"gamma":0.3}"#,
    r#"{"kind":"threshold","theta":0.2}"#,
    r#"{"kind":"rumor"}"#,
    r#"{"kind":"bass","p":0.01,"q":0.3}"#,
];

/// States, adoption steps, parents, counts per step and transmissions of a whole run.
type Trace = (Vec<u8>, Vec<u32>, Vec<u32>, Vec<[u32; 3]>, Vec<(u32, u32)>);

fn trace(s: &mut viralsim::Simulation) -> Trace {
    let mut tx = Vec::new();
    for _ in 0..200 {
        tx.extend(s.step().iter().map(|t| (t.source, t.target)));
    }
    (
        s.states().to_vec(),
        s.adopted_at().to_vec(),
        s.parents().to_vec(),
        s.history().counts.clone(),
        tx,
    )
}

#[test]
fn run_twice_is_identical() {
    for m in MODELS {
        let net = generate::holme_kim(800, 3, 0.5, &mut viralsim::rng::rng_from_seed(5)).unwrap();
        let mut a = sim(net.clone(), m, "random:3", 99);
        let mut b = sim(net, m, "random:3", 99);
        let ta = trace(&mut a);
        assert_eq!(ta, trace(&mut b), "{m}");
        // reset(seed) replays the same run; another seed gives another one
        a.reset(99);
        assert_eq!(ta, trace(&mut a), "{m} after reset");
        a.reset(100);
        if !m.contains("threshold") {
            assert_ne!(ta, trace(&mut a), "{m} with another seed");
        }
    }
}

#[test]
fn monte_carlo_does_not_depend_on_threads() {
    for m in MODELS {
        let s = sim(generate::karate_club(), m, "random:2", 7);
        let run = |threads| {
            let cfg = MonteCarloConfig {
                runs: 300,
                max_steps: 100,
                threads,
                threshold: Some(10.0),
                metrics: true,
            };
            let r = monte_carlo(&s, 7, &cfg, &mut |_, _| {}).unwrap();
            serde_json::to_string(&r).unwrap()
        };
        assert_eq!(run(1), run(2), "{m}");
    }
}

#[test]
fn run_r_of_monte_carlo_is_a_reset_run() {
    let s = sim(
        generate::karate_club(),
        r#"{"kind":"ic","p":0.2}"#,
        "random:1",
        11,
    );
    let res = monte_carlo(
        &s,
        11,
        &MonteCarloConfig {
            runs: 20,
            ..Default::default()
        },
        &mut |_, _| {},
    )
    .unwrap();
    for r in 0..20u64 {
        let mut one = s.clone();
        one.reset_run(11, r);
        one.run(1000);
        assert_eq!(one.reach(), res.reaches[r as usize]);
    }
    // a single simulation is run 0
    let mut fresh = s.clone();
    fresh.run(1000);
    assert_eq!(fresh.reach(), res.reaches[0]);
}

/// The golden trajectory: pinned numbers for one scenario. Any change to the RNG, the
/// generators or a model's draw order changes them: that is a breaking change (CHANGELOG).
/// The page checks the same file (www tests), so the CLI and the page agree.
#[test]
fn golden_trajectory() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/golden/scenarios.json"
    ))
    .unwrap();
    let cases: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap();
    assert!(cases.len() >= 3);
    for case in cases {
        let scenario: Scenario = serde_json::from_value(case["scenario"].clone()).unwrap();
        let mut s = scenario.build(None).unwrap();
        s.run(scenario.max_steps);
        let counts: Vec<[u32; 3]> = serde_json::from_value(case["counts"].clone()).unwrap();
        assert_eq!(s.history().counts, counts, "{}", case["name"]);
        assert_eq!(
            s.reach() as u64,
            case["reach"].as_u64().unwrap(),
            "{}",
            case["name"]
        );
    }
}

/// Runs computed in pieces (as the page's Web Workers do) and summarised together give the
/// same numbers as one Monte Carlo.
#[test]
fn split_runs_summarise_to_the_same_result() {
    let s = sim(
        generate::karate_club(),
        r#"{"kind":"sir","beta":0.2,"gamma":0.3}"#,
        "random:2",
        5,
    );
    let cfg = MonteCarloConfig {
        runs: 500,
        max_steps: 200,
        threads: 2,
        threshold: Some(10.0),
        metrics: true,
    };
    let whole = monte_carlo(&s, 5, &cfg, &mut |_, _| {}).unwrap();
    let mut all = Tally::starting_at(0);
    for (a, b) in [(0u64, 123u64), (123, 400), (400, 500)] {
        let part = viralsim::montecarlo::tally_runs(&s, 5, a..b, &cfg);
        // through JSON, as between a worker and the page
        let part: Tally = serde_json::from_str(&serde_json::to_string(&part).unwrap()).unwrap();
        all.merge(part).unwrap();
    }
    let pieced = viralsim::montecarlo::summarise(&s, all, 5, &cfg).unwrap();
    assert_eq!(
        serde_json::to_string(&whole).unwrap(),
        serde_json::to_string(&pieced).unwrap()
    );
    // blocks out of order are refused, not summed wrongly
    let mut a = viralsim::montecarlo::tally_runs(&s, 5, 0..10, &cfg);
    let c = viralsim::montecarlo::tally_runs(&s, 5, 20..30, &cfg);
    assert!(a
        .merge(c)
        .unwrap_err()
        .to_string()
        .contains("expected run 10, got 20"));
}

/// The Monte Carlo's percentile curves are those of every run's curve kept in full and sorted
/// step by step (the way they were computed before the histograms), for any split of the runs.
#[test]
fn histogram_band_equals_sorting_every_curve() {
    let s = sim(
        generate::karate_club(),
        r#"{"kind":"sis","beta":0.15,"gamma":0.3}"#,
        "random:2",
        9,
    );
    let cfg = MonteCarloConfig {
        runs: 300,
        max_steps: 60,
        threads: 3,
        threshold: None,
        metrics: false,
    };
    let r = monte_carlo(&s, 9, &cfg, &mut |_, _| {}).unwrap();
    // reference: every run's cumulative and active curve, kept whole
    let mut sim = s.clone();
    let (mut reach, mut active) = (Vec::new(), Vec::new());
    for run in 0..300 {
        sim.reset_run(9, run);
        sim.run(60);
        reach.push(sim.history().reach.clone());
        active.push(
            sim.history()
                .counts
                .iter()
                .map(|c| c[1])
                .collect::<Vec<u32>>(),
        );
    }
    let len = reach.iter().map(Vec::len).max().unwrap();
    let q = |sorted: &[u32], q: f64| {
        let h = (sorted.len() - 1) as f64 * q;
        let (lo, hi) = (h.floor() as usize, h.ceil() as usize);
        sorted[lo] as f64 + (h - lo as f64) * (sorted[hi] as f64 - sorted[lo] as f64)
    };
    for t in 0..len {
        for (curves, band, carry_last) in
            [(&reach, &r.curve, true), (&active, &r.active_curve, false)]
        {
            let mut col: Vec<u32> = curves
                .iter()
                .map(|c| {
                    c.get(t)
                        .copied()
                        .unwrap_or(if carry_last { *c.last().unwrap() } else { 0 })
                })
                .collect();
            col.sort_unstable();
            let mean = col.iter().map(|&x| x as f64).sum::<f64>() / col.len() as f64;
            assert_eq!(band.mean[t], mean, "step {t}");
            assert_eq!(band.p05[t], q(&col, 0.05), "step {t}");
            assert_eq!(band.p95[t], q(&col, 0.95), "step {t}");
        }
    }
}
