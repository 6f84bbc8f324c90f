//! Who starts the spread.
//!
//! A [`Seeding`] is written as a short string, the same in the CLI (`--seeds`), in scenario
//! files and in URLs: `nodes:7,12,alice` (ids as written in the network's source), `random:K`
//! (K distinct nodes drawn uniformly at the start of every run, from that run's stream) or
//! `top-degree:K` (the K nodes of highest out-degree, ties to the lower id).
//! There is no default: a scenario without seeds is an error, not a silent 5 %.

use crate::error::{Error, Result};
use crate::network::Network;
use crate::rng::{below, RngCore};
use std::fmt;
use std::str::FromStr;

/// How seeds are chosen. See the module documentation for the string forms.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum Seeding {
    /// These nodes, by the ids written in the network's source.
    Nodes(Vec<String>),
    /// `k` nodes uniformly at random, drawn afresh in every run.
    Random(u32),
    /// The `k` nodes of highest out-degree (ties: lower id first).
    TopDegree(u32),
    /// No seed at all (Bass, where advertising starts the spread): written `none`.
    None,
}

/// Seeding strategies, as typed.
pub const SEEDING_FORMS: &str = "top-degree:K, random:K, nodes:ID,ID,..., none";

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
}

impl SeedPlan {
    pub fn resolve(seeding: &Seeding, net: &Network) -> Result<SeedPlan> {
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
                let mut out = Vec::with_capacity(ids.len());
                for id in ids {
                    let u = net.node_by_label(id).ok_or_else(|| {
                        Error::param("seeds", format!("node '{id}' is not in the network"))
                    })?;
                    if !out.contains(&u) {
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
        })
    }

    /// The seeds of one run (draws from `rng` only for random seeding).
    pub fn draw<R: RngCore + ?Sized>(&self, n: usize, rng: &mut R, out: &mut Vec<u32>) {
        out.clear();
        match self {
            SeedPlan::Fixed(v) => out.extend_from_slice(v),
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
        for s in ["nodes:1,2,x", "random:3", "top-degree:10", "none"] {
            assert_eq!(s.parse::<Seeding>().unwrap().to_string(), s);
        }
        for (bad, msg) in [
            ("random:-2", "at least 1"),
            ("random:x", "not a whole number"),
            ("best:3", "unknown 'best'"),
            ("nodes:1,,2", "empty node id"),
            ("7", "should look like"),
        ] {
            let e = bad.parse::<Seeding>().unwrap_err().to_string();
            assert!(e.starts_with("seeds:") && e.contains(msg), "{bad}: {e}");
        }
    }

    #[test]
    fn resolve_checks_the_network() {
        let net = crate::generate::karate_club();
        assert_eq!(
            SeedPlan::resolve(&Seeding::TopDegree(3), &net).unwrap(),
            SeedPlan::Fixed(vec![33, 0, 32])
        );
        assert!(SeedPlan::resolve(&Seeding::Random(35), &net)
            .unwrap_err()
            .to_string()
            .contains("34 nodes"));
        assert!(SeedPlan::resolve(&"nodes:40".parse().unwrap(), &net)
            .unwrap_err()
            .to_string()
            .contains("'40' is not in"));
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
