//! `viralsim`: the command-line front end. It reads files and flags, then calls the same core
//! (and the same `&str` parsers) as the page. Errors: exit code 2, one line on stderr naming
//! the flag, field or line, nothing on stdout.

use std::io::{IsTerminal, Read, Write};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Instant;
use viralsim::io::{parse_edge_list, EdgeListOptions, Limits};
use viralsim::metrics::network_info;
use viralsim::model::{ModelSpec, WeightSource, MODEL_NAMES};
use viralsim::montecarlo::{monte_carlo, MonteCarloConfig, MonteCarloResult};
use viralsim::scenario::{MAX_RUNS, MAX_STEPS};
use viralsim::{Model, Network, NetworkSpec, Scenario, Seeding, Simulation};

const HELP: &str = "\
viralsim — word-of-mouth spread simulator

USAGE:
  viralsim run  (--graph FILE | --generate SPEC | --scenario FILE)
                --model ic|lt|sir|sis|threshold|rumor|bass  [model parameters]
                --seeds top-degree:K | random:K | nodes:ID,ID,... | none
                        | pagerank:K | kcore:K | degree-discount:K | celf:K | imm:K [--epsilon E]
                [--runs R] [--seed S] [--max-steps T] [--threads N] [--threshold X]
                [--format json|csv|table] [--out FILE]
  viralsim info (--graph FILE | --generate SPEC) [--format json|table]
  viralsim compare A.json B.json [C.json D.json] [--graph FILE] [--runs R] [--seed S]
                [--threshold X] [--threads N] [--format json|csv|table] [--out FILE]
  viralsim sweep (--graph FILE | --generate SPEC) --model M --seeds S [--runs R] ...
                with model parameters as lists (--p 0.01,0.02,0.05) or ranges (--p 0.01:0.1:0.01)
  viralsim help | --help | --version

NETWORK:
  --graph FILE       edge list: 'source target [weight]' per line; spaces, tabs or commas;
                     '#' and '%' comments; optional header; .gz accepted
  --directed         read --graph as directed (default: undirected)
  --generate SPEC    er:n=1000,p=0.01   gnm:n=1000,m=5000   ba:n=100000,m=5
                     ws:n=1000,k=10,p=0.1   hk:n=1000,m=3,pt=0.5
                     sbm:sizes=500/300/200,pin=0.05,pout=0.002
                     powerlaw:n=1000,gamma=2.5,kmin=2   complete:n=50   ring:n=100,k=4
                     star:n=20   path:n=10   grid:rows=20,cols=30   karate   facebook
  --max-nodes N, --max-edges N   size limits (default 5000000 nodes, 50000000 edges)
  --max-bytes N      most bytes of text a file may have, once decompressed (default 536870912)

MODELS AND PARAMETERS:
  ic         --p P (per-arc probability) | --weights edge|in_degree
  lt         [--weights edge]            (default: 1/in-degree)
  sir, sis   --beta B (per contact per step) --gamma G (recovery per step)
  threshold  --k K (neighbours) | --theta T (fraction of neighbours)
  rumor      (Maki–Thompson, no parameter)
  bass       --p P (advertising per step) --q Q (word of mouth)

SEEDS (who starts it):
  top-degree:K        the K best-connected nodes        random:K    K nodes drawn in every run
  nodes:ID,ID,...     these nodes (ids as in the file)  none        no seed (bass: ads start it)
  pagerank:K          highest PageRank                  kcore:K     innermost k-core
  degree-discount:K   degree discount (Chen et al. 2009, uses the IC p)
  celf:K[,runs=R]     greedy on simulated spread with CELF (R runs per evaluation, default 200)
  imm:K               IMM reverse influence sampling, ic and lt (Tang et al. 2015);
                      --epsilon E sets its accuracy (default 0.5; spread >= (1-1/e-E) x optimum)

CAMPAIGN (paid reach and costs; any model):
  --ad-impressions N  ads shown per step, to people drawn at random (or in --ad-segment S)
  --ad-conversion C   chance that an ad converts a person who has not adopted
  --ad-steps T        the ads run during the first T steps
  --cost-per-seed X, --cost-per-degree Y (per follower of a seed), --cost-per-impression Z
  Output adds total cost, cost per adopter, adopters per unit of budget, reach per segment.

CONTENT AND INTERVENTIONS (decay and stickiness: ic, sir, sis):
  --segments FILE       'node segment' per line (with --graph): every node's audience segment
  --half-life H         the share probability halves every H steps after a post
  --fatigue F           each share seen without taking it up lowers a person's chance by F
  --stickiness A/B/...  share probability multiplier per segment (1 = as the model says)
  --post-probability Q  each seed actually posts with probability Q (all are paid)
  --seed-segment S      choose the seeds (random, top-degree, pagerank, kcore) in segment S
  --boost-at T[,T...]   the brand posts again at step T (ic, sir, sis, rumor)
  --mute T:NODES        these nodes pass nothing on from step T (e.g. 3:top-degree:5)
  --debunk T:NODES      these nodes become stiflers / immune at step T (rumor, sir, sis)

RUNS:
  --runs R        Monte Carlo runs (default 1)      --seed S       scenario seed (default 1)
  --max-steps T   steps per run at most (default 1000)
  --threads N     worker threads (default: all cores; results do not depend on it)
  --threshold X   also report P(reach > X), X a node count
  --scenario FILE a JSON scenario (network, model, seeds, seed, max_steps, runs);
                  flags given as well override it
  --address LINK  the page's address ('http://…/#network=…&model=…'), read as the page reads it

OUTPUT:
  --format json (default) | csv (one row per step) | table     --out FILE (default stdout)

COMPARE (A/B):
  Runs every scenario on the same network with the same run streams (common random numbers)
  and reports, per scenario, reach (mean, 95% CI), P(reach > X), steps to 50% of final reach;
  per pair, the mean difference with its paired 95% CI and the probability that A beats B.

EXAMPLES:
  viralsim run --generate ba:n=100000,m=5 --model ic --p 0.01 --seeds top-degree:10 --runs 1000
  viralsim run --graph audience.csv --model bass --p 0.01 --q 0.3 --seeds none --format csv
  viralsim info --generate facebook
";

struct Fail(String);

impl<E: std::fmt::Display> From<E> for Fail {
    fn from(e: E) -> Self {
        Fail(e.to_string())
    }
}

fn fail<T>(msg: impl Into<String>) -> Result<T, Fail> {
    Err(Fail(msg.into()))
}

#[derive(Default)]
struct Args {
    cmd: String,
    flags: Vec<(String, Option<String>)>,
    /// Scenario files of `compare`.
    positional: Vec<String>,
}

const VALUE_FLAGS: &[&str] = &[
    "graph",
    "generate",
    "scenario",
    "model",
    "p",
    "q",
    "beta",
    "gamma",
    "theta",
    "k",
    "weights",
    "seeds",
    "runs",
    "seed",
    "max-steps",
    "threads",
    "threshold",
    "format",
    "out",
    "max-nodes",
    "max-edges",
    "max-bytes",
    "address",
    "epsilon",
    "ad-impressions",
    "ad-conversion",
    "ad-steps",
    "ad-segment",
    "cost-per-seed",
    "cost-per-degree",
    "cost-per-impression",
    "segments",
    "half-life",
    "fatigue",
    "stickiness",
    "post-probability",
    "seed-segment",
    "boost-at",
    "mute",
    "debunk",
];
const BOOL_FLAGS: &[&str] = &["directed"];

fn parse_args(raw: Vec<String>) -> Result<Args, Fail> {
    let mut it = raw.into_iter();
    let mut a = Args {
        cmd: it.next().unwrap_or_default(),
        ..Default::default()
    };
    while let Some(f) = it.next() {
        let Some(name) = f.strip_prefix("--") else {
            if a.cmd == "compare" {
                a.positional.push(f);
                continue;
            }
            return fail(format!(
                "unexpected argument '{f}' (flags start with --; see viralsim --help)"
            ));
        };
        let (name, inline) = match name.split_once('=') {
            Some((n, v)) => (n.to_string(), Some(v.to_string())),
            None => (name.to_string(), None),
        };
        if BOOL_FLAGS.contains(&name.as_str()) {
            a.flags.push((name, None));
        } else if VALUE_FLAGS.contains(&name.as_str()) {
            let v = match inline {
                Some(v) => v,
                None => it
                    .next()
                    .ok_or_else(|| Fail(format!("--{name}: needs a value")))?,
            };
            if a.flags.iter().any(|(n, _)| *n == name) {
                return fail(format!("--{name}: given twice"));
            }
            a.flags.push((name, Some(v)));
        } else {
            return fail(format!("--{name}: unknown flag (see viralsim --help)"));
        }
    }
    Ok(a)
}

impl Args {
    fn get(&self, name: &str) -> Option<&str> {
        self.flags
            .iter()
            .find(|(n, _)| n == name)
            .and_then(|(_, v)| v.as_deref())
    }
    fn has(&self, name: &str) -> bool {
        self.flags.iter().any(|(n, _)| n == name)
    }
    fn num<T: std::str::FromStr>(&self, name: &str, what: &str) -> Result<Option<T>, Fail> {
        match self.get(name) {
            None => Ok(None),
            Some(v) => v
                .trim()
                .parse()
                .map(Some)
                .map_err(|_| Fail(format!("--{name}: '{v}' is not {what}"))),
        }
    }
    fn float(&self, name: &str) -> Result<Option<f64>, Fail> {
        self.num::<f64>(name, "a number")
    }
    fn need_float(&self, name: &str, model: &str) -> Result<f64, Fail> {
        self.float(name)?
            .ok_or_else(|| Fail(format!("--{name}: {model} needs --{name}")))
    }
    fn only(&self, allowed: &[&str]) -> Result<(), Fail> {
        for (n, _) in &self.flags {
            if !allowed.contains(&n.as_str()) {
                return fail(format!("--{n}: not used by 'viralsim {}'", self.cmd));
            }
        }
        Ok(())
    }
}

/// Reads a text file (gunzipped when its name ends in .gz), refusing more than `max_bytes`
/// of text as it reads: a small gzip bomb cannot fill the memory before a limit applies.
fn read_text(path: &str, max_bytes: usize) -> Result<String, Fail> {
    let file = std::fs::File::open(path)
        .map_err(|e| Fail(format!("--graph: cannot read '{path}': {e}")))?;
    let mut bytes = Vec::new();
    let cap = max_bytes as u64 + 1;
    let read = if path.ends_with(".gz") {
        flate2::read::GzDecoder::new(std::io::BufReader::new(file))
            .take(cap)
            .read_to_end(&mut bytes)
            .map_err(|e| Fail(format!("--graph: '{path}' is not valid gzip: {e}")))?
    } else {
        file.take(cap)
            .read_to_end(&mut bytes)
            .map_err(|e| Fail(format!("--graph: cannot read '{path}': {e}")))?
    };
    if read as u64 >= cap {
        return fail(format!(
            "--max-bytes: '{path}' has more than {max_bytes} bytes of text{}; raise --max-bytes to read it",
            if path.ends_with(".gz") { " once decompressed" } else { "" }
        ));
    }
    String::from_utf8(bytes).map_err(|e| Fail(format!("--graph: '{path}' is not UTF-8 text: {e}")))
}

fn limits(a: &Args) -> Result<Limits, Fail> {
    let mut l = Limits::default();
    if let Some(n) = a.num::<usize>("max-nodes", "a whole number ≥ 0")? {
        l.max_nodes = n;
    }
    if let Some(m) = a.num::<usize>("max-edges", "a whole number ≥ 0")? {
        l.max_edges = m;
    }
    if let Some(b) = a.num::<usize>("max-bytes", "a whole number ≥ 0")? {
        l.max_bytes = b;
    }
    Ok(l)
}

/// The network from --graph or --generate (or the scenario's), with its spec for the output.
fn network(
    a: &Args,
    scenario: Option<(&Scenario, &std::path::Path)>,
    seed: u64,
) -> Result<(Network, NetworkSpec), Fail> {
    let lim = limits(a)?;
    match (a.get("graph"), a.get("generate")) {
        (Some(_), Some(_)) => fail("--graph: give either --graph or --generate, not both"),
        (Some(path), None) => {
            let text = read_text(path, lim.max_bytes)?;
            let net = parse_edge_list(
                &text,
                &EdgeListOptions {
                    directed: a.has("directed"),
                    limits: lim,
                },
            )
            .map_err(|e| Fail(format!("--graph {path}: {e}")))?;
            let base = |p: &str| {
                std::path::Path::new(p)
                    .file_name()
                    .map_or(p.to_string(), |s| s.to_string_lossy().into_owned())
            };
            let name = base(path);
            let (net, seg_opt) = match a.get("segments") {
                Some(sp) => {
                    let segs = viralsim::io::parse_segments(&read_text(sp, lim.max_bytes)?, &net)
                        .map_err(|e| Fail(format!("--segments {sp}: {e}")))?;
                    (net.with_segments(segs)?, format!(",segments={}", base(sp)))
                }
                None => (net, String::new()),
            };
            let spec: NetworkSpec = format!(
                "file:{name}{}{seg_opt}",
                if a.has("directed") { ",directed" } else { "" }
            )
            .parse()
            .map_err(|e| Fail(format!("--graph: {e}")))?;
            Ok((net, spec))
        }
        (None, _) if a.has("segments") => {
            fail("--segments: segments go with an edge list read by --graph FILE")
        }
        (None, Some(spec)) => {
            let spec: NetworkSpec = spec.parse().map_err(|e| Fail(format!("--generate: {e}")))?;
            if spec.file_name().is_some() {
                return fail("--generate: use --graph FILE to read a file");
            }
            let net = spec
                .build(seed, &lim, None)
                .map_err(|e| Fail(format!("--generate: {e}")))?;
            Ok((net, spec))
        }
        (None, None) => match scenario {
            Some((s, _)) if s.network.file_name().is_none() => Ok((
                s.network
                    .build(seed, &lim, None)
                    .map_err(|e| Fail(format!("--scenario: {e}")))?,
                s.network.clone(),
            )),
            // the files a scenario names are read next to the scenario file
            Some((s, dir)) => {
                let name = s.network.file_name().unwrap_or_default();
                let path = dir.join(name);
                let shown = path.to_string_lossy().into_owned();
                let text = read_text(&shown, lim.max_bytes).map_err(|_| {
                    Fail(format!(
                        "--graph: the scenario's network is {}: '{shown}' cannot be read (give the file with --graph)",
                        s.network
                    ))
                })?;
                let mut net = s
                    .network
                    .build(seed, &lim, Some(&text))
                    .map_err(|e| Fail(format!("{shown}: {e}")))?;
                if let Some(seg) = s.network.segments_file() {
                    let sp = dir.join(seg).to_string_lossy().into_owned();
                    let segs = viralsim::io::parse_segments(&read_text(&sp, lim.max_bytes)?, &net)
                        .map_err(|e| Fail(format!("--segments {sp}: {e}")))?;
                    net = net.with_segments(segs)?;
                }
                Ok((net, s.network.clone()))
            }
            None => fail("--graph: give --graph FILE or --generate SPEC (see viralsim --help)"),
        },
    }
}

fn model_spec(a: &Args, fallback: Option<&ModelSpec>) -> Result<ModelSpec, Fail> {
    let Some(name) = a.get("model") else {
        return match fallback {
            Some(m) => Ok(m.clone()),
            None => fail(format!("--model: required ({MODEL_NAMES})")),
        };
    };
    let params = ["p", "q", "beta", "gamma", "theta", "k", "weights"];
    let takes: &[&str] = match name {
        "ic" => &["p", "weights"],
        "lt" => &["weights"],
        "sir" | "sis" => &["beta", "gamma"],
        "threshold" => &["k", "theta"],
        "rumor" => &[],
        "bass" => &["p", "q"],
        other => {
            return fail(format!(
                "--model: unknown model '{other}' (expected one of: {MODEL_NAMES})"
            ))
        }
    };
    for p in params {
        if a.has(p) && !takes.contains(&p) {
            let list: Vec<String> = takes.iter().map(|t| format!("--{t}")).collect();
            let list = if list.is_empty() {
                "no parameter".to_string()
            } else {
                list.join(", ")
            };
            return fail(format!(
                "--{p}: not a parameter of {name} (it takes {list})"
            ));
        }
    }
    let weights = match a.get("weights") {
        None => WeightSource::Default,
        Some("edge") => WeightSource::Edge,
        Some("in_degree") | Some("in-degree") if name == "ic" => WeightSource::InDegree,
        Some(w) => {
            return fail(format!(
                "--weights: '{w}' is not one of: edge{}",
                if name == "ic" { ", in_degree" } else { "" }
            ))
        }
    };
    Ok(match name {
        "ic" => ModelSpec::Ic {
            p: a.float("p")?,
            weights,
        },
        "lt" => ModelSpec::Lt { weights },
        "sir" => ModelSpec::Sir {
            beta: a.need_float("beta", name)?,
            gamma: a.need_float("gamma", name)?,
        },
        "sis" => ModelSpec::Sis {
            beta: a.need_float("beta", name)?,
            gamma: a.need_float("gamma", name)?,
        },
        "threshold" => ModelSpec::Threshold {
            k: a.num::<u32>("k", "a whole number ≥ 0")?,
            theta: a.float("theta")?,
        },
        "rumor" => ModelSpec::Rumor {},
        _ => ModelSpec::Bass {
            p: a.need_float("p", name)?,
            q: a.need_float("q", name)?,
        },
    })
}

/// Maps a core error about a model field (`p: …`, `model.p: …`) to its flag (`--p: …`).
fn flag_error(e: viralsim::Error) -> Fail {
    let s = e.to_string();
    let s = s.strip_prefix("model.").unwrap_or(&s);
    Fail(format!("--{s}"))
}

struct Progress {
    start: Instant,
    shown: bool,
    tty: bool,
}

impl Progress {
    fn update(&mut self, done: u32, total: u32) {
        if !self.tty || self.start.elapsed().as_secs_f64() < 1.0 {
            return;
        }
        self.shown = true;
        let width = 30;
        let filled = (done as usize * width) / total.max(1) as usize;
        eprint!(
            "\r[{}{}] {done}/{total} runs, {:.1} s ",
            "#".repeat(filled),
            " ".repeat(width - filled),
            self.start.elapsed().as_secs_f64()
        );
        let _ = std::io::stderr().flush();
    }
    fn finish(&self) {
        if self.shown {
            eprintln!();
        }
    }
}

fn cmd_run(a: &Args) -> Result<String, Fail> {
    // run takes every flag the parser knows (VALUE_FLAGS and BOOL_FLAGS)
    let scenario = match (a.get("scenario"), a.get("address")) {
        (Some(_), Some(_)) => {
            return fail("--address: give either --scenario or --address, not both")
        }
        (Some(path), None) => {
            let text = std::fs::read_to_string(path)
                .map_err(|e| Fail(format!("--scenario: cannot read '{path}': {e}")))?;
            let s = scenario_json(&text).map_err(|e| Fail(format!("--scenario {path}: {e}")))?;
            s.check_counts()
                .map_err(|e| Fail(format!("--scenario {path}: {e}")))?;
            Some(s)
        }
        // the page's address, read by the same parser as the page
        (None, Some(link)) => match viralsim::address::parse_address(link) {
            Ok(viralsim::address::Address {
                scenario: Some(s), ..
            }) => Some(s),
            Ok(_) => return fail("--address: the address names no network and no model"),
            Err(e) => return fail(format!("--address: {e}")),
        },
        (None, None) => None,
    };
    let format = a.get("format").unwrap_or("json");
    if !["json", "csv", "table"].contains(&format) {
        return fail(format!(
            "--format: '{format}' is not one of: json, csv, table"
        ));
    }
    let seed = match a.num::<u64>("seed", "a whole number ≥ 0")? {
        Some(s) => s,
        None => scenario.as_ref().map_or(1, |s| s.seed),
    };
    let runs = a.num::<i64>("runs", "a whole number")?.map_or(
        Ok(scenario.as_ref().map_or(1, |s| s.runs)),
        |r| {
            if (1..=MAX_RUNS as i64).contains(&r) {
                Ok(r as u32)
            } else {
                Err(Fail(format!(
                    "--runs: must be from 1 to {MAX_RUNS}, got {r}"
                )))
            }
        },
    )?;
    let max_steps = max_steps_flag(a)?.unwrap_or(scenario.as_ref().map_or(1000, |s| s.max_steps));
    let threads = a
        .num::<i64>("threads", "a whole number")?
        .map_or(Ok(0), |t| {
            if (1..=1024).contains(&t) {
                Ok(t as usize)
            } else {
                Err(Fail(format!(
                    "--threads: must be between 1 and 1024, got {t}"
                )))
            }
        })?;
    let threshold = a.float("threshold")?;
    if let Some(t) = threshold {
        if !t.is_finite() || t < 0.0 {
            return fail(format!("--threshold: must be a node count ≥ 0, got {t}"));
        }
    }
    let spec = model_spec(a, scenario.as_ref().map(|s| &s.model))?;
    let model = Model::try_from(spec.clone()).map_err(flag_error)?;
    let seeding: Seeding = match a.get("seeds") {
        Some(s) => s.parse().map_err(|e| Fail(format!("--{e}")))?,
        None => match &scenario {
            Some(s) => s.seeds.clone(),
            None => {
                return fail("--seeds: required (top-degree:K, random:K, nodes:ID,ID,... or none)")
            }
        },
    };
    let seeding = match (a.float("epsilon")?, seeding) {
        (None, s) => s,
        (Some(e), Seeding::Imm { k, .. }) => {
            if let Err(err) = viralsim::influence::imm::check_epsilon(e) {
                return fail(format!("--{err}"));
            }
            Seeding::Imm { k, epsilon: e }
        }
        (Some(_), _) => return fail("--epsilon: only used with --seeds imm:K"),
    };
    let here = std::path::PathBuf::from(".");
    let dir = a
        .get("scenario")
        .and_then(|p| std::path::Path::new(p).parent().map(|d| d.to_path_buf()))
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(here);
    let (net, net_spec) = network(a, scenario.as_ref().map(|s| (s, dir.as_path())), seed)?;
    let (nodes, edges) = (net.node_count(), net.edge_count());
    let campaign = campaign_flags(
        a,
        scenario
            .as_ref()
            .map(|s| s.campaign.clone())
            .unwrap_or_default(),
    )?;
    let sim = Simulation::with_limit(
        Arc::new(net),
        model,
        &seeding,
        seed,
        campaign.clone(),
        max_steps,
    )
    .map_err(|e| {
        let s = e.to_string();
        if s.starts_with("seeds:") || s.starts_with("epsilon:") {
            Fail(format!("--{s}"))
        } else if s.starts_with("campaign.") {
            campaign_error(e)
        } else {
            flag_error(e)
        }
    })?;
    let out_scenario = Scenario {
        campaign,
        network: net_spec,
        model: spec,
        seeds: seeding,
        seed,
        max_steps,
        runs,
    };
    let mut progress = Progress {
        start: Instant::now(),
        shown: false,
        tty: std::io::stderr().is_terminal(),
    };
    let t0 = Instant::now();
    let cfg = MonteCarloConfig {
        runs,
        max_steps,
        threads,
        threshold,
        metrics: true,
    };
    let res = monte_carlo(&sim, seed, &cfg, &mut |d, t| progress.update(d, t))?;
    progress.finish();
    let elapsed_ms = t0.elapsed().as_secs_f64() * 1000.0;
    // a single run also reports its whole trajectory (the same numbers the page shows)
    let history = if runs == 1 {
        let mut one = sim.clone();
        one.run(max_steps);
        Some(one.history().clone())
    } else {
        None
    };
    Ok(match format {
        "json" => viralsim::report::monte_carlo_json(
            &viralsim::report::RunContext {
                scenario: &out_scenario,
                nodes,
                edges,
                states: sim.model().state_names(),
                history: history.as_ref(),
                elapsed_ms,
            },
            &res,
        ),
        "csv" => viralsim::report::monte_carlo_csv(&res),
        _ => table_output(&out_scenario, nodes, edges, &res, elapsed_ms),
    })
}

fn table_output(
    s: &Scenario,
    nodes: usize,
    edges: usize,
    r: &MonteCarloResult,
    elapsed_ms: f64,
) -> String {
    let mut o = String::new();
    o.push_str(&format!(
        "network      {}  ({nodes} nodes, {edges} edges)\n",
        s.network
    ));
    o.push_str(&format!(
        "model        {}\n",
        serde_json::to_string(&s.model).unwrap_or_default()
    ));
    o.push_str(&format!(
        "seeds        {}   seed {}   runs {}   max steps {}\n",
        s.seeds, s.seed, r.runs, s.max_steps
    ));
    o.push_str(&format!(
        "reach        mean {:.2} ± {:.2} (95% CI {:.2} – {:.2}), std {:.2}, min {}, max {}\n",
        r.reach.mean,
        (r.reach.ci95[1] - r.reach.ci95[0]) / 2.0,
        r.reach.ci95[0],
        r.reach.ci95[1],
        r.reach.std,
        r.reach.min,
        r.reach.max
    ));
    o.push_str(&format!(
        "reach share  {:.2} % of nodes\n",
        100.0 * r.reach_fraction.mean
    ));
    if let (Some(p), Some(t)) = (r.prob_exceed, r.threshold) {
        o.push_str(&format!("P(reach > {t}) = {p:.4}\n"));
    }
    if let Some(m) = &r.metrics {
        o.push_str(&format!(
            "steps        {:.1}   peak {:.1} new at step {:.1}   50% by step {:.1}   90% by step {:.1}\n",
            m.steps, m.peak_new, m.peak_step, m.steps_to_50, m.steps_to_90
        ));
        o.push_str(&format!(
            "cascade      depth {:.2}   widest generation {:.1}   structural virality {}\n",
            m.depth,
            m.widest_generation_size,
            m.structural_virality
                .map_or("–".into(), |v| format!("{v:.3}"))
        ));
        let rs: Vec<String> = m
            .offspring_by_generation
            .iter()
            .take(8)
            .map(|x| format!("{x:.2}"))
            .collect();
        o.push_str(&format!("R by gen     {}\n", rs.join("  ")));
        o.push_str(&format!(
            "by cause     seeds {:.1}   advertising {:.1}   word of mouth {:.1}\n",
            m.reach_seeds, m.reach_advertising, m.reach_word_of_mouth
        ));
    }
    if let Some(c) = &r.campaign {
        o.push_str(&format!(
            "cost         total {:.2} (seeds {:.2}, ads {:.2} for {:.0} impressions); per adopter {}; adopters per unit {}\n",
            c.total_cost.mean,
            c.seed_cost,
            c.ad_cost,
            c.impressions,
            c.cost_per_adopter.map_or("–".into(), |x| format!("{x:.3}")),
            c.reach_per_cost.map_or("–".into(), |x| format!("{x:.3}"))
        ));
    }
    if let Some(segs) = &r.segments {
        for s in segs {
            o.push_str(&format!(
                "segment {:<4} {:.1} of {} reached ({:.1} %)\n",
                s.segment,
                s.reached.mean,
                s.size,
                100.0 * s.fraction
            ));
        }
    }
    o.push_str(&format!(
        "time         {:.1} ms ({:.0} runs/s)\n",
        elapsed_ms,
        r.runs as f64 / (elapsed_ms / 1000.0).max(1e-9)
    ));
    o
}

fn cmd_info(a: &Args) -> Result<String, Fail> {
    a.only(&[
        "graph",
        "generate",
        "directed",
        "seed",
        "format",
        "out",
        "max-nodes",
        "max-edges",
        "max-bytes",
    ])?;
    let seed = a.num::<u64>("seed", "a whole number ≥ 0")?.unwrap_or(1);
    let format = a.get("format").unwrap_or("table");
    if !["json", "table"].contains(&format) {
        return fail(format!("--format: '{format}' is not one of: json, table"));
    }
    let (net, spec) = network(a, None, seed)?;
    let info = network_info(&net);
    if format == "json" {
        let mut v = serde_json::to_value(&info)?;
        v["network"] = serde_json::Value::String(spec.to_string());
        return Ok(serde_json::to_string_pretty(&v)? + "\n");
    }
    let mut o = String::new();
    o.push_str(&format!("network             {spec}\n"));
    o.push_str(&format!("nodes               {}\n", info.nodes));
    o.push_str(&format!(
        "edges               {}{}\n",
        info.edges,
        if info.directed { " (directed)" } else { "" }
    ));
    o.push_str(&format!(
        "weighted            {}\n",
        if info.weighted { "yes" } else { "no" }
    ));
    o.push_str(&format!(
        "degree              min {}  median {}  mean {:.3}  max {}\n",
        info.degree_min, info.degree_median, info.degree_mean, info.degree_max
    ));
    o.push_str(&format!(
        "components          {} (largest {} nodes, {:.1} %), isolated nodes {}\n",
        info.components,
        info.largest_component,
        100.0 * info.largest_component as f64 / info.nodes.max(1) as f64,
        info.isolated_nodes
    ));
    o.push_str(&format!(
        "average clustering  {:.4}\n",
        info.average_clustering
    ));
    if let Some(k) = info.segments {
        o.push_str(&format!("segments            {k}\n"));
    }
    if info.duplicates_merged + info.self_loops_dropped > 0 {
        o.push_str(&format!(
            "cleaned             {} duplicate edges merged, {} self-loops dropped\n",
            info.duplicates_merged, info.self_loops_dropped
        ));
    }
    Ok(o)
}

fn main() -> ExitCode {
    let raw: Vec<String> = std::env::args().skip(1).collect();
    match raw.first().map(String::as_str) {
        None | Some("help") | Some("--help") | Some("-h") => {
            print!("{HELP}");
            return ExitCode::SUCCESS;
        }
        Some("--version") | Some("-V") => {
            println!("viralsim {}", env!("CARGO_PKG_VERSION"));
            return ExitCode::SUCCESS;
        }
        _ => {}
    }
    let result = parse_args(raw).and_then(|a| {
        let out = match a.cmd.as_str() {
            "run" => cmd_run(&a)?,
            "info" => cmd_info(&a)?,
            "compare" => cmd_compare(&a)?,
            "sweep" => cmd_sweep(&a)?,
            other => {
                return fail(format!(
                    "unknown command '{other}' (expected run, info, compare, sweep or help)"
                ))
            }
        };
        match a.get("out") {
            Some(path) => std::fs::write(path, out)
                .map_err(|e| Fail(format!("--out: cannot write '{path}': {e}"))),
            None => {
                let mut so = std::io::stdout().lock();
                let _ = so.write_all(out.as_bytes());
                Ok(())
            }
        }
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Fail(msg)) => {
            eprintln!("error: {msg}");
            ExitCode::from(2)
        }
    }
}

fn scenario_file(path: &str) -> Result<Scenario, Fail> {
    let text =
        std::fs::read_to_string(path).map_err(|e| Fail(format!("{path}: cannot read: {e}")))?;
    let s = scenario_json(&text).map_err(|e| Fail(format!("{path}: {e}")))?;
    s.check_counts().map_err(|e| Fail(format!("{path}: {e}")))?;
    Ok(s)
}

/// A scenario file, or a file the page or the CLI exported that holds one (`{"scenario": …}`:
/// the Monte Carlo JSON, the cascade tree JSON), so that an export replays as it ran.
fn scenario_json(text: &str) -> viralsim::Result<Scenario> {
    if let Ok(serde_json::Value::Object(o)) = serde_json::from_str::<serde_json::Value>(text) {
        if let Some(inner) = o.get("scenario") {
            return Scenario::from_json(&inner.to_string());
        }
    }
    Scenario::from_json(text)
}

fn stem(path: &str) -> String {
    std::path::Path::new(path)
        .file_stem()
        .map_or(path.to_string(), |s| s.to_string_lossy().into_owned())
}

/// `--max-steps` of every command: 1 to [`MAX_STEPS`].
fn max_steps_flag(a: &Args) -> Result<Option<u32>, Fail> {
    match a.num::<i64>("max-steps", "a whole number")? {
        None => Ok(None),
        Some(v) if (1..=MAX_STEPS as i64).contains(&v) => Ok(Some(v as u32)),
        Some(v) => fail(format!(
            "--max-steps: must be from 1 to {MAX_STEPS}, got {v}"
        )),
    }
}

/// `--runs` of compare and sweep: 1 to [`MAX_RUNS`].
fn runs_flag(a: &Args) -> Result<Option<u32>, Fail> {
    match a.num::<i64>("runs", "a whole number")? {
        None => Ok(None),
        Some(v) if (1..=MAX_RUNS as i64).contains(&v) => Ok(Some(v as u32)),
        Some(v) => fail(format!("--runs: must be from 1 to {MAX_RUNS}, got {v}")),
    }
}

fn threads_flag(a: &Args) -> Result<usize, Fail> {
    a.num::<i64>("threads", "a whole number")?
        .map_or(Ok(0), |t| {
            if (1..=1024).contains(&t) {
                Ok(t as usize)
            } else {
                Err(Fail(format!(
                    "--threads: must be between 1 and 1024, got {t}"
                )))
            }
        })
}

fn threshold_flag(a: &Args) -> Result<Option<f64>, Fail> {
    match a.float("threshold")? {
        Some(t) if !t.is_finite() || t < 0.0 => {
            fail(format!("--threshold: must be a node count ≥ 0, got {t}"))
        }
        t => Ok(t),
    }
}

fn cmd_compare(a: &Args) -> Result<String, Fail> {
    a.only(&[
        "graph",
        "directed",
        "runs",
        "seed",
        "max-steps",
        "threads",
        "threshold",
        "format",
        "out",
        "max-nodes",
        "max-edges",
        "max-bytes",
        "segments",
    ])?;
    if !(2..=4).contains(&a.positional.len()) {
        return fail(format!(
            "compare: give 2 to 4 scenario files, got {}",
            a.positional.len()
        ));
    }
    let format = a.get("format").unwrap_or("table");
    if !["json", "csv", "table"].contains(&format) {
        return fail(format!(
            "--format: '{format}' is not one of: json, csv, table"
        ));
    }
    let scenarios: Vec<Scenario> = a
        .positional
        .iter()
        .map(|p| scenario_file(p))
        .collect::<Result<_, _>>()?;
    let first = &scenarios[0];
    let seed = a
        .num::<u64>("seed", "a whole number ≥ 0")?
        .unwrap_or(first.seed);
    let runs = runs_flag(a)?.unwrap_or(first.runs.max(100));
    let max_steps = max_steps_flag(a)?
        .unwrap_or_else(|| scenarios.iter().map(|s| s.max_steps).max().unwrap_or(1000));
    if a.get("graph").is_none() {
        for (s, path) in scenarios.iter().zip(&a.positional).skip(1) {
            if s.network != first.network {
                return fail(format!(
                    "{path}: runs on {} but {} runs on {}: compare needs the same network",
                    s.network, a.positional[0], first.network
                ));
            }
        }
    }
    let dir = std::path::Path::new(&a.positional[0])
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    let (net, net_spec) = network(a, Some((first, dir)), seed)?;
    let net = Arc::new(net);
    let mut sims = Vec::new();
    let mut names: Vec<String> = Vec::new();
    for (s, path) in scenarios.iter().zip(&a.positional) {
        let mut name = stem(path);
        while names.contains(&name) {
            name.push('\'');
        }
        let model = s
            .validated_model()
            .map_err(|e| Fail(format!("{path}: {e}")))?;
        let sim = Simulation::with_limit(
            net.clone(),
            model,
            &s.seeds,
            seed,
            s.campaign.clone(),
            max_steps,
        )
        .map_err(|e| Fail(format!("{path}: {e}")))?;
        names.push(name.clone());
        sims.push((name, sim));
    }
    let cfg = MonteCarloConfig {
        runs,
        max_steps,
        threads: threads_flag(a)?,
        threshold: threshold_flag(a)?,
        metrics: true,
    };
    let mut progress = Progress {
        start: Instant::now(),
        shown: false,
        tty: std::io::stderr().is_terminal(),
    };
    let t0 = Instant::now();
    let c = viralsim::compare::compare(&sims, seed, &cfg, &mut |d, t| progress.update(d, t))?;
    progress.finish();
    let elapsed_ms = t0.elapsed().as_secs_f64() * 1000.0;
    Ok(match format {
        "json" => {
            let set: Vec<Scenario> = scenarios
                .iter()
                .map(|s| Scenario { seed, ..s.clone() })
                .collect();
            let text = viralsim::report::compare_json(
                &c,
                &net_spec.to_string(),
                net.node_count(),
                &set,
                elapsed_ms,
            );
            let mut v: serde_json::Value = serde_json::from_str(&text)?;
            v["scenario_files"] = serde_json::to_value(&a.positional)?;
            serde_json::to_string_pretty(&v)? + "\n"
        }
        "csv" => viralsim::report::compare_csv(&c),
        _ => {
            let mut o = format!(
                "network {}  ({} nodes)   runs {}   seed {}\n\n",
                net_spec,
                net.node_count(),
                c.runs,
                c.seed
            );
            o.push_str(&format!(
                "{:<18} {:>24} {:>12} {:>12} {:>14}\n",
                "scenario", "reach (95% CI)", "P(reach>X)", "50% by step", "cost/adopter"
            ));
            for sc in &c.scenarios {
                o.push_str(&format!(
                    "{:<18} {:>24} {:>12} {:>12.1} {:>14}\n",
                    sc.name,
                    format!(
                        "{:.1} ({:.1}–{:.1})",
                        sc.reach.mean, sc.reach.ci95[0], sc.reach.ci95[1]
                    ),
                    sc.prob_exceed.map_or("–".into(), |p| format!("{:.3}", p)),
                    sc.steps_to_50,
                    sc.cost_per_adopter
                        .map_or("–".into(), |x| format!("{x:.2}"))
                ));
            }
            o.push('\n');
            for p in &c.pairs {
                o.push_str(&format!(
                    "{} − {}: {:+.2} (95% CI {:+.2} to {:+.2}), P({} better) = {:.3}\n",
                    p.a, p.b, p.mean_difference, p.ci95[0], p.ci95[1], p.a, p.prob_a_better
                ));
            }
            o.push_str(&format!(
                "\nbest: {} (probability it beats each other one: at least {:.3})\n",
                c.best, c.best_probability
            ));
            o.push_str(&format!("time {:.0} ms\n", elapsed_ms));
            o
        }
    })
}

/// Values of a sweep flag: `a,b,c` or `start:stop:step` (inclusive).
fn sweep_values(flag: &str, raw: &str) -> Result<Vec<String>, Fail> {
    if raw.contains(':') {
        let parts: Vec<&str> = raw.split(':').collect();
        let nums: Vec<f64> = parts
            .iter()
            .map(|x| x.trim().parse::<f64>())
            .collect::<Result<_, _>>()
            .map_err(|_| Fail(format!("--{flag}: '{raw}' should be start:stop:step")))?;
        if nums.len() != 3
            || nums[2] <= 0.0
            || nums[1] < nums[0]
            || !nums.iter().all(|x| x.is_finite())
        {
            return fail(format!(
                "--{flag}: '{raw}' should be start:stop:step with step > 0 and stop ≥ start"
            ));
        }
        let count = ((nums[1] - nums[0]) / nums[2] + 1e-9).floor() as usize + 1;
        if count > 1000 {
            return fail(format!(
                "--{flag}: '{raw}' makes {count} values (at most 1000)"
            ));
        }
        Ok((0..count)
            .map(|i| format!("{}", ((nums[0] + i as f64 * nums[2]) * 1e10).round() / 1e10))
            .collect())
    } else {
        Ok(raw.split(',').map(|x| x.trim().to_string()).collect())
    }
}

fn cmd_sweep(a: &Args) -> Result<String, Fail> {
    a.only(&[
        "graph",
        "generate",
        "directed",
        "model",
        "p",
        "q",
        "beta",
        "gamma",
        "theta",
        "k",
        "seeds",
        "runs",
        "seed",
        "max-steps",
        "threads",
        "threshold",
        "format",
        "out",
        "max-nodes",
        "max-edges",
        "max-bytes",
    ])?;
    let format = a.get("format").unwrap_or("csv");
    if !["json", "csv", "table"].contains(&format) {
        return fail(format!(
            "--format: '{format}' is not one of: json, csv, table"
        ));
    }
    let seed = a.num::<u64>("seed", "a whole number ≥ 0")?.unwrap_or(1);
    let runs = runs_flag(a)?.unwrap_or(100);
    let max_steps = max_steps_flag(a)?.unwrap_or(1000);
    let seeding: Seeding = a
        .get("seeds")
        .ok_or_else(|| Fail("--seeds: required".into()))?
        .parse()
        .map_err(|e| Fail(format!("--{e}")))?;
    let swept: Vec<(String, Vec<String>)> = ["p", "q", "beta", "gamma", "theta", "k"]
        .iter()
        .filter_map(|f| {
            a.get(f)
                .map(|v| sweep_values(f, v).map(|vals| (f.to_string(), vals)))
        })
        .collect::<Result<_, _>>()?;
    let combos: usize = swept.iter().map(|(_, v)| v.len()).product();
    if combos > 1000 {
        return fail(format!("sweep: {combos} combinations (at most 1000)"));
    }
    let (net, net_spec) = network(a, None, seed)?;
    let net = Arc::new(net);
    let cfg = MonteCarloConfig {
        runs,
        max_steps,
        threads: threads_flag(a)?,
        threshold: threshold_flag(a)?,
        metrics: false,
    };
    let mut rows = Vec::new();
    let mut progress = Progress {
        start: Instant::now(),
        shown: false,
        tty: std::io::stderr().is_terminal(),
    };
    for i in 0..combos {
        // the i-th combination, last flag fastest
        let mut rest = i;
        let mut values = vec![String::new(); swept.len()];
        for (j, (_, vals)) in swept.iter().enumerate().rev() {
            values[j] = vals[rest % vals.len()].clone();
            rest /= vals.len();
        }
        let mut one = Args {
            cmd: a.cmd.clone(),
            flags: a.flags.clone(),
            positional: Vec::new(),
        };
        for ((flag, _), v) in swept.iter().zip(&values) {
            for f in one.flags.iter_mut() {
                if &f.0 == flag {
                    f.1 = Some(v.clone());
                }
            }
        }
        let spec = model_spec(&one, None)?;
        let model = Model::try_from(spec.clone()).map_err(flag_error)?;
        // sweep takes no campaign flags (`a.only` above), so every point runs without one
        let sim = Simulation::with_limit(
            net.clone(),
            model,
            &seeding,
            seed,
            Default::default(),
            max_steps,
        )
        .map_err(flag_error)?;
        let r = monte_carlo(&sim, seed, &cfg, &mut |_, _| {})?;
        progress.update((i + 1) as u32, combos as u32);
        rows.push((values, r));
    }
    progress.finish();
    let names: Vec<&str> = swept.iter().map(|(f, _)| f.as_str()).collect();
    Ok(match format {
        "json" => {
            let list: Vec<serde_json::Value> = rows
                .iter()
                .map(|(vals, r)| {
                    let mut v = serde_json::json!({
                        "reach": r.reach, "reach_fraction": r.reach_fraction, "prob_exceed": r.prob_exceed,
                    });
                    for (n, x) in names.iter().zip(vals) {
                        v[*n] = x.parse::<f64>().map(serde_json::Value::from).unwrap_or_else(|_| x.clone().into());
                    }
                    v
                })
                .collect();
            serde_json::to_string_pretty(&serde_json::json!({
                "network": net_spec.to_string(), "model": a.get("model"), "seeds": seeding.to_string(),
                "runs": runs, "seed": seed, "rows": list,
            }))? + "\n"
        }
        _ => {
            let sep = if format == "csv" { "," } else { "  " };
            let mut o = names.join(sep);
            o.push_str(&format!("{sep}reach_mean{sep}reach_std{sep}reach_ci95_low{sep}reach_ci95_high{sep}reach_fraction{sep}prob_exceed\n"));
            for (vals, r) in &rows {
                o.push_str(&vals.join(sep));
                o.push_str(&format!(
                    "{sep}{:.4}{sep}{:.4}{sep}{:.4}{sep}{:.4}{sep}{:.6}{sep}{}\n",
                    r.reach.mean,
                    r.reach.std,
                    r.reach.ci95[0],
                    r.reach.ci95[1],
                    r.reach_fraction.mean,
                    r.prob_exceed.map_or(String::new(), |p| p.to_string())
                ));
            }
            o
        }
    })
}

/// The campaign from flags, over the scenario's: --ad-impressions N --ad-conversion C
/// --ad-steps T [--ad-segment S], --cost-per-seed X --cost-per-degree Y --cost-per-impression Z.
fn campaign_flags(
    a: &Args,
    mut c: viralsim::campaign::Campaign,
) -> Result<viralsim::campaign::Campaign, Fail> {
    let ad_flags = ["ad-impressions", "ad-conversion", "ad-steps", "ad-segment"];
    if ad_flags.iter().any(|f| a.has(f)) {
        let mut ads = c.ads.clone().unwrap_or(viralsim::campaign::Ads {
            impressions_per_step: 0,
            conversion: 0.0,
            steps: 0,
            segment: None,
        });
        if let Some(n) = a.num::<u32>("ad-impressions", "a whole number ≥ 0")? {
            ads.impressions_per_step = n;
        }
        if let Some(x) = a.float("ad-conversion")? {
            ads.conversion = x;
        }
        if let Some(t) = a.num::<u32>("ad-steps", "a whole number ≥ 0")? {
            ads.steps = t;
        }
        if let Some(s) = a.num::<u16>("ad-segment", "a segment number")? {
            ads.segment = Some(s);
        }
        if c.ads.is_none() {
            for (flag, missing) in [
                ("ad-impressions", !a.has("ad-impressions")),
                ("ad-conversion", !a.has("ad-conversion")),
                ("ad-steps", !a.has("ad-steps")),
            ] {
                if missing {
                    return fail(format!(
                        "--{flag}: ads need --ad-impressions, --ad-conversion and --ad-steps"
                    ));
                }
            }
        }
        c.ads = Some(ads);
    }
    if a.has("half-life") || a.has("fatigue") {
        let d = c.decay.get_or_insert_with(Default::default);
        if let Some(h) = a.float("half-life")? {
            d.half_life = Some(h);
        }
        if let Some(f) = a.float("fatigue")? {
            d.fatigue = f;
        }
    }
    if let Some(raw) = a.get("stickiness") {
        let v: Result<Vec<f64>, _> = raw.split('/').map(|x| x.trim().parse::<f64>()).collect();
        c.stickiness = Some(v.map_err(|_| {
            Fail(format!(
                "--stickiness: '{raw}' should be one number per segment separated by '/', e.g. 1/0.5/2"
            ))
        })?);
    }
    if let Some(q) = a.float("post-probability")? {
        c.post_probability = Some(q);
    }
    if let Some(s) = a.num::<u16>("seed-segment", "a segment number")? {
        c.seed_segment = Some(s);
    }
    use viralsim::campaign::{Action, Intervention};
    if let Some(raw) = a.get("boost-at") {
        for t in raw.split(',') {
            let step = t.trim().parse::<u32>().map_err(|_| {
                Fail(format!(
                    "--boost-at: '{t}' is not a step number (e.g. --boost-at 5,10)"
                ))
            })?;
            c.interventions.push(Intervention {
                step,
                action: Action::Boost,
                nodes: None,
            });
        }
    }
    for (flag, action) in [("mute", Action::Mute), ("debunk", Action::Debunk)] {
        if let Some(raw) = a.get(flag) {
            let (t, who) = raw.split_once(':').unwrap_or((raw, ""));
            let step = t.trim().parse::<u32>().map_err(|_| {
                Fail(format!(
                    "--{flag}: '{raw}' should be STEP:NODES, e.g. --{flag} 3:top-degree:5"
                ))
            })?;
            let nodes = who.parse().map_err(|e| Fail(format!("--{flag}: {e}")))?;
            c.interventions.push(Intervention {
                step,
                action,
                nodes: Some(nodes),
            });
        }
    }
    for (flag, slot) in [
        ("cost-per-seed", &mut c.costs.per_seed),
        ("cost-per-degree", &mut c.costs.per_seed_degree),
        ("cost-per-impression", &mut c.costs.per_impression),
    ] {
        if let Some(x) = a.float(flag)? {
            *slot = x;
        }
    }
    Ok(c)
}

/// Names a campaign field by the flag that sets it (`campaign.costs.per_seed` → `--cost-per-seed`).
fn campaign_error(e: viralsim::Error) -> Fail {
    let msg = e.to_string();
    for (field, flag) in [
        ("campaign.costs.per_seed_degree", "--cost-per-degree"),
        ("campaign.costs.per_seed", "--cost-per-seed"),
        ("campaign.costs.per_impression", "--cost-per-impression"),
        ("campaign.ads.conversion", "--ad-conversion"),
        ("campaign.ads.segment", "--ad-segment"),
        ("campaign.decay.half_life", "--half-life"),
        ("campaign.decay.fatigue", "--fatigue"),
        ("campaign.stickiness", "--stickiness"),
        ("campaign.post_probability", "--post-probability"),
        ("campaign.seed_segment", "--seed-segment"),
    ] {
        if let Some(rest) = msg.strip_prefix(field) {
            return Fail(format!("{flag}{rest}"));
        }
    }
    Fail(msg)
}
