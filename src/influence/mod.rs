//! Choosing influencers: one file per strategy. Structural strategies (PageRank, k-core,
//! degree discount) read only the network; CELF greedy and IMM also use the model, because
//! "influential" depends on how the message spreads.

pub mod budget;
pub mod celf;
pub mod degree_discount;
pub mod imm;
pub mod kcore;
pub mod pagerank;

/// Indices of the `k` largest scores, ties to the lower id.
pub(crate) fn top_k_by<T: PartialOrd + Copy>(scores: &[T], k: usize) -> Vec<u32> {
    let mut ids: Vec<u32> = (0..scores.len() as u32).collect();
    ids.sort_by(|&a, &b| {
        scores[b as usize]
            .partial_cmp(&scores[a as usize])
            .unwrap_or(std::cmp::Ordering::Equal)
            .then(a.cmp(&b))
    });
    ids.truncate(k);
    ids
}

// ---- the one place that turns a Seeding into a seed plan

use crate::error::{Code, Error, Result};
use crate::model::Model;
use crate::network::Network;
use crate::plan::SeedPlan;
use crate::rng::{stream_seed, STREAM_SEEDING};
use crate::seeding::Seeding;
use crate::simulation::Simulation;

/// Checks the seeding against the network and computes fixed strategies. `base` is a
/// simulation of the same network and model (CELF simulates with it); `seed` the scenario
/// seed (strategies draw from its seeding stream); `threads` what IMM may draw its RR sets
/// with (0: one per core; the plan does not depend on it).
///
/// # Errors
/// `seeds`: more seeds than nodes, a node id the network lacks, CELF or budget seeding without
/// `base` or over their work limits, IMM on a model other than IC and LT; `epsilon`: IMM's RR
/// sets would not fit in memory.
///
/// # Complexity
/// That of the strategy: O(ids) for `nodes`, O(1) for `random`, O(n log n) for `top-degree`;
/// see [`pagerank`], [`kcore`], [`degree_discount`], [`celf`], [`budget`] and [`imm`].
pub fn resolve(
    seeding: &Seeding,
    net: &Network,
    model: &Model,
    seed: u64,
    base: Option<&Simulation>,
    threads: usize,
) -> Result<SeedPlan> {
    let n = net.node_count();
    let check_k = |k: u32| -> Result<()> {
        if k as usize > n {
            Err(Error::new(
                "seeds",
                Code::TooManySeeds {
                    strategy: None,
                    k: k as u64,
                    n: n as u64,
                    segment: false,
                },
            ))
        } else {
            Ok(())
        }
    };
    Ok(match seeding {
        Seeding::None => SeedPlan::Fixed(Vec::new()),
        Seeding::Nodes(ids) => {
            let mut out = Vec::with_capacity(ids.len().min(n));
            // a bitmap, not a search of `out`: a long list (a hostile link) stays linear
            let mut taken = vec![false; n];
            for id in ids {
                let u = net.node_by_label(id).ok_or_else(|| {
                    Error::new(
                        "seeds",
                        Code::NotInNetwork {
                            node: crate::io::echo(id),
                        },
                    )
                })?;
                if !std::mem::replace(&mut taken[u as usize], true) {
                    out.push(u);
                }
            }
            SeedPlan::Fixed(out)
        }
        Seeding::Random(k) => {
            check_k(*k)?;
            SeedPlan::Random(*k)
        }
        Seeding::TopDegree(k) => {
            check_k(*k)?;
            SeedPlan::Fixed(top_degree(net, *k as usize))
        }
        Seeding::PageRank(k) => {
            check_k(*k)?;
            SeedPlan::Fixed(crate::influence::pagerank::pagerank_seeds(net, *k as usize))
        }
        Seeding::KCore(k) => {
            check_k(*k)?;
            SeedPlan::Fixed(crate::influence::kcore::kcore_seeds(net, *k as usize))
        }
        Seeding::DegreeDiscount(k) => {
            check_k(*k)?;
            let p = match model {
                Model::Ic(m) => match m.prob() {
                    crate::model::IcProb::Uniform(p) => p,
                    _ => 0.0,
                },
                _ => 0.0,
            };
            SeedPlan::Fixed(crate::influence::degree_discount::degree_discount(
                net,
                *k as usize,
                p,
            ))
        }
        Seeding::Celf { k, runs } => {
            check_k(*k)?;
            let base = base.ok_or_else(|| {
                Error::new(
                    "seeds",
                    Code::NeedsSimulation {
                        strategy: "celf".to_string(),
                    },
                )
            })?;
            let g = crate::influence::celf::celf(
                base,
                *k as usize,
                *runs,
                stream_seed(seed, STREAM_SEEDING),
            )?;
            SeedPlan::Fixed(g.seeds)
        }
        Seeding::Budget { budget, runs } => {
            let base = base.ok_or_else(|| {
                Error::new(
                    "seeds",
                    Code::NeedsSimulation {
                        strategy: "budget seeding".to_string(),
                    },
                )
            })?;
            let g = crate::influence::budget::budgeted(
                base,
                &base.campaign().costs,
                *budget,
                *runs,
                stream_seed(seed, STREAM_SEEDING),
            )?;
            SeedPlan::Fixed(g.seeds)
        }
        Seeding::Imm { k, epsilon } => {
            check_k(*k)?;
            let opts = crate::influence::imm::ImmOptions {
                threads,
                ..Default::default()
            };
            let r = crate::influence::imm::imm_with(
                net,
                model,
                *k as usize,
                *epsilon,
                stream_seed(seed, STREAM_SEEDING),
                &opts,
            )?;
            SeedPlan::Fixed(r.seeds)
        }
    })
}

/// Like [`resolve`], choosing only among `pool` (a segment's members): random,
/// top-degree, pagerank and kcore seeding.
///
/// # Errors
/// `campaign.seed_segment`: another seeding; `seeds`: more seeds than `pool` has members.
pub fn resolve_within(seeding: &Seeding, net: &Network, pool: &[u32]) -> Result<SeedPlan> {
    let k = match seeding {
        Seeding::Random(k) | Seeding::TopDegree(k) | Seeding::PageRank(k) | Seeding::KCore(k) => *k,
        _ => {
            return Err(Error::new(
                "campaign.seed_segment",
                Code::SeedSegmentStrategy,
            ))
        }
    };
    if k as usize > pool.len() {
        return Err(Error::new(
            "seeds",
            Code::TooManySeeds {
                strategy: None,
                k: k as u64,
                n: pool.len() as u64,
                segment: true,
            },
        ));
    }
    let n = net.node_count();
    let ranked = match seeding {
        Seeding::Random(_) => return Ok(SeedPlan::RandomOf(k, pool.to_vec())),
        Seeding::TopDegree(_) => top_degree(net, n),
        Seeding::PageRank(_) => crate::influence::pagerank::pagerank_seeds(net, n),
        _ => crate::influence::kcore::kcore_seeds(net, n),
    };
    let mut member = vec![false; n];
    for &v in pool {
        member[v as usize] = true;
    }
    Ok(SeedPlan::Fixed(
        ranked
            .into_iter()
            .filter(|&v| member[v as usize])
            .take(k as usize)
            .collect(),
    ))
}

/// The `k` nodes of highest out-degree, ties to the lower id.
///
/// # Complexity
/// O(n log n).
pub fn top_degree(net: &Network, k: usize) -> Vec<u32> {
    let mut ids: Vec<u32> = (0..net.node_count() as u32).collect();
    ids.sort_by_key(|&u| (std::cmp::Reverse(net.out_degree(u)), u));
    ids.truncate(k);
    ids
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolve_checks_the_network() {
        let net = crate::generate::karate_club();
        let m = Model::Rumor(crate::model::Rumor);
        let res = |s: &Seeding| resolve(s, &net, &m, 1, None, 1);
        assert_eq!(
            res(&Seeding::TopDegree(3)).unwrap(),
            SeedPlan::Fixed(vec![33, 0, 32])
        );
        assert!(res(&Seeding::Random(35))
            .unwrap_err()
            .to_string()
            .contains("34 nodes"));
        assert!(res(&"nodes:40".parse().unwrap())
            .unwrap_err()
            .to_string()
            .contains("'40' is not in"));
        assert!(res(&"pagerank:35".parse().unwrap())
            .unwrap_err()
            .to_string()
            .contains("34 nodes"));
        assert!(res(&"imm:3".parse().unwrap())
            .unwrap_err()
            .to_string()
            .contains("ic and lt"));
        let mut r = crate::rng::rng_from_seed(1);
        let mut out = Vec::new();
        for k in [1, 5, 30, 34] {
            SeedPlan::Random(k).draw(34, &mut r, &mut out);
            let mut s = out.clone();
            s.sort();
            s.dedup();
            assert_eq!(s.len(), k as usize);
        }
    }
}
