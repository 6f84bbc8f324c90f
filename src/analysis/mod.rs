//! What theory expects of a scenario, without simulating it: the epidemic threshold of the
//! network, the transmissibility of the model, the final size and the probability of a large
//! outbreak from one random seed, the Bass curve, the Maki–Thompson rumour's final state, the
//! mean-field SIR curve. One file per result, each function with its source.
//!
//! The network results are those of the configuration model (a random network with the same
//! degrees): limits as n → ∞, which hold on large, sparse networks with little clustering
//! (Newman 2002). Clustering, communities and degree correlations make the simulated reach
//! differ; that is what comparing the two shows.
//!
//! [`theory`] gathers what applies to one network and model, as `viralsim theory` prints it
//! and the page's `Simulation.theory()` returns it.

pub mod bass;
pub mod degrees;
pub mod mean_field;
pub mod percolation;
pub mod rumor;
pub mod transmissibility;

use crate::bounds::{check_count, MAX_STEPS};
use crate::error::Result;
use crate::model::{IcProb, Model};
use crate::network::Network;
use degrees::{epidemic_threshold, DegreeDistribution};
use serde::Serialize;

/// Steps of the Bass and mean-field curves when the caller gives none.
pub const DEFAULT_CURVE_STEPS: u32 = 50;

/// The mean-field SIR curve on a complete graph, as fractions per step.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MeanFieldCurve {
    /// Fraction susceptible after each step.
    pub susceptible: Vec<f64>,
    /// Fraction infected after each step.
    pub infected: Vec<f64>,
    /// Fraction recovered after each step.
    pub recovered: Vec<f64>,
}

/// Why a result holds or does not apply: a stable code (the JSON's `notes`, snake_case) for
/// the page to say in its own language, with its English sentence (the JSON's `note`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Note {
    /// The outbreak results are configuration-model limits for one random seed.
    ConfigurationModel,
    /// SIR's random infectious period makes the outbreak probability lower than the final size.
    SirPeriod,
    /// IC on per-arc weights: no single transmissibility.
    ArcWeights,
    /// SIS: no final size.
    Reinfection,
    /// LT and threshold: adoption needs several neighbours together.
    SeveralNeighbours,
    /// The rumour's never-hear fraction is a complete-graph limit.
    RumourCompleteGraph,
    /// The Bass curves are a complete-graph limit.
    BassCompleteGraph,
    /// A directed network is read through its out-degrees.
    OutDegrees,
}

impl Note {
    /// The English sentence.
    pub fn text(self) -> &'static str {
        match self {
            Note::ConfigurationModel => "Configuration-model limits for one random seed: they hold on large sparse networks with little clustering.",
            Note::SirPeriod => "SIR: the infectious period varies, so the arcs of one infected are correlated: the outbreak probability is below the final size (Kenah & Robins 2007).",
            Note::ArcWeights => "IC on per-arc weights: no single transmissibility applies, only the threshold.",
            Note::Reinfection => "SIS: people are infected again, so there is no final size: no transmissibility applies, only the threshold.",
            Note::SeveralNeighbours => "An adoption here needs several neighbours together, not one transmission: no transmissibility applies, only the threshold.",
            Note::RumourCompleteGraph => "never_hear is the Maki–Thompson limit on a large complete graph; on a sparse network more people never hear.",
            Note::BassCompleteGraph => "The Bass curves are the limit of a large complete graph (everyone sees everyone); on a sparse network word of mouth is slower.",
            Note::OutDegrees => "Directed network: its out-degrees are taken as the degrees.",
        }
    }
}

/// What theory expects of one network and model. A field that does not apply to the model is
/// `None` (absent from the JSON), never 0.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Theory {
    /// The model's name.
    pub model: &'static str,
    /// Nodes in the network.
    pub nodes: usize,
    /// Mean out-degree ⟨k⟩ (2m / n when undirected).
    pub mean_degree: f64,
    /// T_c = ⟨k⟩ / (⟨k²⟩ − ⟨k⟩) ([`degrees::epidemic_threshold`]); absent when no transmissibility
    /// gives a large outbreak (every degree 0 or 1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub threshold: Option<f64>,
    /// The model's mean transmissibility T (IC with a uniform p, SIR).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transmissibility: Option<f64>,
    /// Fraction of the network reached by a large outbreak.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub final_size: Option<f64>,
    /// Probability that one random seed starts a large outbreak.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outbreak_probability: Option<f64>,
    /// Mean number of people reached by an outbreak that stays small (the seed included).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub small_outbreak_mean: Option<f64>,
    /// Expected fraction reached from one random seed,
    /// [`Outbreak::expected_reach_fraction`](percolation::Outbreak::expected_reach_fraction).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected_reach_fraction: Option<f64>,
    /// Bass: the closed form and the discrete map, per step.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub curve: Option<bass::BassCurve>,
    /// Bass: when the closed form's adoptions peak (q > p > 0).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub peak: Option<bass::BassPeak>,
    /// Rumour: the fraction that never hears on a large complete graph.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub never_hear: Option<f64>,
    /// SIR on a complete graph: the mean-field curve from one infected.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mean_field: Option<MeanFieldCurve>,
    /// What the numbers mean here and what does not apply, in English: the sentences of
    /// `notes`.
    pub note: String,
    /// The same, as stable codes.
    pub notes: Vec<Note>,
}

/// Whether every node links to every other one (n ≥ 2).
fn is_complete(net: &Network) -> bool {
    let n = net.node_count();
    n >= 2 && (0..n as u32).all(|u| net.out_degree(u) as usize == n - 1)
}

/// What theory expects of `model` on `net`, with the curves over `steps` steps
/// (see [`Theory`]): every model gets the mean degree and the threshold; IC with a uniform p
/// and SIR the outbreak ([`percolation::outbreak`]); Bass its curves ([`bass::curve`]); the
/// rumour its never-hear fraction ([`rumor::never_hear`]); SIR on a complete graph the
/// mean-field curve ([`mean_field::sir_complete_graph`]). LT, threshold, SIS and IC on per-arc
/// weights have no single transmissibility: their `note` says so.
///
/// # Errors
/// `max_steps`: 0 or over [`MAX_STEPS`].
///
/// # Complexity
/// O(n + k_max + steps) plus [`percolation::outbreak`]'s cost for IC and SIR.
pub fn theory(net: &Network, model: &Model, steps: u32) -> Result<Theory> {
    check_count("max_steps", steps as u64, MAX_STEPS as u64)?;
    let d = DegreeDistribution::of_network(net);
    let n = net.node_count();
    let mut t = Theory {
        model: model.name(),
        nodes: n,
        mean_degree: d.mean(),
        threshold: epidemic_threshold(&d),
        transmissibility: None,
        final_size: None,
        outbreak_probability: None,
        small_outbreak_mean: None,
        expected_reach_fraction: None,
        curve: None,
        peak: None,
        never_hear: None,
        mean_field: None,
        note: String::new(),
        notes: Vec::new(),
    };
    let mut notes: Vec<Note> = Vec::new();
    let spread = match model {
        Model::Ic(m) => match m.prob() {
            IcProb::Uniform(p) => Some(transmissibility::ic(p)),
            _ => {
                notes.push(Note::ArcWeights);
                None
            }
        },
        Model::Sir(m) => {
            notes.push(Note::SirPeriod);
            if is_complete(net) {
                let c = mean_field::sir_complete_graph(n, m.beta(), m.gamma(), 1.0, steps);
                t.mean_field = Some(MeanFieldCurve {
                    susceptible: c.iter().map(|x| x[0]).collect(),
                    infected: c.iter().map(|x| x[1]).collect(),
                    recovered: c.iter().map(|x| x[2]).collect(),
                });
            }
            Some(transmissibility::sir(m.beta(), m.gamma()))
        }
        Model::Sis(_) => {
            notes.push(Note::Reinfection);
            None
        }
        Model::Lt(_) | Model::Threshold(_) => {
            notes.push(Note::SeveralNeighbours);
            None
        }
        Model::Rumor(_) => {
            t.never_hear = Some(rumor::never_hear());
            notes.push(Note::RumourCompleteGraph);
            None
        }
        Model::Bass(m) => {
            t.curve = Some(bass::curve(m.p(), m.q(), steps));
            t.peak = bass::peak(m.p(), m.q());
            notes.push(Note::BassCompleteGraph);
            None
        }
    };
    if let Some(tr) = spread {
        let o = percolation::outbreak(&d, &tr);
        t.transmissibility = Some(o.transmissibility);
        t.final_size = Some(o.final_size);
        t.outbreak_probability = Some(o.outbreak_probability);
        t.small_outbreak_mean = o.small_outbreak_mean;
        t.expected_reach_fraction = Some(o.expected_reach_fraction(n));
        notes.push(Note::ConfigurationModel);
    }
    if net.is_directed() {
        notes.push(Note::OutDegrees);
    }
    t.note = notes.iter().map(|n| n.text()).collect::<Vec<_>>().join(" ");
    t.notes = notes;
    Ok(t)
}
