//! Word-of-mouth models, one file each. A [`Model`] is a validated, immutable parameter set;
//! build one with the constructors of its variant, or deserialize a [`ModelSpec`] (the form the
//! CLI, the page and scenario files use) and convert it with [`Model::try_from`].
//!
//! Every model is updated synchronously unless its documentation says otherwise: a step reads
//! the states at its start and its outcome does not depend on the order of nodes (Maki–Thompson
//! is the exception: it is defined by calls made one after another).

mod bass;
mod ic;
mod lt;
mod rumor;
mod sir;
mod threshold;

pub use bass::Bass;
pub use ic::{IcProb, IndependentCascade};
pub use lt::{LinearThreshold, LtWeights};
pub use rumor::Rumor;
pub use sir::Epidemic;
pub use threshold::{Threshold, ThresholdRule};

use crate::error::{Code, Error, Result};
use crate::network::Network;
use crate::rng::RngCore;
use crate::state::RunState;
use serde::{Deserialize, Serialize};

/// A validated model.
#[derive(Clone, Debug)]
pub enum Model {
    /// Independent Cascade (`ic`): each new adopter gets one chance per out-arc.
    Ic(IndependentCascade),
    /// Linear Threshold (`lt`): a node adopts when its adopted in-neighbours' weights reach its
    /// random threshold.
    Lt(LinearThreshold),
    /// SIR epidemic (`sir`): infected nodes recover for good.
    Sir(Epidemic),
    /// SIS epidemic (`sis`): infected nodes become susceptible again when they recover.
    Sis(Epidemic),
    /// Threshold complex contagion (`threshold`): deterministic, k or a fraction θ of the
    /// in-neighbours.
    Threshold(Threshold),
    /// Maki–Thompson rumour (`rumor`): spreaders call one random neighbour per step.
    Rumor(Rumor),
    /// Bass on a network (`bass`): advertising plus word of mouth.
    Bass(Bass),
}

/// Names of the models, as typed in the CLI and in scenarios.
pub const MODEL_NAMES: &str = "ic, lt, sir, sis, threshold, rumor, bass";

/// Where per-arc numbers come from, for IC and LT.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WeightSource {
    /// IC: the uniform `p`. LT: 1 / in-degree.
    #[default]
    Default,
    /// The network's arc weights.
    Edge,
    /// 1 / in-degree of the target (IC: the "weighted cascade").
    InDegree,
}

impl WeightSource {
    fn is_default(&self) -> bool {
        *self == WeightSource::Default
    }
}

/// The serialisable description of a model (tagged by `kind`; unknown fields are rejected).
///
/// ```
/// use viralsim::model::{Model, ModelSpec};
/// let spec: ModelSpec = serde_json::from_str(r#"{"kind": "sir", "beta": 0.1, "gamma": 0.2}"#).unwrap();
/// let model = Model::try_from(spec).unwrap();
/// assert_eq!(model.name(), "sir");
/// let bad: Result<ModelSpec, _> = serde_json::from_str(r#"{"kind": "sir", "beta": 0.1, "gama": 0.2}"#);
/// assert!(bad.unwrap_err().to_string().contains("unknown field `gama`"));
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum ModelSpec {
    /// Independent Cascade: exactly one of `p` or a non-default `weights`.
    Ic {
        /// The probability, in [0, 1], that a new adopter passes it on along each out-arc (once).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        p: Option<f64>,
        /// `edge`: each arc's weight is its probability; `in_degree`: `1 / in-degree(target)`
        /// (the weighted cascade); `default`: the uniform `p`.
        #[serde(default, skip_serializing_if = "WeightSource::is_default")]
        weights: WeightSource,
    },
    /// Linear Threshold.
    Lt {
        /// `edge`: the arc weights (in-weights summing to at most 1 per node); otherwise
        /// `1 / in-degree(target)`.
        #[serde(default, skip_serializing_if = "WeightSource::is_default")]
        weights: WeightSource,
    },
    /// SIR epidemic.
    Sir {
        /// Infection probability per contact (infected → susceptible out-neighbour) per step.
        beta: f64,
        /// Recovery probability per infected node per step; must be > 0.
        gamma: f64,
    },
    /// SIS epidemic.
    Sis {
        /// Infection probability per contact (infected → susceptible out-neighbour) per step.
        beta: f64,
        /// Probability per step that an infected node becomes susceptible again.
        gamma: f64,
    },
    /// Threshold complex contagion: exactly one of `k` and `theta`.
    Threshold {
        /// Adopted in-neighbours needed to adopt (at least 1).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        k: Option<u32>,
        /// Fraction of the in-neighbours, in (0, 1], that must have adopted.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        theta: Option<f64>,
    },
    /// Maki–Thompson rumour (no parameter).
    Rumor {},
    /// Bass on a network.
    Bass {
        /// Advertising (innovation) probability per non-adopter per step, in [0, 1].
        p: f64,
        /// Word-of-mouth (imitation) strength in [0, 1], scaled by the fraction of adopted
        /// in-neighbours.
        q: f64,
    },
}

impl TryFrom<ModelSpec> for Model {
    type Error = Error;
    fn try_from(spec: ModelSpec) -> Result<Model> {
        Ok(match spec {
            ModelSpec::Ic { p, weights } => Model::Ic(match (p, weights) {
                (Some(p), WeightSource::Default) => IndependentCascade::uniform(p)?,
                (None, WeightSource::Default) => return Err(Error::new("p", Code::IcNeedsP)),
                (None, WeightSource::Edge) => IndependentCascade::edge_weights(),
                (None, WeightSource::InDegree) => IndependentCascade::weighted_cascade(),
                (Some(_), _) => return Err(Error::new("p", Code::POrWeights)),
            }),
            ModelSpec::Lt { weights } => Model::Lt(LinearThreshold::new(match weights {
                WeightSource::Edge => LtWeights::EdgeWeights,
                _ => LtWeights::InDegree,
            })),
            ModelSpec::Sir { beta, gamma } => Model::Sir(Epidemic::sir(beta, gamma)?),
            ModelSpec::Sis { beta, gamma } => Model::Sis(Epidemic::sis(beta, gamma)?),
            ModelSpec::Threshold { k, theta } => Model::Threshold(match (k, theta) {
                (Some(k), None) => Threshold::count(k)?,
                (None, Some(t)) => Threshold::fraction(t)?,
                _ => return Err(Error::new("theta", Code::ThresholdKOrTheta)),
            }),
            ModelSpec::Rumor {} => Model::Rumor(Rumor),
            ModelSpec::Bass { p, q } => Model::Bass(Bass::new(p, q)?),
        })
    }
}

impl Model {
    /// The model's name as typed in the CLI.
    pub fn name(&self) -> &'static str {
        match self {
            Model::Ic(_) => "ic",
            Model::Lt(_) => "lt",
            Model::Sir(_) => "sir",
            Model::Sis(_) => "sis",
            Model::Threshold(_) => "threshold",
            Model::Rumor(_) => "rumor",
            Model::Bass(_) => "bass",
        }
    }

    /// The serialisable description of this model.
    pub fn spec(&self) -> ModelSpec {
        match self {
            Model::Ic(m) => match m.prob() {
                IcProb::Uniform(p) => ModelSpec::Ic {
                    p: Some(p),
                    weights: WeightSource::Default,
                },
                IcProb::EdgeWeights => ModelSpec::Ic {
                    p: None,
                    weights: WeightSource::Edge,
                },
                IcProb::WeightedCascade => ModelSpec::Ic {
                    p: None,
                    weights: WeightSource::InDegree,
                },
            },
            Model::Lt(m) => ModelSpec::Lt {
                weights: if m.weights() == LtWeights::EdgeWeights {
                    WeightSource::Edge
                } else {
                    WeightSource::Default
                },
            },
            Model::Sir(m) => ModelSpec::Sir {
                beta: m.beta(),
                gamma: m.gamma(),
            },
            Model::Sis(m) => ModelSpec::Sis {
                beta: m.beta(),
                gamma: m.gamma(),
            },
            Model::Threshold(m) => match m.rule() {
                ThresholdRule::Count(k) => ModelSpec::Threshold {
                    k: Some(k),
                    theta: None,
                },
                ThresholdRule::Fraction(t) => ModelSpec::Threshold {
                    k: None,
                    theta: Some(t),
                },
            },
            Model::Rumor(_) => ModelSpec::Rumor {},
            Model::Bass(m) => ModelSpec::Bass { p: m.p(), q: m.q() },
        }
    }

    /// Names of the three node states for this model (susceptible, active, removed).
    pub fn state_names(&self) -> [&'static str; 3] {
        match self {
            Model::Sir(_) | Model::Sis(_) => ["susceptible", "infected", "recovered"],
            Model::Rumor(_) => ["ignorant", "spreader", "stifler"],
            _ => ["not reached", "just adopted", "adopted"],
        }
    }

    /// Checks that the network has what the model needs (weights, weight sums).
    ///
    /// # Errors
    /// `weights`: IC or LT on edge weights and the network has none, an IC weight over 1, or LT
    /// in-weights of a node summing to over 1.
    ///
    /// # Complexity
    /// O(m) for IC and LT on edge weights, O(1) otherwise.
    pub fn check_network(&self, net: &Network) -> Result<()> {
        match self {
            Model::Ic(m) => m.check_network(net),
            Model::Lt(m) => m.check_network(net),
            _ => Ok(()),
        }
    }

    pub(crate) fn step<R: RngCore + ?Sized>(&self, net: &Network, st: &mut RunState, rng: &mut R) {
        match self {
            Model::Ic(m) => m.step(net, st, rng),
            Model::Lt(m) => m.step(net, st, rng),
            Model::Sir(m) | Model::Sis(m) => m.step(net, st, rng),
            Model::Threshold(m) => m.step(net, st),
            Model::Rumor(m) => m.step(net, st, rng),
            Model::Bass(m) => m.step(net, st, rng),
        }
    }

    /// Whether no further step can change anything.
    pub(crate) fn finished(&self, st: &RunState, n: usize) -> bool {
        match self {
            Model::Bass(m) => m.finished(st, n),
            _ => st.active.is_empty(),
        }
    }
}
