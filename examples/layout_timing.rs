//! Times the force-directed layout on ego-Facebook: `cargo run --release --example layout_timing`
fn main() {
    let net = viralsim::datasets::facebook(&Default::default()).unwrap();
    let mut l = viralsim::layout::Layout::new(net.node_count());
    let t = std::time::Instant::now();
    for k in 0..6 {
        l.step(&net, 50);
        println!(
            "{} iterations, {:.1} ms per iteration, temperature {:.3}",
            50 * (k + 1),
            t.elapsed().as_secs_f64() * 1000.0 / (50.0 * (k + 1) as f64),
            l.temperature()
        );
    }
}
