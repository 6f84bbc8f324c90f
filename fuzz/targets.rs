//! The bodies of the fuzz targets, shared by `fuzz/fuzz_targets/*.rs` (cargo-fuzz, nightly) and
//! `tests/fuzz_replay.rs` (stable `cargo test`, replaying the packed corpus in `fuzz/replay/`).
//!
//! Each function takes the fuzzer's bytes, reads them as UTF-8 text (inputs that are not valid
//! UTF-8 are skipped: every core parser takes `&str`), calls the API and checks invariants with
//! `assert!`. An `Err` from the API is a fine outcome; a panic (or a failed assertion) is a bug.
//! Sizes are kept small (see [`limits`]) so that one input runs in milliseconds.
#![allow(dead_code)]

use viralsim::address::{parse_address, scenario_to_address, MAX_ADDRESS_SEED};
use viralsim::formats::{read_network, write::write_network, Format, ReadOptions};
use viralsim::io::{
    parse_edge_list, parse_segments, parse_segments_named, EdgeListOptions, HeaderMode, Limits,
};
use viralsim::state::NONE;
use viralsim::{ModelSpec, Network, NetworkSpec, Scenario, Seeding, Simulation};

/// Steps simulated per built scenario.
pub const MAX_FUZZ_STEPS: u32 = 30;
/// CELF and budget seeding run `nodes × runs` simulations before the first step: above this many
/// runs per evaluation they are legitimately slow (seconds), so such scenarios are not built.
pub const MAX_GREEDY_RUNS: u32 = 50;

/// Small limits: every input runs in milliseconds.
pub fn limits() -> Limits {
    #[allow(clippy::needless_update)] // `..Default` keeps this compiling when Limits grows
    Limits {
        max_nodes: 2_000,
        max_edges: 20_000,
        ..Limits::default()
    }
}

/// With `VIRALSIM_FUZZ_DEBUG` set, prints what each input gave (for triage).
fn debug(what: &str, msg: &dyn std::fmt::Display) {
    static ON: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    if *ON.get_or_init(|| std::env::var_os("VIRALSIM_FUZZ_DEBUG").is_some()) {
        eprintln!("{what}: {msg}");
    }
}

/// `data` as text, or `None` when it is not UTF-8.
fn text(data: &[u8]) -> Option<&str> {
    std::str::from_utf8(data).ok()
}

/// Splits at the first 0 byte: `(before, Some(after))`, or `(data, None)` without one.
fn split0(data: &[u8]) -> (&[u8], Option<&[u8]>) {
    match data.iter().position(|&b| b == 0) {
        Some(i) => (&data[..i], Some(&data[i + 1..])),
        None => (data, None),
    }
}

/// The structure every network must have, however it was built.
pub fn check_network(net: &Network, lim: &Limits) {
    let n = net.node_count();
    assert!(
        n <= lim.max_nodes,
        "{n} nodes over the limit {}",
        lim.max_nodes
    );
    let off = net.offsets();
    let tg = net.targets();
    assert_eq!(off.len(), n + 1);
    assert_eq!(off[0], 0);
    assert_eq!(off[n] as usize, tg.len());
    assert_eq!(net.arc_count(), tg.len());
    if net.is_directed() {
        assert_eq!(net.edge_count(), tg.len());
    } else {
        assert_eq!(tg.len() % 2, 0, "undirected network with an odd arc count");
        assert_eq!(net.edge_count(), tg.len() / 2);
    }
    let mut in_deg = vec![0u32; n];
    for u in 0..n as u32 {
        assert!(
            off[u as usize] <= off[u as usize + 1],
            "offsets decrease at {u}"
        );
        let row = net.neighbors(u);
        assert_eq!(row.len() as u32, net.out_degree(u));
        for (i, &v) in row.iter().enumerate() {
            assert!((v as usize) < n, "arc {u} -> {v} leaves the network of {n}");
            assert_ne!(u, v, "self-loop kept at {u}");
            if i > 0 {
                assert!(row[i - 1] < v, "row {u} not sorted or has a duplicate");
            }
            in_deg[v as usize] += 1;
            if !net.is_directed() {
                assert!(
                    net.neighbors(v).binary_search(&u).is_ok(),
                    "edge {u}-{v} one way only"
                );
            }
        }
        if let Some(w) = net.neighbor_weights(u) {
            assert_eq!(w.len(), row.len());
            assert!(
                w.iter().all(|x| x.is_finite() && *x >= 0.0),
                "bad weight in row {u}"
            );
        }
    }
    for v in 0..n as u32 {
        assert_eq!(net.in_degree(v), in_deg[v as usize], "in-degree of {v}");
        let inn = net.in_neighbors(v);
        assert_eq!(inn.len(), in_deg[v as usize] as usize);
        for &u in inn {
            assert!(
                net.neighbors(u).binary_search(&v).is_ok(),
                "in-arc {u} -> {v} not an arc"
            );
        }
        if let Some(w) = net.in_neighbor_weights(v) {
            assert_eq!(w.len(), inn.len());
        }
    }
    if let Some(labels) = net.labels() {
        assert_eq!(labels.len(), n);
    }
    for v in 0..n as u32 {
        assert_eq!(
            net.node_by_label(&net.label(v)),
            Some(v),
            "label of {v} does not find it"
        );
    }
    if let Some(segs) = net.segments() {
        assert_eq!(segs.len(), n);
        let k = net.segment_count();
        let total: usize = (0..k).map(|s| net.segment_members(s as u16).len()).sum();
        assert_eq!(total, n, "segments do not partition the nodes");
    }
}

/// The invariants of a simulation at any point of a run.
pub fn check_simulation(sim: &Simulation) {
    let n = sim.network().node_count();
    let counts = sim.counts();
    let sum: u64 = counts.iter().map(|&c| c as u64).sum();
    assert_eq!(sum, n as u64, "counts {counts:?} do not sum to {n} nodes");
    let adopters = sim.adopters();
    assert_eq!(
        sim.reach() as usize,
        adopters.len(),
        "reach is not the number of adopters"
    );
    assert!(adopters.len() <= n);
    let rec = sim.records();
    assert_eq!(rec.len(), n);
    let step = sim.step_count();
    for (i, &v) in adopters.iter().enumerate() {
        assert!((v as usize) < n, "adopter {v} is not a node");
        let r = rec[v as usize];
        assert_eq!(r.position as usize, i, "position of adopter {v}");
        assert_ne!(r.adopted_at, NONE, "adopter {v} has no adoption step");
        assert!(
            r.adopted_at <= step,
            "adopter {v} adopted at {} > step {step}",
            r.adopted_at
        );
        if r.parent < u32::MAX - 2 {
            let p = r.parent as usize;
            assert!(p < n, "parent {p} of {v} is not a node");
            assert!(
                rec[p].adopted_at < r.adopted_at,
                "parent {p} of {v} adopted at {} , not before {}",
                rec[p].adopted_at,
                r.adopted_at
            );
            assert_eq!(
                r.generation,
                rec[p].generation.wrapping_add(1),
                "generation of {v}"
            );
        } else {
            assert_ne!(r.parent, NONE, "adopter {v} has no parent");
            assert_eq!(
                r.generation, 0,
                "seed/ad adopter {v} has generation {}",
                r.generation
            );
        }
    }
    let touched = rec.iter().filter(|r| r.adopted_at != NONE).count();
    assert_eq!(
        touched,
        adopters.len(),
        "records of non-adopters are not blank"
    );
    for &s in sim.seeds() {
        assert!((s as usize) < n, "seed {s} is not a node");
    }
    for t in sim.transmissions() {
        assert!(
            (t.source as usize) < n && (t.target as usize) < n,
            "transmission {t:?}"
        );
    }
    assert_eq!(sim.states().len(), n);
    let mut by_state = [0u32; 3];
    for &s in sim.states() {
        assert!(s < 3, "state {s}");
        by_state[s as usize] += 1;
    }
    assert_eq!(by_state, counts, "states disagree with counts");
}

/// Steps a built simulation at most [`MAX_FUZZ_STEPS`] times, checking after each step.
pub fn exercise(sim: &mut Simulation, max_steps: u32) {
    check_simulation(sim);
    let mut reach = sim.reach();
    for _ in 0..MAX_FUZZ_STEPS {
        let before = sim.step_count();
        let finished = sim.is_finished();
        let t = sim.step().len();
        if finished {
            assert_eq!(t, 0, "a finished run transmitted");
            assert_eq!(sim.step_count(), before, "a finished run stepped");
            break;
        }
        assert_eq!(sim.step_count(), before + 1);
        assert!(
            sim.step_count() <= max_steps,
            "stepped past max_steps {max_steps}"
        );
        check_simulation(sim);
        assert!(sim.reach() >= reach, "reach went down");
        reach = sim.reach();
    }
    // `run` stops where `step` does
    let k = sim.run(5);
    assert!(k <= 5);
    check_simulation(sim);
}

/// Work (simulated steps × their cost) above which CELF or budget seeding is skipped as
/// legitimately slow (about a second); see [`greedy_is_slow`].
pub const MAX_GREEDY_WORK: u64 = 200_000_000;

thread_local! {
    static STRICT: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Strict mode (this thread): nothing is skipped as slow. `tests/fuzz_replay.rs` replays
/// `fuzz/crashes/` so, each file in a thread of its own under a time limit.
pub fn set_strict(on: bool) {
    STRICT.with(|s| s.set(on));
}

fn strict() -> bool {
    STRICT.with(|s| s.get())
}

/// Whether CELF or budget seeding would be legitimately slow here. Their first round simulates
/// every node `runs` times. Runs that need not die out (SIS; SIR with a tiny gamma; Bass with a
/// tiny p; ads shown for many steps; a boost scheduled late) last up to `max_steps` steps, each
/// up to (arcs + nodes) work: skipped when nodes × runs × max_steps × (arcs + nodes) is over
/// [`MAX_GREEDY_WORK`]. (Before main 52e14a0 such runs went on for 10^6 steps whatever
/// `max_steps`: `fuzz/crashes/address/timeout_*`, found by the address target.)
pub fn greedy_is_slow(s: &Scenario, file: Option<&str>) -> bool {
    let runs = match s.seeds {
        Seeding::Celf { runs, .. } | Seeding::Budget { runs, .. } => runs,
        _ => return false,
    };
    if runs > MAX_GREEDY_RUNS {
        return true;
    }
    let dies_out = matches!(
        s.model,
        ModelSpec::Ic { .. }
            | ModelSpec::Lt { .. }
            | ModelSpec::Threshold { .. }
            | ModelSpec::Rumor {}
    );
    if dies_out && s.campaign.ads.is_none() && s.campaign.interventions.is_empty() {
        return false;
    }
    // the build refuses what does not build: nothing is slow then
    let Ok(net) = s.network.build(s.seed, &limits(), file) else {
        return false;
    };
    let n = net.node_count() as u64;
    let work = n
        .saturating_mul(runs as u64)
        .saturating_mul(s.max_steps as u64)
        .saturating_mul(net.arc_count() as u64 + n);
    work > MAX_GREEDY_WORK
}

/// Whether building this scenario is legitimately slow, so that it is not built (never in strict
/// mode): CELF and budget seeding with more than [`MAX_GREEDY_RUNS`] runs per evaluation
/// (nodes × runs simulations before the first step), or [`greedy_is_slow`].
pub fn too_slow(s: &Scenario, file: Option<&str>) -> bool {
    !strict() && greedy_is_slow(s, file)
}

/// Builds a scenario under [`limits`] and steps it.
pub fn build_and_run(s: &Scenario, file: Option<&str>, segments: Option<&str>) {
    if too_slow(s, file) {
        return;
    }
    let lim = limits();
    match s.build_with(file, segments, &lim) {
        Ok(mut sim) => {
            check_network(sim.network(), &lim);
            exercise(&mut sim, s.max_steps);
            debug(
                "ran",
                &format_args!(
                    "{} nodes, {} steps, reach {}",
                    sim.network().node_count(),
                    sim.step_count(),
                    sim.reach()
                ),
            );
        }
        Err(e) => debug("error", &e),
    }
}

/// The address written for `s` reads back to `s`.
pub fn check_address_round_trip(s: &Scenario) {
    let written = scenario_to_address(s);
    match parse_address(&written) {
        Ok(a) => {
            assert_eq!(
                a.scenario.as_ref(),
                Some(s),
                "address {written:?} reads back differently"
            );
            assert_eq!(a.lang, None);
            assert!(a.compare.is_empty());
        }
        Err(e) => panic!("address {written:?} written for {s:?} does not read back: {e}"),
    }
}

/// `[flags byte][edge list]`: bit 0 of the first byte says directed.
pub fn edge_list(data: &[u8]) {
    let Some((&flags, rest)) = data.split_first() else {
        return;
    };
    let Some(t) = text(rest) else { return };
    let lim = limits();
    let opts = EdgeListOptions {
        directed: flags & 1 == 1,
        limits: lim,
        ..Default::default()
    };
    match parse_edge_list(t, &opts) {
        Ok(net) => {
            check_network(&net, &lim);
            assert_eq!(net.is_directed(), opts.directed);
            assert!(net.labels().is_some(), "an edge list keeps its labels");
            assert!(net.edge_count() <= lim.max_edges);
            let r = net.report();
            let lines = t.lines().count() as u64;
            assert!(
                net.edge_count() as u64 + r.duplicates_merged + r.self_loops_dropped <= lines,
                "more edges than lines"
            );
            // the same text gives the same network
            let again = parse_edge_list(t, &opts).expect("a second parse fails");
            assert_eq!(again.targets(), net.targets());
            assert_eq!(again.labels(), net.labels());
        }
        Err(e) => debug("error", &e),
    }
}

/// `[flags byte][edge list] 0 [segments file]`.
pub fn segments(data: &[u8]) {
    let Some((&flags, rest)) = data.split_first() else {
        return;
    };
    let (el, seg) = split0(rest);
    let (Some(el), Some(seg)) = (text(el), seg.and_then(text)) else {
        return;
    };
    let lim = limits();
    let opts = EdgeListOptions {
        directed: flags & 1 == 1,
        limits: lim,
        ..Default::default()
    };
    let Ok(net) = parse_edge_list(el, &opts) else {
        return;
    };
    // numbers or names: one segment per node, every segment named when names are given
    if let Ok((segs, names)) = parse_segments_named(seg, &net) {
        assert_eq!(segs.len(), net.node_count());
        if let Some(names) = &names {
            let k = segs.iter().map(|&s| s as usize + 1).max().unwrap_or(0);
            assert!(names.len() >= k, "{} names for {k} segments", names.len());
            let named = net
                .clone()
                .with_segments(segs.clone())
                .and_then(|n| n.with_segment_names(names.clone()))
                .expect("the names of parse_segments_named are refused");
            for (i, name) in names.iter().enumerate() {
                assert_eq!(named.segment_by_name(name), Some(i as u16), "{name}");
            }
        }
    }
    match parse_segments(seg, &net) {
        Ok(segs) => {
            assert_eq!(segs.len(), net.node_count());
            let net = net
                .with_segments(segs.clone())
                .expect("with_segments refuses parse_segments' output");
            check_network(&net, &lim);
            assert_eq!(net.segments(), Some(&segs[..]));
        }
        Err(e) => debug("error", &e),
    }
}

/// `scenario JSON [0 edge-list text [0 segments text]]`.
pub fn scenario(data: &[u8]) {
    let (json, rest) = split0(data);
    let Some(json) = text(json) else { return };
    let (file, segs) = match rest {
        None => (None, None),
        Some(r) => {
            let (f, s) = split0(r);
            (text(f), s.and_then(text))
        }
    };
    let s = match Scenario::from_json(json) {
        Ok(s) => s,
        Err(e) => {
            debug("error", &e);
            return;
        }
    };
    // JSON round trip
    let written = serde_json::to_string(&s).expect("a scenario does not serialize");
    let back = Scenario::from_json(&written)
        .unwrap_or_else(|e| panic!("{written} does not read back: {e}"));
    assert_eq!(back, s, "JSON round trip");
    // the page's address carries every scenario whose counts are valid and whose seed fits
    if s.check_counts().is_ok() && s.seed <= MAX_ADDRESS_SEED {
        check_address_round_trip(&s);
    }
    build_and_run(&s, file, segs);
}

/// A network spec string, built with seed 1 under [`limits`].
pub fn network_spec(data: &[u8]) {
    let Some(t) = text(data) else { return };
    let spec: NetworkSpec = match t.parse() {
        Ok(s) => s,
        Err(e) => {
            debug("error", &e);
            return;
        }
    };
    let written = spec.to_string();
    let back: NetworkSpec = written
        .parse()
        .unwrap_or_else(|e| panic!("{written:?} (written for {t:?}) does not parse: {e}"));
    assert_eq!(back, spec, "spec round trip through {written:?}");
    let lim = limits();
    match spec.build(1, &lim, None) {
        Ok(net) => {
            check_network(&net, &lim);
            // the same seed gives the same network
            let again = spec.build(1, &lim, None).expect("a second build fails");
            assert_eq!(again.targets(), net.targets(), "build is not deterministic");
        }
        Err(e) => debug("error", &e),
    }
}

/// A page address (`#network=…&model=…`); its scenario is written back, read again and run.
pub fn address(data: &[u8]) {
    let Some(t) = text(data) else { return };
    let a = match parse_address(t) {
        Ok(a) => a,
        Err(e) => {
            debug("error", &e);
            return;
        }
    };
    for s in &a.compare {
        let _ = scenario_to_address(s);
    }
    if let Some(s) = &a.scenario {
        check_address_round_trip(s);
        build_and_run(s, None, None);
    }
}

/// Networks written back and read again by [`network_file`] have at most this many nodes.
pub const MAX_ROUND_TRIP_NODES: usize = 300;

/// `[flags byte][network file]` read as `format` (`None`: told from the text). Flags: bit 0
/// directed, bits 1–2 the header mode (auto, yes, no). What reads must be a well-formed network
/// whose attributes have one value per node and whose edges fit the limits; it is then written
/// in its own format and in GEXF, and those texts read again without a panic (a GEXF written by
/// viralsim keeps the nodes and edges).
pub fn network_file(format: Option<Format>, data: &[u8]) {
    let Some((&flags, rest)) = data.split_first() else {
        return;
    };
    let Some(t) = text(rest) else { return };
    let lim = limits();
    let opts = ReadOptions {
        format,
        directed: flags & 1 == 1,
        header: match (flags >> 1) & 3 {
            1 => HeaderMode::Yes,
            2 => HeaderMode::No,
            _ => HeaderMode::Auto,
        },
        limits: lim,
        ..Default::default()
    };
    let r = match read_network(t, &opts) {
        Ok(r) => r,
        Err(e) => {
            debug("error", &e);
            return;
        }
    };
    let net = &r.network;
    check_network(net, &lim);
    assert!(net.edge_count() <= lim.max_edges);
    if let Some(f) = format {
        assert_eq!(r.format, f, "read as another format than asked");
    }
    if opts.directed {
        assert!(net.is_directed(), "--directed not applied");
    }
    for a in net.attributes() {
        assert_eq!(a.values.len(), net.node_count(), "attribute {}", a.name);
    }
    // write it back, in its own format and in GEXF: no panic, and GEXF keeps the structure
    // (small networks only: a `*Vertices 2000` costs milliseconds to write and read twice)
    if net.node_count() > MAX_ROUND_TRIP_NODES {
        return;
    }
    let own = write_network(net, r.format, &[]);
    let again = ReadOptions {
        format: Some(r.format),
        directed: net.is_directed(),
        header: HeaderMode::Auto,
        ..opts
    };
    let _ = read_network(&own, &again);
    let gexf = write_network(net, Format::Gexf, &[]);
    let labels_plain = net.labels().is_some_and(|l| {
        l.iter().all(|x| {
            !x.is_empty()
                && !x
                    .chars()
                    .any(|c| (c as u32) < 0x20 || matches!(c, '\u{FFFE}' | '\u{FFFF}'))
        })
    });
    match read_network(
        &gexf,
        &ReadOptions {
            limits: Limits::default(),
            ..Default::default()
        },
    ) {
        Ok(back) if labels_plain => {
            assert_eq!(
                back.network.node_count(),
                net.node_count(),
                "GEXF node count"
            );
            assert_eq!(back.network.targets(), net.targets(), "GEXF edges");
        }
        Ok(_) => {}
        Err(e) if labels_plain => panic!("a GEXF viralsim wrote does not read back: {e}\n{gexf}"),
        Err(_) => {}
    }
}

/// A network file, its format told from the text.
pub fn network_file_any(data: &[u8]) {
    network_file(None, data)
}
/// A GML file.
pub fn gml(data: &[u8]) {
    network_file(Some(Format::Gml), data)
}
/// A GraphML file.
pub fn graphml(data: &[u8]) {
    network_file(Some(Format::Graphml), data)
}
/// A GEXF file.
pub fn gexf(data: &[u8]) {
    network_file(Some(Format::Gexf), data)
}
/// A Pajek file.
pub fn pajek(data: &[u8]) {
    network_file(Some(Format::Pajek), data)
}
/// A node-link JSON file.
pub fn node_link(data: &[u8]) {
    network_file(Some(Format::Json), data)
}
/// A Gephi CSV edge table.
pub fn gephi_csv(data: &[u8]) {
    network_file(Some(Format::GephiCsv), data)
}
