//! Exact values on tiny graphs.
mod common;
use common::sim;
use viralsim::generate::{complete, karate_club, path, star};
use viralsim::state::{ADVERTISING, NONE, SEED};
use viralsim::Network;

#[test]
fn ic_p1_on_a_path_reaches_everyone_in_n_minus_1_steps() {
    for n in [2usize, 5, 30] {
        let mut s = sim(path(n).unwrap(), r#"{"kind":"ic","p":1.0}"#, "nodes:0", 3);
        let steps = s.run(1000);
        // n − 1 steps reach the last node; one more step finds nothing left to do
        assert_eq!(s.reach() as usize, n);
        assert_eq!(
            s.history().reach.iter().position(|&r| r as usize == n),
            Some(n - 1)
        );
        assert_eq!(steps as usize, n);
        for v in 0..n {
            assert_eq!(s.adopted_at()[v], v as u32);
            assert_eq!(s.generations()[v], v as u32);
            assert_eq!(s.parents()[v], if v == 0 { SEED } else { v as u32 - 1 });
        }
    }
}

#[test]
fn ic_p0_reaches_only_the_seeds() {
    let mut s = sim(karate_club(), r#"{"kind":"ic","p":0.0}"#, "top-degree:3", 1);
    assert_eq!(s.run(100), 1);
    assert_eq!(s.reach(), 3);
    assert_eq!(s.counts(), [31, 0, 3]);
    assert!(s.is_finished());
    assert!(s.step().is_empty(), "a finished run does not move");
    assert_eq!(s.step_count(), 1);
}

#[test]
fn step_reports_this_steps_transmissions() {
    let mut s = sim(star(5).unwrap(), r#"{"kind":"ic","p":1.0}"#, "nodes:0", 1);
    let t: Vec<(u32, u32)> = s.step().iter().map(|t| (t.source, t.target)).collect();
    assert_eq!(t, vec![(0, 1), (0, 2), (0, 3), (0, 4)]);
    assert_eq!(s.counts(), [0, 4, 1]);
    assert_eq!(s.history().new_adoptions, vec![1, 4]);
    assert_eq!(s.history().counts, vec![[4, 1, 0], [0, 4, 1]]);
}

#[test]
fn sir_with_recovery_1_recovers_every_infected_node_the_next_step() {
    let mut s = sim(
        karate_club(),
        r#"{"kind":"sir","beta":0.3,"gamma":1.0}"#,
        "top-degree:4",
        9,
    );
    while !s.is_finished() {
        let before: Vec<u8> = s.states().to_vec();
        s.step();
        for (v, &b) in before.iter().enumerate() {
            if b == 1 {
                assert_eq!(
                    s.states()[v],
                    2,
                    "node {v} infected at the start of the step recovers"
                );
            }
        }
    }
    // no infected left; nobody is recovered without having been infected
    assert_eq!(s.counts()[1], 0);
    assert_eq!(s.counts()[2], s.reach());
}

#[test]
fn sis_returns_nodes_to_susceptible() {
    let mut s = sim(
        complete(4).unwrap(),
        r#"{"kind":"sis","beta":0.0,"gamma":1.0}"#,
        "nodes:1",
        1,
    );
    s.step();
    assert_eq!(s.states(), &[0, 0, 0, 0]);
    assert_eq!(s.reach(), 1, "reach counts nodes ever infected");
    assert!(s.is_finished());
}

#[test]
fn threshold_count_and_fraction() {
    // 0 - 1 - 2 and 0 - 3 - 2: node 2 needs both 1 and 3
    let net = Network::from_edges(4, false, &[(0, 1), (1, 2), (0, 3), (3, 2)], None).unwrap();
    let mut s = sim(net.clone(), r#"{"kind":"threshold","k":2}"#, "nodes:1,3", 1);
    s.run(10);
    assert_eq!(s.adopted_at(), &[1, 0, 1, 0]);
    let mut s = sim(net.clone(), r#"{"kind":"threshold","k":2}"#, "nodes:1", 1);
    s.run(10);
    assert_eq!(s.reach(), 1, "one neighbour is not enough");
    let mut s = sim(net, r#"{"kind":"threshold","theta":0.5}"#, "nodes:1", 1);
    s.run(10);
    assert_eq!(
        s.adopted_at(),
        &[1, 0, 1, 2],
        "half of two neighbours is one"
    );
}

#[test]
fn lt_all_neighbours_adopted_always_adopts() {
    // complete graph: with every other node a seed, the last one must adopt whatever its threshold
    for seed in 0..20 {
        let mut s = sim(
            complete(6).unwrap(),
            r#"{"kind":"lt"}"#,
            "nodes:0,1,2,3,4",
            seed,
        );
        s.run(5);
        assert_eq!(s.reach(), 6);
    }
    // given weights: a weight of 0 never activates
    let net = Network::from_edges(2, true, &[(0, 1)], Some(&[0.0])).unwrap();
    let mut s = sim(net, r#"{"kind":"lt","weights":"edge"}"#, "nodes:0", 1);
    s.run(5);
    assert_eq!(s.reach(), 1);
}

#[test]
fn rumor_on_two_nodes() {
    // 0 tells 1 (ignorant) in round 1, then both call each other and stop
    let mut s = sim(path(2).unwrap(), r#"{"kind":"rumor"}"#, "nodes:0", 1);
    s.step();
    assert_eq!(s.states(), &[1, 1]);
    s.step();
    // 0 calls 1 (spreader) → 0 stifles; 1 calls 0 (now stifler) → 1 stifles
    assert_eq!(s.states(), &[2, 2]);
    assert!(s.is_finished());
}

#[test]
fn bass_causes() {
    // p = 1: every non-adopter adopts from advertising in step 1
    let mut s = sim(
        karate_club(),
        r#"{"kind":"bass","p":1.0,"q":0.5}"#,
        "none",
        1,
    );
    s.step();
    assert_eq!(s.reach(), 34);
    assert!(s.parents().iter().all(|&p| p == ADVERTISING));
    assert_eq!(s.history().new_by_ad, vec![0, 34]);
    assert!(s.is_finished());
    // p = 0, q = 1 on a complete graph with one seed: a neighbour adopts with probability 1/(n−1)
    let mut s = sim(
        complete(3).unwrap(),
        r#"{"kind":"bass","p":0.0,"q":1.0}"#,
        "nodes:0",
        1,
    );
    s.run(200);
    assert_eq!(s.reach(), 3);
    assert!(
        s.parents()[1..].iter().all(|&p| p < ADVERTISING),
        "word of mouth only"
    );
    let m = viralsim::metrics::cascade_metrics(&s);
    assert_eq!(
        (m.reach_seeds, m.reach_advertising, m.reach_word_of_mouth),
        (1, 0, 2)
    );
}

#[test]
fn seed_node_during_a_run() {
    let mut s = sim(path(5).unwrap(), r#"{"kind":"ic","p":1.0}"#, "nodes:0", 1);
    s.step();
    assert!(s.seed_node(4).unwrap());
    assert!(!s.seed_node(1).unwrap(), "already adopted");
    assert_eq!(
        s.seed_node(5).unwrap_err().to_string(),
        "node: 5 is not a node id (the network has 5 nodes)"
    );
    assert_eq!(s.parents()[4], SEED);
    s.step();
    assert_eq!(s.adopted_at(), &[0, 1, 2, 2, 1]);
    assert_eq!(s.reach(), 5);
    assert_eq!(
        s.parents()[3],
        4,
        "node 4 (seeded at step 1) passes it on in step 2"
    );
    // reset forgets the manual seed
    s.reset(1);
    assert_eq!(s.reach(), 1);
    assert_eq!(s.adopted_at()[4], NONE);
}

#[test]
fn cascade_metrics_on_a_star() {
    let mut s = sim(star(6).unwrap(), r#"{"kind":"ic","p":1.0}"#, "nodes:0", 1);
    s.run(10);
    let m = viralsim::metrics::cascade_metrics(&s);
    assert_eq!(
        (
            m.reach,
            m.depth,
            m.widest_generation_size,
            m.widest_generation
        ),
        (6, 1, 5, 1)
    );
    assert_eq!(
        (m.peak_new, m.peak_step, m.steps_to_50, m.steps_to_90),
        (5, 1, 1, 1)
    );
    assert!((m.structural_virality.unwrap() - 2.0 * 5.0 / 6.0).abs() < 1e-12);
    assert_eq!(m.offspring_by_generation, vec![5.0, 0.0]);
    assert!((m.reach_fraction - 1.0).abs() < 1e-12);
}

/// The cascade tree and a person's info, computed in the core (the page only displays them).
#[test]
fn cascade_tree_and_node_info_on_a_path() {
    use viralsim::metrics::{cascade_tree, node_info, reach_by_cause, Cause};
    let mut s = sim(path(4).unwrap(), r#"{"kind":"ic","p":1.0}"#, "nodes:0", 1);
    s.step();
    s.step();
    let tree = cascade_tree(&s);
    let got: Vec<(u32, u32, u32, Option<&str>, Cause)> = tree
        .iter()
        .map(|l| (l.id, l.step, l.generation, l.told_by.as_deref(), l.cause))
        .collect();
    assert_eq!(
        got,
        vec![
            (0, 0, 0, None, Cause::Seed),
            (1, 1, 1, Some("0"), Cause::WordOfMouth),
            (2, 2, 2, Some("1"), Cause::WordOfMouth),
        ]
    );
    let far = node_info(&s, 3).unwrap();
    assert_eq!((far.adopted_at, far.cause, far.degree), (None, None, 1));
    assert_eq!(node_info(&s, 2).unwrap().told_by.as_deref(), Some("1"));
    assert!(node_info(&s, 4)
        .unwrap_err()
        .to_string()
        .starts_with("node: 4 is not a node id"));
    assert_eq!(reach_by_cause(&s), vec![[1, 0], [2, 0], [3, 0]]);
}

/// A network drawn in the page (`drawn:`): its spec reads back as written, builds the people and
/// friendships drawn (a duplicate merged, a self-loop dropped), runs like any network, and a
/// friendship with someone who is not drawn is refused, naming the part.
#[test]
fn drawn_network_reads_back_and_builds() {
    use viralsim::scenario::NetworkSpec;
    let text = "drawn:xy=0_0/10.5_0/5_8/20_5,edges=0-1/1-2/2-0/2-3/3-2/1-1";
    let spec: NetworkSpec = text.parse().unwrap();
    assert_eq!(spec.to_string(), text);
    let NetworkSpec::Drawn { xy, edges } = &spec else {
        panic!("{spec:?}")
    };
    assert_eq!(xy[1], (10.5, 0.0));
    assert_eq!(edges.len(), 6);
    let net = spec
        .build(1, &viralsim::io::Limits::default(), None)
        .unwrap();
    assert_eq!(net.node_count(), 4);
    assert_eq!(net.edge_count(), 4, "3-2 merged with 2-3, 1-1 dropped");
    // no friendships: people alone
    let alone: NetworkSpec = "drawn:xy=1_1/2_2".parse().unwrap();
    assert_eq!(alone.to_string(), "drawn:xy=1_1/2_2");
    assert_eq!(
        alone
            .build(1, &viralsim::io::Limits::default(), None)
            .unwrap()
            .edge_count(),
        0
    );
    for (bad, field, part) in [
        ("drawn:xy=0_0/1_1,edges=0-2", "network.edges", "0-2"),
        ("drawn:xy=0_0/1_x", "network.xy", "1_x"),
        ("drawn:xy=0_0/1,edges=0-1", "network.xy", "1"),
        ("drawn:edges=0-1", "network.xy", ""),
        ("drawn:xy=0_0/1_1,edges=0~1", "network.edges", "0~1"),
    ] {
        let e = bad.parse::<NetworkSpec>().unwrap_err();
        assert_eq!(e.field().as_deref(), Some(field), "{bad}: {e}");
        assert!(
            e.to_string()
                .contains(&format!("'{part}' should be a drawn network"))
                || part.is_empty(),
            "{bad}: {e}"
        );
    }
}
