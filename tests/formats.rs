//! The network file formats (issue 12): every file of `tests/fixtures/formats/` (written by
//! hand for each feature and dialect, or by networkx with `scripts/make-format-fixtures.py`)
//! reads as the numbers its manifest gives; exact values on the small ones; what is written
//! reads back.

use std::path::{Path, PathBuf};
use viralsim::formats::{read_network, write, Format, ReadOptions};
use viralsim::io::HeaderMode;
use viralsim::Network;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/formats")
}

fn text(name: &str) -> String {
    std::fs::read_to_string(dir().join(name)).unwrap()
}

fn read(name: &str) -> viralsim::formats::ReadNetwork {
    read_network(
        &text(name),
        &ReadOptions {
            name: Some(name.into()),
            ..Default::default()
        },
    )
    .unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn check_manifest(manifest: &str) -> usize {
    let m: serde_json::Value = serde_json::from_str(&text(manifest)).unwrap();
    let files = m["files"].as_object().unwrap();
    for (name, want) in files {
        let r = read(name);
        let net = &r.network;
        let mut names: Vec<&str> = net.attributes().iter().map(|x| x.name.as_str()).collect();
        names.sort();
        let got = serde_json::json!({
            "format": r.format.name(),
            "nodes": net.node_count(),
            "edges": net.edge_count(),
            "directed": net.is_directed(),
            "weighted": net.is_weighted(),
            "duplicates_merged": net.report().duplicates_merged,
            "self_loops_dropped": net.report().self_loops_dropped,
            "attributes": names,
        });
        for (k, v) in want.as_object().unwrap() {
            assert_eq!(&got[k], v, "{name}: {k}");
        }
    }
    files.len()
}

#[test]
fn hand_written_files_give_their_numbers() {
    assert_eq!(check_manifest("hand.json"), 12);
}

#[test]
fn networkx_files_give_networkx_numbers() {
    assert_eq!(check_manifest("networkx.json"), 15);
}

fn values(net: &Network, attr: &str) -> Vec<Option<String>> {
    net.attribute(attr)
        .unwrap_or_else(|| panic!("no attribute {attr}"))
        .values
        .clone()
}

fn s(x: &str) -> Option<String> {
    Some(x.to_string())
}

#[test]
fn gephi_tables_exact() {
    let r = read("gephi_edges.csv");
    assert_eq!(
        r.notes,
        [
            "Gephi CSV: column 'Id' ignored",
            "Gephi CSV: column 'Label' ignored",
            "Gephi CSV: column 'timeset' ignored"
        ]
    );
    let net = r.network;
    assert_eq!(net.labels().unwrap(), ["ann", "bob", "Cyd, Jr.", "dee"]);
    assert_eq!(net.arc_weight(0, 1), Some(0.5)); // the first of the two ann → bob
    assert_eq!(net.arc_weight(2, 1), Some(1.5)); // the undirected bob – Cyd, both ways
    assert_eq!(net.arc_weight(2, 0), Some(1.0)); // no weight written: 1
    let opts = ReadOptions {
        nodes_table: Some(text("gephi_nodes.csv")),
        ..Default::default()
    };
    let net = read_network(&text("gephi_edges.csv"), &opts)
        .unwrap()
        .network;
    assert_eq!(
        net.labels().unwrap(),
        ["ann", "bob", "Cyd, Jr.", "dee", "eli"]
    );
    assert_eq!(
        values(&net, "country"),
        [s("France"), s("Germany"), s("France"), None, s("Spain")]
    );
    assert_eq!(values(&net, "label")[2], s("Cyd"));
    assert_eq!(net.attribute("followers").unwrap().number(3), Some(8000.0));
}

#[test]
fn gml_dialects_exact() {
    let net = read("igraph.gml").network;
    assert_eq!(values(&net, "name"), [s("Ann & co"), s("Bob"), s("Café")]);
    assert_eq!(net.arc_weight(1, 2), Some(1.0));
    assert_eq!(net.arc_weight(0, 1), Some(2.5));
    let r = read("networkx_nested.gml");
    assert_eq!(r.notes, ["GML: nested list 'graphics' ignored"]);
    assert_eq!(r.network.labels().unwrap(), ["10", "20", "30"]);
    assert_eq!(values(&r.network, "score"), [s("0.5"), s("1.5"), None]);
    assert_eq!(r.network.arc_weight(1, 2), Some(1.0));
}

#[test]
fn graphml_and_gexf_exact() {
    let r = read("keys.graphml");
    assert_eq!(r.notes, ["GraphML: edge key 'since' ignored"]);
    let net = r.network;
    assert_eq!(
        values(&net, "country"),
        [s("France"), s("Germany"), s("France"), s("Spain")]
    );
    assert_eq!(values(&net, "followers"), [s("10"), s("20"), None, None]);
    assert_eq!(values(&net, "vip"), [s("true"), None, None, None]);
    assert_eq!(net.arc_weight(1, 0), Some(0.25));
    assert_eq!(net.arc_weight(2, 3), Some(0.5));
    let net = read("gexf11.gexf").network;
    assert_eq!(
        values(&net, "country"),
        [s("France"), s("Germany"), s("France")]
    );
    assert_eq!(values(&net, "age"), [s("31"), s("25"), None]);
    assert_eq!(net.arc_weight(0, 1), Some(2.0));
    let net = read("gexf13.gexf").network;
    assert_eq!(
        values(&net, "label"),
        [s("Ann"), s("Bob"), s("Cyd"), s("Dee")]
    );
    assert_eq!(net.neighbors(2), [1, 3]);
    assert!(net.neighbors(3).is_empty());
    assert_eq!(net.arc_weight(2, 3), Some(0.25));
}

#[test]
fn pajek_and_json_exact() {
    let net = read("lists.net").network;
    assert_eq!(net.labels().unwrap(), ["1", "2", "3", "4", "5"]);
    assert_eq!(
        values(&net, "label"),
        [s("Ann Lee"), s("Bob"), s("cyd"), s("Dee"), None]
    );
    assert_eq!(net.neighbors(0), [1, 2, 3, 4]);
    assert_eq!(net.neighbors(4), [1]);
    assert_eq!(net.arc_weight(2, 3), Some(2.0));
    let net = read("d3.json").network;
    assert_eq!(
        net.labels().unwrap(),
        ["Myriel", "Napoleon", "Mlle.Baptistine"]
    );
    assert_eq!(values(&net, "group"), [s("1"), s("1"), s("2")]);
    let net = read("d3_positions.json").network;
    assert_eq!(net.arc_weight(1, 2), Some(0.5));
    assert_eq!(values(&net, "name"), [s("a"), s("b"), s("c")]);
}

#[test]
fn networkx_attributes_and_names() {
    // the audience as networkx writes it, in every format that holds attributes
    for f in [
        "nx_audience.graphml",
        "nx_audience.gexf",
        "nx_audience.json",
        "nx_audience.gml",
    ] {
        let net = read(f).network;
        let names = if f.ends_with(".gml") {
            values(&net, "label")
        } else {
            net.labels().unwrap().iter().map(|l| s(l)).collect()
        };
        assert_eq!(names[3], s("dan"), "{f}");
        assert_eq!(values(&net, "country")[3], s("Spain"), "{f}");
        assert_eq!(
            net.attribute("followers").unwrap().number(0),
            Some(1200.5),
            "{f}"
        );
        assert_eq!(net.attribute("age").unwrap().number(2), Some(47.0), "{f}");
        assert_eq!(
            net.attribute("age").unwrap().kind,
            viralsim::attributes::AttrKind::Number,
            "{f}"
        );
        // alice → dan, weight 0.75
        assert_eq!(net.arc_weight(0, 3), Some(0.75), "{f}");
    }
    // karate's two clubs, by id
    let net = read("nx_karate.graphml").network;
    let club = values(&net, "club");
    assert_eq!(
        club.iter()
            .filter(|c| c.as_deref() == Some("Mr. Hi"))
            .count(),
        17
    );
    assert_eq!(net.edge_count(), 78);
}

#[test]
fn header_detection() {
    for (name, header, reason) in [
        ("follower.csv", true, "known_names"),
        ("numbers_header.txt", true, "unlike_data"),
        ("no_header.txt", false, "like_data"),
    ] {
        let h = read(name).header.unwrap();
        assert_eq!(h.header, header, "{name}");
        assert_eq!(serde_json::to_value(h.reason).unwrap(), reason, "{name}");
    }
    let h = read("follower.csv").header.unwrap();
    assert_eq!(
        h.to_string(),
        "line 1 'follower,followee' read as a header (known column names; --header no reads it as an edge)"
    );
    // --header no: the first line is an edge between two people called follower and followee
    let opts = ReadOptions {
        header: HeaderMode::No,
        ..Default::default()
    };
    let net = read_network(&text("follower.csv"), &opts).unwrap().network;
    assert_eq!(net.node_count(), 5);
    assert_eq!(net.node_by_label("followee"), Some(1));
    let opts = ReadOptions {
        header: HeaderMode::Yes,
        ..Default::default()
    };
    let net = read_network(&text("no_header.txt"), &opts).unwrap().network;
    assert_eq!((net.node_count(), net.edge_count()), (2, 1));
}

#[test]
fn format_in_overrides_detection() {
    // GML text read as an edge list fails on its own terms, naming the line
    let opts = ReadOptions {
        format: Some(Format::EdgeList),
        ..Default::default()
    };
    let e = read_network(&text("igraph.gml"), &opts)
        .unwrap_err()
        .to_string();
    assert_eq!(
        e,
        "line 1: expected 'source target [weight]', found 9 fields"
    );
    let opts = ReadOptions {
        format: Some(Format::Pajek),
        ..Default::default()
    };
    let e = read_network(&text("igraph.gml"), &opts)
        .unwrap_err()
        .to_string();
    assert_eq!(e, "line 1: Pajek: expected *Vertices N, found Creator \"igraph version 0.10.4 Mon Jan 01 00:00:00 2024\"");
}

#[test]
fn errors_name_line_and_expectation() {
    let r = |t: &str| {
        read_network(t, &ReadOptions::default())
            .unwrap_err()
            .to_string()
    };
    assert_eq!(
        r("digraph G {\n a -> b;\n}\n"),
        "line 1: this looks like a DOT (Graphviz) file; viralsim reads edge lists, Gephi CSV, GML, GraphML, GEXF, Pajek .net and node-link JSON"
    );
    assert_eq!(
        r("\n\n<?xml version=\"1.0\"?>\n<gxl><graph/></gxl>"),
        "line 3: this looks like a GXL file; viralsim reads edge lists, Gephi CSV, GML, GraphML, GEXF, Pajek .net and node-link JSON"
    );
    assert_eq!(
        r("<graphml><graph>\n<node id=\"a\"/>\n<edge source=\"a\"/></graph></graphml>"),
        "line 3: GraphML: expected the 'target' attribute on <edge>, found none"
    );
    assert_eq!(
        r("*Vertices 2\n*Edges\n1 2\n1 x\n"),
        "line 4: Pajek: expected a vertex from 1 to 2, found x"
    );
}

#[test]
fn limits_apply_before_reading() {
    let lim = viralsim::io::Limits {
        max_nodes: 2,
        max_edges: 1,
        max_bytes: 1 << 20,
        threads: 1,
    };
    let opts = |f: Option<Format>| ReadOptions {
        limits: lim,
        format: f,
        ..Default::default()
    };
    let e = read_network(&text("keys.graphml"), &opts(None))
        .unwrap_err()
        .to_string();
    assert_eq!(e, "line 11 (nodes): 3 is over the limit of 2");
    let e = read_network(&text("lists.net"), &opts(None))
        .unwrap_err()
        .to_string();
    assert_eq!(e, "line 3 (nodes): 5 is over the limit of 2");
    let e = read_network("*Vertices 2\n*Edges\n1 2\n2 1\n", &opts(None))
        .unwrap_err()
        .to_string();
    assert_eq!(e, "line 4 (edges): 2 is over the limit of 1");
    let small = ReadOptions {
        limits: viralsim::io::Limits {
            max_bytes: 10,
            ..lim
        },
        ..Default::default()
    };
    let e = read_network(&text("d3.json"), &small)
        .unwrap_err()
        .to_string();
    assert!(e.starts_with("network file (bytes): "), "{e}");
}

#[test]
fn gexf_written_by_viralsim_reads_back_the_same() {
    for name in [
        "nx_audience.graphml",
        "keys.graphml",
        "gexf13.gexf",
        "nx_karate.json",
    ] {
        let net = read(name).network;
        let gexf = write::write_network(&net, Format::Gexf, &[]);
        let back = read_network(&gexf, &ReadOptions::default())
            .unwrap()
            .network;
        assert_eq!(back.labels(), net.labels(), "{name}");
        assert_eq!(back.is_directed(), net.is_directed(), "{name}");
        assert_eq!(back.targets(), net.targets(), "{name}");
        assert_eq!(back.offsets(), net.offsets(), "{name}");
        for u in 0..net.node_count() as u32 {
            assert_eq!(back.neighbor_weights(u), net.neighbor_weights(u), "{name}");
        }
        assert_eq!(back.attributes().len(), net.attributes().len(), "{name}");
        for a in net.attributes() {
            let b = back.attribute(&a.name).unwrap();
            assert_eq!(
                (&b.values, b.kind),
                (&a.values, a.kind),
                "{name}: {}",
                a.name
            );
        }
    }
}

#[test]
fn results_exported_as_attributes() {
    let gml = text("networkx_nested.gml");
    let sc = viralsim::Scenario::from_json(
        r#"{"network": "file:n.gml", "model": {"kind": "ic", "p": 1.0}, "seeds": "nodes:10", "seed": 1}"#,
    )
    .unwrap();
    let mut sim = sc.build(Some(&gml)).unwrap();
    sim.run(100);
    let attrs = write::result_attributes(sim.network(), sim.states(), sim.records());
    let gexf = write::write_network(sim.network(), Format::Gexf, &attrs);
    let back = read_network(&gexf, &ReadOptions::default())
        .unwrap()
        .network;
    assert_eq!(
        values(&back, "cause"),
        [s("seed"), s("word of mouth"), s("word of mouth")]
    );
    assert_eq!(values(&back, "told_by"), [None, s("10"), s("20")]);
    assert_eq!(values(&back, "step_adopted"), [s("0"), s("1"), s("2")]);
    assert_eq!(values(&back, "generation"), [s("0"), s("1"), s("2")]);
    assert_eq!(
        values(&back, "state"),
        [s("removed"), s("removed"), s("removed")]
    );
    assert_eq!(values(&back, "score"), [s("0.5"), s("1.5"), None]);
    let graphml = write::write_network(sim.network(), Format::Graphml, &attrs);
    let back = read_network(&graphml, &ReadOptions::default())
        .unwrap()
        .network;
    assert_eq!(values(&back, "told_by"), [None, s("10"), s("20")]);
}

#[test]
fn segments_from_an_attribute_keep_their_names() {
    let gexf = text("nx_audience.gexf");
    let sc = viralsim::Scenario::from_json(
        r#"{"network": "file:a.gexf,segment_by=country", "model": {"kind": "ic", "p": 0.5}, "seeds": "nodes:alice", "seed": 1}"#,
    )
    .unwrap();
    let sim = sc.build(Some(&gexf)).unwrap();
    let net = sim.network();
    assert_eq!(net.segment_names().unwrap(), ["France", "Germany", "Spain"]);
    assert_eq!(net.segments().unwrap(), [0, 1, 0, 2, 1, 0]);
    assert_eq!(net.segment_by_name("Spain"), Some(2));
    let sc = viralsim::Scenario::from_json(
        r#"{"network": "file:a.gexf,segment_by=age:30/40", "model": {"kind": "ic", "p": 0.5}, "seeds": "nodes:alice", "seed": 1}"#,
    )
    .unwrap();
    let sim = sc.build(Some(&gexf)).unwrap();
    assert_eq!(
        sim.network().segment_names().unwrap(),
        ["<30", "30–40", "≥40"]
    );
    assert_eq!(sim.network().segments().unwrap(), [1, 0, 2, 0, 1, 2]);
    let sc = viralsim::Scenario::from_json(
        r#"{"network": "file:a.gexf,segment_by=town", "model": {"kind": "ic", "p": 0.5}, "seeds": "nodes:alice", "seed": 1}"#,
    )
    .unwrap();
    let e = sc.build(Some(&gexf)).unwrap_err().to_string();
    assert_eq!(
        e,
        "network.segment_by: no node attribute 'town' (the network has: country, age, followers, vip, label)"
    );
}

#[test]
fn segments_files_of_names_and_prices_from_an_attribute() {
    let edges = "alice bob\nbob carol\ncarol dan\n";
    let segs = "node,country\nalice,France\nbob,Spain\ncarol,France\ndan,Germany\n";
    let sc = viralsim::Scenario::from_json(
        r#"{"network": "file:a.txt,segments=s.csv", "model": {"kind": "ic", "p": 0.5}, "seeds": "nodes:alice", "seed": 1}"#,
    )
    .unwrap();
    let sim = sc
        .build_with(Some(edges), Some(segs), &Default::default())
        .unwrap();
    let net = sim.network();
    assert_eq!(net.segment_names().unwrap(), ["France", "Germany", "Spain"]);
    assert_eq!(net.segments().unwrap(), [0, 2, 0, 1]);
    assert_eq!(net.segment_name(2), "Spain");
    // a Monte Carlo's reach per segment carries the names
    let cfg = viralsim::montecarlo::MonteCarloConfig {
        runs: 10,
        ..Default::default()
    };
    let r = viralsim::montecarlo::monte_carlo(&sim, 1, &cfg, &mut |_, _| {}).unwrap();
    let names: Vec<_> = r
        .segments
        .unwrap()
        .iter()
        .map(|s| s.name.clone().unwrap())
        .collect();
    assert_eq!(names, ["France", "Germany", "Spain"]);

    // a price per person: 1 per seed plus its followers attribute
    let gexf = text("nx_audience.gexf");
    let sc = viralsim::Scenario::from_json(
        r#"{"network": "file:a.gexf", "model": {"kind": "ic", "p": 0.5}, "seeds": "nodes:alice,carol", "seed": 1,
            "campaign": {"costs": {"per_seed": 1, "per_seed_attribute": "followers"}}}"#,
    )
    .unwrap();
    let sim = sc.build(Some(&gexf)).unwrap();
    let c = viralsim::costs::campaign_metrics(&sim);
    assert_eq!(c.seed_cost, 1.0 + 1200.5 + 1.0 + 45.25);
    let sc = viralsim::Scenario::from_json(
        r#"{"network": "file:a.gexf", "model": {"kind": "ic", "p": 0.5}, "seeds": "nodes:alice", "seed": 1,
            "campaign": {"costs": {"per_seed_attribute": "country"}}}"#,
    )
    .unwrap();
    assert_eq!(
        sc.build(Some(&gexf)).unwrap_err().to_string(),
        "campaign.costs.per_seed_attribute: node 'alice' has country = 'France', not a number ≥ 0"
    );
}

/// The whole trajectory of a scenario's first run on `gexf`.
fn counts_of(json: &str, gexf: &str) -> Result<Vec<[u32; 3]>, String> {
    let sc = viralsim::Scenario::from_json(json).map_err(|e| e.to_string())?;
    let mut sim = sc.build(Some(gexf)).map_err(|e| e.to_string())?;
    sim.run(1000);
    Ok(sim.history().counts.clone())
}

#[test]
fn scenario_files_name_segments_and_old_numbers_still_open() {
    let gexf = text("nx_audience.gexf");
    let with = |campaign: &str| {
        format!(
            r#"{{"network": "file:a.gexf,segment_by=country", "model": {{"kind": "ic", "p": 0.4}}, "seeds": "random:1", "seed": 3,
                "campaign": {campaign}}}"#
        )
    };
    // France 0, Germany 1, Spain 2: names and numbers give the same runs
    let named = with(
        r#"{"ads": {"impressions_per_step": 2, "conversion": 0.5, "steps": 3, "segment": "Germany"},
            "stickiness": {"Spain": 0.5, "France": 2}, "seed_segment": "Spain"}"#,
    );
    let numbered = with(
        r#"{"ads": {"impressions_per_step": 2, "conversion": 0.5, "steps": 3, "segment": 1},
            "stickiness": [2, 1, 0.5], "seed_segment": 2}"#,
    );
    for seed in 1..=20 {
        let n = named.replace("\"seed\": 3", &format!("\"seed\": {seed}"));
        let o = numbered.replace("\"seed\": 3", &format!("\"seed\": {seed}"));
        assert_eq!(counts_of(&n, &gexf), counts_of(&o, &gexf), "seed {seed}");
    }
    // the scenario written back keeps the names, in the order given
    let sc = viralsim::Scenario::from_json(&named).unwrap();
    let json = serde_json::to_string(&sc.campaign).unwrap();
    assert!(json.contains(r#""segment":"Germany""#), "{json}");
    assert!(
        json.contains(r#""stickiness":{"Spain":0.5,"France":2.0}"#),
        "{json}"
    );
    assert!(json.contains(r#""seed_segment":"Spain""#), "{json}");
    // and so does the page's address
    let address = viralsim::address::scenario_to_address(&sc);
    let back = viralsim::address::parse_address(&address).unwrap();
    assert_eq!(back.scenario.unwrap().campaign, sc.campaign);

    // errors name the field and what the network has
    let err = |campaign: &str| counts_of(&with(campaign), &gexf).unwrap_err();
    assert_eq!(
        err(r#"{"ads": {"impressions_per_step": 2, "conversion": 0.5, "steps": 3, "segment": "Italy"}}"#),
        "campaign.ads.segment: segment 'Italy' is not in the network (it has: France, Germany, Spain)"
    );
    assert_eq!(
        err(r#"{"seed_segment": 7}"#),
        "campaign.seed_segment: segment 7 is not in the network"
    );
    assert_eq!(
        err(r#"{"stickiness": {"France": 1, "France": 2}}"#),
        "campaign.stickiness: segment 'France' is given twice"
    );
    assert_eq!(
        err(r#"{"stickiness": {"France": -1}}"#),
        "campaign.stickiness: each value must be a number ≥ 0, got -1"
    );
    assert_eq!(
        err(r#"{"stickiness": [1, 2]}"#),
        "campaign.stickiness: gives 2 values but the network has 3 segments"
    );
    // as every JSON error: the file, its line and column, and what was expected
    assert!(err(r#"{"seed_segment": -1}"#).starts_with(
        "scenario: invalid value: integer `-1`, expected a segment number (0 to 65535) or a segment name at line 2"
    ));
    assert!(err(r#"{"stickiness": "France"}"#).starts_with(
        "scenario: invalid type: string \"France\", expected a list of numbers (one per segment) or an object of numbers by segment name"
    ));
    // a segment by name on a network without segments
    let plain = r#"{"network": "karate", "model": {"kind": "ic", "p": 0.4}, "seeds": "random:1", "seed": 3, "campaign": {"seed_segment": "France"}}"#;
    assert_eq!(
        counts_of(plain, "").unwrap_err(),
        "campaign.seed_segment: the network has no segments (use an sbm network or a segments file)"
    );
}
