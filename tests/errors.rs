//! Every validation error path names what is wrong.
mod common;
use std::sync::Arc;
use viralsim::{Model, ModelSpec, Network, Seeding, Simulation};

fn model_err(json: &str) -> String {
    match serde_json::from_str::<ModelSpec>(json) {
        Ok(spec) => Model::try_from(spec).unwrap_err().to_string(),
        Err(e) => e.to_string(),
    }
}

#[test]
fn model_parameters() {
    for (json, msg) in [
        (
            r#"{"kind":"ic","p":1.5}"#,
            "p: must be a probability in [0, 1], got 1.5",
        ),
        (
            r#"{"kind":"ic","p":-0.1}"#,
            "p: must be a probability in [0, 1], got -0.1",
        ),
        (r#"{"kind":"ic"}"#, "p: ic needs p"),
        (
            r#"{"kind":"ic","p":0.1,"weights":"edge"}"#,
            "p: give either p or weights",
        ),
        (
            r#"{"kind":"sir","beta":0.1,"gamma":0.0}"#,
            "gamma: must be > 0 for SIR",
        ),
        (
            r#"{"kind":"sir","beta":2,"gamma":0.5}"#,
            "beta: must be a probability",
        ),
        (
            r#"{"kind":"sis","beta":0.1,"gamma":-1}"#,
            "gamma: must be a probability",
        ),
        (r#"{"kind":"threshold","k":0}"#, "k: must be at least 1"),
        (
            r#"{"kind":"threshold","theta":1.5}"#,
            "theta: must be in (0, 1], got 1.5",
        ),
        (
            r#"{"kind":"threshold","k":2,"theta":0.5}"#,
            "theta: threshold needs exactly one of k",
        ),
        (
            r#"{"kind":"threshold"}"#,
            "theta: threshold needs exactly one of k",
        ),
        (
            r#"{"kind":"bass","p":0.1,"q":1.1}"#,
            "q: must be a probability",
        ),
        (r#"{"kind":"bass","p":0.1}"#, "missing field `q`"),
        (
            r#"{"kind":"sir","beta":0.1,"gamma":0.2,"delta":1}"#,
            "unknown field `delta`",
        ),
        (r#"{"kind":"voter"}"#, "unknown variant `voter`"),
    ] {
        let e = model_err(json);
        assert!(e.starts_with(msg) || e.contains(msg), "{json}: {e}");
    }
}

#[test]
fn model_network_fit() {
    let unweighted = Arc::new(Network::from_edges(2, false, &[(0, 1)], None).unwrap());
    let m = common::model(r#"{"kind":"ic","weights":"edge"}"#);
    let e = Simulation::new(unweighted, m, &Seeding::Random(1), 1).unwrap_err();
    assert_eq!(
        e.to_string(),
        "model.weights: the model uses edge weights but the network has none"
    );

    let heavy = Arc::new(Network::from_edges(2, true, &[(0, 1)], Some(&[1.5])).unwrap());
    let e = Simulation::new(
        heavy.clone(),
        common::model(r#"{"kind":"ic","weights":"edge"}"#),
        &Seeding::Random(1),
        1,
    )
    .unwrap_err();
    assert!(e.to_string().contains("arc 0 → 1 has weight 1.5"), "{e}");
    let e = Simulation::new(
        heavy,
        common::model(r#"{"kind":"lt","weights":"edge"}"#),
        &Seeding::Random(1),
        1,
    )
    .unwrap_err();
    assert!(
        e.to_string().contains("in-weights of node 1 sum to 1.5"),
        "{e}"
    );
}

#[test]
fn seeding_against_the_network() {
    let net = Arc::new(viralsim::generate::karate_club());
    let m = || common::model(r#"{"kind":"rumor"}"#);
    let e = Simulation::new(net.clone(), m(), &"top-degree:35".parse().unwrap(), 1).unwrap_err();
    assert_eq!(
        e.to_string(),
        "seeds: asks for 35 seeds but the network has 34 nodes"
    );
    let e = Simulation::new(net, m(), &"nodes:3,x".parse().unwrap(), 1).unwrap_err();
    assert_eq!(e.to_string(), "seeds: node 'x' is not in the network");
    assert!("random:0"
        .parse::<Seeding>()
        .unwrap_err()
        .to_string()
        .contains("at least 1"));
}

#[test]
fn monte_carlo_config() {
    let s = common::sim(
        viralsim::generate::karate_club(),
        r#"{"kind":"rumor"}"#,
        "random:1",
        1,
    );
    let cfg = viralsim::montecarlo::MonteCarloConfig {
        runs: 0,
        ..Default::default()
    };
    let e = viralsim::montecarlo::monte_carlo(&s, 1, &cfg, &mut |_, _| {}).unwrap_err();
    assert_eq!(e.to_string(), "runs: must be at least 1");
}
