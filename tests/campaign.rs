//! Paid ads and costs: exact on tiny scenarios, consistent on random ones.
mod common;
use std::sync::Arc;
use viralsim::campaign::{Ads, Campaign, Costs};
use viralsim::costs::{campaign_metrics, segment_reach};
use viralsim::montecarlo::{monte_carlo, MonteCarloConfig};
use viralsim::state::ADVERTISING;
use viralsim::{generate, Seeding, Simulation};

fn campaign(
    impressions: u32,
    conversion: f64,
    steps: u32,
    segment: Option<u16>,
    costs: Costs,
) -> Campaign {
    Campaign {
        ads: Some(Ads {
            impressions_per_step: impressions,
            conversion,
            steps,
            segment: segment.map(Into::into),
        }),
        costs,
        ..Default::default()
    }
}

#[test]
fn costs_are_exact_on_a_star() {
    // hub seed (degree 4): 10 + 2 × 4 = 18; ads: 3 impressions × 2 steps × 0.5 = 3
    let sim = Simulation::new(
        Arc::new(generate::star(5).unwrap()),
        common::model(r#"{"kind":"ic","p":1.0}"#),
        &"nodes:0".parse().unwrap(),
        1,
    )
    .unwrap()
    .with_campaign(campaign(
        3,
        0.0,
        2,
        None,
        Costs {
            per_seed: 10.0,
            per_seed_degree: 2.0,
            per_impression: 0.5,
            ..Default::default()
        },
    ))
    .unwrap();
    let mut sim = sim;
    sim.run(100);
    assert_eq!(sim.reach(), 5);
    assert_eq!(sim.impressions(), 6);
    let m = campaign_metrics(&sim);
    assert_eq!((m.seed_cost, m.ad_cost, m.total_cost), (18.0, 3.0, 21.0));
    assert_eq!(m.cost_per_adopter, Some(21.0 / 5.0));
    assert_eq!(m.reach_per_cost, Some(5.0 / 21.0));
    // the Monte Carlo averages the same exact numbers
    let r = monte_carlo(
        &sim,
        1,
        &MonteCarloConfig {
            runs: 50,
            ..Default::default()
        },
        &mut |_, _| {},
    )
    .unwrap();
    let c = r.campaign.unwrap();
    assert_eq!((c.total_cost.mean, c.impressions), (21.0, 6.0));
}

#[test]
fn ads_convert_only_in_their_segment_and_only_while_they_run() {
    let net = Arc::new(
        generate::stochastic_block_model(
            &[200, 200],
            0.0,
            0.0,
            &mut viralsim::rng::rng_from_seed(1),
        )
        .unwrap(),
    );
    let mut sim = Simulation::new(
        net,
        common::model(r#"{"kind":"ic","p":0.5}"#),
        &Seeding::None,
        3,
    )
    .unwrap()
    .with_campaign(campaign(40, 0.5, 3, Some(1), Costs::default()))
    .unwrap();
    sim.run(50);
    let segs = sim.network().segments().unwrap().to_vec();
    let ad_adopters: Vec<u32> = sim
        .adopters()
        .iter()
        .copied()
        .filter(|&v| sim.record(v).parent == ADVERTISING)
        .collect();
    assert!(!ad_adopters.is_empty());
    assert!(
        ad_adopters.iter().all(|&v| segs[v as usize] == 1),
        "ads reach segment 1 only"
    );
    assert!(
        ad_adopters
            .iter()
            .all(|&v| (1..=3).contains(&sim.record(v).adopted_at)),
        "ads run in steps 1 to 3"
    );
    assert_eq!(sim.impressions(), 120);
    let table = segment_reach(&sim).unwrap();
    assert_eq!(table[0].reached, 0);
    assert_eq!(table.iter().map(|s| s.reached).sum::<u32>(), sim.reach());
    // errors name the field
    let plain = Simulation::new(
        Arc::new(generate::karate_club()),
        common::model(r#"{"kind":"rumor"}"#),
        &Seeding::Random(1),
        1,
    )
    .unwrap();
    for (c, msg) in [
        (
            campaign(1, 1.5, 1, None, Costs::default()),
            "campaign.ads.conversion: must be a probability",
        ),
        (
            campaign(1, 0.5, 1, Some(0), Costs::default()),
            "campaign.ads.segment: the network has no segments",
        ),
        (
            Campaign {
                ads: None,
                costs: Costs {
                    per_seed: -1.0,
                    ..Default::default()
                },
                ..Default::default()
            },
            "campaign.costs.per_seed: must be a number ≥ 0",
        ),
    ] {
        assert!(plain
            .clone()
            .with_campaign(c)
            .unwrap_err()
            .to_string()
            .starts_with(msg));
    }
}

#[test]
fn labels_and_segments_add_up_to_reach_for_every_model() {
    let net = Arc::new(
        generate::stochastic_block_model(
            &[60, 40, 30],
            0.15,
            0.02,
            &mut viralsim::rng::rng_from_seed(4),
        )
        .unwrap(),
    );
    for model in [
        r#"{"kind":"ic","p":0.2}"#,
        r#"{"kind":"lt"}"#,
        r#"{"kind":"sir","beta":0.2,"gamma":0.4}"#,
        r#"{"kind":"threshold","k":2}"#,
        r#"{"kind":"rumor"}"#,
        r#"{"kind":"bass","p":0.01,"q":0.3}"#,
    ] {
        for seed in 0..20 {
            let mut sim =
                Simulation::new(net.clone(), common::model(model), &Seeding::Random(2), seed)
                    .unwrap()
                    .with_campaign(campaign(
                        5,
                        0.3,
                        4,
                        Some((seed % 3) as u16),
                        Costs::default(),
                    ))
                    .unwrap();
            sim.run(200);
            let m = viralsim::metrics::cascade_metrics(&sim);
            assert_eq!(
                m.reach_seeds + m.reach_advertising + m.reach_word_of_mouth,
                sim.reach(),
                "{model}"
            );
            assert_eq!(
                sim.history().new_by_ad.iter().sum::<u32>(),
                m.reach_advertising,
                "{model}"
            );
            let seg = segment_reach(&sim).unwrap();
            assert_eq!(
                seg.iter().map(|s| s.reached).sum::<u32>(),
                sim.reach(),
                "{model}"
            );
        }
    }
}

#[test]
fn a_scenario_with_a_campaign_round_trips_and_an_empty_one_changes_nothing() {
    let text = r#"{"network":"karate","model":{"kind":"ic","p":0.1},"seeds":"nodes:0","seed":3,
                   "campaign":{"ads":{"impressions_per_step":4,"conversion":0.2,"steps":3},"costs":{"per_impression":0.1}}}"#;
    let s = viralsim::Scenario::from_json(text).unwrap();
    let back: viralsim::Scenario =
        serde_json::from_str(&serde_json::to_string(&s).unwrap()).unwrap();
    assert_eq!(s, back);
    let bad = text.replace("\"steps\":3", "\"steps\":3,\"budget\":9");
    assert!(viralsim::Scenario::from_json(&bad)
        .unwrap_err()
        .to_string()
        .contains("unknown field `budget`"));
    // no campaign: the golden trajectories are unchanged (tests/determinism.rs), and
    // serialising a scenario without one leaves the field out
    let plain = viralsim::Scenario::from_json(
        r#"{"network":"karate","model":{"kind":"rumor"},"seeds":"nodes:0","seed":1}"#,
    )
    .unwrap();
    assert!(!serde_json::to_string(&plain).unwrap().contains("campaign"));
}

fn priced(per_seed: f64, per_seed_degree: f64) -> Campaign {
    Campaign {
        ads: None,
        costs: Costs {
            per_seed,
            per_seed_degree,
            per_impression: 0.0,
            ..Default::default()
        },
        ..Default::default()
    }
}

#[test]
fn budget_seeding_never_exceeds_its_budget() {
    let net = Arc::new(generate::karate_club());
    for budget in [0.0, 10.0, 15.0, 30.0, 60.0, 100.0] {
        let seeding: Seeding = format!("budget:{budget},runs=50").parse().unwrap();
        let sim = Simulation::new_with_campaign(
            net.clone(),
            common::model(r#"{"kind":"ic","p":0.1}"#),
            &seeding,
            2,
            priced(10.0, 1.0),
        )
        .unwrap();
        let spent = campaign_metrics(&sim).seed_cost;
        assert!(
            spent <= budget,
            "budget {budget}: spent {spent} on {:?}",
            sim.seeds()
        );
        // the cheapest node costs 10 + 1 × 1 = 11: with 15 there is one seed, with 10 none
        if budget >= 11.0 {
            assert!(!sim.seeds().is_empty(), "budget {budget}");
            // the money left cannot buy another node
            let cheapest_left = (0..34u32)
                .filter(|v| !sim.seeds().contains(v))
                .map(|v| viralsim::influence::budget::price(&sim, &sim.campaign().costs, v))
                .fold(f64::INFINITY, f64::min);
            assert!(
                spent + cheapest_left > budget,
                "budget {budget}: {spent} spent, a node at {cheapest_left} still fits"
            );
        } else {
            assert!(sim.seeds().is_empty());
        }
    }
}

#[test]
fn budget_seeding_does_at_least_as_well_as_top_degree_for_the_same_money() {
    let net = Arc::new(generate::karate_club());
    let model = r#"{"kind":"ic","p":0.1}"#;
    let budget = 60.0;
    let chosen = Simulation::new_with_campaign(
        net.clone(),
        common::model(model),
        &"budget:60,runs=300".parse().unwrap(),
        2,
        priced(10.0, 1.0),
    )
    .unwrap();
    // top-degree nodes in order, as many as the budget pays for: 33 (27) + 0 (26) = 53
    let mut top = Vec::new();
    let mut spent = 0.0;
    for v in viralsim::influence::top_degree(&net, 34) {
        let p = 10.0 + net.out_degree(v) as f64;
        if spent + p <= budget {
            spent += p;
            top.push(v);
        }
    }
    let mc = |seeds: &[u32]| {
        let ids: Vec<String> = seeds.iter().map(|s| s.to_string()).collect();
        let s =
            Simulation::new(net.clone(), common::model(model), &Seeding::Nodes(ids), 1).unwrap();
        let r = monte_carlo(
            &s,
            555,
            &MonteCarloConfig {
                runs: 20_000,
                metrics: false,
                ..Default::default()
            },
            &mut |_, _| {},
        )
        .unwrap();
        (r.reach.mean, r.reach.std / (20_000f64).sqrt())
    };
    let (a, ea) = mc(chosen.seeds());
    let (b, eb) = mc(&top);
    assert!(
        a >= b - 3.0 * (ea * ea + eb * eb).sqrt(),
        "budget seeds {:?}: {a}; top-degree {top:?}: {b}",
        chosen.seeds()
    );
}

#[test]
fn budget_seeding_needs_prices_and_scenarios_apply_their_campaign() {
    let net = Arc::new(generate::karate_club());
    let e = Simulation::new(
        net.clone(),
        common::model(r#"{"kind":"ic","p":0.1}"#),
        &"budget:50".parse().unwrap(),
        1,
    )
    .unwrap_err();
    assert!(
        e.to_string()
            .starts_with("seeds: budget seeding needs a price per seed"),
        "{e}"
    );
    // a scenario's campaign is applied when it is built
    let s = viralsim::Scenario::from_json(
        r#"{"network":"karate","model":{"kind":"ic","p":0.1},"seeds":"none","seed":3,
            "campaign":{"ads":{"impressions_per_step":20,"conversion":0.5,"steps":2}}}"#,
    )
    .unwrap();
    let mut sim = s.build(None).unwrap();
    sim.run(50);
    assert_eq!(sim.impressions(), 40);
    assert!(viralsim::metrics::cascade_metrics(&sim).reach_advertising > 0);
    // and the CLI spends at most the budget
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_viralsim"))
        .args([
            "run",
            "--generate",
            "karate",
            "--model",
            "ic",
            "--p",
            "0.1",
            "--seeds",
            "budget:60,runs=50",
            "--cost-per-seed",
            "10",
            "--cost-per-degree",
            "1",
            "--runs",
            "10",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["campaign"]["seed_cost"].as_f64().unwrap() <= 60.0);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_viralsim"))
        .args([
            "run",
            "--generate",
            "karate",
            "--model",
            "ic",
            "--p",
            "0.1",
            "--seeds",
            "budget:60",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains("--seeds: budget seeding needs a price per seed"));
}
