//! Times a single-threaded Monte Carlo of one model on an edge-list file; prints one JSON line.
//! Used by `benches/peers.py` to put viralsim beside the peer libraries in one script.
//!
//! `cargo run --release --example mc_timing -- GRAPH MODEL_JSON RUNS [SEEDS] [REPEATS] [metrics]`
//! (`metrics`: also every run's cascade metrics, as the CLI's default output and the page do)
//! e.g. `... ../shared/data/ba100k.edgelist.gz '{"kind":"ic","p":0.01}' 1000 top-degree:10 3`
use std::io::Read;
use std::sync::Arc;
use std::time::Instant;
use viralsim::io::{parse_edge_list, EdgeListOptions};
use viralsim::montecarlo::{monte_carlo, MonteCarloConfig};
use viralsim::{Model, ModelSpec, Simulation};

fn main() {
    let a: Vec<String> = std::env::args().collect();
    if a.len() < 4 {
        eprintln!("usage: mc_timing GRAPH MODEL_JSON RUNS [SEEDS] [REPEATS] [metrics]");
        std::process::exit(2);
    }
    let bytes = std::fs::read(&a[1]).expect("graph file");
    let mut text = String::new();
    if a[1].ends_with(".gz") {
        flate2::read::GzDecoder::new(&bytes[..])
            .read_to_string(&mut text)
            .expect("gzip");
    } else {
        text = String::from_utf8(bytes).expect("utf-8");
    }
    let net = Arc::new(parse_edge_list(&text, &EdgeListOptions::default()).expect("edge list"));
    let model = Model::try_from(serde_json::from_str::<ModelSpec>(&a[2]).expect("model json"))
        .expect("model");
    let runs: u32 = a[3].parse().expect("runs");
    let seeds = a.get(4).map_or("top-degree:10", |s| s.as_str());
    let repeats: usize = a.get(5).map_or(1, |s| s.parse().expect("repeats"));
    let sim = Simulation::new(net.clone(), model, &seeds.parse().expect("seeds"), 42)
        .expect("simulation");
    let cfg = MonteCarloConfig {
        runs,
        max_steps: viralsim::bounds::MAX_STEPS, // the most a run may take; these end far sooner
        threads: 1,
        threshold: None,
        metrics: a.get(6).is_some_and(|m| m == "metrics"),
    };
    let mut times = Vec::new();
    let mut res = None;
    for _ in 0..repeats {
        let t = Instant::now();
        res = Some(monte_carlo(&sim, 42, &cfg, &mut |_, _| {}).expect("monte carlo"));
        times.push(t.elapsed().as_secs_f64() * 1000.0 / runs as f64);
    }
    let r = res.unwrap();
    let best = times.iter().copied().fold(f64::INFINITY, f64::min);
    println!(
        "{}",
        serde_json::json!({
            "per_run_ms": best,
            "per_run_ms_all": times,
            "mean_reach": r.reach.mean,
            "std_reach": r.reach.std,
            "arcs_per_run": r.arcs_from_adopters as f64 / runs as f64,
            "nodes": net.node_count(),
            "seeds": sim.seeds(),
        })
    );
}
