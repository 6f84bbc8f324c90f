//! Times IMM seed selection on an edge-list file, apart from reading it; prints one JSON line
//! (read and IMM seconds, RR sets, the certified ratio, the seeds by their labels in the file).
//! IMM draws from scenario seed S's seeding stream (default 1), so its seeds are those of
//! `viralsim run --graph GRAPH --seeds imm:K --epsilon E --seed S`.
//! Used by `benches/imm.sh` to put viralsim beside SUBSIM in one script.
//!
//! `cargo run --release --example imm_timing -- GRAPH MODEL_JSON K EPSILON [THREADS] [REPEATS] [directed] [seed=S]`
//! e.g. `... dblp_like.edges '{"kind":"ic","weights":"in_degree"}' 50 0.1 1 3 directed`
use std::time::Instant;
use viralsim::influence::imm::{imm_with, ImmOptions};
use viralsim::io::{parse_edge_list, EdgeListOptions};
use viralsim::rng::{stream_seed, STREAM_SEEDING};
use viralsim::{Model, ModelSpec};

fn main() {
    let a: Vec<String> = std::env::args().collect();
    if a.len() < 5 {
        eprintln!(
            "usage: imm_timing GRAPH MODEL_JSON K EPSILON [THREADS] [REPEATS] [directed] [seed=S]"
        );
        std::process::exit(2);
    }
    let t = Instant::now();
    let text = std::fs::read_to_string(&a[1]).expect("graph file");
    let opts = EdgeListOptions {
        directed: a.iter().any(|x| x == "directed"),
        ..EdgeListOptions::default()
    };
    let net = parse_edge_list(&text, &opts).expect("edge list");
    let read_s = t.elapsed().as_secs_f64();
    let model = Model::try_from(serde_json::from_str::<ModelSpec>(&a[2]).expect("model json"))
        .expect("model");
    let k: usize = a[3].parse().expect("k");
    let epsilon: f64 = a[4].parse().expect("epsilon");
    let threads: usize = a.get(5).map_or(1, |s| s.parse().expect("threads"));
    let repeats: usize = a.get(6).map_or(1, |s| s.parse().expect("repeats"));
    let opts = ImmOptions {
        threads,
        ..ImmOptions::default()
    };
    let scenario_seed: u64 = a
        .iter()
        .find_map(|x| x.strip_prefix("seed="))
        .map_or(1, |s| s.parse().expect("seed"));
    let stream = stream_seed(scenario_seed, STREAM_SEEDING);
    let mut times = Vec::new();
    let mut last = None;
    for _ in 0..repeats {
        let t = Instant::now();
        let r = imm_with(&net, &model, k, epsilon, stream, &opts).expect("imm");
        times.push(t.elapsed().as_secs_f64());
        last = Some(r);
    }
    let r = last.expect("one repeat");
    let labels: Vec<String> = r.seeds.iter().map(|&s| net.label(s)).collect();
    println!(
        "{{\"nodes\": {}, \"arcs\": {}, \"read_s\": {read_s:.3}, \"imm_s\": {:?}, \"threads\": {threads}, \
         \"rr_sets\": {}, \"certified\": {:.4}, \"estimated_spread\": {:.1}, \"seeds\": \"{}\"}}",
        net.node_count(),
        net.arc_count(),
        times.iter().map(|t| (t * 1000.0).round() / 1000.0).collect::<Vec<_>>(),
        r.rr_sets,
        r.certified,
        r.estimated_spread,
        labels.join(",")
    );
}
