//! Engine benchmarks (`cargo bench`). Graph: the peers' BA graph
//! (`../shared/data/ba100k.edgelist.gz`, networkx `barabasi_albert_graph(100000, 5, seed=42)`)
//! when it is there, so the figures compare with `shared/bench/peers/RESULTS.md`; otherwise our
//! own BA(100000, 5). Seeds: the 10 highest-degree nodes. Each Monte Carlo sample is 1,000
//! runs on one thread. Throughput is reported per run ("elements" = runs); the edge checks per
//! run (Σ out-degree of the adopters) are printed once per model, so edge checks/s = runs/s ×
//! that number.
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::io::Read;
use std::sync::Arc;
use std::time::Duration;
use viralsim::io::{parse_edge_list, EdgeListOptions};
use viralsim::montecarlo::{monte_carlo, MonteCarloConfig};
use viralsim::{generate, Model, ModelSpec, Network, Simulation};

fn ba100k() -> (Network, &'static str) {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/data/ba100k.edgelist.gz"
    );
    if let Ok(bytes) = std::fs::read(path) {
        let mut text = String::new();
        flate2::read::GzDecoder::new(&bytes[..])
            .read_to_string(&mut text)
            .unwrap();
        (
            parse_edge_list(&text, &EdgeListOptions::default()).unwrap(),
            "peers' ba100k",
        )
    } else {
        (
            generate::barabasi_albert(100_000, 5, &mut viralsim::rng::rng_from_seed(42)).unwrap(),
            "own BA(100000, 5)",
        )
    }
}

const RUNS: u32 = 1000;

fn monte_carlo_benches(c: &mut Criterion) {
    let (net, which) = ba100k();
    let net = Arc::new(net);
    let mut g = c.benchmark_group(format!(
        "monte_carlo_1000_runs_{}",
        which.replace(' ', "_").replace(['\'', '(', ')', ','], "")
    ));
    g.sample_size(10)
        .measurement_time(Duration::from_secs(8))
        .warm_up_time(Duration::from_secs(1));
    g.throughput(Throughput::Elements(RUNS as u64));
    for (name, json) in [
        ("ic_p0.01", r#"{"kind":"ic","p":0.01}"#),
        ("ic_p0.05", r#"{"kind":"ic","p":0.05}"#),
        ("lt", r#"{"kind":"lt"}"#),
        // T = 0.0476 per arc, as EoN's fast_SIR with tau = 0.05, gamma = 1 (reach ≈ 3,970)
        (
            "sir_b0.0099_g0.2",
            r#"{"kind":"sir","beta":0.0099,"gamma":0.2}"#,
        ),
    ] {
        let model = Model::try_from(serde_json::from_str::<ModelSpec>(json).unwrap()).unwrap();
        let sim =
            Simulation::new(net.clone(), model, &"top-degree:10".parse().unwrap(), 42).unwrap();
        let cfg = MonteCarloConfig {
            runs: RUNS,
            max_steps: 100_000,
            threads: 1,
            threshold: None,
            metrics: false,
        };
        let probe = monte_carlo(&sim, 42, &cfg, &mut |_, _| {}).unwrap();
        eprintln!(
            "{name} on {which}: mean reach {:.1}, edge checks per run {:.0}",
            probe.reach.mean,
            probe.arcs_from_adopters as f64 / RUNS as f64
        );
        g.bench_function(name, |b| {
            b.iter(|| {
                monte_carlo(&sim, 42, &cfg, &mut |_, _| {})
                    .unwrap()
                    .reach
                    .mean
            })
        });
        let with_metrics = MonteCarloConfig {
            metrics: true,
            ..cfg.clone()
        };
        g.bench_function(format!("{name}_with_metrics"), |b| {
            b.iter(|| {
                monte_carlo(&sim, 42, &with_metrics, &mut |_, _| {})
                    .unwrap()
                    .reach
                    .mean
            })
        });
    }
    g.finish();
}

fn generator_benches(c: &mut Criterion) {
    let mut g = c.benchmark_group("generate");
    g.sample_size(10).measurement_time(Duration::from_secs(10));
    g.throughput(Throughput::Elements(1_000_000));
    g.bench_function("ba_n1000000_m5", |b| {
        b.iter(|| {
            generate::barabasi_albert(1_000_000, 5, &mut viralsim::rng::rng_from_seed(1))
                .unwrap()
                .edge_count()
        })
    });
    g.bench_function("er_n1000000_mean_degree_10", |b| {
        b.iter(|| {
            generate::erdos_renyi_gnp(1_000_000, 1e-5, &mut viralsim::rng::rng_from_seed(1))
                .unwrap()
                .edge_count()
        })
    });
    g.finish();
}

criterion_group!(benches, monte_carlo_benches, generator_benches);
criterion_main!(benches);
