//! The core's layers, read from its source: no module imports one that imports it back
//! (directly or through others), and the descriptions never reach the world, nor the world the
//! strategies or the build. The graph is over the top-level modules of `src/` (a folder counts
//! as one module), from every `crate::name` outside comments and test modules.
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

fn module_of(rel: &Path) -> Option<String> {
    let first = rel.components().next()?.as_os_str().to_str()?.to_string();
    if first == "bin" || first == "lib.rs" {
        return None;
    }
    Some(first.trim_end_matches(".rs").to_string())
}

fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    let mut stack = vec![src.clone()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                files.push(p);
            }
        }
    }
    let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for f in files {
        let Some(m) = module_of(f.strip_prefix(&src).unwrap()) else {
            continue;
        };
        let text = std::fs::read_to_string(&f).unwrap();
        // the code only: test modules (at the end of a file) and comments do not count
        let code = text.split("#[cfg(test)]").next().unwrap();
        let deps = g.entry(m.clone()).or_default();
        for line in code.lines() {
            let line = line.split("//").next().unwrap();
            let mut rest = line;
            while let Some(i) = rest.find("crate::") {
                rest = &rest[i + 7..];
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() && name != m {
                    deps.insert(name);
                }
            }
            // `use crate::{a, b::c}` lists
            if let Some(i) = line.find("use crate::{") {
                for part in line[i + 12..].split(',') {
                    let name: String = part
                        .trim()
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect();
                    if !name.is_empty() && name != m {
                        deps.insert(name);
                    }
                }
            }
        }
    }
    g
}

fn reaches(g: &BTreeMap<String, BTreeSet<String>>, from: &str) -> BTreeSet<String> {
    let mut seen = BTreeSet::new();
    let mut todo = vec![from.to_string()];
    while let Some(m) = todo.pop() {
        for d in g.get(&m).into_iter().flatten() {
            if seen.insert(d.clone()) {
                todo.push(d.clone());
            }
        }
    }
    seen
}

#[test]
fn no_module_imports_one_that_imports_it_back() {
    let g = graph();
    assert!(g.len() > 15, "read the modules: {:?}", g.keys());
    for m in g.keys() {
        let r = reaches(&g, m);
        assert!(!r.contains(m), "a cycle through {m}: it reaches {r:?}");
    }
}

#[test]
fn each_layer_depends_only_on_those_below() {
    let g = graph();
    let world_and_above = [
        "simulation",
        "influence",
        "build",
        "metrics",
        "costs",
        "montecarlo",
        "compare",
        "analysis",
    ];
    for description in ["scenario", "seeding", "campaign", "address", "error"] {
        let r = reaches(&g, description);
        for up in world_and_above {
            assert!(
                !r.contains(up),
                "the description `{description}` reaches `{up}`: {r:?}"
            );
        }
    }
    let r = reaches(&g, "simulation");
    for up in [
        "influence",
        "build",
        "analysis",
        "metrics",
        "costs",
        "montecarlo",
        "compare",
        "scenario",
    ] {
        assert!(!r.contains(up), "the world reaches `{up}`: {r:?}");
    }
    let r = reaches(&g, "influence");
    for up in ["build", "montecarlo", "compare", "costs"] {
        assert!(!r.contains(up), "the strategies reach `{up}`: {r:?}");
    }
    for analysis in ["metrics", "costs", "montecarlo", "compare", "analysis"] {
        assert!(
            !reaches(&g, analysis).contains("build"),
            "`{analysis}` reaches the build"
        );
    }
}

/// The core library never names the CLI's crates: they come with the `cli` feature, for the
/// binary alone (`src/bin/`), and the bindings take the core without that feature.
#[test]
fn the_core_does_not_use_the_cli_crates() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut stack = vec![src.clone()];
    let mut read = 0;
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            let rel = p.strip_prefix(&src).unwrap();
            if rel.starts_with("bin") {
                continue;
            }
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                read += 1;
                let text = std::fs::read_to_string(&p).unwrap();
                for krate in ["clap::", "indicatif::", "flate2::", "clap_complete::"] {
                    assert!(!text.contains(krate), "{} uses {krate}", rel.display());
                }
            }
        }
    }
    assert!(read > 20, "read the core: {read} files");
    let manifest =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("web/Cargo.toml"))
            .unwrap();
    assert!(
        manifest.contains("default-features = false"),
        "the bindings take the core without the CLI's feature"
    );
}
