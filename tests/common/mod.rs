#![allow(dead_code)]
use std::sync::Arc;
use viralsim::{Model, ModelSpec, Network, Seeding, Simulation};

pub fn model(json: &str) -> Model {
    Model::try_from(serde_json::from_str::<ModelSpec>(json).unwrap()).unwrap()
}

pub fn sim(net: Network, model_json: &str, seeds: &str, seed: u64) -> Simulation {
    Simulation::new(
        Arc::new(net),
        model(model_json),
        &seeds.parse::<Seeding>().unwrap(),
        seed,
    )
    .unwrap()
}

/// Two-sided 99 % normal quantile.
pub const Z99: f64 = 2.576;
