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
//! proportional to the audience), each impression `per_impression`.

use crate::error::{check_prob, Error, Result};
use crate::network::Network;
use crate::simulation::Simulation;
use serde::{Deserialize, Serialize};

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
    /// Show the ads only to this audience segment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub segment: Option<u16>,
}

/// Unit costs (any currency; all ≥ 0).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Costs {
    #[serde(default)]
    pub per_seed: f64,
    #[serde(default)]
    pub per_seed_degree: f64,
    #[serde(default)]
    pub per_impression: f64,
}

/// Ads and costs of a scenario (both optional).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Campaign {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ads: Option<Ads>,
    #[serde(default)]
    pub costs: Costs,
}

impl Campaign {
    /// Checks every number, and that a targeted segment exists in the network.
    pub fn check(&self, net: &Network) -> Result<()> {
        for (name, x) in [
            ("per_seed", self.costs.per_seed),
            ("per_seed_degree", self.costs.per_seed_degree),
            ("per_impression", self.costs.per_impression),
        ] {
            if !(x.is_finite() && x >= 0.0) {
                return Err(Error::param(
                    format!("campaign.costs.{name}"),
                    format!("must be a number ≥ 0, got {x}"),
                ));
            }
        }
        if let Some(a) = &self.ads {
            check_prob("campaign.ads.conversion", a.conversion)?;
            if let Some(s) = a.segment {
                let segs = net.segments().ok_or_else(|| {
                    Error::param(
                        "campaign.ads.segment",
                        "the network has no segments (use an sbm network)",
                    )
                })?;
                if !segs.contains(&s) {
                    return Err(Error::param(
                        "campaign.ads.segment",
                        format!("segment {s} is not in the network"),
                    ));
                }
            }
        }
        Ok(())
    }

    /// Whether this campaign does anything at all.
    pub fn is_empty(&self) -> bool {
        self.ads.is_none() && self.costs == Costs::default()
    }
}

/// What one run of a campaign cost.
#[derive(Clone, Debug, Default, PartialEq, Serialize, serde::Deserialize)]
pub struct CampaignMetrics {
    pub seed_cost: f64,
    pub impressions: u64,
    pub ad_cost: f64,
    pub total_cost: f64,
    /// total cost / reach (`None` without cost or reach).
    pub cost_per_adopter: Option<f64>,
    /// reach / total cost: spread per unit of budget (`None` without cost).
    pub reach_per_cost: Option<f64>,
}

/// Cost of a set of seeds under these costs.
pub fn seed_cost(net: &Network, costs: &Costs, seeds: &[u32]) -> f64 {
    // fold from +0.0: an empty f64 sum is −0.0, which would print as "-0"
    seeds
        .iter()
        .map(|&s| costs.per_seed + costs.per_seed_degree * net.out_degree(s) as f64)
        .fold(0.0, |a, b| a + b)
}

/// Costs of the simulation's current run.
pub fn campaign_metrics(sim: &Simulation) -> CampaignMetrics {
    let c = &sim.campaign().costs;
    let seed_cost = seed_cost(sim.network(), c, sim.seeds());
    let impressions = sim.impressions();
    let ad_cost = impressions as f64 * c.per_impression;
    let total = seed_cost + ad_cost;
    let reach = sim.reach() as f64;
    CampaignMetrics {
        seed_cost,
        impressions,
        ad_cost,
        total_cost: total,
        cost_per_adopter: if total > 0.0 && reach > 0.0 {
            Some(total / reach)
        } else {
            None
        },
        reach_per_cost: if total > 0.0 {
            Some(reach / total)
        } else {
            None
        },
    }
}

/// Reach within one audience segment.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SegmentReach {
    pub segment: u16,
    pub size: u32,
    pub reached: u32,
    pub fraction: f64,
}

/// Reach per segment of the current run (`None` when the network has no segments).
pub fn segment_reach(sim: &Simulation) -> Option<Vec<SegmentReach>> {
    let segs = sim.network().segments()?;
    let k = segs.iter().map(|&s| s as usize + 1).max().unwrap_or(0);
    let mut size = vec![0u32; k];
    let mut reached = vec![0u32; k];
    for &s in segs {
        size[s as usize] += 1;
    }
    for &v in sim.adopters() {
        reached[segs[v as usize] as usize] += 1;
    }
    Some(
        (0..k)
            .map(|s| SegmentReach {
                segment: s as u16,
                size: size[s],
                reached: reached[s],
                fraction: if size[s] > 0 {
                    reached[s] as f64 / size[s] as f64
                } else {
                    0.0
                },
            })
            .collect(),
    )
}
