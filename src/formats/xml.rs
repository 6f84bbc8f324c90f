//! GraphML and GEXF (1.1–1.3), read with `roxmltree` (a read-only XML tree, no DTD).
//!
//! GraphML: `<key id="d0" for="node" attr.name="country" attr.type="string">` (with an optional
//! `<default>`), `<graph edgedefault="directed">`, `<node id>` with `<data key>`, `<edge source
//! target [directed]>`; an edge key named `weight` gives the weights.
//!
//! GEXF: `<graph defaultedgetype="directed">`, `<attributes class="node">` declaring `<attribute
//! id title type>` (with an optional `<default>`), `<node id label>` with `<attvalues><attvalue
//! for value/>`, `<edge source target [type] [weight]>`. A node's `label` is the attribute
//! `label`.

use super::{expected, line_of, weight_at, Builder, Format};
use crate::attributes::AttrKind;
use crate::error::{Code, Error, Result};
use roxmltree::{Document, Node};

fn parse(text: &str) -> Result<Document<'_>> {
    let text_trimmed = text.strip_prefix('\u{feff}').unwrap_or(text);
    Document::parse(text_trimmed).map_err(|e| {
        Error::at_line(
            e.pos().row as usize,
            Code::Xml {
                detail: crate::io::echo(&e.to_string()),
            },
        )
    })
}

fn line(text: &str, n: Node) -> usize {
    line_of(
        text.strip_prefix('\u{feff}').unwrap_or(text),
        n.range().start,
    )
}

/// Lines of elements met in document order, counted on from the last one: O(text) in all,
/// where [`line`] for each element would be quadratic. (Every node and edge needs its line: a
/// size over the limit names it.)
struct Lines<'t> {
    text: &'t [u8],
    pos: usize,
    line: usize,
}

impl<'t> Lines<'t> {
    fn new(text: &'t str) -> Self {
        Lines {
            text: text.strip_prefix('\u{feff}').unwrap_or(text).as_bytes(),
            pos: 0,
            line: 1,
        }
    }

    fn of(&mut self, n: Node) -> usize {
        let to = n.range().start.min(self.text.len());
        if to < self.pos {
            self.pos = 0;
            self.line = 1;
        }
        self.line += self.text[self.pos..to]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        self.pos = to;
        self.line
    }
}

/// The child elements of `n` called `name`.
fn kids<'a, 'i>(n: Node<'a, 'i>, name: &'static str) -> impl Iterator<Item = Node<'a, 'i>> {
    n.children()
        .filter(move |c| c.is_element() && c.tag_name().name() == name)
}

fn kind_of(t: &str) -> AttrKind {
    match t.trim().to_ascii_lowercase().as_str() {
        "boolean" | "bool" => AttrKind::Bool,
        "int" | "integer" | "long" | "float" | "double" | "short" | "byte" | "bigdecimal"
        | "biginteger" => AttrKind::Number,
        _ => AttrKind::Text,
    }
}

fn direction(format: Format, text: &str, n: Node, attr: &str, v: &str) -> Result<bool> {
    match v.trim() {
        "directed" | "true" | "1" => Ok(true),
        "undirected" | "false" | "0" | "mutual" => Ok(false),
        other => Err(expected(
            format,
            line(text, n),
            &format!("{attr}=\"directed\" or \"undirected\""),
            other,
        )),
    }
}

fn required<'a>(format: Format, text: &str, n: Node<'a, '_>, attr: &str) -> Result<&'a str> {
    n.attribute(attr).ok_or_else(|| {
        expected(
            format,
            line(text, n),
            &format!("the '{attr}' attribute on <{}>", n.tag_name().name()),
            "none",
        )
    })
}

/// The node of an edge's end, added if the file did not declare it.
fn end(b: &mut Builder, id: &str, ln: usize) -> Result<u32> {
    match b.find(id) {
        Some(u) => Ok(u),
        None => b.node(id, ln),
    }
}

struct Key {
    id: String,
    name: String,
    kind: AttrKind,
    default: Option<String>,
    index: usize,
}

pub(super) fn read_graphml(text: &str, b: &mut Builder) -> Result<()> {
    let f = Format::Graphml;
    let doc = parse(text)?;
    let root = doc.root_element();
    if root.tag_name().name() != "graphml" {
        return Err(expected(
            f,
            line(text, root),
            "<graphml>",
            root.tag_name().name(),
        ));
    }
    let mut node_keys: Vec<Key> = Vec::new();
    let mut weight_key: Option<(String, Option<f32>)> = None;
    for k in kids(root, "key") {
        let id = required(f, text, k, "id")?.to_string();
        let name = k.attribute("attr.name").unwrap_or(&id).to_string();
        let kind = kind_of(k.attribute("attr.type").unwrap_or("string"));
        let default = kids(k, "default")
            .next()
            .map(|d| d.text().unwrap_or("").to_string());
        let target = k.attribute("for").unwrap_or("all");
        if matches!(target, "node" | "all") {
            let index = b.declare(&name, Some(kind));
            node_keys.push(Key {
                id: id.clone(),
                name: name.clone(),
                kind,
                default: default.clone(),
                index,
            });
        }
        if matches!(target, "edge" | "all") && name == "weight" {
            let d = match &default {
                Some(d) => Some(weight_at(d, line(text, k))?),
                None => None,
            };
            weight_key = Some((id.clone(), d));
        } else if target == "edge" {
            b.note(format!("GraphML: edge key '{name}' ignored"));
        }
    }
    let graph = kids(root, "graph")
        .next()
        .ok_or_else(|| expected(f, line(text, root), "a <graph> in <graphml>", "none"))?;
    if kids(root, "graph").nth(1).is_some() {
        b.note("GraphML: graphs after the first ignored".into());
    }
    b.directed = match graph.attribute("edgedefault") {
        Some(v) => direction(f, text, graph, "edgedefault", v)?,
        None => false,
    };
    let mut lines = Lines::new(text);
    for n in graph.children().filter(|c| c.is_element()) {
        match n.tag_name().name() {
            "node" => {
                let id = required(f, text, n, "id")?;
                let ln = lines.of(n);
                if b.find(id).is_some() {
                    return Err(expected(f, ln, "a node id not used before", id));
                }
                let u = b.node(id, ln)?;
                for d in kids(n, "data") {
                    let key = required(f, text, d, "key")?;
                    match node_keys.iter().find(|k| k.id == key) {
                        Some(k) => {
                            let v = d.text().unwrap_or("").to_string();
                            if k.kind == AttrKind::Number && !crate::attributes::is_number(&v) {
                                return Err(expected(
                                    f,
                                    line(text, d),
                                    &format!("a number for '{}'", k.name),
                                    &v,
                                ));
                            }
                            b.set_index(u, k.index, v);
                        }
                        None => {
                            return Err(expected(
                                f,
                                line(text, d),
                                "a key declared by a node <key>",
                                key,
                            ))
                        }
                    }
                }
                if kids(n, "graph").next().is_some() {
                    b.note("GraphML: nested graphs ignored".into());
                }
            }
            "edge" => {
                let ln = lines.of(n);
                let s = required(f, text, n, "source")?;
                let t = required(f, text, n, "target")?;
                let directed = match n.attribute("directed") {
                    Some(v) => Some(direction(f, text, n, "directed", v)?),
                    None => None,
                };
                let mut w = weight_key.as_ref().and_then(|k| k.1);
                for d in kids(n, "data") {
                    if weight_key
                        .as_ref()
                        .is_some_and(|k| d.attribute("key") == Some(&k.0))
                    {
                        w = Some(weight_at(d.text().unwrap_or(""), lines.of(d))?);
                    }
                }
                let u = end(b, s, ln)?;
                let v = end(b, t, ln)?;
                b.edge(u, v, directed, w, ln)?;
            }
            "hyperedge" => b.note("GraphML: hyperedges ignored".into()),
            _ => {}
        }
    }
    // defaults for nodes without a value
    for k in &node_keys {
        if let Some(d) = &k.default {
            b.fill_default(k.index, d);
        }
    }
    Ok(())
}

struct GexfAttr {
    id: String,
    index: usize,
    default: Option<String>,
}

pub(super) fn read_gexf(text: &str, b: &mut Builder) -> Result<()> {
    let f = Format::Gexf;
    let doc = parse(text)?;
    let root = doc.root_element();
    if root.tag_name().name() != "gexf" {
        return Err(expected(
            f,
            line(text, root),
            "<gexf>",
            root.tag_name().name(),
        ));
    }
    let graph = kids(root, "graph")
        .next()
        .ok_or_else(|| expected(f, line(text, root), "a <graph> in <gexf>", "none"))?;
    b.directed = match graph.attribute("defaultedgetype") {
        Some(v) => direction(f, text, graph, "defaultedgetype", v)?,
        None => false,
    };
    let mut attrs: Vec<GexfAttr> = Vec::new();
    for block in kids(graph, "attributes") {
        let class = block.attribute("class").unwrap_or("node");
        for a in kids(block, "attribute") {
            let id = required(f, text, a, "id")?.to_string();
            let title = a.attribute("title").unwrap_or(&id).to_string();
            if class != "node" {
                if title != "weight" {
                    b.note(format!("GEXF: edge attribute '{title}' ignored"));
                }
                continue;
            }
            let kind = kind_of(a.attribute("type").unwrap_or("string"));
            let index = b.declare(&title, Some(kind));
            let default = kids(a, "default")
                .next()
                .map(|d| d.text().unwrap_or("").to_string());
            attrs.push(GexfAttr { id, index, default });
        }
    }
    let mut label_index = None;
    let mut lines = Lines::new(text);
    for nodes in kids(graph, "nodes") {
        for n in kids(nodes, "node") {
            let id = required(f, text, n, "id")?;
            let ln = lines.of(n);
            if b.find(id).is_some() {
                return Err(expected(f, ln, "a node id not used before", id));
            }
            let u = b.node(id, ln)?;
            if let Some(l) = n.attribute("label") {
                let i =
                    *label_index.get_or_insert_with(|| b.declare("label", Some(AttrKind::Text)));
                b.set_index(u, i, l.to_string());
            }
            for avs in kids(n, "attvalues") {
                for av in kids(avs, "attvalue") {
                    let key = av
                        .attribute("for")
                        .or_else(|| av.attribute("id"))
                        .ok_or_else(|| {
                            expected(
                                f,
                                line(text, av),
                                "the 'for' attribute on <attvalue>",
                                "none",
                            )
                        })?;
                    let value = required(f, text, av, "value")?;
                    match attrs.iter().find(|a| a.id == key) {
                        Some(a) => b.set_index(u, a.index, value.to_string()),
                        None => {
                            return Err(expected(
                                f,
                                line(text, av),
                                "an attribute declared in <attributes class=\"node\">",
                                key,
                            ))
                        }
                    }
                }
            }
            if kids(n, "nodes").next().is_some() {
                b.note("GEXF: nested nodes ignored".into());
            }
        }
    }
    for edges in kids(graph, "edges") {
        for e in kids(edges, "edge") {
            let ln = lines.of(e);
            let s = required(f, text, e, "source")?;
            let t = required(f, text, e, "target")?;
            let directed = match e.attribute("type") {
                Some(v) => Some(direction(f, text, e, "type", v)?),
                None => None,
            };
            let w = match e.attribute("weight") {
                Some(w) => Some(weight_at(w, ln)?),
                None => None,
            };
            let u = end(b, s, ln)?;
            let v = end(b, t, ln)?;
            b.edge(u, v, directed, w, ln)?;
        }
    }
    for a in &attrs {
        if let Some(d) = &a.default {
            b.fill_default(a.index, d);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::attributes::AttrKind;

    fn read(t: &str) -> Result<crate::Network, String> {
        super::super::read_text(t, None)
    }

    const GRAPHML: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="d0" for="node" attr.name="country" attr.type="string"><default>FR</default></key>
  <key id="d1" for="node" attr.name="followers" attr.type="int"/>
  <key id="w" for="edge" attr.name="weight" attr.type="double"><default>0.5</default></key>
  <graph id="G" edgedefault="directed">
    <node id="a"><data key="d1">10</data></node>
    <node id="b"><data key="d0">DE</data><data key="d1">20</data></node>
    <node id="c"/>
    <edge source="a" target="b"><data key="w">0.25</data></edge>
    <edge source="b" target="c"/>
    <edge source="c" target="a" directed="false"/>
  </graph>
</graphml>"#;

    #[test]
    fn graphml_keys_defaults_direction() {
        let net = read(GRAPHML).unwrap();
        assert!(net.is_directed());
        assert_eq!(net.labels().unwrap(), &["a", "b", "c"]);
        // a→b, b→c, and c–a both ways
        assert_eq!(net.edge_count(), 4);
        assert_eq!(net.arc_weight(0, 1), Some(0.25));
        assert_eq!(net.arc_weight(1, 2), Some(0.5));
        assert_eq!(net.arc_weight(0, 2), Some(0.5));
        let c = net.attribute("country").unwrap();
        assert_eq!(
            c.values,
            vec![Some("FR".into()), Some("DE".into()), Some("FR".into())]
        );
        let fo = net.attribute("followers").unwrap();
        assert_eq!((fo.kind, fo.values[2].clone()), (AttrKind::Number, None));
    }

    const GEXF: &str = r#"<?xml version='1.0' encoding='utf-8'?>
<gexf xmlns="http://gexf.net/1.3" version="1.3">
  <graph defaultedgetype="undirected" mode="static">
    <attributes class="node" mode="static">
      <attribute id="0" title="country" type="string"><default>FR</default></attribute>
      <attribute id="1" title="vip" type="boolean"/>
    </attributes>
    <nodes>
      <node id="1" label="Ann"><attvalues><attvalue for="0" value="DE"/><attvalue for="1" value="true"/></attvalues></node>
      <node id="2" label="Bob"/>
      <node id="3" label="Cy"/>
    </nodes>
    <edges>
      <edge id="0" source="1" target="2" weight="0.75"/>
      <edge id="1" source="2" target="3"/>
      <edge id="2" source="3" target="1" type="directed"/>
    </edges>
  </graph>
</gexf>"#;

    #[test]
    fn gexf_attributes_and_types() {
        let net = read(GEXF).unwrap();
        // a directed edge among undirected ones: a directed network, the others both ways
        assert!(net.is_directed());
        assert_eq!(net.edge_count(), 5);
        assert_eq!(net.arc_weight(1, 0), Some(0.75));
        assert_eq!(
            net.attribute("label").unwrap().values[1].as_deref(),
            Some("Bob")
        );
        assert_eq!(
            net.attribute("country").unwrap().values[2].as_deref(),
            Some("FR")
        );
        assert_eq!(net.attribute("vip").unwrap().kind, AttrKind::Bool);
        // GEXF 1.1's attvalue id=
        let old = GEXF.replace("for=\"0\"", "id=\"0\"");
        assert_eq!(
            read(&old).unwrap().attribute("country").unwrap().values[0].as_deref(),
            Some("DE")
        );
    }

    #[test]
    fn errors_name_the_element_and_line() {
        for (t, msg) in [
            ("<graphml>\n<graph>\n<node/>\n</graph></graphml>", "line 3: GraphML: expected the 'id' attribute on <node>, found none"),
            ("<graphml>\n<graph edgedefault=\"sideways\"></graph></graphml>", "line 2: GraphML: expected edgedefault=\"directed\" or \"undirected\", found sideways"),
            ("<graphml><graph>\n<node id=\"a\"><data key=\"zz\">1</data></node></graph></graphml>", "line 2: GraphML: expected a key declared by a node <key>, found zz"),
            ("<graphml>\n<graph>\n<node id=\"a\">\n</graph></graphml>", "line 4: XML: expected 'node' tag, not 'graph' at 4:1"),
            ("<gexf><graph><nodes>\n<node id=\"1\"><attvalues><attvalue for=\"9\" value=\"x\"/></attvalues></node></nodes></graph></gexf>", "line 2: GEXF: expected an attribute declared in <attributes class=\"node\">, found 9"),
            ("<gexf><graph><nodes><node id=\"1\"/><node id=\"2\"/></nodes><edges>\n<edge source=\"1\" target=\"2\" weight=\"-3\"/></edges></graph></gexf>", "line 2: weight -3 must be a finite number ≥ 0"),
            ("<gexf></gexf>", "line 1: GEXF: expected a <graph> in <gexf>, found none"),
        ] {
            assert_eq!(read(t).unwrap_err(), msg, "{t}");
        }
    }
}
