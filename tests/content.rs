//! The content and the interventions around a spread: decay, fatigue, stickiness per segment,
//! posting probability, seeds within a segment, boost, mute and debunk. Exact on tiny graphs,
//! in agreement with the formulas on larger ones, and errors that name the field.
mod common;
use common::{model, Z99};
use std::sync::Arc;
use viralsim::campaign::Campaign;
use viralsim::costs::campaign_metrics;
use viralsim::montecarlo::{monte_carlo, MonteCarloConfig};
use viralsim::rng::rng_from_seed;
use viralsim::state::NONE;
use viralsim::{generate, Network, Result, Seeding, Simulation};

fn csim(
    net: Network,
    model_json: &str,
    seeds: &str,
    seed: u64,
    campaign: &str,
) -> Result<Simulation> {
    let c: Campaign = serde_json::from_str(campaign).unwrap();
    Simulation::new_with_campaign(
        Arc::new(net),
        model(model_json),
        &seeds.parse::<Seeding>().unwrap(),
        seed,
        c,
    )
}

fn mc_reach(sim: &Simulation, runs: u32) -> (f64, f64) {
    let cfg = MonteCarloConfig {
        runs,
        max_steps: 10_000,
        ..Default::default()
    };
    let r = monte_carlo(sim, 9, &cfg, &mut |_, _| {}).unwrap();
    (r.reach.mean, r.reach.std / (runs as f64).sqrt())
}

fn assert_close(what: &str, got: (f64, f64), want: f64) {
    let (mean, se) = got;
    assert!(
        (mean - want).abs() <= Z99 * se + 1e-9,
        "{what}: mean {mean} ± {se} (SE), expected {want}"
    );
}

// ------------------------------------------------------------------ decay

#[test]
fn half_life_stops_a_certain_chain_after_one_step() {
    // p = 1 on a path, but the content is worthless one step after it was posted
    let mut s = csim(
        generate::path(6).unwrap(),
        r#"{"kind":"ic","p":1}"#,
        "nodes:0",
        1,
        r#"{"decay":{"half_life":1e-6}}"#,
    )
    .unwrap();
    s.run(100);
    assert_eq!(s.reach(), 2);
}

#[test]
fn half_life_matches_the_product_of_age_factors() {
    // path, p = 1, half-life 2: the share of step s succeeds with 2^(−(s−1)/2), so
    // E[reach] = 1 + Σ_k Π_{a<k} 2^(−a/2)
    let mut want = 1.0;
    let mut prod = 1.0;
    for k in 1..200 {
        prod *= 2f64.powf(-((k - 1) as f64) / 2.0);
        want += prod;
    }
    let s = csim(
        generate::path(200).unwrap(),
        r#"{"kind":"ic","p":1}"#,
        "nodes:0",
        1,
        r#"{"decay":{"half_life":2}}"#,
    )
    .unwrap();
    assert_close("reach with half-life 2", mc_reach(&s, 20_000), want);
}

#[test]
fn fatigue_lowers_each_further_exposure() {
    // a star's centre hears from m seeded leaves in one step: with fatigue f it adopts with
    // probability 1 − Π_{e<m} (1 − p (1 − f)^e)
    let (p, f, m) = (0.2, 0.5, 6);
    let seeds = format!(
        "nodes:{}",
        (1..=m).map(|i| i.to_string()).collect::<Vec<_>>().join(",")
    );
    let mut s = csim(
        generate::star(10).unwrap(),
        &format!(r#"{{"kind":"ic","p":{p}}}"#),
        &seeds,
        3,
        r#"{"decay":{"fatigue":0.5}}"#,
    )
    .unwrap();
    let runs = 40_000;
    let mut hits = 0;
    for r in 0..runs {
        s.reset_run(3, r);
        s.step();
        if s.record(0).adopted_at != NONE {
            hits += 1;
        }
    }
    let want = 1.0
        - (0..m)
            .map(|e| 1.0 - p * (1.0_f64 - f).powi(e))
            .product::<f64>();
    let got = hits as f64 / runs as f64;
    let se = (want * (1.0 - want) / runs as f64).sqrt();
    assert!(
        (got - want).abs() < Z99 * se,
        "P(centre adopts) {got}, expected {want}"
    );
    // without fatigue it is the plain 1 − (1 − p)^m, visibly higher
    assert!(1.0 - (1.0 - p).powi(m) - want > 10.0 * se);
}

// ------------------------------------------------------------------ stickiness and segments

fn two_segments() -> Network {
    let mut rng = rng_from_seed(5);
    generate::stochastic_block_model(&[300, 300], 0.05, 0.01, &mut rng).unwrap()
}

#[test]
fn zero_stickiness_keeps_a_segment_out() {
    let net = two_segments();
    let segs = net.segments().unwrap().to_vec();
    let mut s = csim(
        net,
        r#"{"kind":"ic","p":0.3}"#,
        "random:5",
        2,
        r#"{"stickiness":[1,0],"seed_segment":0}"#,
    )
    .unwrap();
    for r in 0..20 {
        s.reset_run(2, r);
        s.run(1000);
        assert!(s.reach() > 5, "segment 0 should spread");
        assert!(s.adopters().iter().all(|&v| segs[v as usize] == 0));
    }
}

#[test]
fn uniform_stickiness_is_a_lower_p() {
    let half = csim(
        two_segments(),
        r#"{"kind":"ic","p":0.2}"#,
        "top-degree:3",
        2,
        r#"{"stickiness":[0.5,0.5]}"#,
    )
    .unwrap();
    let plain = csim(
        two_segments(),
        r#"{"kind":"ic","p":0.1}"#,
        "top-degree:3",
        2,
        "{}",
    )
    .unwrap();
    let (a, b) = (mc_reach(&half, 4000), mc_reach(&plain, 4000));
    let se = (a.1 * a.1 + b.1 * b.1).sqrt();
    assert!(
        (a.0 - b.0).abs() < Z99 * se,
        "p × 0.5 stickiness {a:?} vs p/2 {b:?}"
    );
}

#[test]
fn seeds_within_a_segment() {
    let net = two_segments();
    let segs = net.segments().unwrap().to_vec();
    let best1: Vec<u32> = viralsim::influence::top_degree(&net, 600)
        .into_iter()
        .filter(|&v| segs[v as usize] == 1)
        .take(4)
        .collect();
    let s = csim(
        net.clone(),
        r#"{"kind":"ic","p":0.1}"#,
        "top-degree:4",
        1,
        r#"{"seed_segment":1}"#,
    )
    .unwrap();
    assert_eq!(s.seeds(), &best1[..]);
    let mut r = csim(
        net,
        r#"{"kind":"ic","p":0.1}"#,
        "random:7",
        1,
        r#"{"seed_segment":1}"#,
    )
    .unwrap();
    for run in 0..50 {
        r.reset_run(1, run);
        assert_eq!(r.seeds().len(), 7);
        assert!(r.seeds().iter().all(|&v| segs[v as usize] == 1));
    }
}

// ------------------------------------------------------------------ posting probability

#[test]
fn influencers_who_do_not_post_still_cost() {
    let s = csim(
        generate::star(5).unwrap(),
        r#"{"kind":"ic","p":1}"#,
        "nodes:0",
        1,
        r#"{"post_probability":0,"costs":{"per_seed":10}}"#,
    )
    .unwrap();
    assert_eq!(s.reach(), 0);
    assert_eq!(campaign_metrics(&s).total_cost, 10.0);
    // certain posting is the plain scenario, draw for draw
    let mut a = csim(
        generate::karate_club(),
        r#"{"kind":"ic","p":0.2}"#,
        "random:3",
        4,
        r#"{"post_probability":1}"#,
    )
    .unwrap();
    let mut b = csim(
        generate::karate_club(),
        r#"{"kind":"ic","p":0.2}"#,
        "random:3",
        4,
        "{}",
    )
    .unwrap();
    a.run(100);
    b.run(100);
    assert_eq!(a.records(), b.records());
}

#[test]
fn posting_probability_thins_the_seeds() {
    let mut s = csim(
        generate::complete(400).unwrap(),
        r#"{"kind":"ic","p":0}"#,
        "random:200",
        1,
        r#"{"post_probability":0.3}"#,
    )
    .unwrap();
    let mut posted = 0;
    for r in 0..100 {
        s.reset_run(1, r);
        posted += s.reach();
    }
    let want = 0.3 * 200.0 * 100.0;
    let se = (200.0 * 100.0 * 0.3 * 0.7f64).sqrt();
    assert!(
        (posted as f64 - want).abs() < Z99 * se,
        "{posted} posts, expected {want}"
    );
}

// ------------------------------------------------------------------ interventions

#[test]
fn boost_restarts_a_decayed_post() {
    // 0 – 1 – 2, p = 1, content dead after one step: node 2 is reached only if the brand
    // re-posts at step 2, which makes the content new again for node 1's share
    let plain = r#"{"decay":{"half_life":1e-6}}"#;
    let boosted = r#"{"decay":{"half_life":1e-6},"interventions":[{"step":2,"action":"boost"}]}"#;
    let mut a = csim(
        generate::path(3).unwrap(),
        r#"{"kind":"ic","p":1}"#,
        "nodes:0",
        1,
        plain,
    )
    .unwrap();
    let mut b = csim(
        generate::path(3).unwrap(),
        r#"{"kind":"ic","p":1}"#,
        "nodes:0",
        1,
        boosted,
    )
    .unwrap();
    a.run(100);
    b.run(100);
    assert_eq!((a.reach(), b.reach()), (2, 3));
    assert_eq!(b.record(2).adopted_at, 2);
}

#[test]
fn boost_gives_the_seeds_a_second_chance() {
    // star, seed the centre: after a boost at step 3 each leaf has had two chances
    let (n, p) = (1001, 0.1);
    let c = r#"{"interventions":[{"step":3,"action":"boost"}]}"#;
    let mut s = csim(
        generate::star(n).unwrap(),
        &format!(r#"{{"kind":"ic","p":{p}}}"#),
        "nodes:0",
        1,
        c,
    )
    .unwrap();
    // the run waits for the boost instead of ending after step 2
    s.run(2);
    assert!(!s.is_finished());
    s.run(10);
    assert!(s.history().new_adoptions[3] > 0);
    let want = 1.0 + (n - 1) as f64 * (1.0 - (1.0 - p) * (1.0 - p));
    assert_close("reach with a boost", mc_reach(&s, 4000), want);
    // a live boost does the same between steps
    let mut live = csim(
        generate::star(n).unwrap(),
        &format!(r#"{{"kind":"ic","p":{p}}}"#),
        "nodes:0",
        1,
        "{}",
    )
    .unwrap();
    live.run(5);
    let before = live.reach();
    assert_eq!(live.boost_now().unwrap(), 1);
    live.run(5);
    assert!(live.reach() > before);
}

#[test]
fn mute_stops_a_node_passing_it_on() {
    let c = r#"{"interventions":[{"step":1,"action":"mute","nodes":"nodes:2"}]}"#;
    for m in [
        r#"{"kind":"ic","p":1}"#,
        r#"{"kind":"threshold","k":1}"#,
        r#"{"kind":"sir","beta":1,"gamma":1}"#,
    ] {
        let mut s = csim(generate::path(6).unwrap(), m, "nodes:0", 1, c).unwrap();
        s.run(100);
        assert_eq!(s.reach(), 3, "{m}: node 2 adopts but does not pass it on");
    }
    // a muted spreader in the rumour model stops at once
    let mut r = csim(
        generate::path(6).unwrap(),
        r#"{"kind":"rumor"}"#,
        "nodes:0",
        1,
        r#"{"interventions":[{"step":1,"action":"mute","nodes":"nodes:0"}]}"#,
    )
    .unwrap();
    r.run(100);
    assert_eq!((r.reach(), r.counts()), (1, [5, 0, 1]));
}

#[test]
fn debunkers_stifle_the_rumour() {
    // the seed's only neighbour is a debunker: its first call stifles it
    let c = r#"{"interventions":[{"step":1,"action":"debunk","nodes":"nodes:1"}]}"#;
    let mut r = csim(
        generate::path(3).unwrap(),
        r#"{"kind":"rumor"}"#,
        "nodes:0",
        1,
        c,
    )
    .unwrap();
    r.run(100);
    assert!(r.is_finished());
    assert_eq!((r.reach(), r.counts()), (1, [1, 0, 2]));
    // immunising the hub's leaves in SIR leaves the hub alone
    let mut s = csim(
        generate::star(8).unwrap(),
        r#"{"kind":"sir","beta":1,"gamma":0.5}"#,
        "nodes:0",
        1,
        r#"{"interventions":[{"step":1,"action":"debunk","nodes":"nodes:1,2,3,4,5,6,7"}]}"#,
    )
    .unwrap();
    s.run(100);
    assert_eq!(s.reach(), 1);
    // on a complete graph, ten random debunkers lower the mean reach of the rumour
    let net = generate::complete(200).unwrap();
    let with = csim(
        net.clone(),
        r#"{"kind":"rumor"}"#,
        "random:1",
        1,
        r#"{"interventions":[{"step":2,"action":"debunk","nodes":"random:10"}]}"#,
    )
    .unwrap();
    let without = csim(net, r#"{"kind":"rumor"}"#, "random:1", 1, "{}").unwrap();
    let (a, b) = (mc_reach(&with, 2000), mc_reach(&without, 2000));
    assert!(
        b.0 - a.0 > 5.0 * (a.1 * a.1 + b.1 * b.1).sqrt(),
        "with {a:?} without {b:?}"
    );
}

#[test]
fn interventions_are_undone_by_a_reset() {
    let c = r#"{"decay":{"half_life":3,"fatigue":0.2},"interventions":[
        {"step":1,"action":"mute","nodes":"random:5"},
        {"step":2,"action":"debunk","nodes":"top-degree:3"},
        {"step":4,"action":"boost"}]}"#;
    let m = r#"{"kind":"sir","beta":0.3,"gamma":0.4}"#;
    let mut a = csim(generate::karate_club(), m, "random:2", 8, c).unwrap();
    for r in 0..30 {
        a.reset_run(8, r);
        a.run(1000);
        let mut fresh = csim(generate::karate_club(), m, "random:2", 8, c).unwrap();
        fresh.reset_run(8, r);
        fresh.run(1000);
        assert_eq!(a.history(), fresh.history(), "run {r}");
        assert_eq!(a.records(), fresh.records(), "run {r}");
    }
    // and Monte Carlo over them does not depend on the threads
    let cfg = |threads| MonteCarloConfig {
        runs: 300,
        threads,
        ..Default::default()
    };
    let one = monte_carlo(&a, 8, &cfg(1), &mut |_, _| {}).unwrap();
    let two = monte_carlo(&a, 8, &cfg(3), &mut |_, _| {}).unwrap();
    assert_eq!(one.reaches, two.reaches);
}

// ------------------------------------------------------------------ errors

#[test]
fn bad_campaigns_name_their_field() {
    let ic = r#"{"kind":"ic","p":0.1}"#;
    let cases: [(&str, &str, &str); 11] = [
        (
            ic,
            r#"{"decay":{"half_life":0}}"#,
            "campaign.decay.half_life: must be a number of steps > 0, got 0",
        ),
        (
            ic,
            r#"{"decay":{"fatigue":1}}"#,
            "campaign.decay.fatigue: must be in [0, 1), got 1",
        ),
        (
            r#"{"kind":"lt"}"#,
            r#"{"decay":{"fatigue":0.1}}"#,
            "campaign.decay: applies to the share probability of ic, sir and sis, not to lt",
        ),
        (
            ic,
            r#"{"stickiness":[1,2]}"#,
            "campaign.stickiness: the network has no segments",
        ),
        (
            ic,
            r#"{"post_probability":1.5}"#,
            "campaign.post_probability: must be a probability in [0, 1], got 1.5",
        ),
        (
            ic,
            r#"{"seed_segment":0}"#,
            "campaign.seed_segment: the network has no segments",
        ),
        (
            ic,
            r#"{"interventions":[{"step":0,"action":"boost"}]}"#,
            "campaign.interventions[0]: step must be ≥ 1",
        ),
        (
            ic,
            r#"{"interventions":[{"step":2,"action":"mute"}]}"#,
            "campaign.interventions[0]: needs nodes",
        ),
        (
            ic,
            r#"{"interventions":[{"step":2,"action":"debunk","nodes":"nodes:1"}]}"#,
            "campaign.interventions[0]: debunk is defined for rumor, sir and sis",
        ),
        (
            r#"{"kind":"lt"}"#,
            r#"{"interventions":[{"step":2,"action":"boost"}]}"#,
            "campaign.interventions[0]: boost is defined for ic, sir, sis and rumor",
        ),
        (
            ic,
            r#"{"interventions":[{"step":2,"action":"mute","nodes":"nodes:99"}]}"#,
            "campaign.interventions[0].nodes: node '99' is not in the network",
        ),
    ];
    for (m, c, want) in cases {
        let e = csim(generate::karate_club(), m, "random:1", 1, c)
            .unwrap_err()
            .to_string();
        assert!(e.starts_with(want), "{c}: got '{e}', want '{want}…'");
    }
    let net = two_segments();
    let e = csim(net.clone(), ic, "random:1", 1, r#"{"stickiness":[1]}"#)
        .unwrap_err()
        .to_string();
    assert_eq!(
        e,
        "campaign.stickiness: gives 1 values but the network has 2 segments"
    );
    let e = csim(net, ic, "celf:2", 1, r#"{"seed_segment":1}"#)
        .unwrap_err()
        .to_string();
    assert_eq!(
        e,
        "campaign.seed_segment: works with random, top-degree, pagerank and kcore seeding"
    );
    let typo = serde_json::from_str::<Campaign>(
        r#"{"interventions":[{"step":2,"action":"boost","at":3}]}"#,
    );
    assert!(typo.unwrap_err().to_string().contains("unknown field `at`"));
    let bad =
        serde_json::from_str::<Campaign>(r#"{"interventions":[{"step":2,"action":"shout"}]}"#);
    assert!(bad
        .unwrap_err()
        .to_string()
        .contains("unknown variant `shout`"));
}
