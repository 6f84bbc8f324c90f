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

/// The keys of one language's table of error templates in `www/js/error-strings.js` (`ERRORS.fr`).
fn page_templates(lang: &str) -> Vec<String> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/www/js/error-strings.js");
    let js = std::fs::read_to_string(path).unwrap();
    let table = js
        .split("export const ERRORS = {")
        .nth(1)
        .expect("error-strings.js exports ERRORS")
        .split(&format!("\n  {lang}: {{\n"))
        .nth(1)
        .unwrap_or_else(|| panic!("ERRORS has no {lang} table"))
        .split("\n  },")
        .next()
        .unwrap();
    table
        .lines()
        .filter_map(|l| {
            let key = l.strip_prefix("    ")?.split(':').next()?;
            (!key.is_empty() && key.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
                .then(|| key.to_string())
        })
        .collect()
}

/// The page says every error of the core in French: one template per code, and none for a code
/// that does not exist.
#[test]
fn every_code_has_a_french_template_in_the_page() {
    let keys = page_templates("fr");
    for code in viralsim::error::CODES {
        assert!(
            keys.iter().any(|k| k == code),
            "www/js/error-strings.js: ERRORS.fr has no template for `{code}`"
        );
    }
    for k in &keys {
        assert!(
            viralsim::error::CODES.contains(&k.as_str()),
            "www/js/error-strings.js: ERRORS.fr has a template for `{k}`, which is no code of the core"
        );
    }
    assert_eq!(keys.len(), viralsim::error::CODES.len(), "a code twice");
}

/// Every error the core builds has a code the page can translate: there is no free-text
/// constructor (`Error::param` and `Code::Other` are gone), and none comes back.
#[test]
fn no_core_error_is_free_text() {
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut stack = vec![src.clone()];
    let mut found = Vec::new();
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                if p != src.join("bin") {
                    stack.push(p);
                }
            } else if p.extension().is_some_and(|x| x == "rs") && p != src.join("error.rs") {
                let text = std::fs::read_to_string(&p).unwrap();
                for (i, line) in text.lines().enumerate() {
                    if line.contains("Error::param(") || line.contains("Code::Other") {
                        found.push(format!("{}:{}", p.display(), i + 1));
                    }
                }
            }
        }
    }
    assert!(found.is_empty(), "free-text errors in the core: {found:?}");
}

/// The errors the page sees most, with the code and values it translates them from.
#[test]
fn errors_carry_their_code_and_values() {
    use serde_json::json;
    let report = |json: &str| {
        let s = viralsim::Scenario::from_json(json).unwrap();
        s.build(None).map(|_| ()).unwrap_err().report()
    };
    let r =
        report(r#"{"network":"karate","model":{"kind":"ic","p":1.5},"seeds":"random:1","seed":1}"#);
    assert_eq!(
        (r.field.as_deref(), r.code.as_str(), &r.values),
        (Some("model.p"), "probability", &json!({"got": 1.5}))
    );
    let r = report(
        r#"{"network":"ba:n=10,m=20","model":{"kind":"ic","p":0.5},"seeds":"random:1","seed":1}"#,
    );
    assert_eq!(r.field.as_deref(), Some("network.n"));
    assert_eq!(r.values, json!({"name": "m", "value": 20, "got": 10}));
    let r = report(
        r#"{"network":"karate","model":{"kind":"ic","p":0.5},"seeds":"random:1","seed":1,"campaign":{"interventions":[{"step":2,"action":"mute","nodes":"nodes:zz"}]}}"#,
    );
    assert_eq!(
        (r.field.as_deref(), r.code.as_str()),
        (Some("campaign.interventions[0].nodes"), "not_in_network")
    );
    let e = viralsim::address::parse_address("#network=karate&model=ic&p=abc&seeds=none&seed=1")
        .unwrap_err();
    assert_eq!(e.report().values, json!({"got": "abc"}));
    let e = viralsim::Scenario::from_json(
        r#"{"network":"karate","model":{"kind":"ic"},"seeds":"x:1","seed":1}"#,
    )
    .unwrap_err();
    let r = e.report();
    assert!(
        r.message.starts_with("scenario: seeds: unknown 'x'"),
        "{}",
        r.message
    );
    assert_eq!(
        (r.field.as_deref(), r.code.as_str()),
        (Some("seeds"), "unknown_name")
    );
}
