//! The fuzz corpus (`fuzz/replay/*.bin`, packed by `scripts/fuzz.sh`) replayed through the
//! bindings in headless Chromium: whatever a parser accepted or refused natively, the page's
//! entry points (`parseAddress`, `new Simulation`, `step`) answer with a value or a JS `Error`,
//! never a trap. Inputs are laid out as for the native targets (`fuzz/targets.rs`).
#![cfg(target_arch = "wasm32")]

use viralsim::io::Limits;
use viralsim_web::{parse_address, Simulation};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The packed inputs: repeated (u32 little-endian length, bytes).
fn unpack(bin: &[u8]) -> Vec<&[u8]> {
    let mut out = Vec::new();
    let mut i = 0;
    while i + 4 <= bin.len() {
        let n = u32::from_le_bytes(bin[i..i + 4].try_into().unwrap()) as usize;
        i += 4;
        out.push(&bin[i..(i + n).min(bin.len())]);
        i += n;
    }
    out
}

fn split0(data: &[u8]) -> (&[u8], Option<&[u8]>) {
    match data.iter().position(|&b| b == 0) {
        Some(i) => (&data[..i], Some(&data[i + 1..])),
        None => (data, None),
    }
}

/// The fuzzers' small limits: an input is replayed through the bindings (with the page's larger
/// limits) only when its network fits these, so that the replay stays fast.
fn small() -> Limits {
    Limits {
        max_nodes: 2_000,
        max_edges: 20_000,
        ..Limits::default()
    }
}

/// Whether a scenario is cheap enough to build here (the same rule as the native targets).
fn cheap(s: &viralsim::Scenario, file: Option<&str>) -> bool {
    let greedy_runs = match &s.seeds {
        viralsim::Seeding::Celf { runs, .. } | viralsim::Seeding::Budget { runs, .. } => *runs,
        _ => 0,
    };
    greedy_runs <= 50 && s.network.build(s.seed, &small(), file).is_ok()
}

/// Builds through the bindings and steps; an `Err` is fine, a trap fails the test.
fn build_and_step(scenario: &str, file: Option<&str>, segments: Option<&str>) {
    let Ok(obj) = js_sys::JSON::parse(scenario) else {
        return;
    };
    if let Ok(mut sim) = Simulation::new(
        obj,
        file.map(str::to_string),
        segments.map(str::to_string),
        None,
    ) {
        for _ in 0..30 {
            if sim.step(1) == 0 {
                break;
            }
        }
        let _ = sim.metrics();
        let _ = sim.boost_now();
        let _ = sim.debunk_node(0);
        sim.step(1);
    }
}

fn scenario_json(network: &str) -> String {
    serde_json::json!({"network": network, "model": {"kind": "ic", "p": 0.2}, "seeds": "random:1", "seed": 1})
        .to_string()
}

#[wasm_bindgen_test]
fn address_corpus() {
    for input in unpack(include_bytes!("../../fuzz/replay/address.bin")) {
        let Ok(t) = std::str::from_utf8(input) else {
            continue;
        };
        let Ok(a) = parse_address(t) else { continue };
        let s = js_sys::Reflect::get(&a, &JsValue::from_str("scenario")).unwrap();
        if s.is_null() {
            continue;
        }
        let Ok(core) = viralsim::address::parse_address(t) else {
            continue;
        };
        let core = core.scenario.unwrap();
        if cheap(&core, None) {
            build_and_step(&serde_json::to_string(&core).unwrap(), None, None);
        }
    }
}

#[wasm_bindgen_test]
fn scenario_corpus() {
    for input in unpack(include_bytes!("../../fuzz/replay/scenario.bin")) {
        let (json, rest) = split0(input);
        let Ok(json) = std::str::from_utf8(json) else {
            continue;
        };
        let (file, segs) = match rest {
            None => (None, None),
            Some(r) => {
                let (f, s) = split0(r);
                (
                    std::str::from_utf8(f).ok(),
                    s.and_then(|s| std::str::from_utf8(s).ok()),
                )
            }
        };
        match viralsim::Scenario::from_json(json) {
            Ok(s) if cheap(&s, file) => build_and_step(json, file, segs),
            Ok(_) => {}
            // refused natively: the bindings must refuse it too, with an Error, unless JS's own
            // reading changed it (JSON.parse makes `-0` and `1e2` the numbers 0 and 100)
            Err(_) => {
                if let Ok(obj) = js_sys::JSON::parse(json) {
                    let seen: String = js_sys::JSON::stringify(&obj).unwrap().into();
                    if viralsim::Scenario::from_json(&seen).is_err() {
                        assert!(
                            Simulation::new(obj, file.map(str::to_string), None, None).is_err(),
                            "{json}"
                        );
                    }
                }
            }
        }
    }
}

#[wasm_bindgen_test]
fn network_spec_corpus() {
    for input in unpack(include_bytes!("../../fuzz/replay/network_spec.bin")) {
        let Ok(t) = std::str::from_utf8(input) else {
            continue;
        };
        let Ok(spec) = t.parse::<viralsim::NetworkSpec>() else {
            continue;
        };
        // within the fuzzers' limits (larger specs are the native replay's and the hostile
        // address test's business: here they would only be slow)
        if spec.file_name().is_none() && spec.build(1, &small(), None).is_ok() {
            build_and_step(&scenario_json(t), None, None);
        }
    }
}

#[wasm_bindgen_test]
fn edge_list_and_segments_corpus() {
    for input in unpack(include_bytes!("../../fuzz/replay/edge_list.bin")) {
        let Some((&flags, rest)) = input.split_first() else {
            continue;
        };
        let Ok(text) = std::str::from_utf8(rest) else {
            continue;
        };
        let net = if flags & 1 == 1 {
            "file:e.txt,directed"
        } else {
            "file:e.txt"
        };
        build_and_step(&scenario_json(net), Some(text), None);
    }
    for input in unpack(include_bytes!("../../fuzz/replay/segments.bin")) {
        let Some((&flags, rest)) = input.split_first() else {
            continue;
        };
        let (el, seg) = split0(rest);
        let (Ok(el), Some(Ok(seg))) = (std::str::from_utf8(el), seg.map(std::str::from_utf8))
        else {
            continue;
        };
        let net = if flags & 1 == 1 {
            "file:e.txt,directed,segments=s.txt"
        } else {
            "file:e.txt,segments=s.txt"
        };
        build_and_step(&scenario_json(net), Some(el), Some(seg));
    }
}
