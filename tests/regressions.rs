//! Faults found while reading the core to document it (issue 9), each kept fixed by a test.

use viralsim::Scenario;

/// A 1 MiB address of distinct keys was checked for duplicates in O(keys²): about 10^10
/// comparisons for 200,000 keys, long enough to freeze a tab. Now a set: well under a second.
#[test]
fn an_address_of_many_distinct_keys_parses_quickly() {
    let mut text = String::from("#network=karate&model=ic&p=0.1&seeds=random:1&seed=1");
    let mut i = 0;
    while text.len() < 1_000_000 {
        text.push_str(&format!("&k{i}=1"));
        i += 1;
    }
    assert!(i > 100_000);
    let t0 = std::time::Instant::now();
    let r = viralsim::address::parse_address(&text);
    assert!(
        t0.elapsed().as_secs_f64() < 2.0,
        "took {:?} for {i} keys",
        t0.elapsed()
    );
    // the unknown keys are ignored or refused, but never slowly
    let _ = r;
    // a key given twice is still refused
    let twice = "#network=karate&model=ic&p=0.1&p=0.2&seeds=random:1&seed=1";
    let e = viralsim::address::parse_address(twice).unwrap_err();
    assert!(e.to_string().starts_with("p: is given twice"), "{e}");
}

/// Bass's word of mouth counts only the adopters that pass it on, but picked the parent among
/// every earlier adopter, muted ones too: a muted person could be recorded as having told
/// someone. With the influencers muted from step 1, no adopter's parent is one of them.
#[test]
fn bass_never_records_a_muted_parent() {
    let s = Scenario::from_json(
        r#"{"network": "ba:n=400,m=4", "model": {"kind": "bass", "p": 0.002, "q": 0.9},
            "seeds": "top-degree:20", "seed": 5,
            "campaign": {"interventions": [{"step": 1, "action": "mute", "nodes": "top-degree:20"}]}}"#,
    )
    .unwrap();
    let mut sim = s.build(None).unwrap();
    let mut told = 0;
    for run in 0..40 {
        sim.reset_run(5, run);
        sim.run(200);
        for (v, p) in sim.parents().iter().enumerate() {
            if *p < viralsim::state::ADVERTISING && sim.record(v as u32).adopted_at > 0 {
                told += 1;
                assert!(
                    !sim.is_muted(*p),
                    "run {run}: node {v} was told by muted node {p}"
                );
            }
        }
    }
    assert!(told > 100, "word of mouth happened: {told}");
}

/// SIS with β = γ = 0 gave a transmissibility of NaN (0/0); nothing is passed on: 0. The closed
/// form elsewhere: γ = 1 gives β, and β = 1 gives 1.
#[test]
fn transmissibility_is_a_probability_at_the_edges() {
    use viralsim::model::Epidemic;
    assert_eq!(Epidemic::sis(0.0, 0.0).unwrap().transmissibility(), 0.0);
    assert_eq!(Epidemic::sis(0.3, 0.0).unwrap().transmissibility(), 1.0);
    assert!((Epidemic::sir(0.3, 1.0).unwrap().transmissibility() - 0.3).abs() < 1e-12);
    assert_eq!(Epidemic::sir(1.0, 0.5).unwrap().transmissibility(), 1.0);
    // β = 0.2, γ = 0.5: 1 − 0.5·0.8 / (1 − 0.5·0.8) = 1 − 0.4/0.6
    let t = Epidemic::sir(0.2, 0.5).unwrap().transmissibility();
    assert!((t - (1.0 - 0.4 / 0.6)).abs() < 1e-12, "{t}");
}

/// Pairs and the CSV's columns of a comparison are matched by name: two scenarios of one name
/// gave wrong pair probabilities. They are refused, naming the name.
#[test]
fn compare_refuses_two_scenarios_of_one_name() {
    let s = Scenario::from_json(
        r#"{"network": "karate", "model": {"kind": "ic", "p": 0.2}, "seeds": "top-degree:2", "seed": 3}"#,
    )
    .unwrap();
    let sim = s.build(None).unwrap();
    let cfg = viralsim::montecarlo::MonteCarloConfig {
        runs: 20,
        ..Default::default()
    };
    let r = viralsim::montecarlo::monte_carlo(&sim, 3, &cfg, &mut |_, _| {}).unwrap();
    let names = vec!["a".to_string(), "b".to_string(), "a".to_string()];
    let e =
        viralsim::compare::compare_results(&names, &[r.clone(), r.clone(), r.clone()]).unwrap_err();
    assert_eq!(e.to_string(), "scenarios: label 'a' is used twice");
    let names = vec!["a,1".to_string(), "b".to_string()];
    let c = viralsim::compare::compare_results(&names, &[r.clone(), r]).unwrap();
    let csv = viralsim::report::compare_csv(&c);
    assert!(csv.contains("\"prob_better_than_a,1\""), "{csv}");
    assert!(csv.lines().nth(1).unwrap().starts_with("\"a,1\","), "{csv}");
}
