//! The CLI's outputs on a fixed set of invocations (`tests/golden/cli/cases.txt`), compared
//! with those of the binary recorded before the CLI moved to clap: the same scenario and seed
//! give the same output, whichever parser reads the flags. A failing case keeps its exit code
//! (2) and its empty stdout; its wording on stderr may change.
//!
//! `VIRALSIM_RECORD=1 cargo test --test cli_golden` writes the outputs anew (only when a
//! change of output is intended, and said in the commit); `VIRALSIM_BIN=path` records (or
//! compares) another binary's outputs.

use std::path::{Path, PathBuf};
use std::process::Command;

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/cli")
}

/// Masks what depends on the clock: `"elapsed_ms"`, `"runs_per_second"` and the table's
/// `time …` lines.
fn mask(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let trimmed = line.trim_start();
        let timed = ["\"elapsed_ms\": ", "\"runs_per_second\": "]
            .into_iter()
            .find(|k| trimmed.starts_with(k));
        if let Some(key) = timed {
            let indent = &line[..line.len() - trimmed.len()];
            let comma = if trimmed.ends_with(',') { "," } else { "" };
            out.push_str(&format!("{indent}{key}\"(masked)\"{comma}"));
        } else if trimmed.starts_with("time ") && line == trimmed {
            out.push_str("time (masked)");
        } else {
            out.push_str(line);
        }
        out.push('\n');
    }
    out
}

/// One case's record: its exit code, then its stdout (or the file it wrote with --out).
fn record(args: &[String], tmp: &Path) -> String {
    let out_file = tmp.join("out.txt");
    let _ = std::fs::remove_file(&out_file);
    let args: Vec<String> = args
        .iter()
        .map(|a| {
            if a == "OUT" {
                out_file.to_string_lossy().into_owned()
            } else {
                a.clone()
            }
        })
        .collect();
    // VIRALSIM_BIN records with another binary (the one before a change)
    let bin = std::env::var("VIRALSIM_BIN").unwrap_or(env!("CARGO_BIN_EXE_viralsim").into());
    let o = Command::new(bin)
        .args(&args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the binary runs");
    let code = o.status.code().unwrap_or(-1);
    let stdout = String::from_utf8(o.stdout).expect("stdout is UTF-8");
    let mut text = format!("exit {code}\n");
    if code != 0 {
        // errors: exit 2 and nothing on stdout; the wording is clap's or the core's
        text.push_str(&format!("stdout empty: {}\n", stdout.is_empty()));
        return text;
    }
    if args.iter().any(|a| a.contains("out.txt")) {
        text.push_str(&format!("stdout empty: {}\n--- file\n", stdout.is_empty()));
        text.push_str(&mask(
            &std::fs::read_to_string(&out_file).expect("--out wrote"),
        ));
    } else {
        text.push_str(&mask(&stdout));
    }
    text
}

#[test]
fn every_case_gives_the_recorded_output() {
    let dir = golden_dir();
    let cases = std::fs::read_to_string(dir.join("cases.txt")).expect("cases.txt");
    let tmp = std::env::temp_dir().join(format!("viralsim-cli-golden-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).unwrap();
    let recording = std::env::var_os("VIRALSIM_RECORD").is_some();
    let mut failed = Vec::new();
    let mut count = 0;
    for line in cases.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let (name, args) = line.split_once('\t').expect("name<TAB>args");
        let args: Vec<String> = args.split(' ').map(str::to_string).collect();
        let got = record(&args, &tmp);
        let path = dir.join("out").join(format!("{name}.txt"));
        count += 1;
        if recording {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &got).unwrap();
            continue;
        }
        let want = std::fs::read_to_string(&path)
            .unwrap_or_else(|_| panic!("{name}: no recorded output at {}", path.display()));
        if got != want {
            let first = got
                .lines()
                .zip(want.lines())
                .position(|(g, w)| g != w)
                .unwrap_or(got.lines().count().min(want.lines().count()));
            failed.push(format!(
                "{name}: differs at line {}:\n  got:  {:?}\n  want: {:?}",
                first + 1,
                got.lines().nth(first),
                want.lines().nth(first)
            ));
        }
    }
    let _ = std::fs::remove_dir_all(&tmp);
    assert!(count >= 50, "only {count} cases");
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}
