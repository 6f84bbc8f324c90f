//! Per-node state of a run, as struct-of-arrays indexed by node id, and the bookkeeping every
//! model shares (adopt, recover, sparse reset). Models change state only through these methods,
//! so the counts, the history and the per-node records stay consistent. What the campaign
//! changes in sharing reaches the models through one field, the [`ShareHook`].

use crate::hook::ShareHook;

/// Node states, mirrored to JavaScript as `u8`.
///
/// What each state means for each model:
///
/// | state | IC / LT / threshold / Bass | SIR / SIS | Maki–Thompson |
/// |---|---|---|---|
/// | `Susceptible` (0) | not (yet) adopted | susceptible | ignorant |
/// | `Active` (1) | adopted in the last step (spreads now) | infected | spreader |
/// | `Removed` (2) | adopted earlier | recovered (SIR only) | stifler |
///
/// A debunked node (see [`crate::campaign`]) is `Removed` without having adopted: a stifler in
/// the rumour model, immune in SIR and SIS.
#[repr(u8)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub enum NodeState {
    /// Not reached: has not adopted (or, in SIS, has recovered and can be infected again).
    Susceptible = 0,
    /// Spreading now: adopted in the last step (IC, LT, threshold, Bass), infected (SIR, SIS)
    /// or a spreader (rumour).
    Active = 1,
    /// Done: adopted earlier, recovered or immune, or a stifler.
    Removed = 2,
}

/// `adopted_at` / `parent` value: never.
pub const NONE: u32 = u32::MAX;
/// `parent` value: the node was a seed.
pub const SEED: u32 = u32::MAX - 1;
/// `parent` value: the node adopted because of advertising.
pub const ADVERTISING: u32 = u32::MAX - 2;

/// One transmission of this step: `source` passed it on to `target` (2 × u32, in that order).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Transmission {
    /// The node that passed it on (an adopter of an earlier step; its `parent` in the target's
    /// [`NodeRecord`]).
    pub source: u32,
    /// The node that adopted because of it.
    pub target: u32,
}

/// What was recorded at the end of each step (index 0 = after seeding).
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize)]
pub struct History {
    /// Count of nodes per state, `[susceptible, active, removed]`.
    pub counts: Vec<[u32; 3]>,
    /// Adoptions in that step (seeds at index 0), all causes.
    pub new_adoptions: Vec<u32>,
    /// Of `new_adoptions`, those caused by advertising.
    pub new_by_ad: Vec<u32>,
    /// Nodes ever adopted by the end of that step (the cumulative reach).
    pub reach: Vec<u32>,
}

/// What is recorded about each node, packed so that an adoption writes one cache line.
///
/// Layout (as seen from JavaScript): 4 × u32 per node, node-id order:
/// `adopted_at, parent, generation, position`.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct NodeRecord {
    /// Step at which the node first adopted; [`NONE`] if never.
    pub adopted_at: u32,
    /// Who passed it on: a node id, [`SEED`], [`ADVERTISING`]; [`NONE`] if never adopted.
    pub parent: u32,
    /// Generation: 0 for seeds and advertising adopters, parent's + 1 otherwise; [`NONE`] if never.
    pub generation: u32,
    /// Index of the node in the list of adopters (order of first adoption).
    pub position: u32,
}

impl NodeRecord {
    /// The record of a node that has never adopted: every field [`NONE`].
    pub const BLANK: NodeRecord = NodeRecord {
        adopted_at: NONE,
        parent: NONE,
        generation: NONE,
        position: NONE,
    };
}

#[derive(Clone, Debug)]
pub(crate) struct RunState {
    pub state: Vec<u8>,
    pub rec: Vec<NodeRecord>,
    /// Nodes that have ever adopted in this run, in order of first adoption: the only nodes whose
    /// record differs from blank, so a reset costs O(adopters), not O(n).
    pub touched: Vec<u32>,
    /// Nodes in state Active, in the order they became active.
    pub active: Vec<u32>,
    /// Nodes that became active during the current step.
    pub fresh: Vec<u32>,
    /// Per-node scratch values valid only where `stamp[v] == epoch`: LT influence and threshold,
    /// counts of adopted neighbours (threshold, Bass).
    pub acc: Vec<f64>,
    pub thr: Vec<f64>,
    pub cnt: Vec<u32>,
    pub stamp: Vec<u32>,
    pub epoch: u32,
    /// Bass: non-adopters with at least one adopted neighbour.
    pub exposed: Vec<u32>,
    pub step: u32,
    pub counts: [u32; 3],
    pub reach: u32,
    pub step_adoptions: u32,
    pub step_by_ad: u32,
    pub record: bool,
    pub transmissions: Vec<Transmission>,
    pub history: History,
    /// The campaign's hook into sharing (decay, fatigue, stickiness, mute).
    pub hook: ShareHook,
    /// Nodes made stiflers / immune without adopting, for the reset.
    pub blocked: Vec<u32>,
}

impl RunState {
    pub fn new(n: usize) -> Self {
        RunState {
            state: vec![0; n],
            rec: vec![NodeRecord::BLANK; n],
            touched: Vec::new(),
            active: Vec::new(),
            fresh: Vec::new(),
            acc: vec![0.0; n],
            thr: vec![0.0; n],
            cnt: vec![0; n],
            stamp: vec![0; n],
            epoch: 1,
            exposed: Vec::new(),
            step: 0,
            counts: [n as u32, 0, 0],
            reach: 0,
            step_adoptions: 0,
            step_by_ad: 0,
            record: true,
            transmissions: Vec::new(),
            history: History::default(),
            hook: ShareHook::default(),
            blocked: Vec::new(),
        }
    }

    /// Back to the blank state in O(touched nodes).
    pub fn clear(&mut self) {
        for &v in &self.touched {
            self.state[v as usize] = 0;
            self.rec[v as usize] = NodeRecord::BLANK;
        }
        self.touched.clear();
        for &v in &self.blocked {
            self.state[v as usize] = 0;
        }
        self.blocked.clear();
        self.hook.clear();
        self.active.clear();
        self.fresh.clear();
        self.exposed.clear();
        self.epoch = self.epoch.wrapping_add(1);
        if self.epoch == 0 {
            self.stamp.iter_mut().for_each(|s| *s = 0);
            self.epoch = 1;
        }
        self.step = 0;
        self.counts = [self.state.len() as u32, 0, 0];
        self.reach = 0;
        self.step_adoptions = 0;
        self.step_by_ad = 0;
        self.transmissions.clear();
        self.history = History::default();
    }

    #[inline]
    pub fn is_susceptible(&self, v: u32) -> bool {
        self.state[v as usize] == NodeState::Susceptible as u8
    }

    #[inline]
    fn set_state(&mut self, v: u32, s: NodeState) {
        let old = self.state[v as usize];
        self.counts[old as usize] -= 1;
        self.counts[s as usize] += 1;
        self.state[v as usize] = s as u8;
    }

    /// `v` (susceptible) becomes active now; `source` is the node that passed it on, or
    /// [`SEED`] / [`ADVERTISING`]. It acts from the next step on (it is put in `fresh`).
    #[inline]
    pub fn adopt(&mut self, v: u32, source: u32) {
        debug_assert!(self.is_susceptible(v));
        self.set_state(v, NodeState::Active);
        let generation = if source >= ADVERTISING {
            0
        } else {
            self.rec[source as usize].generation + 1
        };
        let r = &mut self.rec[v as usize];
        // The record is the first adoption's: a node that adopts again (SIS re-infection)
        // keeps when, from whom and in which generation it was first reached.
        if r.adopted_at == NONE {
            r.position = self.touched.len() as u32;
            self.touched.push(v);
            self.reach += 1;
            r.adopted_at = self.step;
            r.parent = source;
            r.generation = generation;
        }
        self.step_adoptions += 1;
        if source == ADVERTISING {
            self.step_by_ad += 1;
        }
        if self.record && source < ADVERTISING {
            self.transmissions.push(Transmission { source, target: v });
        }
        self.fresh.push(v);
    }

    #[inline]
    pub fn is_active(&self, v: u32) -> bool {
        self.state[v as usize] == NodeState::Active as u8
    }

    /// Mutes `u` from now on (see [`ShareHook::mute`]).
    pub fn mute(&mut self, u: u32) {
        let n = self.state.len();
        self.hook.mute(u, n);
    }

    /// `u` becomes removed (stifler, immune) without adopting; an active `u` stops spreading.
    pub fn block(&mut self, u: u32) {
        if self.state[u as usize] == NodeState::Removed as u8 {
            return;
        }
        if self.is_active(u) {
            self.active.retain(|&x| x != u);
        }
        self.set_state(u, NodeState::Removed);
        self.blocked.push(u);
    }

    /// Writes the current counts into the last history entry, after a change between steps
    /// (a seed, a boost, a debunker placed by hand).
    pub fn sync_last_counts(&mut self) {
        if let Some(c) = self.history.counts.last_mut() {
            *c = self.counts;
        }
    }

    /// `u`, which adopted before, is active again for the coming step (a boost).
    pub fn reactivate(&mut self, u: u32) {
        if self.state[u as usize] != NodeState::Active as u8 {
            self.set_state(u, NodeState::Active);
            self.active.push(u);
        }
    }

    /// A share from `u` to susceptible `v` with base probability `p`, under the campaign's
    /// decay, fatigue and stickiness (see [`crate::campaign`]).
    #[inline]
    pub fn try_modulated<R: crate::rng::RngCore + ?Sized>(
        &mut self,
        u: u32,
        v: u32,
        p: f64,
        rng: &mut R,
    ) {
        let vi = v as usize;
        let mut q = self.hook.chance(v, p);
        let keep = self.hook.fatigue_keep();
        let tiring = keep < 1.0;
        if tiring {
            if !self.fresh_scratch(v) {
                self.acc[vi] = 1.0;
            }
            q *= self.acc[vi];
        }
        if crate::rng::uniform(rng) < q {
            self.adopt(v, u);
        } else if tiring {
            self.acc[vi] *= keep;
        }
    }

    /// Active → removed (spent adopter, recovered, stifler).
    #[inline]
    pub fn remove(&mut self, v: u32) {
        self.set_state(v, NodeState::Removed);
    }

    /// Active → susceptible again (SIS recovery).
    #[inline]
    pub fn make_susceptible(&mut self, v: u32) {
        self.set_state(v, NodeState::Susceptible);
    }

    /// Is the scratch of `v` current? If not, marks it current and returns false.
    #[inline]
    pub fn fresh_scratch(&mut self, v: u32) -> bool {
        if self.stamp[v as usize] == self.epoch {
            true
        } else {
            self.stamp[v as usize] = self.epoch;
            false
        }
    }

    /// Opens a new step: clears this step's transmissions and counters.
    pub fn begin_step(&mut self) {
        self.step += 1;
        self.transmissions.clear();
        self.step_adoptions = 0;
        self.step_by_ad = 0;
    }

    /// Records the history entry of the step just finished.
    pub fn end_step(&mut self) {
        self.history.counts.push(self.counts);
        self.history.new_adoptions.push(self.step_adoptions);
        self.history.new_by_ad.push(self.step_by_ad);
        self.history.reach.push(self.reach);
    }

    /// `fresh` joins `active`, as the models whose adopters act once want it:
    /// the previous active nodes become removed.
    pub fn rotate_once(&mut self) {
        let old = std::mem::take(&mut self.active);
        for &u in &old {
            self.remove(u);
        }
        self.active = std::mem::take(&mut self.fresh);
        self.fresh = old;
        self.fresh.clear();
    }
}
