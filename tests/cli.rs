//! The `viralsim` binary on real files and flags.
use std::io::Write;
use std::process::{Command, Output};

fn viralsim(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_viralsim"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn json(args: &[&str]) -> serde_json::Value {
    let out = viralsim(args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("stdout is JSON")
}

fn tmp(name: &str, content: &[u8]) -> String {
    let dir = std::env::temp_dir().join(format!("viralsim-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, content).unwrap();
    p.to_string_lossy().into_owned()
}

#[test]
fn run_json_has_the_documented_fields() {
    let v = json(&[
        "run",
        "--generate",
        "ba:n=2000,m=3",
        "--model",
        "ic",
        "--p",
        "0.05",
        "--seeds",
        "top-degree:5",
        "--runs",
        "200",
        "--seed",
        "9",
    ]);
    assert_eq!(v["nodes"], 2000);
    assert_eq!(v["edges"], 3 * (2000 - 3));
    assert_eq!(v["runs"], 200);
    assert_eq!(v["seed"], 9);
    let mean = v["reach"]["mean"].as_f64().unwrap();
    let ci = v["reach"]["ci95"].as_array().unwrap();
    assert!(ci[0].as_f64().unwrap() < mean && mean < ci[1].as_f64().unwrap());
    assert!(v["reach"]["std"].as_f64().unwrap() > 0.0);
    let curve = &v["curve"];
    let n = curve["mean"].as_array().unwrap().len();
    assert!(
        n > 1
            && curve["p05"].as_array().unwrap().len() == n
            && curve["p95"].as_array().unwrap().len() == n
    );
    assert_eq!(
        curve["mean"][n - 1].as_f64().unwrap(),
        mean,
        "the curve ends at the mean reach"
    );
    assert!(v["metrics"]["depth"].as_f64().unwrap() >= 1.0);
    assert!(v["elapsed_ms"].as_f64().unwrap() >= 0.0);
    assert_eq!(v["scenario"]["network"], "ba:n=2000,m=3");
    assert!(v["history"].is_null(), "history only for single runs");
}

#[test]
fn same_command_same_numbers_whatever_the_threads() {
    let args = |t: &'static str| {
        [
            "run",
            "--generate",
            "ws:n=3000,k=6,p=0.1",
            "--model",
            "sir",
            "--beta",
            "0.2",
            "--gamma",
            "0.3",
            "--seeds",
            "random:2",
            "--runs",
            "300",
            "--threads",
            t,
        ]
    };
    let mut a = json(&args("1"));
    let mut b = json(&args("2"));
    for v in [&mut a, &mut b] {
        v["elapsed_ms"] = 0.into();
        v["runs_per_second"] = 0.into();
    }
    assert_eq!(a, b);
}

#[test]
fn csv_has_one_row_per_step() {
    let out = viralsim(&[
        "run",
        "--generate",
        "path:n=6",
        "--model",
        "ic",
        "--p",
        "1",
        "--seeds",
        "nodes:0",
        "--format",
        "csv",
    ]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    // the page's download has the same columns (one report module renders both)
    assert_eq!(
        lines[0],
        "step,reach_mean,reach_p05,reach_p95,active_mean,active_p05,active_p95,ad_driven_mean,word_of_mouth_mean"
    );
    assert_eq!(
        lines.len(),
        1 + 7,
        "steps 0..=6 (the last finds nothing left to do)"
    );
    assert_eq!(lines[1], "0,1,1,1,1,1,1,0,1");
    assert_eq!(lines[6], "5,6,6,6,1,1,1,0,6");
    assert_eq!(lines[7], "6,6,6,6,0,0,0,0,6");
}

#[test]
fn reads_edge_list_files_with_labels_and_gzip() {
    let csv = tmp(
        "friends.csv",
        b"# who talks to whom\nsource,target\nana,ben\nben,cleo\ncleo,dan\n",
    );
    let v = json(&[
        "run",
        "--graph",
        &csv,
        "--model",
        "ic",
        "--p",
        "1",
        "--seeds",
        "nodes:ana",
        "--format",
        "json",
    ]);
    assert_eq!(
        (v["nodes"].as_u64(), v["edges"].as_u64()),
        (Some(4), Some(3))
    );
    assert_eq!(v["reach"]["mean"], 4.0);
    assert_eq!(v["scenario"]["network"], "file:friends.csv");
    // gzip
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(b"1 2\n2 3\n").unwrap();
    let path = tmp("g.txt.gz", &gz.finish().unwrap());
    let v = json(&["info", "--graph", &path, "--format", "json"]);
    assert_eq!(
        (v["nodes"].as_u64(), v["edges"].as_u64()),
        (Some(3), Some(2))
    );
}

#[test]
fn info_on_ego_facebook() {
    let v = json(&["info", "--generate", "facebook", "--format", "json"]);
    assert_eq!(
        (
            v["nodes"].as_u64(),
            v["edges"].as_u64(),
            v["components"].as_u64()
        ),
        (Some(4039), Some(88234), Some(1))
    );
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/ego-facebook.txt");
    let v = json(&["info", "--graph", path, "--format", "json"]);
    assert_eq!(v["nodes"], 4039);
    // SNAP lists an average clustering coefficient of 0.6055
    assert!((v["average_clustering"].as_f64().unwrap() - 0.6055).abs() < 5e-5);
}

#[test]
fn scenario_file_and_out_file() {
    let sc = tmp("s.json", br#"{"network":"karate","model":{"kind":"ic","p":0.2},"seeds":"nodes:0","seed":42,"max_steps":50}"#);
    let out = tmp("out.json", b"");
    let o = viralsim(&["run", "--scenario", &sc, "--out", &out]);
    assert!(o.status.success() && o.stdout.is_empty());
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    // the golden trajectory of this scenario (tests/golden/scenarios.json)
    let golden: serde_json::Value =
        serde_json::from_str(include_str!("golden/scenarios.json")).unwrap();
    assert_eq!(golden[0]["name"], "karate-ic");
    assert_eq!(v["history"]["counts"], golden[0]["counts"]);
    // flags override the scenario
    let v = json(&["run", "--scenario", &sc, "--model", "ic", "--p", "0"]);
    assert_eq!(v["reach"]["mean"], 1.0);
}

#[test]
fn bad_input_exits_2_with_one_line_and_no_stdout() {
    let malformed = tmp("bad.txt", b"0 1\n1 2\n3\n");
    let karate = "run --generate karate --model ic --p 0.1 --seeds random:1";
    let cases: Vec<(String, &str)> = vec![
        (
            "run --generate karate --model voter --seeds random:1".into(),
            "invalid value 'voter' for '--model <MODEL>'",
        ),
        (
            "run --generate karate --model ic --p 1.5 --seeds random:1".into(),
            "--p: must be a probability in [0, 1], got 1.5",
        ),
        (
            "run --graph /no/such/file.txt --model ic --p 0.1 --seeds random:1".into(),
            "--graph: cannot read '/no/such/file.txt'",
        ),
        (
            format!("run --graph {malformed} --model ic --p 0.1 --seeds random:1"),
            "line 3: expected 'source target [weight]', found 1 field",
        ),
        (
            "run --generate karate --model ic --p 0.1 --seeds random:-2".into(),
            "'--seeds <SEEDS>': seeds: the number of seeds must be at least 1, got -2",
        ),
        (
            format!("{karate} --runs -5"),
            "'--runs <R>': -5 is not in 1..=10000000",
        ),
        (
            format!("{karate} --runs x"),
            "invalid value 'x' for '--runs <R>'",
        ),
        (
            "run --generate karate --model sir --beta 0.1 --seeds random:1".into(),
            "--gamma: sir needs --gamma",
        ),
        (
            "run --generate karate --model ic --beta 0.1 --seeds random:1".into(),
            "--beta: not a parameter of ic",
        ),
        (
            "run --generate er:n=100,p=2 --model ic --p 0.1 --seeds random:1".into(),
            "--generate: network.p: must be a probability",
        ),
        (
            "run --generate ba:n=50000000,m=5 --model ic --p 0.1 --seeds random:1".into(),
            "over the limit of 5000000",
        ),
        (
            format!("info --graph {malformed} --max-edges 1"),
            "line 2 (edges): 2 is over the limit of 1",
        ),
        (
            "run --generate karate --model ic --p 0.1 --seeds nodes:77".into(),
            "--seeds: node '77' is not in the network",
        ),
        (
            format!("{karate} --format xml"),
            "invalid value 'xml' for '--format <FORMAT>'",
        ),
        (
            format!("{karate} --colour"),
            "unexpected argument '--colour'",
        ),
        (
            "run --generate karate --model ic --p 0.1".into(),
            "--seeds: required",
        ),
        (
            format!("{karate} --epsilon 0.2"),
            "--epsilon: only used with --seeds imm:K",
        ),
        (
            format!("{karate} --ad-impressions 5"),
            "ads need --ad-impressions, --ad-conversion and --ad-steps",
        ),
        (
            format!("{karate} --ad-impressions 5 --ad-conversion 2 --ad-steps 3"),
            "--ad-conversion: must be a probability",
        ),
        (
            format!("{karate} --cost-per-seed -1"),
            "--cost-per-seed: must be a number ≥ 0",
        ),
        ("launch".into(), "unrecognized subcommand 'launch'"),
    ];
    for (line, msg) in cases {
        let args: Vec<&str> = line.split_whitespace().collect();
        let out = viralsim(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}: nothing on stdout");
        let err = String::from_utf8(out.stderr).unwrap();
        // the core's errors are one line; clap's add a usage line and a tip
        let first = err.lines().next().unwrap_or_default();
        assert!(
            first.starts_with("error: ") && first.contains(msg),
            "{args:?}: {err}"
        );
        assert!(err.lines().count() <= 5, "{args:?}: short: {err}");
    }
}

#[test]
fn help_and_version() {
    let out = viralsim(&["--help"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Usage: viralsim <COMMAND>"), "{text}");
    for cmd in ["run", "info", "compare", "sweep", "theory", "completions"] {
        assert!(text.contains(&format!("\n  {cmd} ")), "{cmd}: {text}");
    }
    // each command's help lists its own flags, from their doc comments, and no other's
    let run = String::from_utf8(viralsim(&["run", "--help"]).stdout).unwrap();
    assert!(run.contains("--seeds <SEEDS>") && run.contains("top-degree:K"));
    assert!(run.contains("--cost-per-seed <X>") && run.contains("Campaign"));
    let info = String::from_utf8(viralsim(&["info", "--help"]).stdout).unwrap();
    assert!(info.contains("--graph <FILE>") && !info.contains("--seeds"));
    let sweep = String::from_utf8(viralsim(&["sweep", "--help"]).stdout).unwrap();
    assert!(sweep.contains("--p <LIST>") && !sweep.contains("--cost-per-seed"));
    let theory = String::from_utf8(viralsim(&["theory", "--help"]).stdout).unwrap();
    assert!(theory.contains("--model <MODEL>") && theory.contains("--generate <SPEC>"));
    assert!(!theory.contains("--seeds") && !theory.contains("--runs"));
    // a typo gets a suggestion
    let out = viralsim(&["run", "--generate", "karate", "--max-step", "3"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("'--max-steps'"));
    // completions for three shells
    for shell in ["bash", "zsh", "fish"] {
        let out = viralsim(&["completions", shell]);
        assert!(out.status.success(), "{shell}");
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(
            text.contains("viralsim") && text.contains("max-steps"),
            "{shell}"
        );
    }
    let out = viralsim(&["--version"]);
    assert!(String::from_utf8(out.stdout)
        .unwrap()
        .starts_with("viralsim "));
}

#[test]
fn content_and_intervention_flags() {
    // a segments file gives the per-segment table and lets seeds target a segment
    let g = tmp("aud.txt", b"a b\nb c\nc d\nd e\ne f\n");
    let s = tmp("aud-seg.txt", b"id,segment\na 0\nb 0\nc 0\nd 1\ne 1\nf 1\n");
    let v = json(&[
        "run",
        "--graph",
        &g,
        "--segments",
        &s,
        "--model",
        "ic",
        "--p",
        "1",
        "--seeds",
        "top-degree:1",
        "--seed-segment",
        "1",
        "--stickiness",
        "0/1",
    ]);
    assert_eq!(
        v["scenario"]["network"],
        "file:aud.txt,segments=aud-seg.txt"
    );
    assert_eq!(v["scenario"]["campaign"]["seed_segment"], 1);
    // the seed is d (the first best-connected node of segment 1); segment 0 never takes it up
    assert_eq!(v["reach"]["mean"], 3.0);
    assert_eq!(v["segments"][0]["reached"]["mean"], 0.0);
    // a debunked rumour reaches fewer people than the same rumour left alone
    let reach = |extra: &[&str]| {
        let mut args = vec![
            "run",
            "--generate",
            "complete:n=100",
            "--model",
            "rumor",
            "--seeds",
            "random:1",
            "--runs",
            "2000",
        ];
        args.extend_from_slice(extra);
        json(&args)["reach"]["mean"].as_f64().unwrap()
    };
    assert!(reach(&["--debunk", "2:random:20"]) < reach(&[]) - 5.0);
    // errors name the flag or the file's line
    for (args, msg) in [
        (
            vec![
                "--graph",
                g.as_str(),
                "--segments",
                s.as_str(),
                "--stickiness",
                "1",
            ],
            "--stickiness: gives 1 values but the network has 2 segments",
        ),
        (
            vec!["--generate", "karate", "--half-life", "-1"],
            "--half-life: must be a number of steps > 0, got -1",
        ),
        (
            vec!["--generate", "karate", "--boost-at", "soon"],
            "invalid value 'soon' for '--boost-at <T,...>'",
        ),
        (
            vec!["--generate", "karate", "--debunk", "3:top-degree:2"],
            "debunk is defined for rumor, sir and sis",
        ),
    ] {
        let mut all = vec!["run", "--model", "ic", "--p", "0.1", "--seeds", "random:1"];
        all.extend(args.iter().copied());
        let out = viralsim(&all);
        assert_eq!(out.status.code(), Some(2), "{all:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(msg), "{all:?}: {err}");
    }
    let bad = tmp("bad-seg.txt", b"a 0\nb 0\nzed 1\n");
    let out = viralsim(&[
        "run",
        "--graph",
        &g,
        "--segments",
        &bad,
        "--model",
        "ic",
        "--p",
        "0.1",
        "--seeds",
        "random:1",
    ]);
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("line 3: node 'zed' is not in the network")
    );
}

/// What issue 8 found in the CLI: each input now gets one clear line (exit 2) or a correct
/// result, quickly and in little memory.
#[test]
fn hostile_inputs_from_issue_8() {
    let fails = |args: &[&str], msg: &str| {
        let t0 = std::time::Instant::now();
        let out = viralsim(args);
        let err = String::from_utf8_lossy(&out.stderr).into_owned();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(out.stdout.is_empty(), "{args:?}");
        let first = err.lines().next().unwrap_or_default();
        assert!(first.contains(msg), "{args:?}: {err}");
        assert!(
            t0.elapsed().as_secs() < 10,
            "{args:?} took {:?}",
            t0.elapsed()
        );
    };
    fn run(spec: &str) -> Vec<&str> {
        vec![
            "run",
            "--generate",
            spec,
            "--model",
            "ic",
            "--p",
            "0.1",
            "--seeds",
            "random:1",
        ]
    }
    for (spec, msg) in [
        (
            "ba:n=0,m=18446744073709551615",
            "network.n: must be greater than m",
        ),
        (
            "hk:n=0,m=18446744073709551615,pt=0.5",
            "network.n: must be greater than m",
        ),
        (
            "sbm:sizes=18446744073709551615/2,pin=0.1,pout=0.1",
            "network (nodes): 18446744073709551615 is over the limit",
        ),
        (
            "sbm:sizes=5/18446744073709551615,pin=0.1,pout=0.1",
            "network (nodes)",
        ),
        (
            "ring:n=5,k=18446744073709551614",
            "network.n: must be greater than k = 18446744073709551614, got 5",
        ),
    ] {
        fails(&run(spec), msg);
    }
    let k = ["run", "--generate", "karate", "--model", "ic", "--p", "0.1"];
    fails(
        &[&k[..], &["--seeds", "imm:1", "--epsilon", "0.001"]].concat(),
        "--epsilon: must be in [0.01, 1), got 0.001",
    );
    fails(
        &[&k[..], &["--seeds", "celf:1,runs=4294967295"]].concat(),
        "celf runs must be a whole number from 1 to 10000",
    );
    fails(
        &[&k[..], &["--seeds", "random:1", "--max-nodes", "0"]].concat(),
        "network (nodes): 34 is over the limit of 0",
    );
    // CELF's evaluation runs stop at max_steps, and work that SIS or a late boost would force is
    // counted before it starts (both found by fuzzing)
    let t0 = std::time::Instant::now();
    json(&[
        "run",
        "--generate",
        "karate",
        "--model",
        "sis",
        "--beta",
        "1",
        "--gamma",
        "0.1",
        "--seeds",
        "celf:1,runs=1",
        "--runs",
        "1",
    ]);
    assert!(t0.elapsed().as_secs() < 10);
    fails(
        &[
            "run",
            "--generate",
            "karate",
            "--model",
            "sis",
            "--beta",
            "1",
            "--gamma",
            "0.1",
            "--seeds",
            "celf:1,runs=10000",
            "--max-steps",
            "1000000",
        ],
        "celf would simulate 340000 runs of at least 1000000 steps each",
    );
    // found by fuzzing too: SIR with a tiny γ and Bass with ads keep runs going as long
    fails(
        &[
            "run",
            "--generate",
            "karate",
            "--model",
            "sir",
            "--beta",
            "0.5",
            "--gamma",
            "0.000001",
            "--seeds",
            "celf:1,runs=10",
            "--max-steps",
            "1000000",
        ],
        "celf would simulate 340 runs of at least 1000000 steps each",
    );
    fails(
        &[
            "run",
            "--generate",
            "karate",
            "--model",
            "bass",
            "--p",
            "0.000001",
            "--q",
            "0.1",
            "--seeds",
            "celf:1,runs=10",
            "--max-steps",
            "1000000",
        ],
        "celf would simulate 340 runs",
    );
    fails(
        &[
            &k[..],
            &["--seeds", "random:1", "--ad-impressions", "4294967295"],
        ]
        .concat(),
        "--ad-impressions",
    );
    fails(
        &[&k[..], &["--seeds", "random:1", "--runs", "4294967295"]].concat(),
        "'--runs <R>': 4294967295 is not in 1..=10000000",
    );
    // a gzip bomb stops at --max-bytes while it is decompressed
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    for _ in 0..64 {
        gz.write_all(&[b'\n'; 1 << 20]).unwrap();
    }
    let bomb = tmp("bomb.txt.gz", &gz.finish().unwrap());
    fails(
        &["info", "--graph", &bomb, "--max-bytes", "1000000"],
        "--max-bytes: '",
    );
    // a segments error repeats at most 60 characters of the line
    let edges = tmp("seg-net.txt", b"a b\nb c\n");
    let long = format!("a {}\n", "9".repeat(100_000));
    let segs = tmp("seg-long.txt", long.as_bytes());
    let out = viralsim(&["info", "--graph", &edges, "--segments", &segs]);
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.len() < 300,
        "the message echoes the whole line: {} bytes",
        err.len()
    );
}

#[test]
fn bom_before_a_header_is_not_an_edge() {
    let f = tmp("bom.csv", "\u{feff}source,target\na,b\nb,c\n".as_bytes());
    let v = json(&["info", "--graph", &f, "--format", "json"]);
    assert_eq!(
        (v["nodes"].as_u64(), v["edges"].as_u64()),
        (Some(3), Some(2))
    );
}

/// SIS: generations, parents and causes are those of each person's first infection, so the
/// table shows them ("reached" means ever infected).
#[test]
fn sis_records_keep_the_first_infection() {
    let v = json(&[
        "run",
        "--generate",
        "ba:n=300,m=2",
        "--model",
        "sis",
        "--beta",
        "0.2",
        "--gamma",
        "0.3",
        "--seeds",
        "top-degree:3",
        "--max-steps",
        "30",
        "--runs",
        "200",
    ]);
    let m = &v["metrics"];
    assert_eq!(m["reach_seeds"].as_f64(), Some(3.0));
    let r = m["offspring_by_generation"].as_array().unwrap();
    assert!(r[0].as_f64().unwrap() > 1.0, "R of the seeds: {r:?}");
    let words = m["reach_word_of_mouth"].as_f64().unwrap();
    assert!((words + 3.0 - v["reach"]["mean"].as_f64().unwrap()).abs() < 1e-9);
}

/// The page's address runs in the CLI as in the page; what the address parser rejects, the CLI
/// rejects with the same words.
#[test]
fn address_runs_as_the_scenario_it_names() {
    let a = json(&[
        "run", "--address", "http://127.0.0.1:8080/#network=karate&model=sis&beta=0.2&gamma=0.3&seeds=random:2&seed=4&max_steps=5&lang=fr",
        "--runs", "50",
    ]);
    let b = json(&[
        "run",
        "--generate",
        "karate",
        "--model",
        "sis",
        "--beta",
        "0.2",
        "--gamma",
        "0.3",
        "--seeds",
        "random:2",
        "--seed",
        "4",
        "--max-steps",
        "5",
        "--runs",
        "50",
    ]);
    assert_eq!(a["reach"], b["reach"]);
    assert_eq!(a["curve"]["mean"].as_array().unwrap().len(), 6);
    let out = viralsim(&[
        "run",
        "--address",
        "#network=ba:n=300,mm=5&model=ic&p=0.1&seeds=random:1&seed=1",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains("--address: network.mm: ba has no parameter 'mm'"));
}

/// A scenario names its files (`file:audience.csv,segments=groups.csv`): they are read next to
/// the scenario file, so the scenario replays with no --graph; a page export (`{"scenario": …,
/// "result": …}`) replays as it ran; compare takes segmented uploads and --segments.
#[test]
fn scenarios_replay_with_their_files() {
    let dir = std::env::temp_dir().join(format!("viralsim-replay-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("audience.csv"),
        "source,target\na,b\nb,c\nc,d\nd,a\na,c\n",
    )
    .unwrap();
    std::fs::write(dir.join("groups.csv"), "a 0\nb 0\nc 1\nd 1\n").unwrap();
    let sc = r#"{"network":"file:audience.csv,segments=groups.csv","model":{"kind":"ic","p":0.5},"seeds":"nodes:a","seed":3}"#;
    let sc_path = dir.join("plan.json");
    std::fs::write(&sc_path, sc).unwrap();
    let p = sc_path.to_string_lossy().into_owned();
    let by_file = json(&["run", "--scenario", &p, "--runs", "200"]);
    let graph = dir.join("audience.csv").to_string_lossy().into_owned();
    let segs = dir.join("groups.csv").to_string_lossy().into_owned();
    let by_flags = json(&[
        "run",
        "--graph",
        &graph,
        "--segments",
        &segs,
        "--model",
        "ic",
        "--p",
        "0.5",
        "--seeds",
        "nodes:a",
        "--seed",
        "3",
        "--runs",
        "200",
    ]);
    assert_eq!(by_file["reach"], by_flags["reach"]);
    assert_eq!(by_file["segments"], by_flags["segments"]);
    // a page export holds the scenario
    let export = dir.join("viralsim-runs.json");
    std::fs::write(
        &export,
        format!(r#"{{"scenario": {sc}, "result": {{"runs": 200}}}}"#),
    )
    .unwrap();
    let again = json(&[
        "run",
        "--scenario",
        &export.to_string_lossy(),
        "--runs",
        "200",
    ]);
    assert_eq!(again["reach"], by_file["reach"]);
    // compare: two plans on the segmented upload, and with --graph and --segments
    let other = dir.join("ads.json");
    std::fs::write(&other, sc.replace("\"seed\":3", "\"seed\":3,\"campaign\":{\"ads\":{\"impressions_per_step\":1,\"conversion\":0.5,\"steps\":2,\"segment\":1}}")).unwrap();
    let o = other.to_string_lossy().into_owned();
    let c = json(&["compare", &p, &o, "--runs", "100", "--format", "json"]);
    assert_eq!(c["scenarios"].as_array().unwrap().len(), 2);
    let c2 = json(&[
        "compare",
        &p,
        &o,
        "--graph",
        &graph,
        "--segments",
        &segs,
        "--runs",
        "100",
        "--format",
        "json",
    ]);
    assert_eq!(c["scenarios"], c2["scenarios"]);
    // a missing file is named, with the way out
    std::fs::remove_file(dir.join("groups.csv")).unwrap();
    let out = viralsim(&["run", "--scenario", &p]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("groups.csv"));
}

/// `--threads` spreads IMM's RR sets over threads without changing the seeds: the whole run
/// (trajectory, metrics) is the same for 1, 2 and 3 threads.
#[test]
fn imm_seeds_do_not_depend_on_the_threads() {
    let run = |threads: &str| {
        let mut v = json(&[
            "run",
            "--generate",
            "ba:n=3000,m=3",
            "--model",
            "ic",
            "--weights",
            "in_degree",
            "--seeds",
            "imm:5",
            "--epsilon",
            "0.05",
            "--runs",
            "1",
            "--seed",
            "3",
            "--threads",
            threads,
        ]);
        let o = v.as_object_mut().unwrap();
        o.remove("elapsed_ms");
        o.remove("runs_per_second");
        v
    };
    let one = run("1");
    assert_eq!(one, run("2"));
    assert_eq!(one, run("3"));
}

/// `run --export-network FILE` writes the network with each person's result of the single run;
/// with Monte Carlo runs it is refused, naming the flag; the header decision goes to stderr.
#[test]
fn export_network_and_the_header_note() {
    let gml = tmp(
        "chain.gml",
        b"graph [ directed 1 node [ id 1 ] node [ id 2 ] node [ id 3 ] edge [ source 1 target 2 ] edge [ source 2 target 3 ] ]\n",
    );
    let out_file = tmp("result.graphml", b"");
    let o = viralsim(&[
        "run",
        "--graph",
        &gml,
        "--model",
        "ic",
        "--p",
        "1",
        "--seeds",
        "nodes:1",
        "--export-network",
        &out_file,
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let text = std::fs::read_to_string(&out_file).unwrap();
    let back = viralsim::formats::read_network(&text, &Default::default()).unwrap();
    assert_eq!(back.format, viralsim::formats::Format::Graphml);
    let net = back.network;
    let told = &net.attribute("told_by").unwrap().values;
    assert_eq!(told, &[None, Some("1".to_string()), Some("2".to_string())]);
    let cause = &net.attribute("cause").unwrap().values;
    assert_eq!(cause[0].as_deref(), Some("seed"));
    let o = viralsim(&[
        "run",
        "--graph",
        &gml,
        "--model",
        "ic",
        "--p",
        "1",
        "--seeds",
        "nodes:1",
        "--runs",
        "5",
        "--export-network",
        &out_file,
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).starts_with("error: --export-network: "));
    let csv = tmp("follows.csv", b"follower,followee\nalice,bob\n");
    let o = viralsim(&["info", "--graph", &csv]);
    assert!(o.status.success());
    assert_eq!(
        String::from_utf8_lossy(&o.stderr),
        "note: line 1 'follower,followee' read as a header (known column names; --header no reads it as an edge)\n"
    );
}
