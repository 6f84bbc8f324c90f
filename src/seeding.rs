//! Who starts the spread.
//!
//! A [`Seeding`] is written as a short string, the same in the CLI (`--seeds`), in scenario
//! files and in URLs: `nodes:7,12,alice` (ids as written in the network's source), `random:K`
//! (K distinct nodes drawn uniformly at the start of every run, from that run's stream),
//! `top-degree:K` (the K nodes of highest out-degree, ties to the lower id), `pagerank:K`,
//! `kcore:K`, `degree-discount:K`, `celf:K` or `celf:K,runs=R` (greedy on Monte Carlo spread,
//! default 200 runs per evaluation) and `imm:K` or `imm:K,epsilon=E` (default ε = 0.5). The
//! strategies are computed once per scenario, from the scenario seed's seeding stream.
//! There is no default: a scenario without seeds is an error, not a silent 5 %.

use crate::error::{Error, Result};
use crate::influence::celf::MAX_GREEDY_RUNS;
use crate::model::Model;
use crate::network::Network;
use crate::rng::{below, stream_seed, RngCore, STREAM_SEEDING};
use crate::simulation::Simulation;
use std::fmt;
use std::str::FromStr;

/// How seeds are chosen. See the module documentation for the string forms.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum Seeding {
    /// These nodes, by the ids written in the network's source.
    Nodes(Vec<String>),
    /// `k` nodes uniformly at random, drawn afresh in every run.
    Random(u32),
    /// The `k` nodes of highest out-degree (ties: lower id first).
    TopDegree(u32),
    /// The `k` nodes of highest PageRank (on reversed arcs).
    PageRank(u32),
    /// The `k` nodes of highest coreness.
    KCore(u32),
    /// Degree discount (Chen, Wang & Yang 2009), with the model's IC probability.
    DegreeDiscount(u32),
    /// Greedy with CELF lazy evaluation on Monte Carlo spread (`runs` per evaluation).
    Celf { k: u32, runs: u32 },
    /// IMM reverse influence sampling with accuracy ε.
    Imm { k: u32, epsilon: f64 },
    /// The most spread for at most `budget` in seed prices (the campaign's costs), greedy by
    /// spread per unit cost with CELF (`runs` per evaluation).
    Budget { budget: f64, runs: u32 },
    /// No seed at all (Bass, where advertising starts the spread): written `none`.
    None,
}

/// Seeding strategies, as typed.
pub const SEEDING_FORMS: &str =
    "top-degree:K, random:K, nodes:ID,ID,..., pagerank:K, kcore:K, degree-discount:K, celf:K[,runs=R], imm:K[,epsilon=E], budget:B[,runs=R], none";

/// Monte Carlo runs per CELF evaluation unless `runs=` says otherwise.
pub const CELF_DEFAULT_RUNS: u32 = 200;
/// IMM's ε unless `epsilon=` says otherwise.
pub const IMM_DEFAULT_EPSILON: f64 = 0.5;

impl FromStr for Seeding {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        let s = s.trim();
        if s == "none" {
            return Ok(Seeding::None);
        }
        let (kind, arg) = s.split_once(':').ok_or_else(|| {
            Error::param(
                "seeds",
                format!("'{s}' should look like one of: {SEEDING_FORMS}"),
            )
        })?;
        let count = |arg: &str| -> Result<u32> {
            let k: i64 = arg.trim().parse().map_err(|_| {
                Error::param("seeds", format!("'{arg}' is not a whole number of seeds"))
            })?;
            if k < 1 || k > u32::MAX as i64 {
                return Err(Error::param(
                    "seeds",
                    format!("the number of seeds must be at least 1, got {k}"),
                ));
            }
            Ok(k as u32)
        };
        match kind.trim() {
            "nodes" => {
                let ids: Vec<String> = arg.split(',').map(|x| x.trim().to_string()).collect();
                if ids.iter().any(|x| x.is_empty()) {
                    return Err(Error::param(
                        "seeds",
                        format!("'{arg}' has an empty node id"),
                    ));
                }
                Ok(Seeding::Nodes(ids))
            }
            "random" => Ok(Seeding::Random(count(arg)?)),
            "top-degree" => Ok(Seeding::TopDegree(count(arg)?)),
            "pagerank" => Ok(Seeding::PageRank(count(arg)?)),
            "kcore" => Ok(Seeding::KCore(count(arg)?)),
            "degree-discount" => Ok(Seeding::DegreeDiscount(count(arg)?)),
            "budget" => {
                let mut parts = arg.split(',');
                let raw = parts.next().unwrap_or("").trim();
                let budget: f64 = raw
                    .parse()
                    .ok()
                    .filter(|b: &f64| b.is_finite() && *b >= 0.0)
                    .ok_or_else(|| {
                        Error::param("seeds", format!("budget must be a number ≥ 0, got '{raw}'"))
                    })?;
                let mut runs = CELF_DEFAULT_RUNS;
                for opt in parts {
                    match opt.split_once('=').map(|(a, b)| (a.trim(), b.trim())) {
                        Some(("runs", v)) => {
                            runs = v.parse().ok().filter(|&r| (1..=MAX_GREEDY_RUNS).contains(&r)).ok_or_else(|| {
                                Error::param(
                                    "seeds",
                                    format!("budget runs must be a whole number from 1 to {MAX_GREEDY_RUNS}, got '{v}'"),
                                )
                            })?
                        }
                        _ => {
                            return Err(Error::param(
                                "seeds",
                                format!("budget has no option '{opt}' (budget: runs)"),
                            ))
                        }
                    }
                }
                Ok(Seeding::Budget { budget, runs })
            }
            "celf" | "imm" => {
                let mut parts = arg.split(',');
                let k = count(parts.next().unwrap_or(""))?;
                let (mut runs, mut epsilon) = (CELF_DEFAULT_RUNS, IMM_DEFAULT_EPSILON);
                for opt in parts {
                    let (name, value) = opt.split_once('=').ok_or_else(|| {
                        Error::param("seeds", format!("'{opt}' should be name=value"))
                    })?;
                    match (kind.trim(), name.trim()) {
                        ("celf", "runs") => {
                            runs =
                                value
                                    .trim()
                                    .parse()
                                    .ok()
                                    .filter(|&r| (1..=MAX_GREEDY_RUNS).contains(&r))
                                    .ok_or_else(|| {
                                        Error::param(
                                            "seeds",
                                            format!(
                                            "celf runs must be a whole number from 1 to {MAX_GREEDY_RUNS}, got '{value}'"
                                        ),
                                        )
                                    })?
                        }
                        ("imm", "epsilon") => {
                            epsilon = value
                                .trim()
                                .parse::<f64>()
                                .map_err(|_| {
                                    Error::param(
                                        "epsilon",
                                        format!("'{value}' is not a number"),
                                    )
                                })
                                .and_then(crate::influence::imm::check_epsilon)?
                        }
                        (k, other) => {
                            return Err(Error::param(
                                "seeds",
                                format!("{k} has no option '{other}' (celf: runs, imm: epsilon)"),
                            ))
                        }
                    }
                }
                Ok(if kind.trim() == "celf" {
                    Seeding::Celf { k, runs }
                } else {
                    Seeding::Imm { k, epsilon }
                })
            }
            other => Err(Error::unknown("seeds", other, SEEDING_FORMS)),
        }
    }
}

impl TryFrom<String> for Seeding {
    type Error = Error;
    fn try_from(s: String) -> Result<Self> {
        s.parse()
    }
}

impl fmt::Display for Seeding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Seeding::Nodes(ids) => write!(f, "nodes:{}", ids.join(",")),
            Seeding::Random(k) => write!(f, "random:{k}"),
            Seeding::TopDegree(k) => write!(f, "top-degree:{k}"),
            Seeding::PageRank(k) => write!(f, "pagerank:{k}"),
            Seeding::KCore(k) => write!(f, "kcore:{k}"),
            Seeding::DegreeDiscount(k) => write!(f, "degree-discount:{k}"),
            Seeding::Celf { k, runs } if *runs == CELF_DEFAULT_RUNS => write!(f, "celf:{k}"),
            Seeding::Celf { k, runs } => write!(f, "celf:{k},runs={runs}"),
            Seeding::Imm { k, epsilon } if *epsilon == IMM_DEFAULT_EPSILON => write!(f, "imm:{k}"),
            Seeding::Imm { k, epsilon } => write!(f, "imm:{k},epsilon={epsilon}"),
            Seeding::Budget { budget, runs } if *runs == CELF_DEFAULT_RUNS => {
                write!(f, "budget:{budget}")
            }
            Seeding::Budget { budget, runs } => write!(f, "budget:{budget},runs={runs}"),
            Seeding::None => write!(f, "none"),
        }
    }
}

impl From<Seeding> for String {
    fn from(s: Seeding) -> String {
        s.to_string()
    }
}

/// A seeding checked against a network.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum SeedPlan {
    Fixed(Vec<u32>),
    Random(u32),
    /// `k` distinct nodes drawn from this pool in every run.
    RandomOf(u32, Vec<u32>),
}

impl SeedPlan {
    /// Checks the seeding against the network and computes fixed strategies. `base` is a
    /// simulation of the same network and model (CELF simulates with it); `seed` the scenario
    /// seed (strategies draw from its seeding stream).
    pub fn resolve(
        seeding: &Seeding,
        net: &Network,
        model: &Model,
        seed: u64,
        base: Option<&Simulation>,
    ) -> Result<SeedPlan> {
        let n = net.node_count();
        let check_k = |k: u32| -> Result<()> {
            if k as usize > n {
                Err(Error::param(
                    "seeds",
                    format!("asks for {k} seeds but the network has {n} nodes"),
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
                        Error::param(
                            "seeds",
                            format!("node '{}' is not in the network", crate::io::echo(id)),
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
                    Error::param("seeds", "celf needs a simulation to evaluate spread")
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
                    Error::param(
                        "seeds",
                        "budget seeding needs a simulation to evaluate spread",
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
                let r = crate::influence::imm::imm(
                    net,
                    model,
                    *k as usize,
                    *epsilon,
                    stream_seed(seed, STREAM_SEEDING),
                )?;
                SeedPlan::Fixed(r.seeds)
            }
        })
    }

    /// Like [`SeedPlan::resolve`], choosing only among `pool` (a segment's members): random,
    /// top-degree, pagerank and kcore seeding.
    pub fn resolve_within(seeding: &Seeding, net: &Network, pool: &[u32]) -> Result<SeedPlan> {
        let k = match seeding {
            Seeding::Random(k)
            | Seeding::TopDegree(k)
            | Seeding::PageRank(k)
            | Seeding::KCore(k) => *k,
            _ => {
                return Err(Error::param(
                    "campaign.seed_segment",
                    "works with random, top-degree, pagerank and kcore seeding",
                ))
            }
        };
        if k as usize > pool.len() {
            return Err(Error::param(
                "seeds",
                format!(
                    "asks for {k} seeds but the segment has {} nodes",
                    pool.len()
                ),
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

    /// The seeds of one run (draws from `rng` only for random seeding).
    pub fn draw<R: RngCore + ?Sized>(&self, n: usize, rng: &mut R, out: &mut Vec<u32>) {
        out.clear();
        match self {
            SeedPlan::Fixed(v) => out.extend_from_slice(v),
            SeedPlan::RandomOf(k, pool) => {
                SeedPlan::Random(*k).draw(pool.len(), rng, out);
                for v in out.iter_mut() {
                    *v = pool[*v as usize];
                }
            }
            SeedPlan::Random(k) => {
                // Floyd's algorithm: k distinct draws, O(k) expected with a small scan
                let k = *k as usize;
                if k * 4 > n {
                    // dense: partial Fisher–Yates over all ids
                    let mut all: Vec<u32> = (0..n as u32).collect();
                    for i in 0..k {
                        let j = i + below(rng, (n - i) as u64) as usize;
                        all.swap(i, j);
                    }
                    out.extend_from_slice(&all[..k]);
                } else {
                    let mut seen = std::collections::BTreeSet::new();
                    while out.len() < k {
                        let v = below(rng, n as u64) as u32;
                        if seen.insert(v) {
                            out.push(v);
                        }
                    }
                }
            }
        }
    }
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
    fn parse_and_print() {
        for s in [
            "nodes:1,2,x",
            "random:3",
            "top-degree:10",
            "none",
            "pagerank:4",
            "kcore:2",
            "degree-discount:5",
            "celf:3",
            "celf:3,runs=50",
            "imm:7",
            "imm:7,epsilon=0.1",
        ] {
            assert_eq!(s.parse::<Seeding>().unwrap().to_string(), s);
        }
        for (bad, msg) in [
            ("random:-2", "at least 1"),
            ("random:x", "not a whole number"),
            ("best:3", "unknown 'best'"),
            ("nodes:1,,2", "empty node id"),
            ("7", "should look like"),
            ("imm:5,epsilon=2", "epsilon: must be in [0.01, 1)"),
            ("imm:5,epsilon=0.001", "epsilon: must be in [0.01, 1)"),
            ("celf:5,runs=0", "celf runs must be a whole number"),
            ("celf:5,epsilon=0.1", "celf has no option 'epsilon'"),
        ] {
            let e = bad.parse::<Seeding>().unwrap_err().to_string();
            assert!(
                (e.starts_with("seeds:") || e.starts_with("epsilon:")) && e.contains(msg),
                "{bad}: {e}"
            );
        }
    }

    #[test]
    fn resolve_checks_the_network() {
        let net = crate::generate::karate_club();
        let m = Model::Rumor(crate::model::Rumor);
        let res = |s: &Seeding| SeedPlan::resolve(s, &net, &m, 1, None);
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
