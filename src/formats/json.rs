//! Node-link JSON, as networkx's `node_link_data` and d3 write it: `{"directed": true, "nodes":
//! [{"id": "a", "country": "FR"}, …], "links" (or "edges"): [{"source": "a", "target": "b",
//! "weight": 0.5}, …]}`. A node's keys other than `id` are its attributes; nodes without `id`
//! (d3's older form) are known by their position, which the links then give.

use super::{Builder, Format};
use crate::error::{Code, Error, Result};
use serde::Deserialize;
use serde_json::{Map, Value};

#[derive(Deserialize)]
struct Doc {
    #[serde(default)]
    directed: Option<Value>,
    nodes: Option<Vec<Value>>,
    links: Option<Vec<Link>>,
    edges: Option<Vec<Link>>,
}

#[derive(Deserialize)]
struct Link {
    source: Option<Value>,
    target: Option<Value>,
    weight: Option<Value>,
}

fn err(path: String, expected: &str, found: &str) -> Error {
    Error::new(
        crate::error::FieldPath::name(path),
        Code::FormatExpected {
            format: Format::Json.title().to_string(),
            expected: expected.to_string(),
            found: crate::io::echo(found),
        },
    )
}

/// A scalar as text (`"a"` → `a`, `3` → `3`, `true`); `None` for null; arrays and objects as
/// their JSON.
fn text_of(v: &Value) -> Option<String> {
    match v {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        other => Some(other.to_string()),
    }
}

pub(super) fn read(text: &str, b: &mut Builder) -> Result<()> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let doc: Doc = serde_json::from_str(text).map_err(|e| Error::json("network", &e))?;
    let nodes = doc
        .nodes
        .ok_or_else(|| err("nodes".into(), "a \"nodes\" list", "none"))?;
    b.directed = match &doc.directed {
        None | Some(Value::Null) => false,
        Some(Value::Bool(d)) => *d,
        Some(Value::Number(n)) => n.as_f64() != Some(0.0),
        Some(other) => return Err(err("directed".into(), "true or false", &other.to_string())),
    };
    let links = match (doc.edges, doc.links) {
        (Some(e), Some(_)) => {
            b.note("node-link JSON: \"links\" ignored (the file also has \"edges\")".into());
            e
        }
        (Some(e), None) | (None, Some(e)) => e,
        (None, None) => Vec::new(),
    };
    for (i, node) in nodes.iter().enumerate() {
        let Value::Object(m) = node else {
            return Err(err(format!("nodes[{i}]"), "an object", &node.to_string()));
        };
        let id = match m.get("id") {
            Some(v @ (Value::String(_) | Value::Number(_))) => text_of(v).unwrap_or_default(),
            Some(other) => {
                return Err(err(
                    format!("nodes[{i}].id"),
                    "a string or a number",
                    &other.to_string(),
                ))
            }
            None => i.to_string(),
        };
        if b.find(&id).is_some() {
            return Err(err(format!("nodes[{i}].id"), "an id not used before", &id));
        }
        let u = b.node(&id, 1)?;
        set_attributes(b, u, m);
    }
    for (i, l) in links.iter().enumerate() {
        let end = |v: &Option<Value>, key: &str| -> Result<u32> {
            let path = format!("links[{i}].{key}");
            let v = v
                .as_ref()
                .ok_or_else(|| err(path.clone(), &format!("a \"{key}\""), "none"))?;
            let id = match v {
                Value::String(_) | Value::Number(_) => text_of(v).unwrap_or_default(),
                Value::Object(o) => match o.get("id") {
                    Some(x @ (Value::String(_) | Value::Number(_))) => {
                        text_of(x).unwrap_or_default()
                    }
                    _ => return Err(err(path, "a node id", &v.to_string())),
                },
                other => return Err(err(path, "a node id", &other.to_string())),
            };
            // d3's older form (nodes without ids): the position is the id
            b.find(&id)
                .ok_or_else(|| err(path, "the id of a node in \"nodes\"", &id))
        };
        let u = end(&l.source, "source")?;
        let v = end(&l.target, "target")?;
        let w = match &l.weight {
            None | Some(Value::Null) => None,
            Some(Value::Number(x)) => {
                let x = x.as_f64().unwrap_or(f64::NAN) as f32;
                if !x.is_finite() || x < 0.0 {
                    return Err(err(
                        format!("links[{i}].weight"),
                        "a finite number ≥ 0",
                        &x.to_string(),
                    ));
                }
                Some(x)
            }
            Some(other) => {
                return Err(err(
                    format!("links[{i}].weight"),
                    "a number",
                    &other.to_string(),
                ))
            }
        };
        b.edge(u, v, None, w, 1)?;
    }
    Ok(())
}

fn set_attributes(b: &mut Builder, u: u32, m: &Map<String, Value>) {
    for (k, v) in m {
        if k == "id" {
            continue;
        }
        if matches!(v, Value::Array(_) | Value::Object(_)) {
            b.note(format!(
                "node-link JSON: node key '{k}' (a list or object) ignored"
            ));
            continue;
        }
        if let Some(t) = text_of(v) {
            b.set(u, k, t);
        }
    }
}

#[cfg(test)]
mod tests {

    fn read(t: &str) -> Result<crate::Network, String> {
        super::super::read_text(t, Some(super::Format::Json))
    }

    #[test]
    fn networkx_and_d3() {
        let net = read(r#"{"directed": true, "multigraph": false, "graph": {}, "nodes": [{"id": "a", "age": 3}, {"id": "b", "age": 4.5, "vip": true}], "edges": [{"source": "a", "target": "b", "weight": 0.5}]}"#).unwrap();
        assert!(net.is_directed());
        assert_eq!(net.arc_weight(0, 1), Some(0.5));
        assert_eq!(
            net.attribute("age").unwrap().kind,
            crate::attributes::AttrKind::Number
        );
        assert_eq!(
            net.attribute("vip").unwrap().values,
            vec![None, Some("true".to_string())]
        );
        // d3: links, numeric ids
        let net = read(r#"{"nodes": [{"id": 1, "group": 1}, {"id": 2, "group": 2}, {"id": 3, "group": 2}], "links": [{"source": 1, "target": 2, "value": 1}, {"source": 3, "target": 2}]}"#).unwrap();
        assert!(!net.is_directed());
        assert_eq!((net.node_count(), net.edge_count()), (3, 2));
        // d3's older form: links by position
        let net = read(
            r#"{"nodes": [{"name": "x"}, {"name": "y"}], "links": [{"source": 0, "target": 1}]}"#,
        )
        .unwrap();
        assert_eq!(net.labels().unwrap(), &["0", "1"]);
        assert_eq!(net.edge_count(), 1);
    }

    #[test]
    fn errors_name_the_element() {
        for (t, msg) in [
            (
                r#"{"nodes": [{"id": "a"}], "links": [{"source": "a", "target": "z"}]}"#,
                "links[0].target: node-link JSON: expected the id of a node in \"nodes\", found z",
            ),
            (
                r#"{"nodes": [{"id": "a"}, {"id": "a"}]}"#,
                "nodes[1].id: node-link JSON: expected an id not used before, found a",
            ),
            (
                r#"{"nodes": [3]}"#,
                "nodes[0]: node-link JSON: expected an object, found 3",
            ),
            (
                r#"{"links": []}"#,
                "nodes: node-link JSON: expected a \"nodes\" list, found none",
            ),
            (
                r#"{"nodes": [{"id": "a"}, {"id": "b"}], "links": [{"source": "a", "target": "b", "weight": "x"}]}"#,
                "links[0].weight: node-link JSON: expected a number, found \"x\"",
            ),
        ] {
            assert_eq!(read(t).unwrap_err(), msg, "{t}");
        }
        let e = read("{\"nodes\": [\n{\"id\": 1,}]}").unwrap_err();
        assert!(e.starts_with("network: trailing comma at line 2"), "{e}");
    }
}
