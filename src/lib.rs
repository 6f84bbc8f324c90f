//! # viralsim
//!
//! A word-of-mouth ("bouche à oreille") spread simulator: social networks, diffusion models,
//! a reproducible step engine, cascade metrics and Monte Carlo. This crate is the pure core: it
//! has no web or OS dependency and builds for `wasm32-unknown-unknown` as well as natively.
//!
//! ```
//! use viralsim::Scenario;
//! let scenario = Scenario::from_json(r#"{"network": "karate", "model": {"kind": "ic", "p": 0.2},
//!                                         "seeds": "nodes:0", "seed": 1}"#).unwrap();
//! let mut sim = scenario.build(None).unwrap();
//! sim.run(100);
//! let m = viralsim::metrics::cascade_metrics(&sim);
//! assert_eq!(m.reach, sim.reach());
//! ```

#![deny(missing_docs)]

pub mod address;
pub mod analysis;
pub mod attributes;
pub mod bounds;
pub mod build;
pub mod campaign;
pub mod compare;
pub mod costs;
pub mod datasets;
pub mod error;
pub mod formats;
pub mod generate;
mod hook;
pub mod influence;
pub mod io;
pub mod layout;
pub mod metrics;
pub mod model;
pub mod montecarlo;
pub mod network;
pub mod plan;
pub mod report;
pub mod rng;
pub mod scenario;
pub mod seeding;
pub mod simulation;
pub mod state;

pub use error::{Error, Result};
pub use model::{Model, ModelSpec};
pub use network::Network;
pub use scenario::{NetworkSpec, Scenario};
pub use seeding::Seeding;
pub use simulation::Simulation;
pub use state::{NodeState, Transmission};
