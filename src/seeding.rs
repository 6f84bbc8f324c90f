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

/// Most runs per spread evaluation (`celf:K,runs=R`, `budget:B,runs=R`).
pub const MAX_GREEDY_RUNS: u32 = 10_000;

/// The smallest ε IMM accepts: the RR sets needed grow as 1/ε², so below this even a small
/// network needs hundreds of millions of them (minutes of work for no visible gain).
pub const MIN_EPSILON: f64 = 0.01;

/// ε in [[`MIN_EPSILON`], 1), or an error naming `epsilon`: the one check of the CLI, the
/// scenario and the page.
pub fn check_epsilon(epsilon: f64) -> Result<f64> {
    if (MIN_EPSILON..1.0).contains(&epsilon) {
        Ok(epsilon)
    } else {
        Err(Error::param(
            "epsilon",
            format!("must be in [{MIN_EPSILON}, 1), got {epsilon}"),
        ))
    }
}

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
                                .and_then(check_epsilon)?
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
}
