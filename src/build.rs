//! The one build path: from a description (a [`Scenario`], a [`NetworkSpec`], or a network, a
//! model, a [`Seeding`] and a [`Campaign`]) to a world ready to step, used alike by the CLI, the
//! page's bindings and the tests.
//!
//! The layers, each depending only on those before it: the descriptions (`scenario`,
//! `seeding`, `campaign`, `model`'s specs: data, parsing, printing, checks) → the world
//! ([`Simulation`] and its `step`, taking an already resolved [`SeedPlan`]) → the strategies
//! ([`crate::influence`], which use the world as a spread oracle, and
//! [`crate::influence::resolve`], the one place that turns a [`Seeding`] into a plan) → this
//! module, which adds the constructors below → analysis (metrics, costs, Monte Carlo,
//! comparison) → the front ends. `tests/layers.rs` checks that no module imports one that
//! imports it back.

use crate::campaign::Campaign;
use crate::error::{Code, Error, FieldPath, Result, Unit};
use crate::formats::{read_network, ReadNetwork, ReadOptions};
use crate::generate;
use crate::influence;
use crate::io::{parse_edge_list, EdgeListOptions, Limits};
use crate::model::Model;
use crate::network::Network;
use crate::plan::SeedPlan;
use crate::rng::{rng_from_seed, stream_seed, STREAM_NETWORK};
use crate::scenario::{NetworkSpec, Scenario};
use crate::seeding::Seeding;
use crate::simulation::Simulation;
use std::sync::Arc;

impl NetworkSpec {
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
        let nodes = |n: u64| -> Result<usize> {
            limits.check_nodes("network", n)?;
            Ok(n as usize)
        };
        let prob = |key: &str, p: f64| crate::error::check_prob(&format!("network.{key}"), p);
        let edges = |m: f64| limits.check_edges("network", m.max(0.0) as u64);
        // `small` (m or k) must be below n, as the generator says
        let below_n = |small: u64, name: &str, n: usize| -> Result<usize> {
            if small >= n as u64 {
                return Err(Error::new(
                    "network.n",
                    Code::GreaterThanParam {
                        name: name.to_string(),
                        value: small,
                        got: n as u64,
                    },
                ));
            }
            Ok(small as usize)
        };
        let net = match self {
            NetworkSpec::Er { n, p } => {
                let (n, p) = (nodes(*n)?, prob("p", *p)?);
                edges(p * n as f64 * (n as f64 - 1.0) / 2.0)?;
                generate::erdos_renyi_gnp(n, p, &mut rng).map_err(named)?
            }
            NetworkSpec::Gnm { n, m } => {
                let n = nodes(*n)?;
                limits.check_edges("network", *m)?;
                generate::erdos_renyi_gnm(n, *m as usize, &mut rng).map_err(named)?
            }
            NetworkSpec::Ba { n, m } | NetworkSpec::Hk { n, m, .. } => {
                let n = nodes(*n)?;
                let pt = match self {
                    NetworkSpec::Hk { pt, .. } => Some(prob("pt", *pt)?),
                    _ => None,
                };
                if *m == 0 {
                    return Err(Error::new("network.m", Code::AtLeastGot { min: 1, got: 0 }));
                }
                let m = below_n(*m, "m", n)?;
                edges(n as f64 * m as f64)?;
                match pt {
                    Some(pt) => generate::holme_kim(n, m, pt, &mut rng).map_err(named)?,
                    None => generate::barabasi_albert(n, m, &mut rng).map_err(named)?,
                }
            }
            NetworkSpec::Ws { n, k, p } => {
                let (n, p) = (nodes(*n)?, prob("p", *p)?);
                if k % 2 == 1 || *k < 2 {
                    return Err(Error::new("network.k", Code::EvenAtLeastTwo { got: *k }));
                }
                let k = below_n(*k, "k", n)?;
                edges(n as f64 * k as f64 / 2.0)?;
                generate::watts_strogatz(n, k, p, &mut rng).map_err(named)?
            }
            NetworkSpec::Sbm { sizes, pin, pout } => {
                if sizes.len() > generate::MAX_SBM_SEGMENTS {
                    return Err(Error::over_limit(
                        "network.sizes",
                        Some(Unit::Segments),
                        generate::MAX_SBM_SEGMENTS as u64,
                        sizes.len() as u64,
                    ));
                }
                let n = sizes
                    .iter()
                    .try_fold(0u64, |a, &s| a.checked_add(s))
                    .unwrap_or(u64::MAX);
                limits.check_nodes("network", n)?;
                let sizes: Vec<usize> = sizes.iter().map(|&s| s as usize).collect();
                let (pin, pout) = (prob("pin", *pin)?, prob("pout", *pout)?);
                let within: f64 = sizes
                    .iter()
                    .map(|&s| s as f64 * (s as f64 - 1.0) / 2.0)
                    .sum();
                let total = n as f64 * (n as f64 - 1.0) / 2.0;
                edges(pin * within + pout * (total - within))?;
                generate::stochastic_block_model(&sizes, pin, pout, &mut rng).map_err(|e| {
                    // the generator's `p_in` is the spec's `pin`
                    e.map_param_field(|f| {
                        FieldPath::parse(&format!("network.{}", f.to_string().replace('_', "")))
                    })
                })?
            }
            NetworkSpec::PowerLaw {
                n,
                gamma,
                kmin,
                kmax,
            } => {
                let n = nodes(*n)?;
                let kmin = kmin.unwrap_or(1);
                let top = kmax.unwrap_or(((n as f64).sqrt() as u64).max(kmin));
                if kmin < 1 || kmin > top || top >= n as u64 {
                    return Err(Error::new(
                        "network.kmin",
                        Code::DegreeBounds {
                            kmin,
                            kmax: top,
                            n: n as u64,
                        },
                    ));
                }
                edges(n as f64 * top as f64 / 2.0)?;
                generate::configuration_power_law(
                    n,
                    *gamma,
                    kmin as usize,
                    kmax.map(|k| k as usize),
                    &mut rng,
                )
                .map_err(named)?
            }
            NetworkSpec::Complete { n } => {
                let n = nodes(*n)?;
                edges(n as f64 * (n as f64 - 1.0) / 2.0)?;
                generate::complete(n).map_err(named)?
            }
            NetworkSpec::Ring { n, k } => {
                let n = nodes(*n)?;
                if k % 2 == 1 {
                    return Err(Error::new("network.k", Code::Even { got: *k }));
                }
                let k = below_n(*k, "k", n)?;
                edges(n as f64 * k as f64 / 2.0)?;
                generate::ring_lattice(n, k).map_err(named)?
            }
            NetworkSpec::Star { n } => generate::star(nodes(*n)?).map_err(named)?,
            NetworkSpec::Path { n } => generate::path(nodes(*n)?).map_err(named)?,
            NetworkSpec::Grid { rows, cols } => {
                limits.check_nodes("network", rows.saturating_mul(*cols))?;
                generate::grid(*rows as usize, *cols as usize).map_err(named)?
            }
            NetworkSpec::Drawn { xy, edges } => {
                limits.check_nodes("network", xy.len() as u64)?;
                limits.check_edges("network", edges.len() as u64)?;
                let arcs: Vec<(u32, u32)> = edges.iter().copied().filter(|(a, b)| a != b).collect();
                Network::from_edges(xy.len(), false, &arcs, None)?
            }
            NetworkSpec::Karate => {
                limits.check_nodes("network", 34)?;
                limits.check_edges("network", 78)?;
                generate::karate_club()
            }
            NetworkSpec::Facebook => match file_text {
                Some(text) => parse_edge_list(
                    text,
                    &EdgeListOptions {
                        directed: false,
                        limits: *limits,
                        ..Default::default()
                    },
                )?,
                None => crate::datasets::facebook(limits)?,
            },
            NetworkSpec::File { .. } => self.read_file(limits, file_text, None)?.network,
        };
        Ok(net)
    }
}

/// The texts a `file:` network names: the file's, its segments file's and its Gephi node
/// table's.
#[derive(Clone, Copy, Debug, Default)]
pub struct FileTexts<'t> {
    /// The network file's text.
    pub file: Option<&'t str>,
    /// The segments file's text (`segments=NAME`).
    pub segments: Option<&'t str>,
    /// The Gephi node table's text (`nodes=NAME`).
    pub nodes: Option<&'t str>,
}

impl Scenario {
    /// Builds the network and a simulation at step 0 (run 0), with default limits.
    /// `file_text` is the text of the edge list of a `file:` network.
    ///
    /// # Errors
    /// As [`Scenario::build_with`].
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
        self.build_texts(
            &FileTexts {
                file: file_text,
                segments: segments_text,
                nodes: None,
            },
            limits,
        )
    }

    /// Builds as [`Scenario::build_with`], with every text a `file:` network names.
    ///
    /// # Errors
    /// As [`Scenario::build_with`].
    pub fn build_texts(&self, texts: &FileTexts<'_>, limits: &Limits) -> Result<Simulation> {
        let model = self.validated_model()?;
        let (net, _) = self.network.build_read(self.seed, limits, texts)?;
        self.build_model_on(Arc::new(net), model, limits.threads)
    }

    /// Builds a simulation of this scenario on a network already built (its own, or the one
    /// several scenarios share in a comparison): the model, the seeds, the campaign and the
    /// step limit are this scenario's; its network spec is not read.
    ///
    /// # Errors
    /// Those of the model, seeding and campaign.
    pub fn build_on(&self, net: Arc<Network>) -> Result<Simulation> {
        self.build_on_threads(net, 1)
    }

    /// [`Scenario::build_on`] sharing what the build can share out (IMM's RR sets) over
    /// `threads` threads (0: one per core); the simulation does not depend on it.
    ///
    /// # Errors
    /// As [`Scenario::build_on`].
    pub fn build_on_threads(&self, net: Arc<Network>, threads: usize) -> Result<Simulation> {
        let model = self.validated_model()?;
        self.build_model_on(net, model, threads)
    }

    fn build_model_on(
        &self,
        net: Arc<Network>,
        model: Model,
        threads: usize,
    ) -> Result<Simulation> {
        Simulation::with_limit_threads(
            net,
            model,
            &self.seeds,
            self.seed,
            self.campaign.clone(),
            self.max_steps,
            threads,
        )
    }
}

impl NetworkSpec {
    /// Reads the file of a `file:` spec (any format [`crate::formats`] reads), with its Gephi
    /// node table when the spec names one (`nodes_text`).
    ///
    /// # Errors
    /// A spec that is not `file:`, its text not given, or the reader's error.
    pub fn read_file(
        &self,
        limits: &Limits,
        file_text: Option<&str>,
        nodes_text: Option<&str>,
    ) -> Result<ReadNetwork> {
        let NetworkSpec::File {
            name,
            directed,
            format,
            header,
            nodes,
            ..
        } = self
        else {
            return Err(Error::new("network", Code::FileName));
        };
        let text = file_text
            .ok_or_else(|| Error::new("network", Code::FileTextMissing { name: name.clone() }))?;
        if let (Some(n), None) = (nodes, nodes_text) {
            return Err(Error::new(
                "network.nodes",
                Code::FileTextMissing { name: n.clone() },
            ));
        }
        read_network(
            text,
            &ReadOptions {
                format: *format,
                name: Some(name.clone()),
                directed: *directed,
                header: *header,
                limits: *limits,
                nodes_table: nodes_text.map(str::to_string),
            },
        )
    }

    /// Builds the network with its segments (from a segments file or `segment_by`), and for a
    /// `file:` spec what the reader decided (format, header, notes).
    ///
    /// # Errors
    /// As [`NetworkSpec::build_with_segments`].
    pub fn build_read(
        &self,
        seed: u64,
        limits: &Limits,
        texts: &FileTexts<'_>,
    ) -> Result<(Network, Option<ReadNetwork>)> {
        let (net, read) = match self {
            NetworkSpec::File { .. } => {
                let mut r = self.read_file(limits, texts.file, texts.nodes)?;
                let net =
                    std::mem::replace(&mut r.network, Network::from_edges(0, false, &[], None)?);
                (net, Some(r))
            }
            _ => (self.build(seed, limits, texts.file)?, None),
        };
        Ok((self.add_segments(net, texts.segments)?, read))
    }

    /// Builds the network as [`NetworkSpec::build`] does, then gives its nodes the segments
    /// of `segments_text` when the spec names a segments file (`file:…,segments=NAME`; see
    /// [`crate::io::parse_segments`]).
    ///
    /// # Errors
    /// Those of [`NetworkSpec::build`], and a segments file that is named but not given, or
    /// malformed (`segments: line N: …`).
    pub fn build_with_segments(
        &self,
        seed: u64,
        limits: &Limits,
        file_text: Option<&str>,
        segments_text: Option<&str>,
    ) -> Result<Network> {
        let net = self.build(seed, limits, file_text)?;
        self.add_segments(net, segments_text)
    }

    /// The network with the segments the spec names: a segments file's, or a node attribute's.
    fn add_segments(&self, mut net: Network, segments_text: Option<&str>) -> Result<Network> {
        if let NetworkSpec::File {
            segment_by: Some(by),
            ..
        } = self
        {
            return crate::formats::segments::segment_by(net, by, "network.segment_by");
        }
        if let Some(name) = self.segments_file() {
            let text = segments_text.ok_or_else(|| {
                Error::new(
                    "segments",
                    Code::SegmentsTextMissing {
                        name: name.to_string(),
                    },
                )
            })?;
            let (segs, names) =
                crate::io::parse_segments_named(text, &net).map_err(|e| e.in_file("segments"))?;
            net = net.with_segments(segs)?;
            if let Some(names) = names {
                net = net.with_segment_names(names)?;
            }
        }
        Ok(net)
    }
}

impl Simulation {
    /// Builds a simulation and places the seeds (step 0).
    ///
    /// # Errors
    /// The seeding does not fit the network (unknown node, more seeds than nodes), or the
    /// network lacks what the model needs (edge weights, LT weight sums over 1).
    pub fn new(net: Arc<Network>, model: Model, seeding: &Seeding, seed: u64) -> Result<Self> {
        Self::new_with_campaign(net, model, seeding, seed, Campaign::default())
    }

    /// Builds a simulation with a campaign (ads and costs) and places the seeds. Budget seeding
    /// (`budget:B`) needs this constructor: it spends the campaign's seed costs.
    ///
    /// # Errors
    /// Those of [`Simulation::new`], and a cost below 0, a conversion outside [0, 1], a target
    /// segment the network lacks, or budget seeding without a cost per seed.
    pub fn new_with_campaign(
        net: Arc<Network>,
        model: Model,
        seeding: &Seeding,
        seed: u64,
        campaign: Campaign,
    ) -> Result<Self> {
        Self::with_limit(net, model, seeding, seed, campaign, u32::MAX)
    }

    /// As [`Simulation::new_with_campaign`], with every run ending after `max_steps` steps (a
    /// scenario's `max_steps`), including the runs that CELF and budget seeding simulate to
    /// choose the seeds: they estimate the spread the scenario will see.
    ///
    /// # Errors
    /// As [`Simulation::new_with_campaign`].
    pub fn with_limit(
        net: Arc<Network>,
        model: Model,
        seeding: &Seeding,
        seed: u64,
        campaign: Campaign,
        max_steps: u32,
    ) -> Result<Self> {
        Self::with_limit_threads(net, model, seeding, seed, campaign, max_steps, 1)
    }

    /// As [`Simulation::with_limit`], sharing what the seeding can share out (IMM's RR sets)
    /// over `threads` threads (0: one per core). The simulation does not depend on it.
    ///
    /// # Errors
    /// As [`Simulation::new_with_campaign`].
    pub fn with_limit_threads(
        net: Arc<Network>,
        model: Model,
        seeding: &Seeding,
        seed: u64,
        campaign: Campaign,
        max_steps: u32,
        threads: usize,
    ) -> Result<Self> {
        let mut sim = Simulation::assemble(net, model, seeding, seed, campaign, max_steps)?;
        // the interventions' nodes first: CELF's spread oracle runs with them
        let ivs = intervention_plans(&sim)?;
        sim.set_intervention_plans(ivs)?;
        let plan = match &sim.campaign().seed_segment {
            Some(s) => {
                let net = sim.network();
                let s = s.resolve(net, "campaign.seed_segment")?;
                influence::resolve_within(seeding, net, &net.segment_members(s))?
            }
            None => influence::resolve(
                seeding,
                sim.network(),
                sim.model(),
                seed,
                Some(&sim),
                threads,
            )?,
        };
        sim.set_seed_plan(plan);
        Ok(sim)
    }
}

impl Simulation {
    /// The same simulation with another campaign, back at step 0 of the same run (budget
    /// seeding is chosen again under the new costs, and every seeding again for a new seed
    /// segment; other seeds are kept as chosen).
    ///
    /// # Errors
    /// As [`Simulation::new_with_campaign`].
    pub fn with_campaign(self, campaign: Campaign) -> Result<Self> {
        let seeding = self.seeding().clone();
        let (seed, run, max) = (self.seed(), self.run_index(), self.step_limit());
        if matches!(seeding, Seeding::Budget { .. })
            || campaign.seed_segment != self.campaign().seed_segment
        {
            let (net, model) = (self.network().clone(), self.model().clone());
            return Self::with_limit(net, model, &seeding, seed, campaign, max);
        }
        let plan = self.seed_plan().clone();
        let mut sim = Simulation::assemble(
            self.network().clone(),
            self.model().clone(),
            &seeding,
            seed,
            campaign,
            max,
        )?;
        sim.set_intervention_plans(intervention_plans(&sim)?)?;
        sim.set_seed_plan(plan);
        sim.reset_run(seed, run);
        Ok(sim)
    }
}

/// The nodes of each intervention of the world's campaign (`None` for a boost).
fn intervention_plans(sim: &Simulation) -> Result<Vec<Option<SeedPlan>>> {
    let mut plans = Vec::new();
    for (i, iv) in sim.campaign().interventions.iter().enumerate() {
        plans.push(match &iv.nodes {
            Some(nodes) => Some(
                influence::resolve(nodes, sim.network(), sim.model(), sim.seed(), None, 1)
                    .map_err(
                        // the seeding's errors name "seeds": here the field is this one
                        |e| {
                            e.map_param_field(|_| {
                                FieldPath::parse("campaign.interventions")
                                    .index(i)
                                    .join("nodes")
                            })
                        },
                    )?,
            ),
            None => None,
        });
    }
    Ok(plans)
}
