//! The simulation world: one [`Simulation`] owns the network, the model, the state of every
//! node, the seeded RNG and the history, and advances by an explicit [`Simulation::step`].

use crate::campaign::Campaign;
use crate::error::{Error, Result};
use crate::model::Model;
use crate::network::Network;
use crate::rng::{below, bernoulli};
use crate::rng::{rng_from_seed, stream_seed, SimRng};
use crate::seeding::{SeedPlan, Seeding};
use crate::state::{History, NodeRecord, RunState, Transmission, ADVERTISING, SEED};
use std::sync::Arc;

/// One simulated spread on a network.
///
/// Input is validated once, in [`Simulation::new`]; after that [`step`](Self::step) cannot fail.
/// Run `r` of a scenario with seed `S` draws from the stream `stream_seed(S, r)`; a single
/// simulation is run 0, so its trajectory equals run 0 of a Monte Carlo with the same seed.
///
/// # Examples
/// ```
/// use std::sync::Arc;
/// use viralsim::{generate, model::IndependentCascade, Model, Seeding, Simulation};
/// let net = Arc::new(generate::path(5).unwrap());
/// let model = Model::Ic(IndependentCascade::uniform(1.0).unwrap());
/// let mut sim = Simulation::new(net, model, &"nodes:0".parse::<Seeding>().unwrap(), 42).unwrap();
/// let t = sim.step();
/// assert_eq!((t[0].source, t[0].target), (0, 1));
/// // three more steps reach node 4; a last one finds nothing left to pass on
/// assert_eq!(sim.run(100), 4);
/// assert!(sim.is_finished());
/// assert_eq!(sim.reach(), 5);
/// ```
#[derive(Clone, Debug)]
pub struct Simulation {
    net: Arc<Network>,
    model: Model,
    plan: SeedPlan,
    seed: u64,
    run_index: u64,
    rng: SimRng,
    st: RunState,
    seeds: Vec<u32>,
    /// The seeding as given (strategies are resolved into `plan`).
    seeding: Seeding,
    campaign: Campaign,
    /// Who the ads can reach (empty: everyone).
    ad_audience: Vec<u32>,
}

/// Who a campaign's ads can reach: one segment's nodes, or (empty) everyone.
fn ad_audience(net: &Network, campaign: &Campaign) -> Vec<u32> {
    match campaign.ads.as_ref().and_then(|a| a.segment) {
        Some(s) => {
            let segs = net.segments().unwrap_or(&[]);
            (0..net.node_count() as u32)
                .filter(|&v| segs[v as usize] == s)
                .collect()
        }
        None => Vec::new(),
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
        model.check_network(&net).map_err(|e| e.within("model"))?;
        campaign.check(&net)?;
        let n = net.node_count();
        let mut sim = Simulation {
            ad_audience: ad_audience(&net, &campaign),
            net,
            model,
            plan: SeedPlan::Fixed(Vec::new()),
            seed,
            run_index: 0,
            rng: rng_from_seed(0),
            st: RunState::new(n),
            seeds: Vec::new(),
            seeding: seeding.clone(),
            campaign,
        };
        let needs_base = matches!(seeding, Seeding::Celf { .. } | Seeding::Budget { .. });
        sim.plan = SeedPlan::resolve(
            seeding,
            &sim.net,
            &sim.model,
            seed,
            if needs_base { Some(&sim) } else { None },
        )?;
        sim.reset_run(seed, 0);
        Ok(sim)
    }

    /// The same simulation with another campaign, back at step 0 (budget seeding is chosen
    /// again under the new costs; other seeds are kept).
    ///
    /// # Errors
    /// As [`Simulation::new_with_campaign`].
    pub fn with_campaign(mut self, campaign: Campaign) -> Result<Self> {
        if matches!(self.seeding, Seeding::Budget { .. }) {
            let seeding = self.seeding.clone();
            return Self::new_with_campaign(self.net, self.model, &seeding, self.seed, campaign);
        }
        campaign.check(&self.net)?;
        self.ad_audience = ad_audience(&self.net, &campaign);
        self.campaign = campaign;
        let seed = self.seed;
        self.reset_run(seed, self.run_index);
        Ok(self)
    }

    pub fn campaign(&self) -> &Campaign {
        &self.campaign
    }

    /// Ad impressions shown so far in this run.
    pub fn impressions(&self) -> u64 {
        self.st.impressions
    }

    /// Shows this step's ads (see [`crate::campaign`]).
    fn show_ads(&mut self) {
        let Some(ads) = &self.campaign.ads else {
            return;
        };
        if self.st.step > ads.steps {
            return;
        }
        let n = if self.ad_audience.is_empty() {
            self.net.node_count()
        } else {
            self.ad_audience.len()
        };
        if n == 0 {
            return;
        }
        for _ in 0..ads.impressions_per_step {
            let i = below(&mut self.rng, n as u64) as usize;
            let v = if self.ad_audience.is_empty() {
                i as u32
            } else {
                self.ad_audience[i]
            };
            self.st.impressions += 1;
            if self.st.is_susceptible(v) && bernoulli(&mut self.rng, ads.conversion) {
                self.st.adopt(v, ADVERTISING);
            }
        }
    }

    /// Replaces the seeds by these node indices (used by the seeding strategies to evaluate
    /// candidate sets); takes effect at the next reset.
    pub(crate) fn set_seed_nodes(&mut self, seeds: &[u32]) {
        self.plan = SeedPlan::Fixed(seeds.to_vec());
    }

    /// Restarts on the same network with scenario seed `seed` (run 0).
    pub fn reset(&mut self, seed: u64) {
        self.reset_run(seed, 0);
    }

    /// Restarts as run `run` of the scenario with seed `seed`. Costs O(nodes touched by the
    /// previous run), not O(n).
    pub fn reset_run(&mut self, seed: u64, run: u64) {
        self.seed = seed;
        self.run_index = run;
        self.rng = rng_from_seed(stream_seed(seed, run));
        self.st.clear();
        let mut seeds = std::mem::take(&mut self.seeds);
        self.plan
            .draw(self.net.node_count(), &mut self.rng, &mut seeds);
        for &u in &seeds {
            if self.st.is_susceptible(u) {
                self.st.adopt(u, SEED);
            }
        }
        self.seeds = seeds;
        let fresh = std::mem::take(&mut self.st.fresh);
        self.st.active.extend_from_slice(&fresh);
        self.st.fresh = fresh;
        self.st.fresh.clear();
        self.st.end_step();
    }

    /// Advances one step and returns its transmissions (source → target, in the order they
    /// happened). When the run is finished it does nothing and returns an empty slice.
    pub fn step(&mut self) -> &[Transmission] {
        if self.is_finished() {
            self.st.transmissions.clear();
            return &self.st.transmissions;
        }
        self.st.begin_step();
        self.show_ads();
        self.model.step(&self.net, &mut self.st, &mut self.rng);
        self.st.end_step();
        &self.st.transmissions
    }

    /// Steps until nothing can change any more or `max_steps` steps have been taken in this
    /// call; returns the number of steps taken.
    pub fn run(&mut self, max_steps: u32) -> u32 {
        let mut k = 0;
        while k < max_steps && !self.is_finished() {
            self.step();
            k += 1;
        }
        k
    }

    /// Makes `node` a seed now (before or during a run). Returns `false` if it had already
    /// adopted (or is active). It acts from the next step on.
    pub fn seed_node(&mut self, node: u32) -> Result<bool> {
        if node as usize >= self.net.node_count() {
            return Err(Error::param(
                "node",
                format!(
                    "{node} is not a node id (the network has {} nodes)",
                    self.net.node_count()
                ),
            ));
        }
        if !self.st.is_susceptible(node) {
            return Ok(false);
        }
        self.st.adopt(node, SEED);
        let fresh = std::mem::take(&mut self.st.fresh);
        self.st.active.extend_from_slice(&fresh);
        self.st.fresh = fresh;
        self.st.fresh.clear();
        // the seed counts in the current step's record
        if let Some(c) = self.st.history.counts.last_mut() {
            *c = self.st.counts;
        }
        if let Some(a) = self.st.history.new_adoptions.last_mut() {
            *a += 1;
        }
        if let Some(r) = self.st.history.reach.last_mut() {
            *r = self.st.reach;
        }
        if !self.seeds.contains(&node) {
            self.seeds.push(node);
        }
        Ok(true)
    }

    /// Whether no further step can change anything.
    pub fn is_finished(&self) -> bool {
        let n = self.net.node_count();
        let ads_left = self
            .campaign
            .ads
            .as_ref()
            .is_some_and(|a| self.st.step < a.steps && (self.st.reach as usize) < n);
        !ads_left && self.model.finished(&self.st, n)
    }

    /// Whether this step's transmissions are recorded (on by default; Monte Carlo turns it off).
    pub fn set_recording(&mut self, on: bool) {
        self.st.record = on;
    }

    pub fn network(&self) -> &Arc<Network> {
        &self.net
    }
    pub fn model(&self) -> &Model {
        &self.model
    }
    pub fn seed(&self) -> u64 {
        self.seed
    }
    pub fn run_index(&self) -> u64 {
        self.run_index
    }
    /// Steps taken since the seeds were placed.
    pub fn step_count(&self) -> u32 {
        self.st.step
    }
    /// Nodes that have ever adopted (seeds included).
    pub fn reach(&self) -> u32 {
        self.st.reach
    }
    /// Count per state `[susceptible, active, removed]` now.
    pub fn counts(&self) -> [u32; 3] {
        self.st.counts
    }
    /// The seeds of this run, in order.
    pub fn seeds(&self) -> &[u32] {
        &self.seeds
    }
    /// State of every node (`u8`, see [`crate::NodeState`]), node-id order.
    pub fn states(&self) -> &[u8] {
        &self.st.state
    }
    /// What is recorded about each node (adoption step, parent, generation, position), node-id
    /// order. See [`NodeRecord`] for the layout.
    pub fn records(&self) -> &[NodeRecord] {
        &self.st.rec
    }
    /// The record of one node.
    #[inline]
    pub fn record(&self, v: u32) -> NodeRecord {
        self.st.rec[v as usize]
    }
    /// Step at which each node last adopted, [`crate::state::NONE`] if never (a copy; for one
    /// node use [`record`](Self::record)).
    pub fn adopted_at(&self) -> Vec<u32> {
        self.st.rec.iter().map(|r| r.adopted_at).collect()
    }
    /// Who passed it on to each node: a node id, [`SEED`], [`crate::state::ADVERTISING`] or
    /// [`crate::state::NONE`] (a copy).
    pub fn parents(&self) -> Vec<u32> {
        self.st.rec.iter().map(|r| r.parent).collect()
    }
    /// Generation of each adopter (seeds and advertising adopters are 0),
    /// [`crate::state::NONE`] otherwise (a copy).
    pub fn generations(&self) -> Vec<u32> {
        self.st.rec.iter().map(|r| r.generation).collect()
    }
    /// The transmissions of the last step.
    pub fn transmissions(&self) -> &[Transmission] {
        &self.st.transmissions
    }
    pub fn history(&self) -> &History {
        &self.st.history
    }
    /// The nodes that have adopted at some point, in the order of their first adoption.
    pub fn adopters(&self) -> &[u32] {
        &self.st.touched
    }
    /// Sum of the out-degrees of all adopters: the arcs a frontier-based IC/LT scans (the
    /// "edge checks" of the benchmarks).
    pub fn arcs_from_adopters(&self) -> u64 {
        self.adopters()
            .iter()
            .map(|&v| self.net.out_degree(v) as u64)
            .sum()
    }
}
