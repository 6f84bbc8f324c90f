//! The campaign around a spread: paid ads layered on any model, and what it all costs.
//!
//! # Ads: semantics of one step
//! For the first `steps` steps of a run, `impressions_per_step` ads are shown at the start of
//! each step, each to a person drawn uniformly (with replacement) from the target audience (a
//! segment, or everyone). A susceptible person who sees an ad adopts with probability
//! `conversion`; the adoption is labelled "advertising" and the new adopter spreads by the
//! model's word of mouth from the next step on, like any adopter.
//!
//! # Costs
//! Each seed costs `per_seed + per_seed_degree × (its out-degree)` (a flat fee, or one
//! proportional to the audience), each impression `per_impression`. Every seed is paid for,
//! including one that, with a `post_probability` below 1, did not post.
//!
//! # The content: decay and stickiness (IC, SIR and SIS)
//! The chance that a share from `u` convinces `v` is the model's `p(u, v)` (IC) or `beta`
//! (SIR/SIS), multiplied by
//! - `2^(−a / half_life)`, where `a` is the content's age: 0 in the first step after a post (the
//!   seeds post at step 0, a boost posts again), 1 in the next step, and so on;
//! - `(1 − fatigue)^e`, where `e` counts the shares `v` has already seen without taking it up;
//! - `stickiness[s]`, where `s` is `v`'s audience segment (1: as the model says, 0.5: half as
//!   likely, 2: twice, capped at certainty).
//!
//! With any of these set, every arc from a spreader is tried with its own random draw, instead of
//! the geometric skipping of the plain models (same distribution, different draws).
//!
//! # Seeds
//! `post_probability`: each seed actually posts (at step 0) with this probability, independently
//! in each run. `seed_segment`: the seeding strategy (random, top-degree, pagerank or kcore)
//! chooses only among the members of this segment.
//!
//! # Interventions
//! Each [`Intervention`] happens at the start of its step, before the ads and the model's step,
//! in the order listed:
//! - `boost`: the brand posts again. Every seed that posted becomes active for this step (it
//!   passes the message on again, in IC to the neighbours it has not convinced yet) and the
//!   content's age starts again from 0. IC, SIR, SIS and rumour only: in LT, threshold and Bass an
//!   adopter's influence is counted once and for all when it adopts, so a re-post changes nothing.
//! - `mute`: the chosen nodes pass nothing on from this step on (they can still adopt). A muted
//!   spreader in the rumour model becomes a stifler. In LT and threshold, influence a node gave
//!   before it was muted stays counted.
//! - `debunk`: the chosen nodes become stiflers (rumour) or immune (SIR/SIS: state removed);
//!   spreaders among them stop. Rumour, SIR and SIS only (elsewhere "removed" means "adopted").
//!
//! The nodes of `mute` and `debunk` are written like seeds: `nodes:…`, `random:K` (drawn from the
//! run's stream at that step), `top-degree:K`, `pagerank:K`, `kcore:K` or `degree-discount:K`.

use crate::error::{check_prob, Act, Code, Error, FieldPath, Result};
use crate::model::Model;
use crate::network::Network;
use crate::seeding::Seeding;
use serde::{Deserialize, Serialize};

/// Most interventions one campaign may schedule (each step looks at all of them).
pub const MAX_INTERVENTIONS: usize = 1000;

/// Paid ads, validated against the network by [`Campaign::check`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ads {
    /// Ads shown per step.
    pub impressions_per_step: u32,
    /// Probability that one impression converts a susceptible person.
    pub conversion: f64,
    /// Number of steps the ads run (from step 1).
    pub steps: u32,
    /// Show the ads only to this audience segment (its number or its name).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub segment: Option<SegmentRef>,
}

/// Unit costs (any currency; all ≥ 0).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Costs {
    /// Flat fee paid for each seed (influencer).
    #[serde(default)]
    pub per_seed: f64,
    /// Fee per follower of each seed: a seed costs this times its out-degree, on top of
    /// `per_seed`.
    #[serde(default)]
    pub per_seed_degree: f64,
    /// Price of one ad impression.
    #[serde(default)]
    pub per_impression: f64,
    /// A node attribute (read from the network file) added to each seed's price: a
    /// per-person fee, such as an influencer's follower count or quote.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_seed_attribute: Option<String>,
}

impl Costs {
    /// Price of node `v` as a seed: `per_seed + per_seed_degree × out-degree`, plus its value of
    /// `per_seed_attribute` (0 where it has none; [`Campaign::check`] refuses that).
    pub fn price(&self, net: &Network, v: u32) -> f64 {
        let mut p = self.per_seed + self.per_seed_degree * net.out_degree(v) as f64;
        if let Some(a) = self
            .per_seed_attribute
            .as_deref()
            .and_then(|name| net.attribute(name))
        {
            p += a.number(v as usize).unwrap_or(0.0);
        }
        p
    }
}

/// How the content ages and how people tire of it (see the module documentation).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decay {
    /// Steps after which the share probability has halved (absent: the content does not age).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub half_life: Option<f64>,
    /// How much each share seen without taking it up lowers a person's chance, in [0, 1).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub fatigue: f64,
}

fn is_zero(x: &f64) -> bool {
    *x == 0.0
}

/// What an [`Intervention`] does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// The brand posts again: the seeds spread again and the content is new again.
    Boost,
    /// The nodes pass nothing on any more.
    Mute,
    /// The nodes become stiflers (rumour) or immune (SIR/SIS).
    Debunk,
}

impl Action {
    /// Whether the action means something in this model: boost needs a model where the seeds
    /// can spread again (IC, SIR, SIS, rumour); debunk one with stiflers or immunity (rumour,
    /// SIR, SIS); mute fits every model.
    pub fn is_defined_for(self, model: &Model) -> bool {
        match self {
            Action::Boost => matches!(
                model,
                Model::Ic(_) | Model::Sir(_) | Model::Sis(_) | Model::Rumor(_)
            ),
            Action::Mute => true,
            Action::Debunk => matches!(model, Model::Sir(_) | Model::Sis(_) | Model::Rumor(_)),
        }
    }

    /// The one rule every entry point asks (scenario, CLI, the page's buttons, the bindings):
    /// an error naming `field`, with the reason, when the action means nothing in this model.
    ///
    /// # Errors
    /// `field`: the action is not [defined](Action::is_defined_for) for the model.
    pub fn check_model(self, model: &Model, field: &str) -> Result<()> {
        if self.is_defined_for(model) {
            return Ok(());
        }
        let action = match self {
            Action::Boost => Act::Boost,
            _ => Act::Debunk,
        };
        Err(Error::new(
            field,
            Code::ActionNotForModel {
                action,
                model: model.name().to_string(),
            },
        ))
    }
}

/// Something done to a run at the start of a given step.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Intervention {
    /// The step (≥ 1) at whose start it happens.
    pub step: u32,
    /// What happens: a boost, a mute or a debunk.
    pub action: Action,
    /// Which nodes (mute, debunk; written like seeds). A boost takes none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nodes: Option<Seeding>,
}

/// Everything around the model: ads, costs, the content's decay and stickiness, how seeds post,
/// and interventions. All optional.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Campaign {
    /// Paid ads shown during the first steps of each run (absent: none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ads: Option<Ads>,
    /// What seeds and impressions cost (all 0 by default).
    #[serde(default)]
    pub costs: Costs,
    /// How the content ages and how people tire of it (absent: neither; IC, SIR and SIS only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decay: Option<Decay>,
    /// Share probability multiplier per audience segment of the receiver: one value ≥ 0 per
    /// segment (`[1, 0.5]`), or values by segment name (`{"France": 1.5}`, the others 1); IC,
    /// SIR and SIS only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stickiness: Option<Stickiness>,
    /// Chance that each seed actually posts (absent: 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub post_probability: Option<f64>,
    /// Choose the seeds among this segment only (random, top-degree, pagerank or kcore
    /// seeding); its number or its name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seed_segment: Option<SegmentRef>,
    /// What the brand or the platform does during each run, at given steps (at most
    /// [`MAX_INTERVENTIONS`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub interventions: Vec<Intervention>,
}

fn no_segments(field: &str) -> Error {
    Error::new(field, Code::NoSegments)
}

/// The error for a segment field when the network lacks that segment.
fn check_segment(net: &Network, field: &str, s: u16) -> Result<()> {
    let segs = net.segments().ok_or_else(|| no_segments(field))?;
    if !segs.contains(&s) {
        return Err(Error::new(
            field,
            Code::SegmentNotInNetwork { segment: s as u64 },
        ));
    }
    Ok(())
}

/// An audience segment as a scenario names it: its number (`2`) or its name (`"France"`: a
/// segments file's name, or a value of the `segment_by` attribute), so that a saved scenario or
/// address says which audience it targets, and keeps saying it if the file's segments are
/// numbered in another order. A name is looked up first, then a text that is a whole number.
///
/// ```
/// use viralsim::campaign::SegmentRef;
/// let s: SegmentRef = serde_json::from_str("\"France\"").unwrap();
/// assert_eq!(s, SegmentRef::Name("France".into()));
/// assert_eq!(serde_json::to_string(&SegmentRef::Number(2)).unwrap(), "2");
/// assert_eq!("2".parse::<SegmentRef>().unwrap(), SegmentRef::Number(2));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SegmentRef {
    /// The segment's number (`0..k`).
    Number(u16),
    /// The segment's name.
    Name(String),
}

impl SegmentRef {
    /// The segment's number in `net`.
    ///
    /// # Errors
    /// `field`: the network has no segments; a number it lacks; a name it lacks (the error
    /// lists the names it has).
    pub fn resolve(&self, net: &Network, field: &str) -> Result<u16> {
        net.segments().ok_or_else(|| no_segments(field))?;
        let s = match self {
            SegmentRef::Number(s) => *s,
            SegmentRef::Name(name) => net.segment_by_name(name).ok_or_else(|| {
                Error::new(
                    field,
                    Code::NoSuchSegment {
                        name: name.clone(),
                        segments: net
                            .segment_names()
                            .map_or_else(|| "numbers only".to_string(), |n| n.join(", ")),
                    },
                )
            })?,
        };
        check_segment(net, field, s)?;
        Ok(s)
    }
}

impl From<u16> for SegmentRef {
    fn from(s: u16) -> Self {
        SegmentRef::Number(s)
    }
}

impl std::fmt::Display for SegmentRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SegmentRef::Number(s) => write!(f, "{s}"),
            SegmentRef::Name(n) => f.write_str(n),
        }
    }
}

/// A whole number is a number; any other text a name.
impl std::str::FromStr for SegmentRef {
    type Err = std::convert::Infallible;
    fn from_str(text: &str) -> std::result::Result<Self, Self::Err> {
        let t = text.trim();
        Ok(match t.parse::<u16>() {
            Ok(s) => SegmentRef::Number(s),
            Err(_) => SegmentRef::Name(t.to_string()),
        })
    }
}

impl Serialize for SegmentRef {
    fn serialize<S: serde::Serializer>(&self, ser: S) -> std::result::Result<S::Ok, S::Error> {
        match self {
            SegmentRef::Number(s) => ser.serialize_u16(*s),
            SegmentRef::Name(n) => ser.serialize_str(n),
        }
    }
}

impl<'de> Deserialize<'de> for SegmentRef {
    fn deserialize<D: serde::Deserializer<'de>>(de: D) -> std::result::Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = SegmentRef;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a segment number (0 to 65535) or a segment name")
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> std::result::Result<SegmentRef, E> {
                u16::try_from(v)
                    .map(SegmentRef::Number)
                    .map_err(|_| E::invalid_value(serde::de::Unexpected::Unsigned(v), &self))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> std::result::Result<SegmentRef, E> {
                u64::try_from(v)
                    .map_err(|_| E::invalid_value(serde::de::Unexpected::Signed(v), &self))
                    .and_then(|v| self.visit_u64(v))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> std::result::Result<SegmentRef, E> {
                Ok(SegmentRef::Name(v.to_string()))
            }
        }
        de.deserialize_any(V)
    }
}

/// The stickiness of a campaign: one multiplier per segment in segment order, or multipliers by
/// segment name (the segments not named keep 1). JSON: `[1, 0.5, 2]` or `{"France": 1.5}`.
///
/// ```
/// use viralsim::campaign::Stickiness;
/// let s: Stickiness = serde_json::from_str(r#"{"France": 1.5, "Germany": 0.8}"#).unwrap();
/// assert_eq!(s, Stickiness::ByName(vec![("France".into(), 1.5), ("Germany".into(), 0.8)]));
/// assert_eq!(serde_json::to_string(&s).unwrap(), r#"{"France":1.5,"Germany":0.8}"#);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub enum Stickiness {
    /// One value per segment, in segment order.
    PerSegment(Vec<f64>),
    /// Values by segment name, in the order written.
    ByName(Vec<(String, f64)>),
}

impl Stickiness {
    /// One multiplier per segment of `net`.
    ///
    /// # Errors
    /// `field`: the network has no segments; per segment, not one value per segment; by name, a
    /// name the network lacks or given twice; a value that is not a number ≥ 0.
    pub fn resolve(&self, net: &Network, field: &str) -> Result<Vec<f64>> {
        net.segments().ok_or_else(|| no_segments(field))?;
        let k = net.segment_count();
        let out = match self {
            Stickiness::PerSegment(v) => {
                if v.len() != k {
                    return Err(Error::new(
                        field,
                        Code::StickinessCount {
                            got: v.len() as u64,
                            segments: k as u64,
                        },
                    ));
                }
                v.clone()
            }
            Stickiness::ByName(pairs) => {
                let mut out = vec![1.0; k];
                let mut given = vec![false; k];
                for (name, x) in pairs {
                    let s = SegmentRef::Name(name.clone()).resolve(net, field)? as usize;
                    if std::mem::replace(&mut given[s], true) {
                        return Err(Error::new(
                            field,
                            Code::SegmentGivenTwice { name: name.clone() },
                        ));
                    }
                    out[s] = *x;
                }
                out
            }
        };
        if let Some(x) = out.iter().find(|x| !(x.is_finite() && **x >= 0.0)) {
            return Err(Error::new(field, Code::EachNonNegative { got: *x }));
        }
        Ok(out)
    }
}

impl Serialize for Stickiness {
    fn serialize<S: serde::Serializer>(&self, ser: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        match self {
            Stickiness::PerSegment(v) => v.serialize(ser),
            Stickiness::ByName(pairs) => {
                let mut m = ser.serialize_map(Some(pairs.len()))?;
                for (k, v) in pairs {
                    m.serialize_entry(k, v)?;
                }
                m.end()
            }
        }
    }
}

impl<'de> Deserialize<'de> for Stickiness {
    fn deserialize<D: serde::Deserializer<'de>>(de: D) -> std::result::Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Stickiness;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(
                    "a list of numbers (one per segment) or an object of numbers by segment name",
                )
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> std::result::Result<Stickiness, A::Error> {
                let mut v = Vec::new();
                while let Some(x) = seq.next_element::<f64>()? {
                    v.push(x);
                }
                Ok(Stickiness::PerSegment(v))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> std::result::Result<Stickiness, A::Error> {
                let mut v = Vec::new();
                while let Some((k, x)) = map.next_entry::<String, f64>()? {
                    v.push((k, x));
                }
                Ok(Stickiness::ByName(v))
            }
        }
        de.deserialize_any(V)
    }
}

impl Campaign {
    /// Checks every number, that targeted segments exist in the network, and that what is asked
    /// is defined for the model.
    ///
    /// # Errors
    /// Named by the field, under `campaign.`: a cost below 0 or not finite (`costs.per_seed`,
    /// …); `ads.conversion` not a probability, `ads.impressions_per_step` over the network's
    /// size, `ads.steps` over [`MAX_STEPS`](crate::bounds::MAX_STEPS); a segment the network
    /// lacks (`ads.segment`, `seed_segment`, `stickiness`); decay or stickiness outside IC, SIR
    /// and SIS, a `decay.half_life` ≤ 0, a `decay.fatigue` outside [0, 1), a stickiness list
    /// not one value ≥ 0 per segment; `post_probability` not a probability; more than
    /// [`MAX_INTERVENTIONS`] interventions, or one (`interventions[i]`) at step 0, not defined
    /// for the model, a boost with nodes, a mute or debunk without, or nodes chosen by celf,
    /// imm, budget or none.
    pub fn check(&self, net: &Network, model: &Model) -> Result<()> {
        for (name, x) in [
            ("per_seed", self.costs.per_seed),
            ("per_seed_degree", self.costs.per_seed_degree),
            ("per_impression", self.costs.per_impression),
        ] {
            if !(x.is_finite() && x >= 0.0) {
                return Err(Error::new(
                    FieldPath::parse("campaign.costs").join(name),
                    Code::NonNegative { got: x },
                ));
            }
        }
        if let Some(name) = &self.costs.per_seed_attribute {
            let field = "campaign.costs.per_seed_attribute";
            let a = crate::formats::segments::find_attribute(net, name, field)?;
            for v in 0..net.node_count() {
                if !a.number(v).is_some_and(|x| x >= 0.0) {
                    return Err(Error::new(
                        field,
                        Code::AttributeNotANumber {
                            node: crate::io::echo(&net.label(v as u32)),
                            name: crate::io::echo(name),
                            got: crate::io::echo(a.values[v].as_deref().unwrap_or("")),
                        },
                    ));
                }
            }
        }
        if let Some(a) = &self.ads {
            check_prob("campaign.ads.conversion", a.conversion)?;
            // each impression is a draw in the step that shows it: at most one per person and
            // step keeps a step's work within the network's size
            let n = net.node_count() as u64;
            if a.impressions_per_step as u64 > n {
                return Err(Error::new(
                    "campaign.ads.impressions_per_step",
                    Code::AtMostNetworkSize {
                        size: n,
                        got: a.impressions_per_step as u64,
                    },
                ));
            }
            if a.steps > crate::bounds::MAX_STEPS {
                return Err(Error::new(
                    "campaign.ads.steps",
                    Code::AtMost {
                        max: crate::bounds::MAX_STEPS as u64,
                        got: a.steps as u64,
                    },
                ));
            }
            if let Some(s) = &a.segment {
                s.resolve(net, "campaign.ads.segment")?;
            }
        }
        // decay and stickiness scale a share probability: only IC, SIR and SIS have one
        let modulated = |field: &str| -> Result<()> {
            if matches!(model, Model::Ic(_) | Model::Sir(_) | Model::Sis(_)) {
                Ok(())
            } else {
                Err(Error::new(
                    field,
                    Code::Modulation {
                        model: model.name().to_string(),
                    },
                ))
            }
        };
        if let Some(d) = &self.decay {
            modulated("campaign.decay")?;
            if let Some(h) = d.half_life {
                if !(h.is_finite() && h > 0.0) {
                    return Err(Error::new(
                        "campaign.decay.half_life",
                        Code::PositiveSteps { got: h },
                    ));
                }
            }
            if !(d.fatigue.is_finite() && (0.0..1.0).contains(&d.fatigue)) {
                return Err(Error::new(
                    "campaign.decay.fatigue",
                    Code::Interval {
                        min: 0.0,
                        max: 1.0,
                        min_open: false,
                        max_open: true,
                        got: d.fatigue,
                    },
                ));
            }
        }
        if let Some(st) = &self.stickiness {
            modulated("campaign.stickiness")?;
            st.resolve(net, "campaign.stickiness")?;
        }
        if let Some(q) = self.post_probability {
            check_prob("campaign.post_probability", q)?;
        }
        if let Some(s) = &self.seed_segment {
            s.resolve(net, "campaign.seed_segment")?;
        }
        if self.interventions.len() > MAX_INTERVENTIONS {
            return Err(Error::new(
                "campaign.interventions",
                Code::TooManyInterventions {
                    max: MAX_INTERVENTIONS as u64,
                    got: self.interventions.len() as u64,
                },
            ));
        }
        for (i, iv) in self.interventions.iter().enumerate() {
            let field = format!("campaign.interventions[{i}]");
            if iv.step == 0 {
                return Err(Error::new(field, Code::InterventionStep));
            }
            iv.action.check_model(model, &field)?;
            match (iv.action, &iv.nodes) {
                (Action::Boost, Some(_)) => return Err(Error::new(field, Code::BoostNodes)),
                (Action::Mute | Action::Debunk, None) => {
                    return Err(Error::new(field, Code::NeedsNodes))
                }
                (
                    _,
                    Some(
                        Seeding::Celf { .. }
                        | Seeding::Budget { .. }
                        | Seeding::Imm { .. }
                        | Seeding::None,
                    ),
                ) => {
                    return Err(Error::new(
                        format!("{field}.nodes"),
                        Code::InterventionNodes,
                    ))
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// Whether there is anything to pay for (ads or a price), i.e. costs worth reporting.
    pub fn has_costs(&self) -> bool {
        self.ads.is_some() || self.costs != Costs::default()
    }

    /// Whether this campaign does anything at all.
    pub fn is_empty(&self) -> bool {
        *self == Campaign::default()
    }
}

/// Cost of a set of seeds under these costs: each one's [`Costs::price`], summed.
pub fn seed_cost(net: &Network, costs: &Costs, seeds: &[u32]) -> f64 {
    // fold from +0.0: an empty f64 sum is −0.0, which would print as "-0"
    seeds
        .iter()
        .map(|&s| costs.price(net, s))
        .fold(0.0, |a, b| a + b)
}
