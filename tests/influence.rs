//! Seeding strategies do what the literature says they do.
mod common;
use std::sync::Arc;
use viralsim::influence::{celf, imm};
use viralsim::{Network, Seeding, Simulation};

/// Two hubs that share the same 30 followers, and five separate stars of 20 followers each:
/// the two highest-degree nodes overlap, so top-degree wastes its second seed.
fn overlap_graph() -> Network {
    let mut edges = Vec::new();
    for leaf in 2..32u32 {
        edges.push((0, leaf));
        edges.push((1, leaf));
    }
    let mut next = 32u32;
    for _ in 0..5 {
        let hub = next;
        next += 1;
        for _ in 0..20 {
            edges.push((hub, next));
            next += 1;
        }
    }
    Network::from_edges(next as usize, false, &edges, None).unwrap()
}

/// Spread of a fixed seed set, estimated on runs independent of the ones the strategies used.
fn spread(net: &Arc<Network>, model: &str, seeds: &[u32], runs: u32) -> (f64, f64) {
    let ids: Vec<String> = seeds.iter().map(|s| s.to_string()).collect();
    let sim =
        Simulation::new(net.clone(), common::model(model), &Seeding::Nodes(ids), 999).unwrap();
    let cfg = viralsim::montecarlo::MonteCarloConfig {
        runs,
        metrics: false,
        ..Default::default()
    };
    let r = viralsim::montecarlo::monte_carlo(&sim, 987_654, &cfg, &mut |_, _| {}).unwrap();
    (r.reach.mean, r.reach.std / (runs as f64).sqrt())
}

fn seeds_of(net: &Arc<Network>, model: &str, seeding: &str) -> Vec<u32> {
    Simulation::new(
        net.clone(),
        common::model(model),
        &seeding.parse().unwrap(),
        5,
    )
    .unwrap()
    .seeds()
    .to_vec()
}

#[test]
fn celf_and_imm_beat_degree_and_random_when_audiences_overlap() {
    let net = Arc::new(overlap_graph());
    for model in [r#"{"kind":"ic","p":0.5}"#, r#"{"kind":"lt"}"#] {
        let top = seeds_of(&net, model, "top-degree:2");
        assert_eq!(
            top,
            vec![0, 1],
            "the two overlapping hubs have the highest degree"
        );
        let (s_top, e_top) = spread(&net, model, &top, 20_000);
        let (s_rand, _) = {
            // random seeding: averaged over its own draws
            let sim =
                Simulation::new(net.clone(), common::model(model), &Seeding::Random(2), 1).unwrap();
            let r = viralsim::montecarlo::monte_carlo(
                &sim,
                3,
                &viralsim::montecarlo::MonteCarloConfig {
                    runs: 20_000,
                    metrics: false,
                    ..Default::default()
                },
                &mut |_, _| {},
            )
            .unwrap();
            (r.reach.mean, 0.0)
        };
        // (degree discount would pick the two hubs too: they are not neighbours, and it only
        // discounts the degree of a seed's neighbours)
        for strategy in ["celf:2", "imm:2,epsilon=0.2"] {
            let seeds = seeds_of(&net, model, strategy);
            let (s, e) = spread(&net, model, &seeds, 20_000);
            assert!(
                s > s_top + 4.0 * (e * e + e_top * e_top).sqrt(),
                "{model} {strategy} {seeds:?}: {s} vs top-degree {s_top}"
            );
            assert!(s > s_rand, "{model} {strategy}: {s} vs random {s_rand}");
        }
    }
}

/// On the karate club, exhaustive search over every set of 3 seeds finds the best spread; CELF
/// and IMM must reach at least (1 − 1/e − ε) of it (in practice they come much closer).
#[test]
fn celf_and_imm_reach_their_guarantee_against_exhaustive_search() {
    let net = Arc::new(viralsim::generate::karate_club());
    let model = r#"{"kind":"ic","p":0.1}"#;
    let runs = 400;
    let base = Simulation::new(net.clone(), common::model(model), &Seeding::None, 1).unwrap();
    let mut sim = base.clone();
    let mut best = (0.0, vec![]);
    for a in 0..34u32 {
        for b in a + 1..34 {
            for c in b + 1..34 {
                let s = celf::spread(&mut sim, &[a, b, c], runs, 77);
                if s > best.0 {
                    best = (s, vec![a, b, c]);
                }
            }
        }
    }
    // re-estimate the best set and the strategies' sets on fresh runs
    let (s_best, _) = spread(&net, model, &best.1, 40_000);
    let eps = 0.2;
    let greedy = celf::celf(&base, 3, runs, 77).unwrap();
    let (s_celf, _) = spread(&net, model, &greedy.seeds, 40_000);
    let r = imm::imm(&net, &common::model(model), 3, eps, 5).unwrap();
    let (s_imm, _) = spread(&net, model, &r.seeds, 40_000);
    let bound = (1.0 - (-1f64).exp() - eps) * s_best;
    assert!(
        s_celf >= bound && s_imm >= bound,
        "best {s_best} {:?}, celf {s_celf} {:?}, imm {s_imm} {:?}",
        best.1,
        greedy.seeds,
        r.seeds
    );
    // and much closer in practice
    assert!(
        s_celf > 0.95 * s_best && s_imm > 0.95 * s_best,
        "best {s_best}, celf {s_celf}, imm {s_imm}"
    );
    // CELF's lazy evaluation saved work: far fewer than n·k evaluations
    assert!(
        greedy.evaluations < 34 * 3,
        "{} evaluations",
        greedy.evaluations
    );
    // IMM's estimate agrees with simulation
    assert!(
        (r.estimated_spread - s_imm).abs() < 0.1 * s_imm,
        "IMM estimate {} vs simulated {s_imm}",
        r.estimated_spread
    );
}

#[test]
fn structural_strategies_on_the_karate_club() {
    let net = Arc::new(viralsim::generate::karate_club());
    let m = r#"{"kind":"ic","p":0.1}"#;
    assert_eq!(seeds_of(&net, m, "pagerank:3"), vec![33, 0, 32]);
    // coreness 4 nodes, by degree: 33 (17), 0 (16), 32 (12), 2 (10), 1 (9)
    assert_eq!(seeds_of(&net, m, "kcore:5"), vec![33, 0, 32, 2, 1]);
    let dd = seeds_of(&net, m, "degree-discount:3");
    assert_eq!(&dd[..2], &[33, 0]);
    // the same scenario seed gives the same IMM seeds; the strategies are part of the scenario
    assert_eq!(seeds_of(&net, m, "imm:3"), seeds_of(&net, m, "imm:3"));
}

/// The weighted cascade on a directed scale-free graph: IMM's two seeds (ε = 0.1) reach at least (1 − 1/e − ε) of the best pair found by exhaustive search,
/// and in practice within 3 % of it; the seeds and their estimate do not depend on the threads.
#[test]
fn imm_under_the_weighted_cascade_against_exhaustive_search() {
    // BA(120, 2), each edge as two arcs: p(u → v) = 1/in-degree(v)
    let ba =
        viralsim::generate::barabasi_albert(120, 2, &mut viralsim::rng::rng_from_seed(4)).unwrap();
    let mut arcs = Vec::new();
    for u in 0..ba.node_count() as u32 {
        for &v in ba.neighbors(u) {
            arcs.push((u, v));
        }
    }
    let net = Arc::new(Network::from_edges(ba.node_count(), true, &arcs, None).unwrap());
    let model = r#"{"kind":"ic","weights":"in_degree"}"#;
    let n = net.node_count() as u32;
    let base = Simulation::new(net.clone(), common::model(model), &Seeding::None, 1).unwrap();
    let mut sim = base.clone();
    let mut best = (0.0, vec![]);
    for a in 0..n {
        for b in a + 1..n {
            let s = celf::spread(&mut sim, &[a, b], 300, 11);
            if s > best.0 {
                best = (s, vec![a, b]);
            }
        }
    }
    let (s_best, _) = spread(&net, model, &best.1, 20_000);
    let eps = 0.1;
    let opts = |threads| imm::ImmOptions {
        threads,
        ..imm::ImmOptions::default()
    };
    let r = imm::imm_with(&net, &common::model(model), 2, eps, 8, &opts(1)).unwrap();
    assert_eq!(
        r,
        imm::imm_with(&net, &common::model(model), 2, eps, 8, &opts(2)).unwrap()
    );
    let (s_imm, se) = spread(&net, model, &r.seeds, 20_000);
    assert!(
        s_imm >= (1.0 - (-1f64).exp() - eps) * s_best,
        "best {s_best} {:?}, imm {s_imm} {:?}",
        best.1,
        r.seeds
    );
    assert!(
        s_imm > 0.97 * s_best,
        "best {s_best} {:?}, imm {s_imm} ± {se} {:?}",
        best.1,
        r.seeds
    );
    assert!(r.certified >= 1.0 - (-1f64).exp() - eps, "{r:?}");
    // R₂'s estimate is unbiased for the chosen seeds: within 5 % here
    assert!(
        (r.estimated_spread - s_imm).abs() < 0.05 * s_imm,
        "estimate {} vs simulated {s_imm}",
        r.estimated_spread
    );
}

/// A loose ε certifies after a few hundred RR sets, where the greedy's last picks would rest on
/// one or two sets each (or none): IMM keeps doubling until its last seed adds 32 sets, so even
/// ε = 0.5 chooses seeds within 5 % of the best-connected people on a BA graph, where hubs are
/// near-optimal (4 % below here; without the floor, 38 % below).
#[test]
fn imm_with_a_loose_epsilon_still_chooses_good_seeds() {
    let net = Arc::new(
        viralsim::generate::barabasi_albert(20_000, 3, &mut viralsim::rng::rng_from_seed(2))
            .unwrap(),
    );
    let model = r#"{"kind":"ic","p":0.02}"#;
    let r = imm::imm(&net, &common::model(model), 20, 0.5, 3).unwrap();
    let (s_imm, se) = spread(&net, model, &r.seeds, 4000);
    let (s_top, _) = spread(&net, model, &seeds_of(&net, model, "top-degree:20"), 4000);
    assert!(
        s_imm > 0.95 * s_top,
        "imm {s_imm} ± {se}, top-degree {s_top}, {r:?}"
    );
}

/// IMM's seeds for fixed scenarios, pinned: RR set i of collection c draws from stream
/// (seed, 2i + c), so these change only if the sampling, the stopping rule or the greedy does
/// (a breaking change for every saved `imm:` scenario). The page's wasm build gave the same
/// seeds for these three scenarios (checked in node, 2026-12-02).
#[test]
fn imm_seeds_are_pinned() {
    for (json, want) in [
        (
            r#"{"network":"ba:n=2000,m=3","model":{"kind":"ic","weights":"in_degree"},"seeds":"imm:5,epsilon=0.3","seed":3}"#,
            vec![4, 0, 2, 1, 10],
        ),
        (
            r#"{"network":"ba:n=20000,m=2","model":{"kind":"lt"},"seeds":"imm:10,epsilon=0.2","seed":4}"#,
            vec![0, 7, 10, 12, 22, 28, 6, 15, 3, 56],
        ),
        (
            r#"{"network":"ba:n=20000,m=4","model":{"kind":"ic","weights":"in_degree"},"seeds":"imm:20,epsilon=0.1","seed":5}"#,
            vec![
                1, 3, 10, 13, 16, 0, 9, 19, 6, 22, 2, 12, 15, 5, 43, 82, 8, 25, 26, 24,
            ],
        ),
    ] {
        let sim = viralsim::Scenario::from_json(json)
            .unwrap()
            .build(None)
            .unwrap();
        assert_eq!(sim.seeds(), &want[..], "{json}");
    }
}
