//! The campaign at run time, as the models see it: one narrow hook between the world's
//! campaign (decay, fatigue, stickiness, mute) and a model's step. A model asks two things of
//! it — does this person pass anything on ([`ShareHook::passes_on`]), and is sharing
//! modulated ([`ShareHook::modulated`], then [`ShareHook::chance`]) — and never reads the
//! campaign itself. The world ([`crate::Simulation`]) configures it from the campaign, ages
//! the post each step and mutes people as interventions say; ads, boosts and debunks act on
//! the state between steps and need nothing from the models.

/// How the campaign changes sharing in the current run.
#[derive(Clone, Debug)]
pub(crate) struct ShareHook {
    /// On when any of decay, fatigue or stickiness is set: the models then share through
    /// [`crate::state::RunState::try_modulated`].
    modulated: bool,
    /// This step's age factor `2^(−age / half_life)`.
    age_factor: f64,
    /// `1 − fatigue`: each unconverted share multiplies the receiver's chance by it.
    fatigue_keep: f64,
    /// Stickiness of each node's segment (empty: none).
    stick: Vec<f64>,
    /// Muted nodes (empty until something is muted); `muted_list` lists them for the reset.
    muted: Vec<bool>,
    muted_list: Vec<u32>,
}

impl Default for ShareHook {
    fn default() -> Self {
        ShareHook {
            modulated: false,
            age_factor: 1.0,
            fatigue_keep: 1.0,
            stick: Vec::new(),
            muted: Vec::new(),
            muted_list: Vec::new(),
        }
    }
}

impl ShareHook {
    /// A hook for a campaign with this decay (`half_life` set or not), fatigue in [0, 1] and
    /// per-node stickiness (empty: none).
    pub fn new(has_half_life: bool, fatigue: f64, stick: Vec<f64>) -> Self {
        ShareHook {
            modulated: has_half_life || fatigue > 0.0 || !stick.is_empty(),
            fatigue_keep: 1.0 - fatigue,
            stick,
            ..ShareHook::default()
        }
    }

    /// Whether `u` passes anything on (not muted).
    #[inline]
    pub fn passes_on(&self, u: u32) -> bool {
        self.muted.is_empty() || !self.muted[u as usize]
    }

    /// Whether shares go through the modulated path (decay, fatigue or stickiness).
    #[inline]
    pub fn modulated(&self) -> bool {
        self.modulated
    }

    /// The chance that a share with base probability `p` reaches `v`, before fatigue: `p` ×
    /// the post's age factor × `v`'s stickiness.
    #[inline]
    pub fn chance(&self, v: u32, p: f64) -> f64 {
        let q = p * self.age_factor;
        if self.stick.is_empty() {
            q
        } else {
            q * self.stick[v as usize]
        }
    }

    /// `1 − fatigue` (1: no fatigue).
    #[inline]
    pub fn fatigue_keep(&self) -> f64 {
        self.fatigue_keep
    }

    /// Sets this step's age factor.
    pub fn set_age_factor(&mut self, f: f64) {
        self.age_factor = f;
    }

    /// Mutes `u` (of `n` nodes) from now on.
    pub fn mute(&mut self, u: u32, n: usize) {
        if self.muted.is_empty() {
            self.muted = vec![false; n];
        }
        if !self.muted[u as usize] {
            self.muted[u as usize] = true;
            self.muted_list.push(u);
        }
    }

    /// Back to the start of a run: nobody muted, a fresh post. O(muted nodes).
    pub fn clear(&mut self) {
        for &v in &self.muted_list {
            self.muted[v as usize] = false;
        }
        self.muted_list.clear();
        self.age_factor = 1.0;
    }
}
