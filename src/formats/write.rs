//! Writing a network in any of the formats viralsim reads, with its node attributes (and, after
//! a run, each person's result as attributes: see [`result_attributes`]).
//!
//! ```
//! use viralsim::formats::{read_network, write::write_network, Format, ReadOptions};
//! let net = read_network("a b\nb c\n", &ReadOptions::default()).unwrap().network;
//! let gexf = write_network(&net, Format::Gexf, &[]);
//! let back = read_network(&gexf, &ReadOptions::default()).unwrap();
//! assert_eq!(back.format, Format::Gexf);
//! assert_eq!(back.network.labels(), net.labels());
//! assert_eq!(back.network.targets(), net.targets());
//! ```

use super::Format;
use crate::attributes::{AttrKind, Attribute};
use crate::network::Network;
use crate::state::{NodeRecord, ADVERTISING, NONE, SEED};
use std::fmt::Write;

/// Each person's result after a run, as node attributes: `state` (`not reached`, `active`,
/// `removed`), `step_adopted`, `told_by` (the label of who told them), `generation`, `cause`
/// (`seed`, `ad`, `word of mouth`) and, on a network with segments, `segment` (its name).
/// People never reached have no value for the adoption attributes.
pub fn result_attributes(net: &Network, states: &[u8], records: &[NodeRecord]) -> Vec<Attribute> {
    let n = net.node_count().min(states.len()).min(records.len());
    let mut state = Vec::with_capacity(n);
    let mut step = Vec::with_capacity(n);
    let mut told = Vec::with_capacity(n);
    let mut generation = Vec::with_capacity(n);
    let mut cause = Vec::with_capacity(n);
    for v in 0..n {
        state.push(Some(
            match states[v] {
                0 => "not reached",
                1 => "active",
                _ => "removed",
            }
            .to_string(),
        ));
        let r = records[v];
        let adopted = r.adopted_at != NONE;
        step.push(adopted.then(|| r.adopted_at.to_string()));
        generation.push(adopted.then(|| r.generation.to_string()));
        let (t, c) = match r.parent {
            NONE => (None, None),
            SEED => (None, Some("seed")),
            ADVERTISING => (None, Some("ad")),
            p => (Some(net.label(p)), Some("word of mouth")),
        };
        told.push(t);
        cause.push(c.map(str::to_string));
    }
    let mut out = vec![
        Attribute {
            name: "state".into(),
            kind: AttrKind::Text,
            values: state,
        },
        Attribute {
            name: "step_adopted".into(),
            kind: AttrKind::Number,
            values: step,
        },
        Attribute {
            name: "told_by".into(),
            kind: AttrKind::Text,
            values: told,
        },
        Attribute {
            name: "generation".into(),
            kind: AttrKind::Number,
            values: generation,
        },
        Attribute {
            name: "cause".into(),
            kind: AttrKind::Text,
            values: cause,
        },
    ];
    if let Some(segs) = net.segments() {
        out.push(Attribute {
            name: "segment".into(),
            kind: AttrKind::Text,
            values: segs.iter().map(|&s| Some(net.segment_name(s))).collect(),
        });
    }
    out
}

/// The attributes a writer writes: the network's own, then `extra` (an attribute of `extra`
/// replaces the network's of the same name).
fn all_attributes<'a>(net: &'a Network, extra: &'a [Attribute]) -> Vec<&'a Attribute> {
    let mut out: Vec<&Attribute> = net
        .attributes()
        .iter()
        .filter(|a| !extra.iter().any(|e| e.name == a.name))
        .collect();
    out.extend(extra.iter());
    out
}

/// The edges to write: each undirected edge once (`u < v`), with its weight.
fn edges(net: &Network) -> impl Iterator<Item = (u32, u32, Option<f32>)> + '_ {
    (0..net.node_count() as u32).flat_map(move |u| {
        let ws = net.neighbor_weights(u);
        net.neighbors(u)
            .iter()
            .enumerate()
            .filter(move |&(_, &v)| net.is_directed() || u < v)
            .map(move |(k, &v)| (u, v, ws.map(|w| w[k])))
    })
}

/// Escapes text for an XML attribute or element.
fn xml(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&apos;"),
            // characters XML 1.0 cannot hold are left out
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            '\u{FFFE}' | '\u{FFFF}' => {}
            c => o.push(c),
        }
    }
    o
}

/// A weight as it is written: the shortest text that reads back as the same `f32`.
fn weight(w: f32) -> String {
    w.to_string()
}

fn xml_type(k: AttrKind, graphml: bool) -> &'static str {
    match (k, graphml) {
        (AttrKind::Number, _) => "double",
        (AttrKind::Bool, _) => "boolean",
        (AttrKind::Text, _) => "string",
    }
}

/// Writes `net` in `format`, its attributes and `extra` ones as node attributes (weights when
/// the network has them). Undirected edges are written once. A Gephi CSV is its edge table
/// only, and an edge list has no attributes.
pub fn write_network(net: &Network, format: Format, extra: &[Attribute]) -> String {
    match format {
        Format::EdgeList => edge_list(net),
        Format::GephiCsv => gephi(net),
        Format::Gml => gml(net, extra),
        Format::Graphml => graphml(net, extra),
        Format::Gexf => gexf(net, extra),
        Format::Pajek => pajek(net),
        Format::Json => json(net, extra),
    }
}

fn edge_list(net: &Network) -> String {
    let labels: Vec<String> = (0..net.node_count() as u32).map(|u| net.label(u)).collect();
    let comma = labels.iter().any(|l| l.contains(char::is_whitespace));
    let sep = if comma { "," } else { " " };
    let mut o = String::new();
    let _ = writeln!(
        o,
        "# viralsim: {} nodes, {} edges{}",
        net.node_count(),
        net.edge_count(),
        if net.is_directed() { ", directed" } else { "" }
    );
    for (u, v, w) in edges(net) {
        o.push_str(&labels[u as usize]);
        o.push_str(sep);
        o.push_str(&labels[v as usize]);
        if let Some(w) = w {
            o.push_str(sep);
            o.push_str(&weight(w));
        }
        o.push('\n');
    }
    o
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', ';']) || s.starts_with(' ') || s.ends_with(' ') {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn gephi(net: &Network) -> String {
    let mut o = String::from(if net.is_weighted() {
        "Source,Target,Type,Weight\n"
    } else {
        "Source,Target,Type\n"
    });
    let ty = if net.is_directed() {
        "Directed"
    } else {
        "Undirected"
    };
    for (u, v, w) in edges(net) {
        let _ = write!(
            o,
            "{},{},{ty}",
            csv_field(&net.label(u)),
            csv_field(&net.label(v))
        );
        if let Some(w) = w {
            let _ = write!(o, ",{}", weight(w));
        }
        o.push('\n');
    }
    o
}

fn gml_string(s: &str) -> String {
    let mut o = String::with_capacity(s.len() + 2);
    o.push('"');
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '"' => o.push_str("&quot;"),
            c => o.push(c),
        }
    }
    o.push('"');
    o
}

/// A GML key: letters and digits only, starting with a letter.
fn gml_key(s: &str) -> String {
    let mut k: String = s.chars().filter(|c| c.is_ascii_alphanumeric()).collect();
    if !k.starts_with(|c: char| c.is_ascii_alphabetic()) {
        k.insert(0, 'a');
    }
    k
}

fn gml(net: &Network, extra: &[Attribute]) -> String {
    let attrs = all_attributes(net, extra);
    let has_label = attrs.iter().any(|a| a.name == "label");
    let mut o = String::from("graph [\n");
    let _ = writeln!(o, "  directed {}", u8::from(net.is_directed()));
    for u in 0..net.node_count() {
        let id = gml_string(&net.label(u as u32));
        let _ = writeln!(o, "  node [\n    id {id}");
        // networkx's read_gml names nodes by their label: without a label attribute, the id
        if !has_label {
            let _ = writeln!(o, "    label {id}");
        }
        for a in &attrs {
            if let Some(v) = &a.values[u] {
                let value = match a.kind {
                    AttrKind::Number if crate::attributes::is_number(v) => v.trim().to_string(),
                    _ => gml_string(v),
                };
                let _ = writeln!(o, "    {} {value}", gml_key(&a.name));
            }
        }
        o.push_str("  ]\n");
    }
    for (u, v, w) in edges(net) {
        let _ = write!(
            o,
            "  edge [\n    source {}\n    target {}\n",
            gml_string(&net.label(u)),
            gml_string(&net.label(v))
        );
        if let Some(w) = w {
            let _ = writeln!(o, "    weight {}", weight(w));
        }
        o.push_str("  ]\n");
    }
    o.push_str("]\n");
    o
}

fn graphml(net: &Network, extra: &[Attribute]) -> String {
    let attrs = all_attributes(net, extra);
    let mut o = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n",
    );
    for (i, a) in attrs.iter().enumerate() {
        let _ = writeln!(
            o,
            "  <key id=\"d{i}\" for=\"node\" attr.name=\"{}\" attr.type=\"{}\"/>",
            xml(&a.name),
            xml_type(a.kind, true)
        );
    }
    if net.is_weighted() {
        o.push_str(
            "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n",
        );
    }
    let _ = writeln!(
        o,
        "  <graph id=\"G\" edgedefault=\"{}\">",
        if net.is_directed() {
            "directed"
        } else {
            "undirected"
        }
    );
    for u in 0..net.node_count() {
        let _ = write!(o, "    <node id=\"{}\"", xml(&net.label(u as u32)));
        let mut any = false;
        for (i, a) in attrs.iter().enumerate() {
            if let Some(v) = &a.values[u] {
                if !any {
                    o.push('>');
                    any = true;
                }
                let _ = write!(o, "<data key=\"d{i}\">{}</data>", xml(v));
            }
        }
        o.push_str(if any { "</node>\n" } else { "/>\n" });
    }
    for (u, v, w) in edges(net) {
        let _ = write!(
            o,
            "    <edge source=\"{}\" target=\"{}\"",
            xml(&net.label(u)),
            xml(&net.label(v))
        );
        match w {
            Some(w) => {
                let _ = writeln!(o, "><data key=\"weight\">{}</data></edge>", weight(w));
            }
            None => o.push_str("/>\n"),
        }
    }
    o.push_str("  </graph>\n</graphml>\n");
    o
}

fn gexf(net: &Network, extra: &[Attribute]) -> String {
    let attrs = all_attributes(net, extra);
    let label = attrs.iter().position(|a| a.name == "label");
    let mut o = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n  <meta>\n    <creator>viralsim</creator>\n  </meta>\n",
    );
    let _ = writeln!(
        o,
        "  <graph defaultedgetype=\"{}\" mode=\"static\">",
        if net.is_directed() {
            "directed"
        } else {
            "undirected"
        }
    );
    if attrs.iter().enumerate().any(|(i, _)| Some(i) != label) {
        o.push_str("    <attributes class=\"node\" mode=\"static\">\n");
        for (i, a) in attrs.iter().enumerate() {
            if Some(i) != label {
                let _ = writeln!(
                    o,
                    "      <attribute id=\"{i}\" title=\"{}\" type=\"{}\"/>",
                    xml(&a.name),
                    xml_type(a.kind, false)
                );
            }
        }
        o.push_str("    </attributes>\n");
    }
    o.push_str("    <nodes>\n");
    for u in 0..net.node_count() {
        let _ = write!(o, "      <node id=\"{}\"", xml(&net.label(u as u32)));
        if let Some(Some(l)) = label.map(|i| &attrs[i].values[u]) {
            let _ = write!(o, " label=\"{}\"", xml(l));
        }
        let values: Vec<(usize, &String)> = attrs
            .iter()
            .enumerate()
            .filter(|(i, _)| Some(*i) != label)
            .filter_map(|(i, a)| a.values[u].as_ref().map(|v| (i, v)))
            .collect();
        if values.is_empty() {
            o.push_str("/>\n");
        } else {
            o.push_str("><attvalues>");
            for (i, v) in values {
                let _ = write!(o, "<attvalue for=\"{i}\" value=\"{}\"/>", xml(v));
            }
            o.push_str("</attvalues></node>\n");
        }
    }
    o.push_str("    </nodes>\n    <edges>\n");
    for (k, (u, v, w)) in edges(net).enumerate() {
        let _ = write!(
            o,
            "      <edge id=\"{k}\" source=\"{}\" target=\"{}\"",
            xml(&net.label(u)),
            xml(&net.label(v))
        );
        if let Some(w) = w {
            let _ = write!(o, " weight=\"{}\"", weight(w));
        }
        o.push_str("/>\n");
    }
    o.push_str("    </edges>\n  </graph>\n</gexf>\n");
    o
}

fn pajek(net: &Network) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "*Vertices {}", net.node_count());
    for u in 0..net.node_count() as u32 {
        let _ = writeln!(o, "{} \"{}\"", u + 1, net.label(u).replace('"', "'"));
    }
    o.push_str(if net.is_directed() {
        "*Arcs\n"
    } else {
        "*Edges\n"
    });
    for (u, v, w) in edges(net) {
        let _ = write!(o, "{} {}", u + 1, v + 1);
        if let Some(w) = w {
            let _ = write!(o, " {}", weight(w));
        }
        o.push('\n');
    }
    o
}

fn json_value(a: &Attribute, v: &str) -> serde_json::Value {
    match a.kind {
        AttrKind::Number => match v.trim().parse::<i64>() {
            Ok(i) => serde_json::Value::Number(i.into()),
            Err(_) => v
                .trim()
                .parse::<f64>()
                .ok()
                .and_then(serde_json::Number::from_f64)
                .map_or_else(
                    || serde_json::Value::String(v.into()),
                    serde_json::Value::Number,
                ),
        },
        AttrKind::Bool => serde_json::Value::Bool(v.trim().eq_ignore_ascii_case("true")),
        AttrKind::Text => serde_json::Value::String(v.into()),
    }
}

fn json(net: &Network, extra: &[Attribute]) -> String {
    use serde_json::{json, Map, Value};
    let attrs = all_attributes(net, extra);
    let nodes: Vec<Value> = (0..net.node_count())
        .map(|u| {
            let mut m = Map::new();
            m.insert("id".into(), Value::String(net.label(u as u32)));
            for a in &attrs {
                if let Some(v) = &a.values[u] {
                    m.insert(a.name.clone(), json_value(a, v));
                }
            }
            Value::Object(m)
        })
        .collect();
    let links: Vec<Value> = edges(net)
        .map(|(u, v, w)| {
            let mut m = Map::new();
            m.insert("source".into(), Value::String(net.label(u)));
            m.insert("target".into(), Value::String(net.label(v)));
            if let Some(w) = w {
                m.insert(
                    "weight".into(),
                    json!(w.to_string().parse::<f64>().unwrap_or(0.0)),
                );
            }
            Value::Object(m)
        })
        .collect();
    let doc = json!({
        "directed": net.is_directed(),
        "multigraph": false,
        "graph": {},
        "nodes": nodes,
        "edges": links,
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::{read_network, ReadOptions, FORMATS};

    #[test]
    fn every_format_reads_back() {
        let gml = "graph [ directed 1 node [ id 1 label \"A, x\" country \"FR\" age 3 ] node [ id 2 country \"DE\" age 4.5 ] node [ id 3 ] edge [ source 1 target 2 weight 0.5 ] edge [ source 2 target 3 weight 1.25 ] ]";
        let net = read_network(gml, &ReadOptions::default()).unwrap().network;
        for &f in FORMATS {
            let text = write_network(&net, f, &[]);
            let opts = ReadOptions {
                directed: f == Format::EdgeList && net.is_directed(),
                ..Default::default()
            };
            let back = read_network(&text, &opts).unwrap_or_else(|e| panic!("{f}: {e}\n{text}"));
            assert_eq!(back.format, f, "{text}");
            let b = back.network;
            assert_eq!(b.is_directed(), net.is_directed(), "{f}");
            assert_eq!(b.targets(), net.targets(), "{f}");
            assert_eq!(b.neighbor_weights(0), net.neighbor_weights(0), "{f}");
            if matches!(
                f,
                Format::Graphml | Format::Gexf | Format::Json | Format::Gml
            ) {
                assert_eq!(b.labels(), net.labels(), "{f}");
                for a in net.attributes() {
                    let got = b
                        .attribute(&a.name)
                        .unwrap_or_else(|| panic!("{f}: {}", a.name));
                    assert_eq!(got.values, a.values, "{f}: {}", a.name);
                    assert_eq!(got.kind, a.kind, "{f}: {}", a.name);
                }
            }
        }
    }
}
