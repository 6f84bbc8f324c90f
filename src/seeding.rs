//! Who starts the spread.
//!
//! A [`Seeding`] is written as a short string, the same in the CLI (`--seeds`), in scenario
//! files and in URLs: `nodes:7,12,alice` (ids as written in the network's source), `random:K`
//! (K distinct nodes drawn uniformly at the start of every run, from that run's stream),
//! `top-degree:K` (the K nodes of highest out-degree, ties to the lower id), `pagerank:K`,
//! `kcore:K`, `degree-discount:K`, `celf:K` or `celf:K,runs=R` (greedy on Monte Carlo spread,
//! default 200 runs per evaluation), `imm:K` or `imm:K,epsilon=E` (default ε = 0.5),
//! `budget:B` or `budget:B,runs=R` (the most spread for at most B in seed prices), and `none`.
//! The strategies are computed once per scenario, from the scenario seed's seeding stream.
//!
//! ```
//! use viralsim::Seeding;
//! let s: Seeding = "celf:3,runs=50".parse().unwrap();
//! assert_eq!(s, Seeding::Celf { k: 3, runs: 50 });
//! assert_eq!(s.to_string(), "celf:3,runs=50");
//! // defaults are left out of the printed form
//! assert_eq!("imm:5,epsilon=0.5".parse::<Seeding>().unwrap().to_string(), "imm:5");
//! // resolved on a network: the 3 best-connected members of the karate club
//! let net = viralsim::generate::karate_club();
//! assert_eq!(viralsim::influence::top_degree(&net, 3), vec![33, 0, 32]);
//! ```
//! There is no default: a scenario without seeds is an error, not a silent 5 %.

use crate::error::{Code, Error, Result, Shown};
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
    /// Degree discount (Chen, Wang & Yang 2009), with the model's IC probability (0, which
    /// still avoids neighbours of chosen seeds, unless the model is IC with a uniform `p`).
    DegreeDiscount(u32),
    /// Greedy with CELF lazy evaluation on Monte Carlo spread (`runs` per evaluation).
    Celf {
        /// Number of seeds to pick.
        k: u32,
        /// Monte Carlo runs per spread evaluation, 1 to [`MAX_GREEDY_RUNS`].
        runs: u32,
    },
    /// IMM reverse influence sampling with accuracy ε.
    Imm {
        /// Number of seeds to pick.
        k: u32,
        /// Accuracy ε in [[`MIN_EPSILON`], 1): the spread is at least (1 − 1/e − ε) of the
        /// optimum with probability 1 − 1/n.
        epsilon: f64,
    },
    /// The most spread for at most `budget` in seed prices (the campaign's costs), greedy by
    /// spread per unit cost with CELF (`runs` per evaluation).
    Budget {
        /// The most the seeds may cost in all (a number ≥ 0, in the campaign's currency).
        budget: f64,
        /// Monte Carlo runs per spread evaluation, 1 to [`MAX_GREEDY_RUNS`].
        runs: u32,
    },
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
///
/// # Errors
/// `epsilon`: outside [[`MIN_EPSILON`], 1) (NaN included).
pub fn check_epsilon(epsilon: f64) -> Result<f64> {
    if (MIN_EPSILON..1.0).contains(&epsilon) {
        Ok(epsilon)
    } else {
        Err(Error::new(
            "epsilon",
            Code::Interval {
                min: MIN_EPSILON,
                max: 1.0,
                min_open: false,
                max_open: true,
                got: epsilon,
            },
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
            Error::new(
                "seeds",
                Code::SeedsForm {
                    got: s.to_string(),
                    forms: SEEDING_FORMS.to_string(),
                },
            )
        })?;
        let count = |arg: &str| -> Result<u32> {
            let k: i64 = arg.trim().parse().map_err(|_| {
                Error::new(
                    "seeds",
                    Code::NotASeedCount {
                        got: arg.to_string(),
                    },
                )
            })?;
            if k < 1 || k > u32::MAX as i64 {
                return Err(Error::new("seeds", Code::SeedCount { got: k }));
            }
            Ok(k as u32)
        };
        match kind.trim() {
            "nodes" => {
                let ids: Vec<String> = arg.split(',').map(|x| x.trim().to_string()).collect();
                if ids.iter().any(|x| x.is_empty()) {
                    return Err(Error::new(
                        "seeds",
                        Code::EmptyNodeId {
                            got: arg.to_string(),
                        },
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
                        Error::new(
                            "seeds",
                            Code::BudgetNonNegative {
                                got: Shown::Text(raw.to_string()),
                            },
                        )
                    })?;
                let mut runs = CELF_DEFAULT_RUNS;
                for opt in parts {
                    match opt.split_once('=').map(|(a, b)| (a.trim(), b.trim())) {
                        Some(("runs", v)) => {
                            runs = v
                                .parse()
                                .ok()
                                .filter(|&r| (1..=MAX_GREEDY_RUNS).contains(&r))
                                .ok_or_else(|| greedy_runs_error("budget", v))?
                        }
                        _ => {
                            return Err(Error::new(
                                "seeds",
                                Code::NoSuchOption {
                                    strategy: "budget".to_string(),
                                    option: opt.to_string(),
                                    options: "budget: runs".to_string(),
                                },
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
                        Error::new(
                            "seeds",
                            Code::NotNameValue {
                                got: opt.to_string(),
                                example: None,
                            },
                        )
                    })?;
                    match (kind.trim(), name.trim()) {
                        ("celf", "runs") => {
                            runs = value
                                .trim()
                                .parse()
                                .ok()
                                .filter(|&r| (1..=MAX_GREEDY_RUNS).contains(&r))
                                .ok_or_else(|| greedy_runs_error("celf", value))?
                        }
                        ("imm", "epsilon") => {
                            epsilon = value
                                .trim()
                                .parse::<f64>()
                                .map_err(|_| {
                                    Error::new(
                                        "epsilon",
                                        Code::NotANumber {
                                            got: value.to_string(),
                                        },
                                    )
                                })
                                .and_then(check_epsilon)?
                        }
                        (k, other) => {
                            return Err(Error::new(
                                "seeds",
                                Code::NoSuchOption {
                                    strategy: k.to_string(),
                                    option: other.to_string(),
                                    options: "celf: runs, imm: epsilon".to_string(),
                                },
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
        // kept whole for `Error::json`, which sees only serde's text of it
        s.parse().map_err(crate::error::remember)
    }
}

/// `runs=` of a greedy strategy that is not a whole number from 1 to [`MAX_GREEDY_RUNS`].
fn greedy_runs_error(strategy: &str, v: &str) -> Error {
    Error::new(
        "seeds",
        Code::WholeNumber {
            strategy: Some(strategy.to_string()),
            min: 1,
            max: Some(MAX_GREEDY_RUNS as u64),
            got: Shown::Text(v.to_string()),
        },
    )
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
