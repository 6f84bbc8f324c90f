//! The one description of a simulation shared by the CLI, the page, URLs and tests.
//!
//! ```
//! use viralsim::Scenario;
//! let s: Scenario = serde_json::from_str(r#"{
//!     "network": "ba:n=1000,m=3",
//!     "model": {"kind": "ic", "p": 0.05},
//!     "seeds": "top-degree:5",
//!     "seed": 7
//! }"#).unwrap();
//! let sim = s.build(None).unwrap();
//! assert_eq!(sim.network().node_count(), 1000);
//! // unknown fields are errors, not silently ignored
//! let typo = serde_json::from_str::<Scenario>(r#"{"network": "karate", "model": {"kind": "rumor"}, "seeds": "random:1", "seed": 1, "step": 5}"#);
//! assert!(typo.unwrap_err().to_string().contains("unknown field `step`"));
//! ```

use crate::campaign::Campaign;
use crate::error::{Error, Result};
use crate::generate;
use crate::io::{parse_edge_list, EdgeListOptions, Limits};
use crate::model::{Model, ModelSpec};
use crate::network::Network;
use crate::rng::{rng_from_seed, stream_seed, STREAM_NETWORK};
use crate::seeding::Seeding;
use crate::simulation::Simulation;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;
use std::sync::Arc;

/// Which network a scenario runs on, written as a short string:
///
/// | string | network |
/// |---|---|
/// | `er:n=1000,p=0.01` | Erdős–Rényi G(n, p) |
/// | `gnm:n=1000,m=5000` | Erdős–Rényi G(n, m) |
/// | `ba:n=1000,m=3` | Barabási–Albert |
/// | `ws:n=1000,k=10,p=0.1` | Watts–Strogatz |
/// | `hk:n=1000,m=3,pt=0.5` | Holme–Kim (power law with clustering) |
/// | `sbm:sizes=500/300/200,pin=0.05,pout=0.002` | stochastic block model (segments) |
/// | `powerlaw:n=1000,gamma=2.5,kmin=2[,kmax=100]` | configuration model, power-law degrees |
/// | `complete:n=50`, `ring:n=100,k=4`, `star:n=20`, `path:n=10`, `grid:rows=20,cols=30` | teaching graphs |
/// | `karate` | Zachary's karate club (built in) |
/// | `facebook` | SNAP ego-Facebook (built in natively; the page loads it as a file) |
/// | `file:NAME` or `file:NAME,directed` | an edge list whose text the caller supplies |
///
/// Generated networks draw from the scenario seed's network stream, so a scenario always
/// runs on the same network.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct NetworkSpec {
    pub kind: String,
    pub params: Vec<(String, String)>,
}

/// Generator names, as typed.
pub const NETWORK_KINDS: &str =
    "er, gnm, ba, ws, hk, sbm, powerlaw, complete, ring, star, path, grid, karate, facebook, file";

impl FromStr for NetworkSpec {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        let s = s.trim();
        let (kind, rest) = s.split_once(':').unwrap_or((s, ""));
        let kind = kind.trim().to_ascii_lowercase();
        if !NETWORK_KINDS.split(", ").any(|k| k == kind) {
            return Err(Error::unknown("network", kind, NETWORK_KINDS));
        }
        let mut params = Vec::new();
        if kind == "file" {
            let mut parts = rest.split(',');
            let name = parts.next().unwrap_or("").trim();
            if name.is_empty() {
                return Err(Error::param(
                    "network",
                    "file: needs a name, e.g. file:audience.csv",
                ));
            }
            params.push(("name".to_string(), name.to_string()));
            for p in parts {
                match p.trim() {
                    "directed" => params.push(("directed".into(), "true".into())),
                    "undirected" => {}
                    other if other.starts_with("segments=") && other.len() > 9 => {
                        params.push(("segments".into(), other[9..].trim().to_string()))
                    }
                    other => {
                        return Err(Error::param(
                            "network",
                            format!(
                            "file: unknown option '{other}' (expected directed or segments=FILE)"
                        ),
                        ))
                    }
                }
            }
            // one order whatever the order written (name, directed, segments): the spec prints
            // back as it reads
            let rank = |k: &str| ["name", "directed", "segments"].iter().position(|x| *x == k);
            params.sort_by_key(|(k, _)| rank(k));
        } else if !rest.trim().is_empty() {
            for part in rest.split(',') {
                let (k, v) = part.split_once('=').ok_or_else(|| {
                    Error::param(
                        "network",
                        format!("'{part}' should be name=value, e.g. n=1000"),
                    )
                })?;
                params.push((k.trim().to_string(), v.trim().to_string()));
            }
        }
        let spec = NetworkSpec { kind, params };
        spec.check_keys()?;
        Ok(spec)
    }
}

impl TryFrom<String> for NetworkSpec {
    type Error = Error;
    fn try_from(s: String) -> Result<Self> {
        s.parse()
    }
}

impl fmt::Display for NetworkSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.kind == "file" {
            write!(f, "file:{}", self.get("name").unwrap_or(""))?;
            if self.get("directed").is_some() {
                write!(f, ",directed")?;
            }
            if let Some(seg) = self.get("segments") {
                write!(f, ",segments={seg}")?;
            }
            return Ok(());
        }
        write!(f, "{}", self.kind)?;
        for (i, (k, v)) in self.params.iter().enumerate() {
            write!(f, "{}{k}={v}", if i == 0 { ':' } else { ',' })?;
        }
        Ok(())
    }
}

impl From<NetworkSpec> for String {
    fn from(s: NetworkSpec) -> String {
        s.to_string()
    }
}

impl NetworkSpec {
    fn allowed(&self) -> (&'static [&'static str], &'static [&'static str]) {
        // (required, optional)
        match self.kind.as_str() {
            "er" => (&["n", "p"], &[]),
            "gnm" => (&["n", "m"], &[]),
            "ba" => (&["n", "m"], &[]),
            "ws" => (&["n", "k", "p"], &[]),
            "hk" => (&["n", "m", "pt"], &[]),
            "sbm" => (&["sizes", "pin", "pout"], &[]),
            "powerlaw" => (&["n", "gamma"], &["kmin", "kmax"]),
            "complete" | "star" | "path" => (&["n"], &[]),
            "ring" => (&["n", "k"], &[]),
            "grid" => (&["rows", "cols"], &[]),
            "file" => (&["name"], &["directed", "segments"]),
            _ => (&[], &[]),
        }
    }

    fn check_keys(&self) -> Result<()> {
        let (req, opt) = self.allowed();
        for (k, _) in &self.params {
            if !req.contains(&k.as_str()) && !opt.contains(&k.as_str()) {
                let all: Vec<&str> = req.iter().chain(opt.iter()).copied().collect();
                let expected = if all.is_empty() {
                    "none".to_string()
                } else {
                    all.join(", ")
                };
                return Err(Error::param(
                    format!("network.{k}"),
                    format!(
                        "{} has no parameter '{k}' (it takes: {expected})",
                        self.kind
                    ),
                ));
            }
        }
        if let Some((k, _)) = self
            .params
            .iter()
            .enumerate()
            .find_map(|(i, (k, _))| self.params[..i].iter().find(|(k2, _)| k2 == k))
        {
            return Err(Error::param(format!("network.{k}"), "is given twice"));
        }
        for r in req {
            if self.get(r).is_none() {
                return Err(Error::param(
                    format!("network.{r}"),
                    format!("{} needs {r}", self.kind),
                ));
            }
        }
        Ok(())
    }

    fn get(&self, key: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    fn num<T: FromStr>(&self, key: &str, what: &str) -> Result<T> {
        let v = self.get(key).ok_or_else(|| {
            Error::param(
                format!("network.{key}"),
                format!("{} needs {key}", self.kind),
            )
        })?;
        v.parse()
            .map_err(|_| Error::param(format!("network.{key}"), format!("'{v}' is not {what}")))
    }
    /// A whole number, read in 64 bits on every target (so that nothing wraps on wasm32).
    fn count(&self, key: &str) -> Result<u64> {
        self.num::<u64>(key, "a whole number ≥ 0")
    }
    fn prob(&self, key: &str) -> Result<f64> {
        let p: f64 = self.num(key, "a number")?;
        crate::error::check_prob(&format!("network.{key}"), p)
    }

    /// The name of the segments file a `file:…,segments=NAME` spec refers to.
    pub fn segments_file(&self) -> Option<&str> {
        if self.kind == "file" {
            self.get("segments")
        } else {
            None
        }
    }

    /// The name of the file a `file:` spec refers to.
    pub fn file_name(&self) -> Option<&str> {
        if self.kind == "file" {
            self.get("name")
        } else {
            None
        }
    }

    /// Builds the network. `file_text` is the text of the edge list for `file:` specs.
    ///
    /// # Errors
    /// A parameter out of range (named `network.KEY`), a size over `limits`, a malformed edge
    /// list (with its line), or a `file:` spec without text.
    pub fn build(&self, seed: u64, limits: &Limits, file_text: Option<&str>) -> Result<Network> {
        let mut rng = rng_from_seed(stream_seed(seed, STREAM_NETWORK));
        let named = |e: Error| e.within("network");
        // Every size is checked in u64 against the limits before anything is allocated or
        // multiplied in `usize` (32 bits on wasm32), and a relation between two sizes before
        // an edge count is estimated from them.
        let n_checked = |key: &str| -> Result<usize> {
            let n = self.count(key)?;
            limits.check_nodes("network", n)?;
            Ok(n as usize)
        };
        let edges = |m: f64| limits.check_edges("network", m.max(0.0) as u64);
        // `small` (m or k) must be below n, as the generator says
        let below_n = |small: u64, name: &str, n: usize| -> Result<usize> {
            if small >= n as u64 {
                return Err(Error::param(
                    "network.n",
                    format!("must be greater than {name} = {small}, got {n}"),
                ));
            }
            Ok(small as usize)
        };
        let net = match self.kind.as_str() {
            "er" => {
                let (n, p) = (n_checked("n")?, self.prob("p")?);
                edges(p * n as f64 * (n as f64 - 1.0) / 2.0)?;
                generate::erdos_renyi_gnp(n, p, &mut rng).map_err(named)?
            }
            "gnm" => {
                let (n, m) = (n_checked("n")?, self.count("m")?);
                limits.check_edges("network", m)?;
                generate::erdos_renyi_gnm(n, m as usize, &mut rng).map_err(named)?
            }
            "ba" | "hk" => {
                let (n, m) = (n_checked("n")?, self.count("m")?);
                let pt = if self.kind == "hk" { self.prob("pt")? } else { 0.0 };
                if m == 0 {
                    return Err(Error::param("network.m", "must be at least 1, got 0"));
                }
                let m = below_n(m, "m", n)?;
                edges(n as f64 * m as f64)?;
                if self.kind == "hk" {
                    generate::holme_kim(n, m, pt, &mut rng).map_err(named)?
                } else {
                    generate::barabasi_albert(n, m, &mut rng).map_err(named)?
                }
            }
            "ws" => {
                let (n, k, p) = (n_checked("n")?, self.count("k")?, self.prob("p")?);
                if k % 2 == 1 || k < 2 {
                    return Err(Error::param(
                        "network.k",
                        format!("must be an even number ≥ 2, got {k}"),
                    ));
                }
                let k = below_n(k, "k", n)?;
                edges(n as f64 * k as f64 / 2.0)?;
                generate::watts_strogatz(n, k, p, &mut rng).map_err(named)?
            }
            "sbm" => {
                let raw = self.get("sizes").unwrap_or("");
                let parts = raw.split('/').count();
                if parts > generate::MAX_SBM_SEGMENTS {
                    return Err(Error::Limit {
                        what: "network.sizes (segments)".into(),
                        limit: generate::MAX_SBM_SEGMENTS as u64,
                        got: parts as u64,
                    });
                }
                let sizes: Vec<u64> = raw
                    .split('/')
                    .map(|x| x.trim().parse::<u64>())
                    .collect::<std::result::Result<_, _>>()
                    .map_err(|_| Error::param("network.sizes", format!("'{raw}' should be segment sizes separated by '/', e.g. 500/300/200")))?;
                let n = sizes
                    .iter()
                    .try_fold(0u64, |a, &s| a.checked_add(s))
                    .unwrap_or(u64::MAX);
                limits.check_nodes("network", n)?;
                let sizes: Vec<usize> = sizes.into_iter().map(|s| s as usize).collect();
                let (pin, pout) = (self.prob("pin")?, self.prob("pout")?);
                let within: f64 = sizes
                    .iter()
                    .map(|&s| s as f64 * (s as f64 - 1.0) / 2.0)
                    .sum();
                let total = n as f64 * (n as f64 - 1.0) / 2.0;
                edges(pin * within + pout * (total - within))?;
                generate::stochastic_block_model(&sizes, pin, pout, &mut rng).map_err(
                    |e| match e {
                        Error::Param { field, reason } => {
                            Error::param(format!("network.{}", field.replace('_', "")), reason)
                        }
                        other => other,
                    },
                )?
            }
            "powerlaw" => {
                let n = n_checked("n")?;
                let gamma: f64 = self.num("gamma", "a number")?;
                let kmin = if self.get("kmin").is_some() {
                    self.count("kmin")?
                } else {
                    1
                };
                let kmax = if self.get("kmax").is_some() {
                    Some(self.count("kmax")?)
                } else {
                    None
                };
                let top = kmax.unwrap_or(((n as f64).sqrt() as u64).max(kmin));
                if kmin < 1 || kmin > top || top >= n as u64 {
                    return Err(Error::param(
                        "network.kmin",
                        format!("need 1 ≤ kmin ≤ kmax < n, got kmin = {kmin}, kmax = {top}, n = {n}"),
                    ));
                }
                edges(n as f64 * top as f64 / 2.0)?;
                generate::configuration_power_law(
                    n,
                    gamma,
                    kmin as usize,
                    kmax.map(|k| k as usize),
                    &mut rng,
                )
                .map_err(named)?
            }
            "complete" => {
                let n = n_checked("n")?;
                edges(n as f64 * (n as f64 - 1.0) / 2.0)?;
                generate::complete(n).map_err(named)?
            }
            "ring" => {
                let (n, k) = (n_checked("n")?, self.count("k")?);
                if k % 2 == 1 {
                    return Err(Error::param("network.k", format!("must be even, got {k}")));
                }
                let k = below_n(k, "k", n)?;
                edges(n as f64 * k as f64 / 2.0)?;
                generate::ring_lattice(n, k).map_err(named)?
            }
            "star" => generate::star(n_checked("n")?).map_err(named)?,
            "path" => generate::path(n_checked("n")?).map_err(named)?,
            "grid" => {
                let (r, c) = (self.count("rows")?, self.count("cols")?);
                limits.check_nodes("network", r.saturating_mul(c))?;
                generate::grid(r as usize, c as usize).map_err(named)?
            }
            "karate" => {
                limits.check_nodes("network", 34)?;
                limits.check_edges("network", 78)?;
                generate::karate_club()
            }
            "facebook" => match file_text {
                Some(text) => parse_edge_list(
                    text,
                    &EdgeListOptions {
                        directed: false,
                        limits: *limits,
                    },
                )?,
                None => crate::datasets::facebook(limits)?,
            },
            "file" => {
                let text = file_text.ok_or_else(|| {
                    Error::param(
                        "network",
                        format!(
                            "file:{} needs the file's text (load the file first)",
                            self.get("name").unwrap_or("")
                        ),
                    )
                })?;
                parse_edge_list(
                    text,
                    &EdgeListOptions {
                        directed: self.get("directed").is_some(),
                        limits: *limits,
                    },
                )?
            }
            other => return Err(Error::unknown("network", other, NETWORK_KINDS)),
        };
        Ok(net)
    }
}

/// `max_steps` when a scenario does not say.
pub const DEFAULT_MAX_STEPS: u32 = 1000;
/// The most steps a run may take: a run's history grows with its steps.
pub const MAX_STEPS: u32 = 1_000_000;
/// The most Monte Carlo runs one scenario may ask for (a Monte Carlo keeps a few numbers per
/// run, so this bounds its memory).
pub const MAX_RUNS: u32 = 10_000_000;

fn default_max_steps() -> u32 {
    DEFAULT_MAX_STEPS
}
fn default_runs() -> u32 {
    1
}

/// A complete, reproducible description of a simulation. Unknown fields are rejected.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// The network (see [`NetworkSpec`]).
    pub network: NetworkSpec,
    /// The model and its parameters.
    pub model: ModelSpec,
    /// Who starts (see [`Seeding`]).
    pub seeds: Seeding,
    /// The scenario seed: network generation, random seeds and every run derive from it.
    pub seed: u64,
    /// Upper bound on steps per run (runs stop earlier when nothing can change).
    #[serde(default = "default_max_steps")]
    pub max_steps: u32,
    /// Monte Carlo runs.
    #[serde(default = "default_runs")]
    pub runs: u32,
    /// Paid ads and costs (optional).
    #[serde(default, skip_serializing_if = "Campaign::is_empty")]
    pub campaign: Campaign,
}

impl Scenario {
    /// Parses a scenario from JSON; errors carry serde's line and column.
    pub fn from_json(text: &str) -> Result<Self> {
        serde_json::from_str(text).map_err(|e| Error::param("scenario", e.to_string()))
    }

    /// Checks the counts that serde cannot: `1 ≤ runs ≤` [`MAX_RUNS`] and
    /// `1 ≤ max_steps ≤` [`MAX_STEPS`].
    pub fn check_counts(&self) -> Result<()> {
        check_count("runs", self.runs as u64, MAX_RUNS as u64)?;
        check_count("max_steps", self.max_steps as u64, MAX_STEPS as u64)
    }

    /// Checks the counts (see [`Scenario::check_counts`]) and builds the model.
    pub fn validated_model(&self) -> Result<Model> {
        self.check_counts()?;
        Model::try_from(self.model.clone()).map_err(|e| e.within("model"))
    }

    /// Builds the network and a simulation at step 0 (run 0), with default limits.
    pub fn build(&self, file_text: Option<&str>) -> Result<Simulation> {
        self.build_with(file_text, None, &Limits::default())
    }

    /// Builds as [`Scenario::build`], with the text of a `segments=` file (see
    /// [`crate::io::parse_segments`]) and these limits.
    ///
    /// # Errors
    /// Those of the network, model, seeding and campaign, and a segments file that is named but
    /// not given, or malformed (`segments: line N: …`).
    pub fn build_with(
        &self,
        file_text: Option<&str>,
        segments_text: Option<&str>,
        limits: &Limits,
    ) -> Result<Simulation> {
        let model = self.validated_model()?;
        let mut net = self.network.build(self.seed, limits, file_text)?;
        if let Some(name) = self.network.segments_file() {
            let text = segments_text.ok_or_else(|| {
                Error::param(
                    "segments",
                    format!("the network names the segments file '{name}': give its text"),
                )
            })?;
            let segs = crate::io::parse_segments(text, &net).map_err(|e| match e {
                Error::Line { line, reason } => {
                    Error::param("segments", format!("line {line}: {reason}"))
                }
                other => other,
            })?;
            net = net.with_segments(segs)?;
        }
        Simulation::with_limit(
            Arc::new(net),
            model,
            &self.seeds,
            self.seed,
            self.campaign.clone(),
            self.max_steps,
        )
    }
}

/// `1 ≤ x ≤ max`, or an error naming `field`.
pub fn check_count(field: &str, x: u64, max: u64) -> Result<()> {
    if x == 0 {
        return Err(Error::param(field, "must be at least 1"));
    }
    if x > max {
        return Err(Error::param(field, format!("must be at most {max}, got {x}")));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spec_round_trip_and_errors() {
        for s in [
            "ba:n=100,m=2",
            "karate",
            "sbm:sizes=10/20,pin=0.5,pout=0.01",
            "file:a.csv,directed",
            "grid:rows=3,cols=4",
        ] {
            assert_eq!(s.parse::<NetworkSpec>().unwrap().to_string(), s);
        }
        // found by fuzzing: options in another order print in the canonical one and read back
        let spec: NetworkSpec = "file:a,segments=s,directed".parse().unwrap();
        assert_eq!(spec.to_string(), "file:a,directed,segments=s");
        assert_eq!(spec.to_string().parse::<NetworkSpec>().unwrap(), spec);
        for (bad, msg) in [
            ("xyz:n=3", "network: unknown 'xyz'"),
            ("ba:n=100", "network.m: ba needs m"),
            ("ba:n=100,m=2,q=3", "network.q: ba has no parameter 'q'"),
            ("ba:n=100,n=3,m=2", "network.n: is given twice"),
            ("ba:n100", "network: 'n100' should be name=value"),
            ("karate:n=3", "network.n: karate has no parameter"),
            ("file:", "network: file: needs a name"),
        ] {
            let e = bad.parse::<NetworkSpec>().unwrap_err().to_string();
            assert!(e.starts_with(msg), "{bad}: {e}");
        }
        let lim = Limits::default();
        for (bad, msg) in [
            ("er:n=100,p=1.5", "network.p: must be a probability"),
            ("ba:n=-5,m=2", "network.n: '-5' is not a whole number"),
            ("ba:n=3,m=5", "network.n: must be greater than m"),
            ("ws:n=100,k=3,p=0.1", "network.k: must be an even number"),
            (
                "ba:n=100000000,m=2",
                "network (nodes): 100000000 is over the limit",
            ),
            ("sbm:sizes=10/x,pin=0.1,pout=0", "network.sizes:"),
            (
                "sbm:sizes=10/20,pin=0.1,pout=2",
                "network.pout: must be a probability",
            ),
            ("file:x.txt", "network: file:x.txt needs the file's text"),
        ] {
            let e = bad
                .parse::<NetworkSpec>()
                .unwrap()
                .build(1, &lim, None)
                .unwrap_err()
                .to_string();
            assert!(e.starts_with(msg), "{bad}: {e}");
        }
    }

    #[test]
    fn network_depends_on_seed_only() {
        let s: NetworkSpec = "ba:n=300,m=2".parse().unwrap();
        let lim = Limits::default();
        assert_eq!(
            s.build(5, &lim, None).unwrap().targets(),
            s.build(5, &lim, None).unwrap().targets()
        );
        assert_ne!(
            s.build(5, &lim, None).unwrap().targets(),
            s.build(6, &lim, None).unwrap().targets()
        );
    }

    #[test]
    fn scenario_errors() {
        let base =
            r#"{"network":"karate","model":{"kind":"ic","p":0.1},"seeds":"random:2","seed":1}"#;
        assert!(Scenario::from_json(base).unwrap().build(None).is_ok());
        for (text, msg) in [
            (base.replace("0.1", "1.5"), "model.p: must be a probability"),
            (base.replace("\"ic\"", "\"icc\""), "unknown variant `icc`"),
            (
                base.replace("random:2", "random:99"),
                "seeds: asks for 99 seeds",
            ),
            (
                base.replace("\"seed\":1", "\"seed\":1,\"runs\":0"),
                "runs: must be at least 1",
            ),
            (base.replace("\"p\":0.1", "\"q\":0.1"), "unknown field `q`"),
        ] {
            let e = Scenario::from_json(&text)
                .and_then(|s| s.build(None).map(|_| ()))
                .unwrap_err()
                .to_string();
            assert!(e.contains(msg), "{text}: {e}");
        }
    }
}
