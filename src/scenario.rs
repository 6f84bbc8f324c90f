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
use crate::error::{Code, Error, FieldPath, Result};
use crate::model::{Model, ModelSpec};
use crate::seeding::Seeding;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

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
/// | `powerlaw:n=1000,gamma=2.5[,kmin=2][,kmax=100]` | configuration model, power-law degrees |
/// | `complete:n=50`, `ring:n=100,k=4`, `star:n=20`, `path:n=10`, `grid:rows=20,cols=30` | teaching graphs |
/// | `karate` | Zachary's karate club (built in) |
/// | `facebook` | SNAP ego-Facebook (built in natively; the page loads it as a file) |
/// | `file:NAME`, `file:NAME,directed`, `file:NAME,segments=SEGS` | a network file whose text the caller supplies (and its segments file); also `,format=gml`, `,header=yes`/`no`, `,segment_by=ATTR` (or `ATTR:18/30/50`), `,nodes=NODES.csv` |
///
/// Generated networks draw from the scenario seed's network stream, so a scenario always
/// runs on the same network. Parsing checks the keys and the types of the values (errors name
/// `network.KEY`); ranges and sizes are checked by [`NetworkSpec::build`]. A spec prints in one
/// canonical form that parses back to the same spec.
///
/// # Examples
/// ```
/// use viralsim::NetworkSpec;
/// let spec: NetworkSpec = "BA: m=2 , n=300".parse().unwrap();
/// assert_eq!(spec, NetworkSpec::Ba { n: 300, m: 2 });
/// assert_eq!(spec.to_string(), "ba:n=300,m=2");
/// let net = spec.build(7, &viralsim::io::Limits::default(), None).unwrap();
/// assert_eq!((net.node_count(), net.edge_count()), (300, 2 * (300 - 2)));
/// let e = "ba:n=300".parse::<NetworkSpec>().unwrap_err();
/// assert_eq!(e.to_string(), "network.m: ba needs m");
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum NetworkSpec {
    /// Erdős–Rényi G(n, p) ([`crate::generate::erdos_renyi_gnp`]).
    Er {
        /// Nodes.
        n: u64,
        /// Probability that each pair of nodes is linked, in [0, 1].
        p: f64,
    },
    /// Erdős–Rényi G(n, m) ([`crate::generate::erdos_renyi_gnm`]).
    Gnm {
        /// Nodes.
        n: u64,
        /// Edges, drawn uniformly among the n (n − 1) / 2 pairs.
        m: u64,
    },
    /// Barabási–Albert ([`crate::generate::barabasi_albert`]): m (n − m) edges.
    Ba {
        /// Nodes (more than `m`).
        n: u64,
        /// Edges each new node brings (at least 1).
        m: u64,
    },
    /// Watts–Strogatz ([`crate::generate::watts_strogatz`]).
    Ws {
        /// Nodes (more than `k`).
        n: u64,
        /// Lattice neighbours of each node, `k / 2` on each side (even, at least 2).
        k: u64,
        /// Probability that each lattice edge is rewired, in [0, 1].
        p: f64,
    },
    /// Holme–Kim ([`crate::generate::holme_kim`]).
    Hk {
        /// Nodes (more than `m`).
        n: u64,
        /// Edges each new node brings (at least 1).
        m: u64,
        /// Probability of a triad-formation step after each preferential link, in [0, 1].
        pt: f64,
    },
    /// Stochastic block model (one segment per block;
    /// [`crate::generate::stochastic_block_model`]).
    Sbm {
        /// Nodes of each segment, in order (written `500/300/200`; at most
        /// [`MAX_SBM_SEGMENTS`](crate::generate::MAX_SBM_SEGMENTS) segments).
        sizes: Vec<u64>,
        /// Probability that two nodes of the same segment are linked, in [0, 1].
        pin: f64,
        /// Probability that two nodes of different segments are linked, in [0, 1].
        pout: f64,
    },
    /// Configuration model with power-law degrees
    /// ([`crate::generate::configuration_power_law`]).
    PowerLaw {
        /// Nodes.
        n: u64,
        /// Exponent of P(k) ∝ k^(−gamma); more than 1.
        gamma: f64,
        /// Smallest degree drawn (absent: 1).
        kmin: Option<u64>,
        /// Largest degree drawn, below `n` (absent: √n, at least `kmin`).
        kmax: Option<u64>,
    },
    /// Complete graph.
    Complete {
        /// Nodes.
        n: u64,
    },
    /// Ring lattice.
    Ring {
        /// Nodes (more than `k`).
        n: u64,
        /// Neighbours of each node, `k / 2` on each side (even).
        k: u64,
    },
    /// Star: node 0 is the hub.
    Star {
        /// Nodes, the hub included.
        n: u64,
    },
    /// Path 0 – 1 – … – (n − 1).
    Path {
        /// Nodes.
        n: u64,
    },
    /// 2-D grid with 4-neighbour links; node `r·cols + c` is at row `r`, column `c`.
    Grid {
        /// Rows.
        rows: u64,
        /// Columns.
        cols: u64,
    },
    /// Zachary's karate club.
    Karate,
    /// SNAP ego-Facebook.
    Facebook,
    /// A network drawn by hand in the page: each person's place and the friendships, written
    /// `drawn:xy=10_20/30_40/50_20,edges=0-1/1-2` (people numbered from 0 in the order of
    /// `xy`; places in the page's world units, kept so that a shared link shows the same
    /// drawing). Undirected; duplicates merged and self-loops dropped as in an edge list.
    Drawn {
        /// Each person's place (x, y).
        xy: Vec<(f64, f64)>,
        /// Friendships between people (indices into `xy`).
        edges: Vec<(u32, u32)>,
    },
    /// An edge list whose text the caller supplies, and its optional segments file.
    File {
        /// The edge list's name (the CLI reads it next to the scenario; the page asks for it).
        name: String,
        /// Whether each line is an arc `source → target` (written `,directed`).
        directed: bool,
        /// The name of its segments file, `node segment` per line (written `,segments=NAME`).
        segments: Option<String>,
        /// The file's format (written `,format=gml`); `None`: told from its text.
        format: Option<crate::formats::Format>,
        /// Whether an edge list's first line is a header (written `,header=yes` or `no`).
        header: crate::io::HeaderMode,
        /// The node attribute that gives the segments (written `,segment_by=country`, or
        /// `,segment_by=age:18/30/50` for numbers cut into bands at those values).
        segment_by: Option<String>,
        /// The name of a Gephi node table for a Gephi CSV edge table (written `,nodes=NAME`).
        nodes: Option<String>,
    },
}

/// Generator names, as typed.
pub const NETWORK_KINDS: &str =
    "er, gnm, ba, ws, hk, sbm, powerlaw, complete, ring, star, path, grid, karate, facebook, drawn, file";

/// A spec as written: its kind and `key=value` pairs, checked against the kind's keys.
struct Written<'a> {
    kind: &'a str,
    params: Vec<(String, String)>,
}

impl Written<'_> {
    fn allowed(&self) -> (&'static [&'static str], &'static [&'static str]) {
        // (required, optional)
        match self.kind {
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
            "drawn" => (&["xy"], &["edges"]),
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
                return Err(Error::new(
                    FieldPath::name("network").join(k.as_str()),
                    Code::NoSuchParameter {
                        kind: self.kind.to_string(),
                        name: k.clone(),
                        expected,
                    },
                ));
            }
        }
        if let Some((k, _)) = self
            .params
            .iter()
            .enumerate()
            .find_map(|(i, (k, _))| self.params[..i].iter().find(|(k2, _)| k2 == k))
        {
            return Err(Error::new(
                FieldPath::name("network").join(k.as_str()),
                Code::GivenTwice,
            ));
        }
        for r in req {
            if self.get(r).is_none() {
                return Err(Error::new(
                    FieldPath::name("network").join(*r),
                    Code::MissingParameter {
                        kind: self.kind.to_string(),
                        name: r.to_string(),
                    },
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

    fn num<T: FromStr>(&self, key: &str, whole: bool) -> Result<T> {
        let v = self.get(key).unwrap_or("");
        v.parse().map_err(|_| {
            let got = v.to_string();
            Error::new(
                FieldPath::name("network").join(key),
                if whole {
                    Code::NotAWholeNumber { got }
                } else {
                    Code::NotANumber { got }
                },
            )
        })
    }
    /// A whole number, read in 64 bits on every target (so that nothing wraps on wasm32).
    fn count(&self, key: &str) -> Result<u64> {
        self.num::<u64>(key, true)
    }
    /// A finite number (NaN and infinities are not numbers a spec can mean).
    fn real(&self, key: &str) -> Result<f64> {
        let x = self.num::<f64>(key, false)?;
        if x.is_finite() {
            Ok(x)
        } else {
            Err(Error::new(
                FieldPath::name("network").join(key),
                Code::NotANumber {
                    got: self.get(key).unwrap_or("").to_string(),
                },
            ))
        }
    }
    fn optional(&self, key: &str) -> Result<Option<u64>> {
        self.get(key).map(|_| self.count(key)).transpose()
    }
}

impl FromStr for NetworkSpec {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        let s = s.trim();
        let (kind, rest) = s.split_once(':').unwrap_or((s, ""));
        let kind = kind.trim().to_ascii_lowercase();
        if !NETWORK_KINDS.split(", ").any(|k| k == kind) {
            return Err(Error::unknown("network", kind, NETWORK_KINDS));
        }
        if kind == "file" {
            let mut parts = rest.split(',');
            let name = parts.next().unwrap_or("").trim();
            if name.is_empty() {
                return Err(Error::new("network", Code::FileName));
            }
            let (mut directed, mut segments) = (false, None);
            let (mut format, mut header, mut segment_by, mut nodes) =
                (None, crate::io::HeaderMode::Auto, None, None);
            let mut header_given = false;
            for p in parts {
                let p = p.trim();
                let (key, value) = p.split_once('=').unwrap_or((p, ""));
                let value = value.trim();
                match (key.trim(), value) {
                    ("directed", "") if directed => {
                        return Err(Error::new("network.directed", Code::GivenTwice))
                    }
                    ("directed", "") => directed = true,
                    ("undirected", "") => {}
                    ("segments", v) if !v.is_empty() => {
                        if segments.is_some() {
                            return Err(Error::new("network.segments", Code::GivenTwice));
                        }
                        segments = Some(v.to_string());
                    }
                    ("format", v) if !v.is_empty() => {
                        if format.is_some() {
                            return Err(Error::new("network.format", Code::GivenTwice));
                        }
                        format = Some(
                            v.parse::<crate::formats::Format>()
                                .map_err(|e| e.within("network"))?,
                        );
                    }
                    ("header", v) if !v.is_empty() => {
                        if header_given {
                            return Err(Error::new("network.header", Code::GivenTwice));
                        }
                        header_given = true;
                        header = v
                            .parse::<crate::io::HeaderMode>()
                            .map_err(|e| e.within("network"))?;
                    }
                    ("segment_by", v) if !v.is_empty() => {
                        if segment_by.is_some() {
                            return Err(Error::new("network.segment_by", Code::GivenTwice));
                        }
                        segment_by = Some(v.to_string());
                    }
                    ("nodes", v) if !v.is_empty() => {
                        if nodes.is_some() {
                            return Err(Error::new("network.nodes", Code::GivenTwice));
                        }
                        nodes = Some(v.to_string());
                    }
                    _ => {
                        return Err(Error::new(
                            "network",
                            Code::FileOption {
                                option: p.to_string(),
                            },
                        ))
                    }
                }
            }
            if segments.is_some() && segment_by.is_some() {
                return Err(Error::new("network.segment_by", Code::GivenTwice));
            }
            return Ok(NetworkSpec::File {
                name: name.to_string(),
                directed,
                segments,
                format,
                header,
                segment_by,
                nodes,
            });
        }
        let mut params = Vec::new();
        if !rest.trim().is_empty() {
            for part in rest.split(',') {
                let (k, v) = part.split_once('=').ok_or_else(|| {
                    Error::new(
                        "network",
                        Code::NotNameValue {
                            got: part.to_string(),
                            example: Some("n=1000".to_string()),
                        },
                    )
                })?;
                params.push((k.trim().to_string(), v.trim().to_string()));
            }
        }
        let w = Written {
            kind: &kind,
            params,
        };
        w.check_keys()?;
        Ok(match kind.as_str() {
            "er" => NetworkSpec::Er {
                n: w.count("n")?,
                p: w.real("p")?,
            },
            "gnm" => NetworkSpec::Gnm {
                n: w.count("n")?,
                m: w.count("m")?,
            },
            "ba" => NetworkSpec::Ba {
                n: w.count("n")?,
                m: w.count("m")?,
            },
            "ws" => NetworkSpec::Ws {
                n: w.count("n")?,
                k: w.count("k")?,
                p: w.real("p")?,
            },
            "hk" => NetworkSpec::Hk {
                n: w.count("n")?,
                m: w.count("m")?,
                pt: w.real("pt")?,
            },
            "sbm" => {
                let raw = w.get("sizes").unwrap_or("");
                let sizes = raw
                    .split('/')
                    .map(|x| x.trim().parse::<u64>())
                    .collect::<std::result::Result<Vec<u64>, _>>()
                    .map_err(|_| {
                        Error::new(
                            "network.sizes",
                            Code::NotSizes {
                                got: raw.to_string(),
                            },
                        )
                    })?;
                NetworkSpec::Sbm {
                    sizes,
                    pin: w.real("pin")?,
                    pout: w.real("pout")?,
                }
            }
            "powerlaw" => NetworkSpec::PowerLaw {
                n: w.count("n")?,
                gamma: w.real("gamma")?,
                kmin: w.optional("kmin")?,
                kmax: w.optional("kmax")?,
            },
            "complete" => NetworkSpec::Complete { n: w.count("n")? },
            "ring" => NetworkSpec::Ring {
                n: w.count("n")?,
                k: w.count("k")?,
            },
            "star" => NetworkSpec::Star { n: w.count("n")? },
            "path" => NetworkSpec::Path { n: w.count("n")? },
            "grid" => NetworkSpec::Grid {
                rows: w.count("rows")?,
                cols: w.count("cols")?,
            },
            "karate" => NetworkSpec::Karate,
            "drawn" => drawn(w.get("xy").unwrap_or(""), w.get("edges").unwrap_or(""))?,
            _ => NetworkSpec::Facebook,
        })
    }
}

/// A drawn network from its `xy` and `edges` texts (see [`NetworkSpec::Drawn`]).
fn drawn(xy: &str, edges: &str) -> Result<NetworkSpec> {
    let bad = |field: &str, got: &str| {
        Error::new(
            FieldPath::name("network").join(field),
            Code::NotDrawn {
                got: got.to_string(),
            },
        )
    };
    let mut places = Vec::new();
    for part in xy.split('/').filter(|p| !p.trim().is_empty()) {
        let (x, y) = part.split_once('_').ok_or_else(|| bad("xy", part))?;
        let (x, y) = (x.trim().parse::<f64>(), y.trim().parse::<f64>());
        match (x, y) {
            (Ok(x), Ok(y)) if x.is_finite() && y.is_finite() => places.push((x, y)),
            _ => return Err(bad("xy", part)),
        }
    }
    if places.is_empty() {
        return Err(bad("xy", xy));
    }
    let mut links = Vec::new();
    for part in edges.split('/').filter(|p| !p.trim().is_empty()) {
        let (a, b) = part.split_once('-').ok_or_else(|| bad("edges", part))?;
        match (a.trim().parse::<u32>(), b.trim().parse::<u32>()) {
            (Ok(a), Ok(b)) if (a as usize) < places.len() && (b as usize) < places.len() => {
                links.push((a, b))
            }
            _ => return Err(bad("edges", part)),
        }
    }
    Ok(NetworkSpec::Drawn {
        xy: places,
        edges: links,
    })
}

impl TryFrom<String> for NetworkSpec {
    type Error = Error;
    fn try_from(s: String) -> Result<Self> {
        // kept whole for `Error::json`, which sees only serde's text of it
        s.parse().map_err(crate::error::remember)
    }
}

impl fmt::Display for NetworkSpec {
    /// The canonical form: the kind, then its parameters in a fixed order (numbers as their
    /// shortest exact text), so that `parse(to_string())` gives the same spec.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use NetworkSpec::*;
        match self {
            Er { n, p } => write!(f, "er:n={n},p={p}"),
            Gnm { n, m } => write!(f, "gnm:n={n},m={m}"),
            Ba { n, m } => write!(f, "ba:n={n},m={m}"),
            Ws { n, k, p } => write!(f, "ws:n={n},k={k},p={p}"),
            Hk { n, m, pt } => write!(f, "hk:n={n},m={m},pt={pt}"),
            Sbm { sizes, pin, pout } => {
                let sizes: Vec<String> = sizes.iter().map(u64::to_string).collect();
                write!(f, "sbm:sizes={},pin={pin},pout={pout}", sizes.join("/"))
            }
            PowerLaw {
                n,
                gamma,
                kmin,
                kmax,
            } => {
                write!(f, "powerlaw:n={n},gamma={gamma}")?;
                if let Some(k) = kmin {
                    write!(f, ",kmin={k}")?;
                }
                if let Some(k) = kmax {
                    write!(f, ",kmax={k}")?;
                }
                Ok(())
            }
            Complete { n } => write!(f, "complete:n={n}"),
            Ring { n, k } => write!(f, "ring:n={n},k={k}"),
            Star { n } => write!(f, "star:n={n}"),
            Path { n } => write!(f, "path:n={n}"),
            Grid { rows, cols } => write!(f, "grid:rows={rows},cols={cols}"),
            Drawn { xy, edges } => {
                let xy: Vec<String> = xy.iter().map(|(x, y)| format!("{x}_{y}")).collect();
                write!(f, "drawn:xy={}", xy.join("/"))?;
                if !edges.is_empty() {
                    let e: Vec<String> = edges.iter().map(|(a, b)| format!("{a}-{b}")).collect();
                    write!(f, ",edges={}", e.join("/"))?;
                }
                Ok(())
            }
            Karate => write!(f, "karate"),
            Facebook => write!(f, "facebook"),
            File {
                name,
                directed,
                segments,
                format,
                header,
                segment_by,
                nodes,
            } => {
                write!(f, "file:{name}")?;
                if *directed {
                    write!(f, ",directed")?;
                }
                if let Some(seg) = segments {
                    write!(f, ",segments={seg}")?;
                }
                if let Some(fmt) = format {
                    write!(f, ",format={fmt}")?;
                }
                match header {
                    crate::io::HeaderMode::Auto => {}
                    crate::io::HeaderMode::Yes => write!(f, ",header=yes")?,
                    crate::io::HeaderMode::No => write!(f, ",header=no")?,
                }
                if let Some(a) = segment_by {
                    write!(f, ",segment_by={a}")?;
                }
                if let Some(n) = nodes {
                    write!(f, ",nodes={n}")?;
                }
                Ok(())
            }
        }
    }
}

impl From<NetworkSpec> for String {
    fn from(s: NetworkSpec) -> String {
        s.to_string()
    }
}

impl NetworkSpec {
    /// The name of the segments file a `file:…,segments=NAME` spec refers to.
    pub fn segments_file(&self) -> Option<&str> {
        match self {
            NetworkSpec::File { segments, .. } => segments.as_deref(),
            _ => None,
        }
    }

    /// The name of the Gephi node table a `file:…,nodes=NAME` spec refers to.
    pub fn nodes_file(&self) -> Option<&str> {
        match self {
            NetworkSpec::File { nodes, .. } => nodes.as_deref(),
            _ => None,
        }
    }

    /// The name of the file a `file:` spec refers to.
    pub fn file_name(&self) -> Option<&str> {
        match self {
            NetworkSpec::File { name, .. } => Some(name),
            _ => None,
        }
    }
}

pub use crate::bounds::{check_count, DEFAULT_MAX_STEPS, MAX_RUNS, MAX_STEPS};

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
    ///
    /// # Errors
    /// `scenario`: not JSON, a missing or unknown field, a value of the wrong type, or a
    /// network, model or seeding that does not parse (serde's message, with the inner
    /// field's, e.g. `network.m: ba needs m`). Ranges are checked when the scenario is built.
    pub fn from_json(text: &str) -> Result<Self> {
        serde_json::from_str(text).map_err(|e| Error::json("scenario", &e))
    }

    /// Checks the counts that serde cannot: `1 ≤ runs ≤` [`MAX_RUNS`] and
    /// `1 ≤ max_steps ≤` [`MAX_STEPS`].
    ///
    /// # Errors
    /// `runs` or `max_steps`: 0 or over its limit.
    pub fn check_counts(&self) -> Result<()> {
        check_count("runs", self.runs as u64, MAX_RUNS as u64)?;
        check_count("max_steps", self.max_steps as u64, MAX_STEPS as u64)
    }

    /// Checks the counts (see [`Scenario::check_counts`]) and builds the model.
    ///
    /// # Errors
    /// Those of [`Scenario::check_counts`], and a model parameter out of range or missing
    /// (`model.p`, `model.gamma`, …).
    pub fn validated_model(&self) -> Result<Model> {
        self.check_counts()?;
        Model::try_from(self.model.clone()).map_err(|e| e.within("model"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::Limits;

    #[test]
    fn spec_round_trip_and_errors() {
        for s in [
            "ba:n=100,m=2",
            "karate",
            "sbm:sizes=10/20,pin=0.5,pout=0.01",
            "file:a.csv,directed",
            "grid:rows=3,cols=4",
            "er:n=1000,p=0.01",
            "gnm:n=1000,m=5000",
            "ws:n=1000,k=10,p=0.1",
            "hk:n=1000,m=3,pt=0.5",
            "powerlaw:n=1000,gamma=2.5",
            "powerlaw:n=1000,gamma=2.5,kmin=2,kmax=100",
            "complete:n=50",
            "ring:n=100,k=4",
            "star:n=20",
            "path:n=10",
            "facebook",
            "file:a b.csv,directed,segments=s.csv",
        ] {
            assert_eq!(s.parse::<NetworkSpec>().unwrap().to_string(), s);
        }
        // a spec prints in one canonical form (whatever the order, spaces, case or number
        // spelling written) that reads back to the same spec
        for (written, canonical) in [
            ("BA: m=2 , n=300", "ba:n=300,m=2"),
            ("er:p=1e-2,n=10", "er:n=10,p=0.01"),
            (
                "powerlaw:kmax=9,n=100,gamma=2",
                "powerlaw:n=100,gamma=2,kmax=9",
            ),
        ] {
            let spec: NetworkSpec = written.parse().unwrap();
            assert_eq!(spec.to_string(), canonical);
            assert_eq!(canonical.parse::<NetworkSpec>().unwrap(), spec);
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
            // values are typed when the spec is read
            ("ba:n=-5,m=2", "network.n: '-5' is not a whole number"),
            ("sbm:sizes=10/x,pin=0.1,pout=0", "network.sizes:"),
            ("ws:n=0,k=1,p=NaN", "network.p: 'NaN' is not a number"),
            ("er:n=10,p=inf", "network.p: 'inf' is not a number"),
        ] {
            let e = bad.parse::<NetworkSpec>().unwrap_err().to_string();
            assert!(e.starts_with(msg), "{bad}: {e}");
        }
        let lim = Limits::default();
        for (bad, msg) in [
            ("er:n=100,p=1.5", "network.p: must be a probability"),
            ("ba:n=3,m=5", "network.n: must be greater than m"),
            ("ws:n=100,k=3,p=0.1", "network.k: must be an even number"),
            (
                "ba:n=100000000,m=2",
                "network (nodes): 100000000 is over the limit",
            ),
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
