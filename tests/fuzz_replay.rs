//! Replays the fuzz corpora on stable Rust: every input of `fuzz/replay/TARGET.bin` (the
//! minimised corpus of each cargo-fuzz target plus its crash inputs, packed by
//! `scripts/fuzz.sh`) and every file of `fuzz/crashes/TARGET/` goes through the very same
//! target function as under libFuzzer (`fuzz/targets.rs`).

#[path = "../fuzz/targets.rs"]
mod targets;

/// The inputs of a packed file: repeated little-endian `u32` length, then that many bytes.
fn unpack(bin: &'static [u8]) -> Vec<&'static [u8]> {
    let mut out = Vec::new();
    let mut rest = bin;
    while !rest.is_empty() {
        assert!(rest.len() >= 4, "truncated length in a replay file");
        let n = u32::from_le_bytes(rest[..4].try_into().unwrap()) as usize;
        assert!(rest.len() >= 4 + n, "truncated input in a replay file");
        out.push(&rest[4..4 + n]);
        rest = &rest[4 + n..];
    }
    out
}

fn replay(name: &str, bin: &'static [u8], f: fn(&[u8])) {
    let inputs = unpack(bin);
    for (i, input) in inputs.iter().enumerate() {
        let r = std::panic::catch_unwind(|| f(input));
        if r.is_err() {
            panic!(
                "{name}: input {i} of fuzz/replay/{name}.bin panics: {:?}",
                String::from_utf8_lossy(input)
            );
        }
    }
}

#[test]
fn replay_edge_list() {
    replay(
        "edge_list",
        include_bytes!("../fuzz/replay/edge_list.bin"),
        targets::edge_list,
    );
}

#[test]
fn replay_segments() {
    replay(
        "segments",
        include_bytes!("../fuzz/replay/segments.bin"),
        targets::segments,
    );
}

#[test]
fn replay_scenario() {
    replay(
        "scenario",
        include_bytes!("../fuzz/replay/scenario.bin"),
        targets::scenario,
    );
}

#[test]
fn replay_network_spec() {
    replay(
        "network_spec",
        include_bytes!("../fuzz/replay/network_spec.bin"),
        targets::network_spec,
    );
}

#[test]
fn replay_address() {
    replay(
        "address",
        include_bytes!("../fuzz/replay/address.bin"),
        targets::address,
    );
}

/// Seconds a crash input may run before it counts as still hanging (a fixed one takes
/// milliseconds).
#[test]
fn replay_network_file() {
    replay(
        "network_file",
        include_bytes!("../fuzz/replay/network_file.bin"),
        targets::network_file_any,
    );
}

#[test]
fn replay_gml() {
    replay(
        "gml",
        include_bytes!("../fuzz/replay/gml.bin"),
        targets::gml,
    );
}

#[test]
fn replay_graphml() {
    replay(
        "graphml",
        include_bytes!("../fuzz/replay/graphml.bin"),
        targets::graphml,
    );
}

#[test]
fn replay_gexf() {
    replay(
        "gexf",
        include_bytes!("../fuzz/replay/gexf.bin"),
        targets::gexf,
    );
}

#[test]
fn replay_pajek() {
    replay(
        "pajek",
        include_bytes!("../fuzz/replay/pajek.bin"),
        targets::pajek,
    );
}

#[test]
fn replay_node_link() {
    replay(
        "node_link",
        include_bytes!("../fuzz/replay/node_link.bin"),
        targets::node_link,
    );
}

#[test]
fn replay_gephi_csv() {
    replay(
        "gephi_csv",
        include_bytes!("../fuzz/replay/gephi_csv.bin"),
        targets::gephi_csv,
    );
}

const CRASH_TIME_LIMIT_S: u64 = 5;

/// Replays `data` with `f` in strict mode (no known bug tolerated or skipped, see
/// `targets::set_strict`), in a thread of its own: `Err` says how it failed. A hanging input is
/// left running in its thread (the test process ends it when it exits).
fn replay_strict(f: fn(&[u8]), data: Vec<u8>) -> Result<(), String> {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        targets::set_strict(true);
        let r = std::panic::catch_unwind(|| f(&data));
        let _ = tx.send(r.is_ok());
    });
    match rx.recv_timeout(std::time::Duration::from_secs(CRASH_TIME_LIMIT_S)) {
        Ok(true) => Ok(()),
        Ok(false) => Err("panics".into()),
        Err(_) => Err(format!("still runs after {CRASH_TIME_LIMIT_S} s")),
    }
}

/// A fuzz target: its name and its body.
type Target = (&'static str, fn(&[u8]));

/// Every file under `fuzz/crashes/TARGET/`, read at run time (a crash found and filed after
/// this test was compiled is replayed too), in strict mode and under a time limit. Reports all
/// failing files, then fails.
#[test]
fn replay_crash_files() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/crashes");
    let all: [Target; 12] = [
        ("network_file", targets::network_file_any),
        ("gml", targets::gml),
        ("graphml", targets::graphml),
        ("gexf", targets::gexf),
        ("pajek", targets::pajek),
        ("node_link", targets::node_link),
        ("gephi_csv", targets::gephi_csv),
        ("edge_list", targets::edge_list),
        ("segments", targets::segments),
        ("scenario", targets::scenario),
        ("network_spec", targets::network_spec),
        ("address", targets::address),
    ];
    let mut failed = Vec::new();
    for (name, f) in all {
        let Ok(dir) = std::fs::read_dir(root.join(name)) else {
            continue;
        };
        let mut paths: Vec<_> = dir.filter_map(|e| e.ok()).map(|e| e.path()).collect();
        paths.sort();
        for path in paths {
            let hidden = path
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'));
            if !path.is_file() || hidden {
                continue;
            }
            let data = std::fs::read(&path).unwrap();
            if let Err(why) = replay_strict(f, data) {
                failed.push(format!("{} {why}", path.display()));
            }
        }
    }
    assert!(
        failed.is_empty(),
        "crash inputs that still fail: {failed:#?}"
    );
}
