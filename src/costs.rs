//! What a finished run cost and whom it reached, by audience segment: the analysis of one run
//! of a campaign (the campaign's description and checks are in [`crate::campaign`]).

use crate::campaign::seed_cost;
use crate::simulation::Simulation;
use serde::Serialize;

/// What one run of a campaign cost.
#[derive(Clone, Debug, Default, PartialEq, Serialize, serde::Deserialize)]
pub struct CampaignMetrics {
    /// What the run's seeds cost (every seed is paid, whether or not it posted).
    pub seed_cost: f64,
    /// Ad impressions shown in the run.
    pub impressions: u64,
    /// `impressions × per_impression`.
    pub ad_cost: f64,
    /// `seed_cost + ad_cost`.
    pub total_cost: f64,
    /// total cost / reach (`None` without cost or reach).
    pub cost_per_adopter: Option<f64>,
    /// reach / total cost: spread per unit of budget (`None` without cost).
    pub reach_per_cost: Option<f64>,
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
    /// The segment's number.
    pub segment: u16,
    /// Nodes in the segment.
    pub size: u32,
    /// Of them, those that adopted at some point in the run.
    pub reached: u32,
    /// `reached / size` (0 for an empty segment).
    pub fraction: f64,
}

/// Reach per segment of the current run (`None` when the network has no segments).
pub fn segment_reach(sim: &Simulation) -> Option<Vec<SegmentReach>> {
    let segs = sim.network().segments()?;
    let k = sim.network().segment_count();
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
