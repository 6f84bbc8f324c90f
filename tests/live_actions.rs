//! Property: live actions (a seed placed by hand, "Brand re-posts now", a mute, a debunker) at
//! random moments of a run, in every model and with a campaign or without, never break the
//! state: after every action and every step the counts sum to n and match the states, the
//! reach counts the adopters, every parent adopted before its child, and an action a model does
//! not allow is refused by the one rule ([`Action::check_model`]) without changing anything.
mod common;
use std::sync::Arc;
use viralsim::campaign::{Action, Ads, Campaign};
use viralsim::rng::{below, rng_from_seed, uniform};
use viralsim::state::{ADVERTISING, NONE};
use viralsim::{generate, Network, Seeding, Simulation};

use common::MODELS;

fn graph(case: u64) -> Network {
    let mut r = rng_from_seed(1000 + case);
    let n = 3 + below(&mut r, 50) as usize;
    match case % 3 {
        0 => generate::erdos_renyi_gnp(n, 0.12, &mut r).unwrap(),
        1 => generate::barabasi_albert(n.max(4), 2, &mut r).unwrap(),
        _ => {
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

fn check(s: &Simulation, what: &str) {
    let n = s.network().node_count() as u32;
    let c = s.counts();
    assert_eq!(c[0] + c[1] + c[2], n, "{what}: counts sum to n");
    let st = s.states();
    let recount = [0u8, 1, 2].map(|x| st.iter().filter(|&&y| y == x).count() as u32);
    assert_eq!(recount, c, "{what}: counts match the states");
    let rec = s.records();
    let adopters = rec.iter().filter(|r| r.adopted_at != NONE).count() as u32;
    assert_eq!(adopters, s.reach(), "{what}: reach counts the adopters");
    assert_eq!(
        s.adopters().len() as u32,
        s.reach(),
        "{what}: the adopters list"
    );
    for (v, r) in rec.iter().enumerate() {
        if r.adopted_at == NONE {
            continue;
        }
        assert!(
            r.adopted_at <= s.step_count(),
            "{what}: {v} adopted in the future"
        );
        if r.parent < ADVERTISING {
            let p = rec[r.parent as usize];
            assert!(
                p.adopted_at < r.adopted_at,
                "{what}: parent of {v} adopted earlier"
            );
            assert_eq!(r.generation, p.generation + 1, "{what}: generation of {v}");
        }
    }
    let h = s.history();
    assert_eq!(
        h.counts.len(),
        s.step_count() as usize + 1,
        "{what}: one record per step"
    );
    assert_eq!(
        *h.counts.last().unwrap(),
        c,
        "{what}: the last record is now"
    );
    assert_eq!(
        *h.reach.last().unwrap(),
        s.reach(),
        "{what}: the last reach is now"
    );
}

#[test]
fn live_actions_at_random_steps_keep_every_invariant() {
    let mut actions = [0u32; 4];
    let mut refused = [0u32; 4];
    for case in 0..60u64 {
        let net = Arc::new(graph(case));
        let n = net.node_count() as u64;
        for (mi, m) in MODELS.iter().enumerate() {
            let model = common::model(m);
            // every other case with ads, so that advertising adopters are in the mix
            let campaign = if case % 2 == 0 {
                Campaign {
                    ads: Some(Ads {
                        impressions_per_step: 2,
                        conversion: 0.3,
                        steps: 4,
                        segment: None,
                    }),
                    ..Campaign::default()
                }
            } else {
                Campaign::default()
            };
            let seeding: Seeding = "random:1".parse().unwrap();
            let mut s =
                Simulation::new_with_campaign(net.clone(), model.clone(), &seeding, case, campaign)
                    .unwrap();
            let mut r = rng_from_seed(case * 31 + mi as u64);
            let what = format!("case {case} {m}");
            check(&s, &what);
            for step in 0..40 {
                // 0 to 2 live actions between steps
                for _ in 0..below(&mut r, 3) {
                    let a = below(&mut r, 4) as usize;
                    let v = below(&mut r, n) as u32;
                    let before = (s.counts(), s.reach(), s.records().to_vec());
                    let ok = match a {
                        0 => s.seed_node(v).is_ok(),
                        1 => s.boost_now().is_ok(),
                        2 => s.mute_node(v).is_ok(),
                        _ => s.debunk_node(v).is_ok(),
                    };
                    let allowed = match a {
                        1 => Action::Boost.is_defined_for(&model),
                        3 => Action::Debunk.is_defined_for(&model),
                        _ => true,
                    };
                    assert_eq!(ok, allowed, "{what}: action {a} at step {step}");
                    actions[a] += 1;
                    if !ok {
                        refused[a] += 1;
                        assert_eq!(
                            (s.counts(), s.reach(), s.records().to_vec()),
                            before,
                            "{what}: a refused action changes nothing"
                        );
                    }
                    check(&s, &format!("{what}, after action {a} at step {step}"));
                }
                if s.is_finished() && uniform(&mut r) < 0.5 {
                    break;
                }
                s.step();
                check(&s, &format!("{what}, step {step}"));
            }
            // out-of-range nodes are errors, not panics
            assert!(s.seed_node(n as u32).is_err());
            assert!(s.mute_node(u32::MAX).is_err());
            assert!(s.debunk_node(n as u32).is_err());
        }
    }
    // every action was tried, and the rule refused some
    assert!(actions.iter().all(|&k| k > 500), "{actions:?}");
    assert!(refused[1] > 50 && refused[3] > 50, "{refused:?}");
    assert_eq!((refused[0], refused[2]), (0, 0));
}
