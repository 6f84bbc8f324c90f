//! The argument groups the commands share, each flattened into the commands that use it:
//! network (and size limits), model, runs, campaign. Counts are checked as they are parsed
//! (`--runs 0` is refused by clap, with the range); values the core checks (a probability, a
//! cost ≥ 0) are checked by the core, so that the CLI, a scenario file and the page say the
//! same thing.

use clap::{Args, ValueEnum};
use std::path::PathBuf;
use viralsim::bounds::{MAX_RUNS, MAX_STEPS};
use viralsim::campaign::{Action, Intervention};
use viralsim::model::{ModelSpec, WeightSource};
use viralsim::montecarlo::MonteCarloConfig;
use viralsim::{NetworkSpec, Seeding};

/// Where the network comes from, and the limits on what is read or built.
#[derive(Args, Clone, Debug, Default)]
#[command(next_help_heading = "Network")]
pub struct NetworkArgs {
    /// A network file: an edge list ('source target [weight]' per line; spaces, tabs or
    /// commas; '#' and '%' comments; an optional header), Gephi CSV, GML, GraphML, GEXF, Pajek
    /// .net or node-link JSON, told from its content; .gz accepted.
    #[arg(long, value_name = "FILE", conflicts_with = "generate")]
    pub graph: Option<PathBuf>,

    /// Read every edge of --graph as an arc source → target (default: as the file says; an
    /// edge list is undirected).
    #[arg(long, requires = "graph")]
    pub directed: bool,

    /// The format of --graph, instead of telling it from the content: edge-list, gephi-csv,
    /// gml, graphml, gexf, pajek, json.
    #[arg(long, value_name = "FORMAT", requires = "graph",
          value_parser = |s: &str| s.parse::<viralsim::formats::Format>().map_err(|e| e.to_string()))]
    pub format_in: Option<viralsim::formats::Format>,

    /// Whether an edge list's first line is a header: yes, no, or auto (decided from the
    /// lines below it; `info` says what it decided) [default: auto].
    #[arg(long, value_name = "yes|no|auto", requires = "graph",
          value_parser = |s: &str| s.parse::<viralsim::io::HeaderMode>().map_err(|e| e.to_string()))]
    pub header: Option<viralsim::io::HeaderMode>,

    /// The audience segments from a node attribute of --graph: each value a segment (named by
    /// it), or ATTR:B1/B2/… for numbers cut into bands at those values.
    #[arg(
        long,
        value_name = "ATTR",
        requires = "graph",
        conflicts_with = "segments"
    )]
    pub segment_by: Option<String>,

    /// Gephi's node table (Id, Label, attribute columns) for a Gephi CSV edge table.
    #[arg(long, value_name = "FILE", requires = "graph")]
    pub nodes: Option<PathBuf>,

    /// A generated network: er:n=1000,p=0.01  gnm:n=1000,m=5000  ba:n=100000,m=5
    /// ws:n=1000,k=10,p=0.1  hk:n=1000,m=3,pt=0.5  sbm:sizes=500/300/200,pin=0.05,pout=0.002
    /// powerlaw:n=1000,gamma=2.5,kmin=2  complete:n=50  ring:n=100,k=4  star:n=20  path:n=10
    /// grid:rows=20,cols=30  karate  facebook.
    #[arg(long, value_name = "SPEC", value_parser = parse_generate)]
    pub generate: Option<NetworkSpec>,

    /// 'node segment' per line: every node's audience segment (with --graph).
    #[arg(long, value_name = "FILE", requires = "graph")]
    pub segments: Option<PathBuf>,

    #[command(flatten)]
    pub limits: LimitArgs,
}

/// Size limits of what is read or generated.
#[derive(Args, Clone, Debug, Default)]
#[command(next_help_heading = "Limits")]
pub struct LimitArgs {
    /// Most nodes a network may have [default: 5000000].
    #[arg(long, value_name = "N")]
    pub max_nodes: Option<usize>,
    /// Most edges a network may have [default: 50000000].
    #[arg(long, value_name = "N")]
    pub max_edges: Option<usize>,
    /// Most bytes of text a file may have, once decompressed [default: 536870912].
    #[arg(long, value_name = "N")]
    pub max_bytes: Option<usize>,
}

impl LimitArgs {
    /// The core's limits, with these flags over the defaults.
    pub fn limits(&self) -> viralsim::io::Limits {
        let mut l = viralsim::io::Limits::default();
        if let Some(n) = self.max_nodes {
            l.max_nodes = n;
        }
        if let Some(m) = self.max_edges {
            l.max_edges = m;
        }
        if let Some(b) = self.max_bytes {
            l.max_bytes = b;
        }
        l
    }
}

fn parse_generate(s: &str) -> Result<NetworkSpec, String> {
    let spec: NetworkSpec = s.parse().map_err(|e: viralsim::Error| e.to_string())?;
    if spec.file_name().is_some() {
        return Err("use --graph FILE to read a file".into());
    }
    Ok(spec)
}

/// The seven models.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ModelKind {
    /// Independent cascade: each new adopter gets one chance per follower (--p or --weights).
    Ic,
    /// Linear threshold: adopt when the weights of adopted neighbours pass a random threshold.
    Lt,
    /// Susceptible–infected–recovered (--beta, --gamma).
    Sir,
    /// Susceptible–infected–susceptible (--beta, --gamma).
    Sis,
    /// Adopt when --k neighbours (or a --theta fraction of them) have adopted.
    Threshold,
    /// Maki–Thompson rumour: spreaders, ignorants and stiflers (no parameter).
    Rumor,
    /// Bass diffusion: advertising --p and word of mouth --q.
    Bass,
}

impl ModelKind {
    /// The name as in a scenario (`ic`, `lt`, …).
    pub fn name(self) -> &'static str {
        match self {
            ModelKind::Ic => "ic",
            ModelKind::Lt => "lt",
            ModelKind::Sir => "sir",
            ModelKind::Sis => "sis",
            ModelKind::Threshold => "threshold",
            ModelKind::Rumor => "rumor",
            ModelKind::Bass => "bass",
        }
    }

    /// The parameter flags the model takes.
    pub fn params(self) -> &'static [&'static str] {
        match self {
            ModelKind::Ic => &["p", "weights"],
            ModelKind::Lt => &["weights"],
            ModelKind::Sir | ModelKind::Sis => &["beta", "gamma"],
            ModelKind::Threshold => &["k", "theta"],
            ModelKind::Rumor => &[],
            ModelKind::Bass => &["p", "q"],
        }
    }
}

/// Where edge weights come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Weights {
    /// The edge list's third column.
    Edge,
    /// 1 / in-degree of the receiver (IC's weighted cascade).
    #[value(name = "in_degree", alias = "in-degree")]
    InDegree,
}

/// The model and its parameters.
#[derive(Args, Clone, Debug, Default)]
#[command(next_help_heading = "Model")]
pub struct ModelArgs {
    /// The spread model.
    #[arg(long, value_enum)]
    pub model: Option<ModelKind>,
    /// ic: chance per arc and step; bass: advertising per step.
    #[arg(long, allow_negative_numbers = true, value_name = "P")]
    pub p: Option<f64>,
    /// bass: word of mouth.
    #[arg(long, allow_negative_numbers = true, value_name = "Q")]
    pub q: Option<f64>,
    /// sir, sis: infection chance per contact per step.
    #[arg(long, allow_negative_numbers = true, value_name = "B")]
    pub beta: Option<f64>,
    /// sir, sis: recovery chance per step.
    #[arg(long, allow_negative_numbers = true, value_name = "G")]
    pub gamma: Option<f64>,
    /// threshold: the fraction of neighbours that must have adopted.
    #[arg(long, allow_negative_numbers = true, value_name = "T")]
    pub theta: Option<f64>,
    /// threshold: the number of neighbours that must have adopted.
    #[arg(long, value_name = "K")]
    pub k: Option<u32>,
    /// ic, lt: edge weights from the file (edge) or 1/in-degree (in_degree, ic only).
    #[arg(long, value_enum)]
    pub weights: Option<Weights>,
}

impl ModelArgs {
    /// These flags over a scenario's model: its kind, its parameters where no flag is given.
    fn over(&self, m: &ModelSpec) -> ModelArgs {
        let weights = |w: &WeightSource| match w {
            WeightSource::Default => None,
            WeightSource::Edge => Some(Weights::Edge),
            WeightSource::InDegree => Some(Weights::InDegree),
        };
        let mut a = ModelArgs::default();
        match m {
            ModelSpec::Ic { p, weights: w } => {
                (a.model, a.p, a.weights) = (Some(ModelKind::Ic), *p, weights(w))
            }
            ModelSpec::Lt { weights: w } => {
                (a.model, a.weights) = (Some(ModelKind::Lt), weights(w))
            }
            ModelSpec::Sir { beta, gamma } => {
                (a.model, a.beta, a.gamma) = (Some(ModelKind::Sir), Some(*beta), Some(*gamma))
            }
            ModelSpec::Sis { beta, gamma } => {
                (a.model, a.beta, a.gamma) = (Some(ModelKind::Sis), Some(*beta), Some(*gamma))
            }
            ModelSpec::Threshold { k, theta } => {
                (a.model, a.k, a.theta) = (Some(ModelKind::Threshold), *k, *theta)
            }
            ModelSpec::Rumor {} => a.model = Some(ModelKind::Rumor),
            ModelSpec::Bass { p, q } => {
                (a.model, a.p, a.q) = (Some(ModelKind::Bass), Some(*p), Some(*q))
            }
        }
        // a flag replaces the scenario's value; k and theta replace each other
        if self.k.is_some() || self.theta.is_some() {
            (a.k, a.theta) = (self.k, self.theta);
        }
        if (self.weights.is_some() || self.p.is_some()) && a.model == Some(ModelKind::Ic) {
            (a.p, a.weights) = (self.p, self.weights);
        }
        a.p = self.p.or(a.p);
        a.q = self.q.or(a.q);
        a.beta = self.beta.or(a.beta);
        a.gamma = self.gamma.or(a.gamma);
        a.weights = self.weights.or(a.weights);
        a
    }

    /// Which parameter flags were given.
    fn given(&self) -> Vec<&'static str> {
        let mut g = Vec::new();
        for (name, on) in [
            ("p", self.p.is_some()),
            ("q", self.q.is_some()),
            ("beta", self.beta.is_some()),
            ("gamma", self.gamma.is_some()),
            ("theta", self.theta.is_some()),
            ("k", self.k.is_some()),
            ("weights", self.weights.is_some()),
        ] {
            if on {
                g.push(name);
            }
        }
        g
    }

    /// The model spec from these flags. Without --model, `fallback` (a scenario's model) with
    /// the parameters given here over its own. A parameter the model does not take is
    /// refused, naming what it takes.
    pub fn spec(&self, fallback: Option<&ModelSpec>) -> Result<ModelSpec, crate::Fail> {
        use crate::Fail;
        let Some(kind) = self.model else {
            return match fallback {
                Some(m) => self.over(m).spec(None),
                None => Err(Fail::flag(
                    "model",
                    format!("required ({})", viralsim::model::MODEL_NAMES),
                )),
            };
        };
        let takes = kind.params();
        if let Some(p) = self.given().into_iter().find(|p| !takes.contains(p)) {
            let list: Vec<String> = takes.iter().map(|t| format!("--{t}")).collect();
            let list = if list.is_empty() {
                "no parameter".to_string()
            } else {
                list.join(", ")
            };
            return Err(Fail::flag(
                p,
                format!("not a parameter of {} (it takes {list})", kind.name()),
            ));
        }
        let weights = match self.weights {
            None => WeightSource::Default,
            Some(Weights::Edge) => WeightSource::Edge,
            Some(Weights::InDegree) if kind == ModelKind::Ic => WeightSource::InDegree,
            Some(Weights::InDegree) => {
                return Err(Fail::flag("weights", "'in_degree' is not one of: edge"))
            }
        };
        let need = |v: Option<f64>, flag: &str| {
            v.ok_or_else(|| Fail::flag(flag, format!("{} needs --{flag}", kind.name())))
        };
        Ok(match kind {
            ModelKind::Ic => ModelSpec::Ic { p: self.p, weights },
            ModelKind::Lt => ModelSpec::Lt { weights },
            ModelKind::Sir => ModelSpec::Sir {
                beta: need(self.beta, "beta")?,
                gamma: need(self.gamma, "gamma")?,
            },
            ModelKind::Sis => ModelSpec::Sis {
                beta: need(self.beta, "beta")?,
                gamma: need(self.gamma, "gamma")?,
            },
            ModelKind::Threshold => ModelSpec::Threshold {
                k: self.k,
                theta: self.theta,
            },
            ModelKind::Rumor => ModelSpec::Rumor {},
            ModelKind::Bass => ModelSpec::Bass {
                p: need(self.p, "p")?,
                q: need(self.q, "q")?,
            },
        })
    }
}

/// How many runs, from which seed, for how long.
#[derive(Args, Clone, Debug, Default)]
#[command(next_help_heading = "Runs")]
pub struct RunsArgs {
    /// Monte Carlo runs.
    #[arg(long, value_name = "R",
          value_parser = clap::value_parser!(u32).range(1..=MAX_RUNS as i64), allow_negative_numbers = true)]
    pub runs: Option<u32>,
    /// The random seed (the seeds are the people who start it): the same random seed gives
    /// the same numbers [default: 1].
    #[arg(long, value_name = "S")]
    pub seed: Option<u64>,
    /// Steps per run at most [default: 1000].
    #[arg(long, value_name = "T",
          value_parser = clap::value_parser!(u32).range(1..=MAX_STEPS as i64), allow_negative_numbers = true)]
    pub max_steps: Option<u32>,
    /// Worker threads [default: all cores]; the results do not depend on it.
    #[arg(long, value_name = "N", allow_negative_numbers = true,
          value_parser = clap::value_parser!(u32).range(1..=1024))]
    pub threads: Option<u32>,
    /// Also report P(reach > X), X a node count.
    #[arg(long, value_name = "X", value_parser = parse_threshold)]
    pub threshold: Option<f64>,
}

fn parse_threshold(s: &str) -> Result<f64, String> {
    match s.trim().parse::<f64>() {
        Ok(t) if t.is_finite() && t >= 0.0 => Ok(t),
        Ok(t) => Err(format!("must be a node count ≥ 0, got {t}")),
        Err(_) => Err(format!("'{s}' is not a number")),
    }
}

impl RunsArgs {
    /// The threads of --threads (0: all cores without it), for what the build shares out (IMM's
    /// RR sets, drawn in parallel with the same seeds for any count).
    pub fn threads(&self) -> usize {
        self.threads.map_or(0, |t| t as usize)
    }

    /// The Monte Carlo these flags ask for, with the command's own runs and steps (its
    /// defaults differ) and with or without the cascade metrics.
    pub fn config(&self, runs: u32, max_steps: u32, metrics: bool) -> MonteCarloConfig {
        MonteCarloConfig {
            runs,
            max_steps,
            threads: self.threads.map_or(0, |t| t as usize),
            threshold: self.threshold,
            metrics,
        }
    }
}

/// STEP:NODES, as --mute and --debunk take it.
#[derive(Clone, Debug)]
pub struct Timed {
    step: u32,
    nodes: Seeding,
}

fn parse_timed(raw: &str) -> Result<Timed, String> {
    let (t, who) = raw.split_once(':').unwrap_or((raw, ""));
    let step = t
        .trim()
        .parse::<u32>()
        .map_err(|_| format!("'{raw}' should be STEP:NODES, e.g. 3:top-degree:5"))?;
    let nodes = who.parse().map_err(|e: viralsim::Error| e.to_string())?;
    Ok(Timed { step, nodes })
}

/// A segment given by number, or by name: kept as given (a saved scenario keeps the name); the
/// core finds it in the network when it builds the run, and names the flag's field if it is not
/// there.
fn segment(text: &str) -> viralsim::campaign::SegmentRef {
    match text.parse() {
        Ok(s) => s,
        Err(never) => match never {},
    }
}

/// `--stickiness`: `1/0.5/2` (one value per segment), or `France=1.5,Germany=0.8` (by name;
/// the segments not named keep 1).
fn stickiness(text: &str) -> Result<viralsim::campaign::Stickiness, crate::Fail> {
    use viralsim::campaign::Stickiness;
    let number = |x: &str| {
        x.trim()
            .parse::<f64>()
            .map_err(|_| crate::Fail::flag("stickiness", format!("'{}' is not a number", x.trim())))
    };
    if !text.contains('=') {
        return Ok(Stickiness::PerSegment(
            text.split('/').map(number).collect::<Result<_, _>>()?,
        ));
    }
    let mut out = Vec::new();
    for part in text.split(',') {
        let (name, x) = part.split_once('=').ok_or_else(|| {
            crate::Fail::flag(
                "stickiness",
                format!("'{}' should be NAME=VALUE, e.g. France=1.5", part.trim()),
            )
        })?;
        out.push((name.trim().to_string(), number(x)?));
    }
    Ok(Stickiness::ByName(out))
}

/// Paid reach, costs, content decay and interventions, over a scenario's campaign.
#[derive(Args, Clone, Debug, Default)]
#[command(next_help_heading = "Campaign (paid reach and costs; any model)")]
pub struct CampaignArgs {
    /// Ads shown per step, to people drawn at random (or in --ad-segment).
    #[arg(long, value_name = "N")]
    pub ad_impressions: Option<u32>,
    /// The chance that an ad converts a person who has not adopted.
    #[arg(long, allow_negative_numbers = true, value_name = "C")]
    pub ad_conversion: Option<f64>,
    /// The ads run during the first T steps.
    #[arg(long, value_name = "T")]
    pub ad_steps: Option<u32>,
    /// Show the ads only in this segment (its number, or its name: --ad-segment France).
    #[arg(long, value_name = "S")]
    pub ad_segment: Option<String>,
    /// Cost of each seed.
    #[arg(long, allow_negative_numbers = true, value_name = "X")]
    pub cost_per_seed: Option<f64>,
    /// Cost per follower of each seed.
    #[arg(long, allow_negative_numbers = true, value_name = "Y")]
    pub cost_per_degree: Option<f64>,
    /// Cost of each ad impression.
    #[arg(long, allow_negative_numbers = true, value_name = "Z")]
    pub cost_per_impression: Option<f64>,
    /// A node attribute of --graph added to each seed's price (e.g. followers, or a quote).
    #[arg(long, value_name = "ATTR")]
    pub cost_attribute: Option<String>,
    /// Content: the share probability halves every H steps after a post (ic, sir, sis).
    #[arg(
        long,
        allow_negative_numbers = true,
        value_name = "H",
        help_heading = "Content and interventions"
    )]
    pub half_life: Option<f64>,
    /// Content: each share seen without taking it up lowers a person's chance by F.
    #[arg(
        long,
        allow_negative_numbers = true,
        value_name = "F",
        help_heading = "Content and interventions"
    )]
    pub fatigue: Option<f64>,
    /// Content: share probability multiplier per segment, e.g. 1/0.5/2, or by name,
    /// France=1.5,Germany=0.8 (the segments not named keep 1).
    #[arg(
        long,
        value_name = "A/B/...",
        allow_negative_numbers = true,
        help_heading = "Content and interventions"
    )]
    pub stickiness: Option<String>,
    /// Each seed actually posts with probability Q (all are paid).
    #[arg(
        long,
        allow_negative_numbers = true,
        value_name = "Q",
        help_heading = "Content and interventions"
    )]
    pub post_probability: Option<f64>,
    /// Choose the seeds (random, top-degree, pagerank, kcore) in this segment.
    #[arg(long, value_name = "S", help_heading = "Content and interventions")]
    pub seed_segment: Option<String>,
    /// The brand posts again at these steps (ic, sir, sis, rumor), e.g. 5,10.
    #[arg(
        long,
        value_name = "T,...",
        value_delimiter = ',',
        help_heading = "Content and interventions"
    )]
    pub boost_at: Vec<u32>,
    /// These nodes pass nothing on from step T, e.g. 3:top-degree:5.
    #[arg(long, value_name = "T:NODES", value_parser = parse_timed, help_heading = "Content and interventions")]
    pub mute: Vec<Timed>,
    /// These nodes become stiflers / immune at step T (rumor, sir, sis).
    #[arg(long, value_name = "T:NODES", value_parser = parse_timed, help_heading = "Content and interventions")]
    pub debunk: Vec<Timed>,
}

impl CampaignArgs {
    /// The campaign: these flags over `c` (a scenario's campaign, or none). Ads need their
    /// three flags unless the scenario has ads.
    /// The campaign: these flags over `c` (a scenario's campaign, or none). Ads need their
    /// three flags unless the scenario has ads. Segments stay as given (number or name).
    pub fn apply(
        &self,
        mut c: viralsim::campaign::Campaign,
    ) -> Result<viralsim::campaign::Campaign, crate::Fail> {
        let any_ad = self.ad_impressions.is_some()
            || self.ad_conversion.is_some()
            || self.ad_steps.is_some()
            || self.ad_segment.is_some();
        if any_ad {
            if c.ads.is_none() {
                for (flag, given) in [
                    ("ad-impressions", self.ad_impressions.is_some()),
                    ("ad-conversion", self.ad_conversion.is_some()),
                    ("ad-steps", self.ad_steps.is_some()),
                ] {
                    if !given {
                        return Err(crate::Fail::flag(
                            flag,
                            "ads need --ad-impressions, --ad-conversion and --ad-steps",
                        ));
                    }
                }
            }
            let mut ads = c.ads.clone().unwrap_or(viralsim::campaign::Ads {
                impressions_per_step: 0,
                conversion: 0.0,
                steps: 0,
                segment: None,
            });
            if let Some(n) = self.ad_impressions {
                ads.impressions_per_step = n;
            }
            if let Some(x) = self.ad_conversion {
                ads.conversion = x;
            }
            if let Some(t) = self.ad_steps {
                ads.steps = t;
            }
            if let Some(s) = &self.ad_segment {
                ads.segment = Some(segment(s));
            }
            c.ads = Some(ads);
        }
        if self.half_life.is_some() || self.fatigue.is_some() {
            let d = c.decay.get_or_insert_with(Default::default);
            if let Some(h) = self.half_life {
                d.half_life = Some(h);
            }
            if let Some(f) = self.fatigue {
                d.fatigue = f;
            }
        }
        if let Some(s) = &self.stickiness {
            c.stickiness = Some(stickiness(s)?);
        }
        if let Some(a) = &self.cost_attribute {
            c.costs.per_seed_attribute = Some(a.clone());
        }
        if let Some(q) = self.post_probability {
            c.post_probability = Some(q);
        }
        if let Some(s) = &self.seed_segment {
            c.seed_segment = Some(segment(s));
        }
        for &step in &self.boost_at {
            c.interventions.push(Intervention {
                step,
                action: Action::Boost,
                nodes: None,
            });
        }
        for (list, action) in [(&self.mute, Action::Mute), (&self.debunk, Action::Debunk)] {
            for t in list {
                c.interventions.push(Intervention {
                    step: t.step,
                    action,
                    nodes: Some(t.nodes.clone()),
                });
            }
        }
        for (x, slot) in [
            (self.cost_per_seed, &mut c.costs.per_seed),
            (self.cost_per_degree, &mut c.costs.per_seed_degree),
            (self.cost_per_impression, &mut c.costs.per_impression),
        ] {
            if let Some(x) = x {
                *slot = x;
            }
        }
        Ok(c)
    }
}

/// The flag of each intervention of `c`, in order, to name an intervention's error by it.
pub fn intervention_flags(c: &viralsim::campaign::Campaign) -> Vec<&'static str> {
    c.interventions
        .iter()
        .map(|i| match i.action {
            Action::Boost => "boost-at",
            Action::Mute => "mute",
            Action::Debunk => "debunk",
        })
        .collect()
}
