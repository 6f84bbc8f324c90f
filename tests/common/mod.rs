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

/// Every model, as the property tests run them.
pub const MODELS: &[&str] = &[
    r#"{"kind":"ic","p":0.3}"#,
    r#"{"kind":"ic","weights":"in_degree"}"#,
    r#"{"kind":"lt"}"#,
    r#"{"kind":"sir","beta":0.3,"gamma":0.4}"#,
    r#"{"kind":"sis","beta":0.3,"gamma":0.4}"#,
    r#"{"kind":"threshold","k":2}"#,
    r#"{"kind":"threshold","theta":0.3}"#,
    r#"{"kind":"rumor"}"#,
    r#"{"kind":"bass","p":0.02,"q":0.5}"#,
];
