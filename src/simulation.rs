//! The simulation world: one [`Simulation`] owns the network, the model, the state of every
//! node, the seeded RNG and the history, and advances by an explicit [`Simulation::step`].

use crate::campaign::{Action, Campaign};
use crate::error::{Code, Error, Noun, Result};
use crate::hook::ShareHook;
use crate::model::Model;
use crate::network::Network;
use crate::plan::SeedPlan;
use crate::rng::{below, bernoulli};
use crate::rng::{rng_from_seed, stream_seed, SimRng};
use crate::seeding::Seeding;
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
    /// The seeding as described (resolved into `plan` by the build).
    seeding: Seeding,
    campaign: Campaign,
    /// Who the ads can reach (empty: everyone).
    ad_audience: Vec<u32>,
    /// The nodes of each intervention (none for a boost), resolved against the network.
    iv_plans: Vec<Option<SeedPlan>>,
    /// Step of the last post (0: the seeds; a boost at step t posts at t − 1's end).
    posted_at: u32,
    /// Ad impressions shown in this run.
    impressions: u64,
    /// The run is finished once this many steps are taken (a scenario's `max_steps`).
    step_limit: u32,
}

/// Who a campaign's ads can reach: one segment's nodes, or (empty) everyone.
fn ad_audience(net: &Network, campaign: &Campaign) -> Result<Vec<u32>> {
    Ok(
        match campaign.ads.as_ref().and_then(|a| a.segment.as_ref()) {
            Some(s) => net.segment_members(s.resolve(net, "campaign.ads.segment")?),
            None => Vec::new(),
        },
    )
}

impl Simulation {
    /// The world of a scenario, checked (the model against the network, the campaign against
    /// both), with no seeds yet: [`crate::build`] resolves the seeding and the interventions'
    /// nodes with the strategies (CELF uses this world as its spread oracle), then gives them
    /// with [`Simulation::set_intervention_plans`] and
    /// [`Simulation::set_seed_plan`]. Every run ends after `max_steps` steps.
    ///
    /// # Errors
    /// The network lacks what the model needs (edge weights, LT weight sums over 1), or the
    /// campaign is invalid (a cost below 0, a conversion outside [0, 1], a segment the network
    /// lacks, an action the model does not allow).
    pub fn assemble(
        net: Arc<Network>,
        model: Model,
        seeding: &Seeding,
        seed: u64,
        campaign: Campaign,
        max_steps: u32,
    ) -> Result<Self> {
        model.check_network(&net).map_err(|e| e.within("model"))?;
        campaign.check(&net, &model)?;
        let n = net.node_count();
        let mut sim = Simulation {
            ad_audience: Vec::new(),
            iv_plans: Vec::new(),
            posted_at: 0,
            impressions: 0,
            step_limit: max_steps,
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
        sim.prepare_campaign()?;
        sim.reset_run(seed, 0);
        Ok(sim)
    }

    /// Gives the nodes of each intervention (`None` for a boost, in the campaign's order).
    ///
    /// # Errors
    /// The plans do not match the campaign's interventions.
    pub fn set_intervention_plans(&mut self, plans: Vec<Option<SeedPlan>>) -> Result<()> {
        if plans.len() != self.campaign.interventions.len() {
            return Err(Error::new(
                "campaign.interventions",
                Code::CountMismatch {
                    got: plans.len() as u64,
                    what: Noun::Plans,
                    expected: self.campaign.interventions.len() as u64,
                    of: Noun::Interventions,
                },
            ));
        }
        self.iv_plans = plans;
        Ok(())
    }

    /// Gives the resolved seeds and goes back to step 0 of run 0.
    pub fn set_seed_plan(&mut self, plan: SeedPlan) {
        self.plan = plan;
        let seed = self.seed;
        self.reset_run(seed, 0);
    }

    /// Derives what the step needs from the (checked) campaign: the ads' audience and the
    /// share modulation.
    fn prepare_campaign(&mut self) -> Result<()> {
        let c = &self.campaign;
        self.ad_audience = ad_audience(&self.net, c)?;
        let fatigue = c.decay.as_ref().map_or(0.0, |d| d.fatigue);
        let stick = match (&c.stickiness, self.net.segments()) {
            (Some(st), Some(segs)) => {
                let per = st.resolve(&self.net, "campaign.stickiness")?;
                segs.iter().map(|&s| per[s as usize]).collect()
            }
            _ => Vec::new(),
        };
        let half_life = c.decay.as_ref().is_some_and(|d| d.half_life.is_some());
        self.st.hook = ShareHook::new(half_life, fatigue, stick);
        Ok(())
    }

    /// The seeding as described (its resolved form is [`Simulation::seed_plan`]).
    pub fn seeding(&self) -> &Seeding {
        &self.seeding
    }

    /// The seeds every run starts from, resolved against the network.
    pub fn seed_plan(&self) -> &SeedPlan {
        &self.plan
    }

    /// Steps after which every run ends.
    pub fn step_limit(&self) -> u32 {
        self.step_limit
    }

    /// The campaign (ads, costs, content, interventions) this world runs with.
    pub fn campaign(&self) -> &Campaign {
        &self.campaign
    }

    /// Ad impressions shown so far in this run.
    pub fn impressions(&self) -> u64 {
        self.impressions
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
            self.impressions += 1;
            if self.st.is_susceptible(v) && bernoulli(&mut self.rng, ads.conversion) {
                self.st.adopt(v, ADVERTISING);
            }
        }
    }

    /// Replaces the seeds by these node indices (used by the seeding strategies to evaluate
    /// candidate sets); takes effect at the next reset.
    pub fn set_seed_nodes(&mut self, seeds: &[u32]) {
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
        self.impressions = 0;
        self.posted_at = 0;
        let mut seeds = std::mem::take(&mut self.seeds);
        self.plan
            .draw(self.net.node_count(), &mut self.rng, &mut seeds);
        let post = self.campaign.post_probability.unwrap_or(1.0);
        for &u in &seeds {
            // draws only when posting is uncertain, so plain scenarios keep their trajectories
            if self.st.is_susceptible(u) && (post >= 1.0 || bernoulli(&mut self.rng, post)) {
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
    ///
    /// A step carries out the interventions due at its start, shows the ads, then applies the
    /// model's step (see each model's documentation) and records a [`History`] entry.
    /// Adoptions caused by advertising are not transmissions.
    ///
    /// # Complexity
    /// O(arcs out of the nodes active at the start of the step) for IC, LT, threshold, SIR and
    /// SIS, O(spreaders) for rumour, and for Bass O(that + n·p) expected plus the exposed
    /// non-adopters; plus the impressions shown and the intervening nodes.
    ///
    /// # Examples
    /// ```
    /// use viralsim::Scenario;
    /// // SIR with β = 1 and γ = 1 on a star, starting from the hub: every leaf is infected in
    /// // step 1, the hub recovers at its end; the leaves recover in step 2
    /// let s = Scenario::from_json(r#"{"network": "star:n=5", "model": {"kind": "sir",
    ///     "beta": 1, "gamma": 1}, "seeds": "nodes:0", "seed": 3}"#).unwrap();
    /// let mut sim = s.build(None).unwrap();
    /// assert_eq!(sim.counts(), [4, 1, 0]);
    /// let told: Vec<(u32, u32)> = sim.step().iter().map(|t| (t.source, t.target)).collect();
    /// assert_eq!(told, [(0, 1), (0, 2), (0, 3), (0, 4)]);
    /// assert_eq!(sim.counts(), [0, 4, 1]);
    /// assert!(sim.step().is_empty());
    /// assert_eq!(sim.counts(), [0, 0, 5]);
    /// assert!(sim.is_finished());
    /// assert_eq!(sim.history().reach, [1, 5, 5]);
    /// ```
    pub fn step(&mut self) -> &[Transmission] {
        if self.is_finished() {
            self.st.transmissions.clear();
            return &self.st.transmissions;
        }
        self.st.begin_step();
        self.intervene();
        if let Some(h) = self.campaign.decay.as_ref().and_then(|d| d.half_life) {
            let age = (self.st.step - 1 - self.posted_at) as f64;
            self.st.hook.set_age_factor(libm::exp2(-age / h));
        }
        self.show_ads();
        self.model.step(&self.net, &mut self.st, &mut self.rng);
        self.st.end_step();
        &self.st.transmissions
    }

    /// Carries out the interventions due at the start of this step, in the listed order.
    fn intervene(&mut self) {
        for i in 0..self.campaign.interventions.len() {
            let iv = &self.campaign.interventions[i];
            if iv.step != self.st.step {
                continue;
            }
            match iv.action {
                Action::Boost => {
                    // posted just before this step's spreading: this step sees age 0
                    self.posted_at = self.st.step - 1;
                    self.reactivate_seeds();
                }
                Action::Mute | Action::Debunk => {
                    let action = iv.action;
                    let mut nodes = Vec::new();
                    if let Some(plan) = &self.iv_plans[i] {
                        plan.draw(self.net.node_count(), &mut self.rng, &mut nodes);
                    }
                    for v in nodes {
                        if action == Action::Mute {
                            self.st.mute(v);
                        } else {
                            self.st.block(v);
                        }
                    }
                }
            }
        }
    }

    /// Boost: the brand posts again now. Every seed that posted (and is neither muted nor
    /// debunked) is active again and passes the message on in the next step; the content's
    /// age starts again. Returns the number of seeds re-activated.
    ///
    /// # Errors
    /// The model is not IC, SIR, SIS or rumour: the same rule as a scheduled boost
    /// ([`Action::check_model`]).
    pub fn boost_now(&mut self) -> Result<u32> {
        Action::Boost.check_model(&self.model, "boost")?;
        // the post happens before the next step: that step sees the content at age 0
        self.posted_at = self.st.step;
        let k = self.reactivate_seeds();
        self.st.sync_last_counts();
        Ok(k)
    }

    /// Steps a run may be kept going whatever the seeds do: up to the step limit in SIS (which
    /// may never end) and in Bass with advertising, 1/γ in SIR, and while ads run or a boost is
    /// ahead. CELF and budget seeding bound their work with it.
    pub fn forced_steps(&self) -> u64 {
        let limit = self.step_limit as u64;
        let lasting = match &self.model {
            // SIS may never end; Bass with ads of its own goes on until everyone adopted
            Model::Sis(_) => limit,
            Model::Bass(b) if b.p() > 0.0 => limit,
            // an infected person stays infected 1/γ steps on average
            Model::Sir(e) => (1.0 / e.gamma()).ceil().min(limit as f64) as u64,
            _ => 0,
        };
        let ads = self.campaign.ads.as_ref().map_or(0, |a| a.steps as u64);
        let boost = self
            .campaign
            .interventions
            .iter()
            .filter(|iv| iv.action == Action::Boost)
            .map(|iv| iv.step as u64)
            .max()
            .unwrap_or(0);
        ads.max(boost).min(limit).max(lasting)
    }

    fn reactivate_seeds(&mut self) -> u32 {
        let mut k = 0;
        for i in 0..self.seeds.len() {
            let u = self.seeds[i];
            if self.st.rec[u as usize].parent == SEED
                && self.st.hook.passes_on(u)
                && !self.st.blocked.contains(&u)
                && !self.st.is_active(u)
            {
                self.st.reactivate(u);
                k += 1;
            }
        }
        k
    }

    /// Mutes `node` from now on: it passes nothing on (see [`crate::campaign`]).
    ///
    /// # Errors
    /// `node` is not a node id.
    pub fn mute_node(&mut self, node: u32) -> Result<()> {
        self.check_node(node)?;
        self.st.mute(node);
        Ok(())
    }

    /// Whether `node` is muted (false for an id out of range).
    pub fn is_muted(&self, node: u32) -> bool {
        (node as usize) < self.net.node_count() && !self.st.hook.passes_on(node)
    }

    /// Makes `node` a stifler (rumour) or immune (SIR/SIS) now.
    ///
    /// # Errors
    /// `node` is not a node id, or the model is not rumour, SIR or SIS.
    pub fn debunk_node(&mut self, node: u32) -> Result<()> {
        self.check_node(node)?;
        Action::Debunk.check_model(&self.model, "debunk")?;
        self.st.block(node);
        self.st.sync_last_counts();
        Ok(())
    }

    fn check_node(&self, node: u32) -> Result<()> {
        if node as usize >= self.net.node_count() {
            return Err(Error::new(
                "node",
                Code::NotANodeId {
                    node: node as u64,
                    nodes: self.net.node_count() as u64,
                },
            ));
        }
        Ok(())
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
    ///
    /// # Errors
    /// `node` is not a node id.
    pub fn seed_node(&mut self, node: u32) -> Result<bool> {
        self.check_node(node)?;
        if !self.st.is_susceptible(node) {
            return Ok(false);
        }
        self.st.adopt(node, SEED);
        let fresh = std::mem::take(&mut self.st.fresh);
        self.st.active.extend_from_slice(&fresh);
        self.st.fresh = fresh;
        self.st.fresh.clear();
        // the seed counts in the current step's record
        self.st.sync_last_counts();
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
        let boost_ahead = self
            .campaign
            .interventions
            .iter()
            .any(|iv| iv.action == Action::Boost && iv.step > self.st.step);
        self.st.step >= self.step_limit
            || (!ads_left && !boost_ahead && self.model.finished(&self.st, n))
    }

    /// Whether this step's transmissions are recorded (on by default; Monte Carlo turns it off).
    pub fn set_recording(&mut self, on: bool) {
        self.st.record = on;
    }

    /// The network (shared: cloning the `Arc` is how a Monte Carlo gives each thread its world).
    pub fn network(&self) -> &Arc<Network> {
        &self.net
    }
    /// The validated model.
    pub fn model(&self) -> &Model {
        &self.model
    }
    /// The scenario seed of the current run.
    pub fn seed(&self) -> u64 {
        self.seed
    }
    /// Which run of the scenario this is (0 for a single simulation): it draws from stream
    /// `(seed, run_index)`.
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
    /// Step at which each node first adopted, [`crate::state::NONE`] if never (a copy; for one
    /// node use [`record`](Self::record)). In SIS a re-infection does not change it.
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
    /// What was recorded at the end of each step of this run (index 0: after seeding).
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
