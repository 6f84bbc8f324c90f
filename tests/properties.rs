//! Properties on many small random graphs, for every model.
mod common;
use viralsim::rng::{below, rng_from_seed};
use viralsim::state::{ADVERTISING, NONE, SEED};
use viralsim::{generate, Network};

use common::MODELS;

fn random_graph(case: u64) -> Network {
    let mut r = rng_from_seed(case);
    let n = 2 + below(&mut r, 60) as usize;
    match case % 4 {
        0 => generate::erdos_renyi_gnp(n, 0.1, &mut r).unwrap(),
        1 => generate::barabasi_albert(n.max(3), 2, &mut r).unwrap(),
        2 => generate::watts_strogatz(n.max(5), 4, 0.2, &mut r).unwrap(),
        _ => {
            // directed random edges
            let m = below(&mut r, 3 * n as u64) as usize;
            let edges: Vec<(u32, u32)> = (0..m)
                .map(|_| {
                    (
                        below(&mut r, n as u64) as u32,
                        below(&mut r, n as u64) as u32,
                    )
                })
                .collect();
            Network::from_edges(n, true, &edges, None).unwrap()
        }
    }
}

#[test]
fn counts_sum_to_n_and_parents_are_earlier_neighbours() {
    for case in 0..120u64 {
        let net = random_graph(case);
        let n = net.node_count() as u32;
        for m in MODELS {
            let k = 1 + (case % 3) as u32;
            let seeds = if k > n {
                "random:1".to_string()
            } else {
                format!("random:{k}")
            };
            let mut s = common::sim(net.clone(), m, &seeds, case);
            let mut steps = 0;
            while !s.is_finished() && steps < 60 {
                let before_at: Vec<u32> = s.adopted_at().to_vec();
                let tx: Vec<_> = s.step().to_vec();
                steps += 1;
                let c = s.counts();
                assert_eq!(c[0] + c[1] + c[2], n, "case {case} {m}: counts sum to n");
                let st = s.states();
                let recount = [0u8, 1, 2].map(|x| st.iter().filter(|&&y| y == x).count() as u32);
                assert_eq!(recount, c, "case {case} {m}: counts match the states");
                for t in &tx {
                    assert!(
                        before_at[t.source as usize] < s.step_count(),
                        "source adopted before this step"
                    );
                    if m.contains("sis") {
                        // a re-infection keeps the first infection's record
                        assert!(s.adopted_at()[t.target as usize] <= s.step_count());
                    } else {
                        assert_eq!(s.adopted_at()[t.target as usize], s.step_count());
                    }
                    assert!(
                        net.neighbors(t.source).contains(&t.target),
                        "case {case} {m}: transmission along an arc"
                    );
                }
            }
            let at = s.adopted_at();
            let par = s.parents();
            let mut ever = 0;
            for v in 0..n as usize {
                if at[v] == NONE {
                    assert_eq!(par[v], NONE);
                    continue;
                }
                ever += 1;
                match par[v] {
                    SEED | ADVERTISING => {}
                    p => {
                        assert!(
                            net.neighbors(p).contains(&(v as u32)),
                            "case {case} {m}: parent {p} of {v} is an in-neighbour"
                        );
                        // SIS too: the record is the first infection's
                        assert!(
                            at[p as usize] < at[v],
                            "case {case} {m}: parent adopted earlier"
                        );
                        assert_eq!(s.generations()[v], s.generations()[p as usize] + 1);
                    }
                }
            }
            assert_eq!(ever, s.reach(), "case {case} {m}: reach counts adopters");
            let h = s.history();
            assert_eq!(h.counts.len(), s.step_count() as usize + 1);
            assert_eq!(*h.reach.last().unwrap(), s.reach());
            if !m.contains("sis") {
                assert_eq!(
                    h.new_adoptions.iter().sum::<u32>(),
                    s.reach(),
                    "case {case} {m}: new adoptions add up"
                );
            }
            let mc = viralsim::metrics::cascade_metrics(&s);
            assert_eq!(
                mc.reach_seeds + mc.reach_advertising + mc.reach_word_of_mouth,
                s.reach()
            );
        }
    }
}
