//! Browser bindings of viralsim: a thin newtype over the core's `Simulation`, its layout and its
//! Monte Carlo. No logic of its own: every fallible call throws the core's error as a JS
//! `Error` whose message names the field or line (the CLI's English text) and which carries the
//! core's [`viralsim::error::ErrorReport`]: `field` (the field path), `line`, `code` (a stable
//! snake_case name) and `values` (the values of the message), so that the page routes it to its
//! control and says it in its own language. Nothing panics (the panic hook is only a backstop).
//!
//! # Buffers shared with JavaScript (views over `memory.buffer`, rebuilt after any call that
//! may allocate: `new`, `step`, `run`, `reset`, `seedNode`, `layoutStep`, `monteCarlo`)
//!
//! | pointer | length | layout |
//! |---|---|---|
//! | `statesPtr()` | `nodeCount()` bytes | `u8` state per node, node-id order: 0 not reached, 1 active, 2 removed |
//! | `positionsPtr()` | `2 × nodeCount()` f32 | x then y per node, node-id order, world units (edge length ≈ 1) |
//! | `transmissionsPtr()` | `2 × transmissionsLen()` u32 | source then target, for the transmissions of the last `step`/`run` call |
//! | `historyPtr()` | `3 × historyLen()` u32 | per step (0 = after seeding): count susceptible, active, removed |
//! | `recordsPtr()` | `4 × nodeCount()` u32 | per node: adopted_at, parent, generation, position (`0xFFFFFFFF` = none, `…FE` = seed, `…FD` = advertising) |
//!
//! # Two builds
//! With the `page` feature (the default) everything below; without it, the `<viral-sim>`
//! element's wasm (`scripts/build-web.sh`): the same exports, so that one JS glue serves both,
//! but what the element never calls — the file readers and writers, Monte Carlo, comparisons,
//! theory, cascade metrics, report files, address writing and live actions — answers with a
//! `not_in_widget` error instead of its code.
#![cfg(target_arch = "wasm32")]
// the widget build's stubs leave their parameters and helpers unused
#![cfg_attr(
    not(feature = "page"),
    allow(unused_variables, unused_imports, dead_code)
)]

use serde::Serialize;

use viralsim::error::Code;
use viralsim::io::Limits;
use viralsim::layout::Layout;
use viralsim::montecarlo::{monte_carlo, MonteCarloConfig, Tally};
use viralsim::state::Transmission;
use viralsim::Scenario;
use wasm_bindgen::prelude::*;

/// Size limits of the page: larger networks belong to the CLI (one thread: wasm has one).
pub const PAGE_LIMITS: Limits = Limits {
    max_nodes: 200_000,
    max_edges: 2_000_000,
    max_bytes: 128 << 20,
    threads: 1,
};

#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// The core's error as a JS `Error`: its `message` is the English text, and it carries
/// `field` (the field path, or null), `line`, `code` (a stable snake_case name) and `values`
/// (the values of the message), so that the page can route it to its control and translate it.
fn js_err(e: viralsim::Error) -> JsValue {
    let err = js_sys::Error::new(&e.to_string());
    let report = to_js(&e.report());
    if report.is_object() {
        js_sys::Object::assign(&err, report.unchecked_ref());
    }
    err.into()
}

/// A value as a JS object, through JSON text (`JSON.parse`): the same shapes as the CLI's JSON
/// output, and one serializer in the wasm instead of two (a non-finite number is `null`, as in
/// the CLI's files).
fn to_js<T: Serialize>(v: &T) -> JsValue {
    serde_json::to_string(v)
        .ok()
        .and_then(|text| js_sys::JSON::parse(&text).ok())
        .unwrap_or(JsValue::NULL)
}

/// Reads a JS object through JSON, so that serde's checks apply exactly as in the CLI
/// (serde-wasm-bindgen reads struct fields by name and would silently ignore unknown ones).
fn from_js<T: serde::de::DeserializeOwned>(what: &str, v: &JsValue) -> Result<T, JsValue> {
    let text: String = js_sys::JSON::stringify(v)
        .map_err(|_| js_err(viralsim::Error::new(what, Code::NotAnObject)))?
        .into();
    serde_json::from_str(&text).map_err(|e| js_err(viralsim::Error::json(what, &e)))
}

/// What the widget's wasm (built without the `page` feature) answers where the page's extras
/// would be: same exports, so that both wasm files share one JS glue.
#[cfg(not(feature = "page"))]
fn not_in_widget(field: &str, feature: &str) -> JsValue {
    js_err(viralsim::Error::new(
        field,
        Code::NotInWidget {
            feature: feature.to_string(),
        },
    ))
}

fn seed_from(x: f64) -> Result<u64, JsValue> {
    viralsim::bounds::seed_from_f64(x).map_err(js_err)
}

/// Tallies travel as JSON text between the workers and the page.
fn tally_text(t: &Tally) -> Result<String, JsValue> {
    serde_json::to_string(t).map_err(|e| js_err(viralsim::Error::json("runs", &e)))
}

/// A simulation on one network, with its layout.
#[wasm_bindgen]
pub struct Simulation {
    sim: viralsim::Simulation,
    scenario: Scenario,
    layout: Layout,
    tx: Vec<Transmission>,
    counts: Vec<[u32; 3]>,
    /// The last Monte Carlo and comparison summarised here, for their downloads.
    last_mc: Option<viralsim::montecarlo::MonteCarloResult>,
    last_cmp: Option<viralsim::compare::Comparison>,
}

#[wasm_bindgen]
impl Simulation {
    /// Builds the network and places the seeds. `scenario` is the scenario object
    /// (`{network, model, seeds, seed, max_steps?, runs?}`); `text` is the network file for a
    /// `file:` network (any format the core reads) or ego-Facebook's for `facebook`; `segments`
    /// the text of its segments file (a `file:…,segments=NAME` network); `nodes` the text of a
    /// Gephi node table (a `file:…,nodes=NAME` network).
    #[wasm_bindgen(constructor)]
    pub fn new(
        scenario: JsValue,
        text: Option<String>,
        segments: Option<String>,
        nodes: Option<String>,
    ) -> Result<Simulation, JsValue> {
        let scenario: Scenario = from_js("scenario", &scenario)?;
        let texts = viralsim::build::FileTexts {
            file: text.as_deref(),
            segments: segments.as_deref(),
            nodes: nodes.as_deref(),
        };
        let sim = scenario.build_texts(&texts, &PAGE_LIMITS).map_err(js_err)?;
        let n = sim.network().node_count();
        let counts = sim.history().counts.clone();
        Ok(Simulation {
            sim,
            scenario,
            layout: Layout::new(n),
            tx: Vec::new(),
            counts,
            last_mc: None,
            last_cmp: None,
        })
    }

    /// Advances up to `n` steps (fewer when the run finishes); returns the steps taken. The
    /// transmissions of all these steps are in the transmissions buffer.
    pub fn step(&mut self, n: u32) -> u32 {
        self.tx.clear();
        let mut k = 0;
        while k < n && !self.sim.is_finished() {
            let t = self.sim.step();
            self.tx.extend_from_slice(t);
            k += 1;
        }
        self.counts.clone_from(&self.sim.history().counts);
        k
    }

    /// Steps until nothing can change or `max_steps` steps were taken.
    pub fn run(&mut self, max_steps: u32) -> u32 {
        self.step(max_steps)
    }

    /// Back to step 0 on the same network, with scenario seed `seed`.
    pub fn reset(&mut self, seed: f64) -> Result<(), JsValue> {
        let seed = seed_from(seed)?;
        self.sim.reset(seed);
        self.scenario.seed = seed;
        self.tx.clear();
        self.counts.clone_from(&self.sim.history().counts);
        Ok(())
    }

    /// Makes node `id` (an index) a seed now; `false` if it had already adopted.
    #[wasm_bindgen(js_name = seedNode)]
    pub fn seed_node(&mut self, id: u32) -> Result<bool, JsValue> {
        let r = self.sim.seed_node(id).map_err(js_err)?;
        self.counts.clone_from(&self.sim.history().counts);
        Ok(r)
    }

    /// The brand posts again now (see `viralsim::campaign`); returns the seeds re-activated.
    /// Throws, naming `boost`, in a model where a re-post means nothing (the scheduled boost's
    /// rule).
    #[wasm_bindgen(js_name = boostNow)]
    pub fn boost_now(&mut self) -> Result<u32, JsValue> {
        #[cfg(not(feature = "page"))]
        return Err(not_in_widget("boost", "live actions"));
        #[cfg(feature = "page")]
        {
            let k = self.sim.boost_now().map_err(js_err)?;
            self.counts.clone_from(&self.sim.history().counts);
            Ok(k)
        }
    }

    /// Mutes node `id` (an index) from now on: it passes nothing on.
    #[wasm_bindgen(js_name = muteNode)]
    pub fn mute_node(&mut self, id: u32) -> Result<(), JsValue> {
        #[cfg(not(feature = "page"))]
        return Err(not_in_widget("mute", "live actions"));
        #[cfg(feature = "page")]
        {
            self.sim.mute_node(id).map_err(js_err)
        }
    }

    /// Makes node `id` a stifler (rumour) or immune (SIR/SIS) now.
    #[wasm_bindgen(js_name = debunkNode)]
    pub fn debunk_node(&mut self, id: u32) -> Result<(), JsValue> {
        #[cfg(not(feature = "page"))]
        return Err(not_in_widget("debunk", "live actions"));
        #[cfg(feature = "page")]
        {
            self.sim.debunk_node(id).map_err(js_err)?;
            self.counts.clone_from(&self.sim.history().counts);
            Ok(())
        }
    }

    /// Whether node `id` is muted.
    #[wasm_bindgen(js_name = isMuted)]
    pub fn is_muted(&self, id: u32) -> bool {
        self.sim.is_muted(id)
    }

    /// Number of audience segments (0: the network has none).
    #[wasm_bindgen(js_name = segmentCount)]
    pub fn segment_count(&self) -> u32 {
        self.sim.network().segment_count() as u32
    }

    /// The segments' names, in segment order (from a node attribute or a segments file of
    /// names), or null when the segments are numbered.
    #[wasm_bindgen(js_name = segmentNames)]
    pub fn segment_names(&self) -> JsValue {
        match self.sim.network().segment_names() {
            Some(names) => to_js(&names),
            None => JsValue::NULL,
        }
    }

    /// Per step so far: cumulative reach and, of it, the people convinced by ads (flat pairs).
    #[wasm_bindgen(js_name = reachByCause)]
    pub fn reach_by_cause(&self) -> Vec<u32> {
        viralsim::metrics::reach_by_cause(&self.sim).concat()
    }

    #[wasm_bindgen(js_name = nodeCount)]
    pub fn node_count(&self) -> u32 {
        self.sim.network().node_count() as u32
    }
    #[wasm_bindgen(js_name = edgeCount)]
    pub fn edge_count(&self) -> u32 {
        self.sim.network().edge_count() as u32
    }
    #[wasm_bindgen(js_name = stepCount)]
    pub fn step_count(&self) -> u32 {
        self.sim.step_count()
    }
    pub fn reach(&self) -> u32 {
        self.sim.reach()
    }
    #[wasm_bindgen(js_name = isFinished)]
    pub fn is_finished(&self) -> bool {
        self.sim.is_finished()
    }
    /// Names of the three states for this model.
    #[wasm_bindgen(js_name = stateNames)]
    pub fn state_names(&self) -> JsValue {
        to_js(&self.sim.model().state_names())
    }
    /// The scenario as it runs now (normalised: the same object gives the same run).
    pub fn scenario(&self) -> JsValue {
        to_js(&self.scenario)
    }
    /// The seeds of this run, as node indices.
    pub fn seeds(&self) -> Vec<u32> {
        self.sim.seeds().to_vec()
    }

    #[wasm_bindgen(js_name = statesPtr)]
    pub fn states_ptr(&self) -> *const u8 {
        self.sim.states().as_ptr()
    }
    #[wasm_bindgen(js_name = positionsPtr)]
    pub fn positions_ptr(&self) -> *const f32 {
        self.layout.positions().as_ptr()
    }
    #[wasm_bindgen(js_name = transmissionsPtr)]
    pub fn transmissions_ptr(&self) -> *const u32 {
        self.tx.as_ptr() as *const u32
    }
    #[wasm_bindgen(js_name = transmissionsLen)]
    pub fn transmissions_len(&self) -> u32 {
        self.tx.len() as u32
    }
    #[wasm_bindgen(js_name = historyPtr)]
    pub fn history_ptr(&self) -> *const u32 {
        self.counts.as_ptr() as *const u32
    }
    #[wasm_bindgen(js_name = historyLen)]
    pub fn history_len(&self) -> u32 {
        self.counts.len() as u32
    }
    #[wasm_bindgen(js_name = recordsPtr)]
    pub fn records_ptr(&self) -> *const u32 {
        self.sim.records().as_ptr() as *const u32
    }

    /// The edges as pairs of node indices (a copy: it does not change).
    pub fn edges(&self) -> Vec<u32> {
        let net = self.sim.network();
        let mut out = Vec::with_capacity(2 * net.edge_count());
        for u in 0..net.node_count() as u32 {
            for &v in net.neighbors(u) {
                if net.is_directed() || u < v {
                    out.push(u);
                    out.push(v);
                }
            }
        }
        out
    }

    /// Runs `iterations` layout iterations; returns the current temperature (the largest move
    /// per iteration: the picture has settled when it is below about 0.05).
    #[wasm_bindgen(js_name = layoutStep)]
    pub fn layout_step(&mut self, iterations: u32) -> f32 {
        self.layout.step(self.sim.network(), iterations);
        self.layout.temperature()
    }

    /// Starts the layout from given positions (2 × f32 per node) at a given temperature, e.g.
    /// to keep the picture when only the model changes.
    #[wasm_bindgen(js_name = setPositions)]
    pub fn set_positions(&mut self, positions: &[f32], temperature: f32) -> Result<(), JsValue> {
        self.layout
            .set_positions(positions, temperature)
            .map_err(js_err)
    }

    /// The current run's cascade tree: every adopter in order of adoption, with who told it and
    /// when (`told_by` is null for seeds and advertising; `cause` says which).
    #[wasm_bindgen(js_name = cascadeTree)]
    pub fn cascade_tree(&self) -> Result<JsValue, JsValue> {
        #[cfg(not(feature = "page"))]
        return Err(not_in_widget("metrics", "cascade metrics"));
        #[cfg(feature = "page")]
        Ok(to_js(&viralsim::metrics::cascade_tree(&self.sim)))
    }

    /// Cascade metrics of the current run.
    pub fn metrics(&self) -> Result<JsValue, JsValue> {
        #[cfg(not(feature = "page"))]
        return Err(not_in_widget("metrics", "cascade metrics"));
        #[cfg(feature = "page")]
        Ok(to_js(&viralsim::metrics::cascade_metrics(&self.sim)))
    }

    /// What theory expects of this simulation's network and model, without simulating: the
    /// object `viralsim theory --format json` prints for them (`network`, `model`, `nodes`,
    /// `mean_degree`, `threshold`, and where the model has them `transmissibility`,
    /// `final_size`, `outbreak_probability`, `small_outbreak_mean`, `expected_reach_fraction`,
    /// Bass's `curve` {`closed_form`, `discrete`} and `peak`, the rumour's `never_hear`, SIR's
    /// `mean_field` on a complete graph, a `note` in English and its stable codes `notes`); a field
    /// that does not apply is absent.
    /// `steps`: the curves' steps, by default the scenario's `max_steps` (throws, naming
    /// `max_steps`, when 0 or over 1,000,000).
    pub fn theory(&self, steps: Option<u32>) -> Result<JsValue, JsValue> {
        #[cfg(not(feature = "page"))]
        return Err(not_in_widget("theory", "theory"));
        #[cfg(feature = "page")]
        {
            let steps = steps.unwrap_or(self.scenario.max_steps);
            let t = viralsim::analysis::theory(self.sim.network(), self.sim.model(), steps)
                .map_err(js_err)?;
            let mut v = serde_json::to_value(&t)
                .map_err(|e| js_err(viralsim::Error::json("theory", &e)))?;
            v["network"] = serde_json::Value::String(self.scenario.network.to_string());
            Ok(to_js(&v))
        }
    }

    /// The network with each person's result at this point of the run as node attributes
    /// (`state`, `step_adopted`, `told_by`, `generation`, `cause`, `segment`), in `format`:
    /// `gexf` or `graphml` (or `gml`, `json`, `pajek`, `gephi-csv`, `edge-list`).
    /// The widget's wasm answers with a `not_in_widget` error.
    #[wasm_bindgen(js_name = exportNetwork)]
    pub fn export_network(&self, format: &str) -> Result<String, JsValue> {
        let f: viralsim::formats::Format = format.parse().map_err(js_err)?;
        #[cfg(feature = "page")]
        {
            let net = self.sim.network();
            let results = viralsim::formats::write::result_attributes(
                net,
                self.sim.states(),
                self.sim.records(),
            );
            Ok(viralsim::formats::write::write_network(net, f, &results))
        }
        #[cfg(not(feature = "page"))]
        {
            Err(not_in_widget("format", "file writers"))
        }
    }

    /// Everything the tooltip shows about node `id`.
    #[wasm_bindgen(js_name = nodeInfo)]
    pub fn node_info(&self, id: u32) -> Result<JsValue, JsValue> {
        viralsim::metrics::node_info(&self.sim, id)
            .map(|i| to_js(&i))
            .map_err(js_err)
    }

    /// Monte Carlo of this scenario with `runs` runs from scenario seed `seed` (one after
    /// another in this thread); `threshold` (a node count, or a negative number for none)
    /// adds P(reach > threshold). Returns the summary object (reach, curve, metrics, ...).
    #[wasm_bindgen(js_name = monteCarlo)]
    pub fn monte_carlo(
        &self,
        runs: u32,
        seed: f64,
        threshold: f64,
        metrics: bool,
    ) -> Result<JsValue, JsValue> {
        #[cfg(not(feature = "page"))]
        return Err(not_in_widget("runs", "Monte Carlo"));
        #[cfg(feature = "page")]
        {
            let seed = seed_from(seed)?;
            let cfg = self.mc_config(runs, threshold, metrics);
            let res =
                monte_carlo(&self.mc_base(seed), seed, &cfg, &mut |_, _| {}).map_err(js_err)?;
            Ok(mc_out(&res))
        }
    }

    /// Runs `start..end` of the Monte Carlo with scenario seed `seed` and returns their tally as
    /// JSON text (for a Web Worker; the page joins the blocks with `summariseRuns`). Its size
    /// does not grow with the runs' lengths.
    #[wasm_bindgen(js_name = monteCarloRuns)]
    pub fn monte_carlo_runs(
        &self,
        seed: f64,
        start: u32,
        end: u32,
        metrics: bool,
    ) -> Result<String, JsValue> {
        #[cfg(not(feature = "page"))]
        return Err(not_in_widget("runs", "Monte Carlo"));
        #[cfg(feature = "page")]
        {
            let seed = seed_from(seed)?;
            viralsim::bounds::check_run_range(start, end).map_err(js_err)?;
            let cfg = self.mc_config(end - start, -1.0, metrics);
            let t = viralsim::montecarlo::tally_runs(
                &self.mc_base(seed),
                seed,
                start as u64..end as u64,
                &cfg,
            );
            tally_text(&t)
        }
    }

    /// Summarises runs `0..n` computed in blocks (an array of `monteCarloRuns` tallies, in run
    /// order): the same numbers as `monteCarlo(n, …)` and as the CLI.
    #[wasm_bindgen(js_name = summariseRuns)]
    pub fn summarise_runs(
        &mut self,
        pieces: JsValue,
        seed: f64,
        threshold: f64,
        metrics: bool,
    ) -> Result<JsValue, JsValue> {
        #[cfg(not(feature = "page"))]
        return Err(not_in_widget("runs", "Monte Carlo"));
        #[cfg(feature = "page")]
        {
            let seed = seed_from(seed)?;
            let tally = joined(from_js::<Vec<String>>("runs", &pieces)?)?;
            let cfg = self.mc_config(tally.runs() as u32, threshold, metrics);
            let r = viralsim::montecarlo::summarise(&self.mc_base(seed), tally, seed, &cfg)
                .map_err(js_err)?;
            let out = mc_out(&r);
            self.last_mc = Some(r);
            Ok(out)
        }
    }

    /// The last `summariseRuns` as the CLI's `--format csv` file (one row per step).
    #[wasm_bindgen(js_name = monteCarloCsv)]
    pub fn monte_carlo_csv(&self) -> Result<String, JsValue> {
        #[cfg(not(feature = "page"))]
        return Err(not_in_widget("runs", "report files"));
        #[cfg(feature = "page")]
        {
            let r = self.last_mc()?;
            Ok(viralsim::report::monte_carlo_csv(r))
        }
    }

    /// The last `summariseRuns` as the CLI's `--format json` file, for `scenario` (the object
    /// the runs were made from) and the milliseconds they took.
    #[wasm_bindgen(js_name = monteCarloJson)]
    pub fn monte_carlo_json(&self, scenario: JsValue, elapsed_ms: f64) -> Result<String, JsValue> {
        #[cfg(not(feature = "page"))]
        return Err(not_in_widget("runs", "report files"));
        #[cfg(feature = "page")]
        {
            let r = self.last_mc()?;
            let scenario: Scenario = from_js("scenario", &scenario)?;
            let net = self.sim.network();
            Ok(viralsim::report::monte_carlo_json(
                &viralsim::report::RunContext {
                    scenario: &scenario,
                    nodes: net.node_count(),
                    edges: net.edge_count(),
                    states: self.sim.model().state_names(),
                    history: None,
                    elapsed_ms,
                },
                r,
            ))
        }
    }
}

/// Joins consecutive blocks of runs (`monteCarloRuns` JSON texts, in run order) into one block,
/// so that a worker hands the page one small tally instead of many.
#[wasm_bindgen(js_name = joinTallies)]
pub fn join_tallies(pieces: JsValue) -> Result<String, JsValue> {
    #[cfg(not(feature = "page"))]
    return Err(not_in_widget("runs", "Monte Carlo"));
    #[cfg(feature = "page")]
    {
        let t = joined(from_js::<Vec<String>>("runs", &pieces)?)?;
        tally_text(&t)
    }
}

/// Joins blocks of runs (`monteCarloRuns` JSON texts) given in run order.
fn joined(pieces: Vec<String>) -> Result<Tally, JsValue> {
    let mut all: Option<Tally> = None;
    for p in pieces {
        let t: Tally =
            serde_json::from_str(&p).map_err(|e| js_err(viralsim::Error::json("runs", &e)))?;
        match all.as_mut() {
            None => all = Some(t),
            Some(a) => a.merge(t).map_err(js_err)?,
        }
    }
    Ok(all.unwrap_or_default())
}

#[wasm_bindgen]
impl Simulation {
    /// Compares 2 to 4 scenarios run on this network with the same runs and seed: an array per
    /// scenario of `monteCarloRuns` tallies (computed with per-run metrics), their names, the
    /// seed and a threshold for P(reach > threshold) (negative: none). The numbers are those of
    /// `viralsim compare`.
    #[wasm_bindgen(js_name = compareRuns)]
    pub fn compare_runs(
        &mut self,
        per_scenario: JsValue,
        names: JsValue,
        seed: f64,
        threshold: f64,
    ) -> Result<JsValue, JsValue> {
        #[cfg(not(feature = "page"))]
        return Err(not_in_widget("compare", "comparisons"));
        #[cfg(feature = "page")]
        {
            let seed = seed_from(seed)?;
            let per: Vec<Vec<String>> = from_js("runs", &per_scenario)?;
            let names: Vec<String> = from_js("names", &names)?;
            let base = self.mc_base(seed);
            let mut results = Vec::with_capacity(per.len());
            for pieces in per {
                let tally = joined(pieces)?;
                let cfg = self.mc_config(tally.runs() as u32, threshold, true);
                results.push(
                    viralsim::montecarlo::summarise(&base, tally, seed, &cfg).map_err(js_err)?,
                );
            }
            let c = viralsim::compare::compare_results(&names, &results).map_err(js_err)?;
            let out = to_js(&c);
            self.last_cmp = Some(c);
            Ok(out)
        }
    }

    /// The last `compareRuns` as the CLI's `compare --format csv` file.
    #[wasm_bindgen(js_name = compareCsv)]
    pub fn compare_csv(&self) -> Result<String, JsValue> {
        #[cfg(not(feature = "page"))]
        return Err(not_in_widget("compare", "report files"));
        #[cfg(feature = "page")]
        {
            let c = self.last_cmp()?;
            Ok(viralsim::report::compare_csv(c))
        }
    }

    /// The last `compareRuns` as the CLI's `compare --format json` file, with the scenarios
    /// compared (each replayable with `viralsim run --scenario`).
    #[wasm_bindgen(js_name = compareJson)]
    pub fn compare_json(&self, scenarios: JsValue, elapsed_ms: f64) -> Result<String, JsValue> {
        #[cfg(not(feature = "page"))]
        return Err(not_in_widget("compare", "report files"));
        #[cfg(feature = "page")]
        {
            let c = self.last_cmp()?;
            let set: Vec<Scenario> = from_js("scenarios", &scenarios)?;
            let net = self.sim.network();
            let network = set.first().map_or(String::new(), |s| s.network.to_string());
            Ok(viralsim::report::compare_json(
                c,
                &network,
                net.node_count(),
                &set,
                elapsed_ms,
            ))
        }
    }
}

impl Simulation {
    /// The last `summariseRuns`, for its downloads.
    #[cfg(feature = "page")]
    fn last_mc(&self) -> Result<&viralsim::montecarlo::MonteCarloResult, JsValue> {
        self.last_mc
            .as_ref()
            .ok_or_else(|| js_err(viralsim::Error::new("runs", Code::MonteCarloFirst)))
    }

    /// The last `compareRuns`, for its downloads.
    #[cfg(feature = "page")]
    fn last_cmp(&self) -> Result<&viralsim::compare::Comparison, JsValue> {
        self.last_cmp
            .as_ref()
            .ok_or_else(|| js_err(viralsim::Error::new("compare", Code::CompareFirst)))
    }

    fn mc_config(&self, runs: u32, threshold: f64, metrics: bool) -> MonteCarloConfig {
        MonteCarloConfig {
            runs,
            max_steps: self.scenario.max_steps,
            threads: 1,
            threshold: if threshold >= 0.0 {
                Some(threshold)
            } else {
                None
            },
            metrics,
        }
    }

    /// A clean copy at step 0 (this simulation keeps its state).
    fn mc_base(&self, seed: u64) -> viralsim::Simulation {
        let mut base = self.sim.clone();
        base.reset(seed);
        base
    }
}

fn mc_out(res: &viralsim::montecarlo::MonteCarloResult) -> JsValue {
    #[derive(Serialize)]
    struct Out<'a> {
        runs: u32,
        seed: u64,
        reach: &'a viralsim::montecarlo::Summary,
        reach_fraction: &'a viralsim::montecarlo::Summary,
        curve: &'a viralsim::montecarlo::Curve,
        ad_curve: &'a viralsim::montecarlo::Curve,
        prob_exceed: Option<f64>,
        metrics: &'a Option<viralsim::montecarlo::MetricsSummary>,
        campaign: &'a Option<viralsim::montecarlo::CampaignSummary>,
        segments: &'a Option<Vec<viralsim::montecarlo::SegmentSummary>>,
        edge_checks: u64,
    }
    to_js(&Out {
        runs: res.runs,
        seed: res.seed,
        reach: &res.reach,
        reach_fraction: &res.reach_fraction,
        curve: &res.curve,
        ad_curve: &res.ad_curve,
        prob_exceed: res.prob_exceed,
        metrics: &res.metrics,
        campaign: &res.campaign,
        segments: &res.segments,
        edge_checks: res.arcs_from_adopters,
    })
}

/// What a network file holds, before it is used: `{format, people, friendships, directed,
/// weighted, duplicates_merged, self_loops_dropped, attributes: [{name, type, values,
/// examples}], header: {header, line, text, reason} | null, notes}`. `formatHint` is the file's
/// name (its extension helps when the content cannot tell), a format name, or empty.
#[wasm_bindgen(js_name = readNetworkPreview)]
pub fn read_network_preview(
    text: &str,
    format_hint: Option<String>,
    nodes: Option<String>,
) -> Result<JsValue, JsValue> {
    #[cfg(not(feature = "page"))]
    return Err(not_in_widget("network", "file readers"));
    #[cfg(feature = "page")]
    {
        let p = viralsim::formats::preview(
            text,
            format_hint.as_deref().unwrap_or(""),
            nodes.as_deref(),
            &PAGE_LIMITS,
        )
        .map_err(js_err)?;
        Ok(to_js(&p))
    }
}

/// Reads a page address (`#network=…&model=…`, or a whole link) with the core's parser, the
/// one `viralsim run --address` uses: `{scenario, lang, compare}` (`scenario` is null when the
/// address names no network and no model). Throws an `Error` naming the field at fault.
#[wasm_bindgen(js_name = parseAddress)]
pub fn parse_address(address: &str) -> Result<JsValue, JsValue> {
    viralsim::address::parse_address(address)
        .map(|a| to_js(&a))
        .map_err(js_err)
}

/// Writes a scenario object as an address fragment (`#network=…`); throws, naming the field,
/// when the object is not a valid scenario.
#[wasm_bindgen(js_name = scenarioToAddress)]
pub fn scenario_to_address(scenario: JsValue) -> Result<String, JsValue> {
    #[cfg(not(feature = "page"))]
    return Err(not_in_widget("scenario", "addresses"));
    #[cfg(feature = "page")]
    {
        let s: Scenario = from_js("scenario", &scenario)?;
        s.check_counts().map_err(js_err)?;
        Ok(viralsim::address::scenario_to_address(&s))
    }
}

/// The page's size limits: `{max_nodes, max_edges, max_bytes}` (a file over `max_bytes` is
/// refused before it is read).
#[wasm_bindgen(js_name = pageLimits)]
pub fn page_limits() -> JsValue {
    #[derive(Serialize)]
    struct L {
        max_nodes: usize,
        max_edges: usize,
        max_bytes: usize,
    }
    to_js(&L {
        max_nodes: PAGE_LIMITS.max_nodes,
        max_edges: PAGE_LIMITS.max_edges,
        max_bytes: PAGE_LIMITS.max_bytes,
    })
}

/// Test only: makes this wasm instance trap (a panic, which aborts), so that the browser tests
/// can check that the page recovers with a fresh instance. Nothing in the page calls it.
#[wasm_bindgen(js_name = forceTrapForTests)]
pub fn force_trap_for_tests() {
    panic!("forced trap (test only)");
}

/// The crate version, for the page footer.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
