//! GML, as networkx and igraph write it: `graph [ directed 1 node [ id 1 label "a" … ] edge [
//! source 1 target 2 weight 0.5 … ] ]`, with `#` comments, quoted strings (HTML entities such as
//! `&amp;` and `&#233;` decoded) and nested lists (`graphics [ … ]`, skipped). A node's keys
//! other than `id` are its attributes (`label` among them).

use super::{expected, weight_at, Builder, Format};
use crate::error::Result;

#[derive(Clone, Copy, PartialEq, Debug)]
enum Tok<'t> {
    Open,
    Close,
    /// A bare word or number.
    Word(&'t str),
    /// A quoted string (without its quotes).
    Str(&'t str),
    End,
}

struct Lexer<'t> {
    text: &'t str,
    pos: usize,
    line: usize,
}

impl<'t> Lexer<'t> {
    fn next(&mut self) -> Result<(Tok<'t>, usize)> {
        let b = self.text.as_bytes();
        loop {
            while self.pos < b.len() && b[self.pos].is_ascii_whitespace() {
                if b[self.pos] == b'\n' {
                    self.line += 1;
                }
                self.pos += 1;
            }
            if self.pos < b.len() && b[self.pos] == b'#' {
                while self.pos < b.len() && b[self.pos] != b'\n' {
                    self.pos += 1;
                }
                continue;
            }
            break;
        }
        let line = self.line;
        if self.pos >= b.len() {
            return Ok((Tok::End, line));
        }
        match b[self.pos] {
            b'[' => {
                self.pos += 1;
                Ok((Tok::Open, line))
            }
            b']' => {
                self.pos += 1;
                Ok((Tok::Close, line))
            }
            b'"' => {
                let start = self.pos + 1;
                let mut i = start;
                while i < b.len() && b[i] != b'"' {
                    if b[i] == b'\n' {
                        self.line += 1;
                    }
                    i += 1;
                }
                if i >= b.len() {
                    return Err(expected(Format::Gml, line, "a closing '\"'", "end of file"));
                }
                self.pos = i + 1;
                Ok((Tok::Str(&self.text[start..i]), line))
            }
            _ => {
                let start = self.pos;
                let mut i = start;
                while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'[' && b[i] != b']' {
                    i += 1;
                }
                self.pos = i;
                Ok((Tok::Word(&self.text[start..i]), line))
            }
        }
    }

    /// Skips a list whose `[` was just read, however deep (no recursion).
    fn skip_list(&mut self, open_line: usize) -> Result<()> {
        let mut depth = 1usize;
        loop {
            match self.next()?.0 {
                Tok::Open => depth += 1,
                Tok::Close => {
                    depth -= 1;
                    if depth == 0 {
                        return Ok(());
                    }
                }
                Tok::End => return Err(unclosed(open_line, self.line)),
                _ => {}
            }
        }
    }
}

fn unclosed(open_line: usize, line: usize) -> crate::Error {
    expected(
        Format::Gml,
        line,
        &format!("']' closing the '[' of line {open_line}"),
        "end of file",
    )
}

/// `line N: expected a value for 'key', found …` (GML).
fn no_value(line: usize, key: &str, t: Tok) -> crate::Error {
    expected(
        Format::Gml,
        line,
        &format!("a value for '{key}'"),
        &found(t),
    )
}

fn found(t: Tok) -> String {
    match t {
        Tok::Open => "'['".into(),
        Tok::Close => "']'".into(),
        Tok::Word(w) => format!("'{w}'"),
        Tok::Str(s) => format!("\"{s}\""),
        Tok::End => "end of file".into(),
    }
}

/// A value of a node's or edge's key.
#[derive(Clone, Copy)]
enum Val<'t> {
    Word(&'t str),
    Str(&'t str),
}

impl<'t> Val<'t> {
    fn text(self) -> String {
        match self {
            Val::Word(w) => w.to_string(),
            Val::Str(s) => unescape(s),
        }
    }
}

/// Decodes the HTML entities networkx writes in GML strings (`&amp;`, `&quot;`, `&#233;`).
fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        // a ';' within 12 bytes (a byte search: the cut may fall inside a character)
        let end = rest.as_bytes()[..rest.len().min(12)]
            .iter()
            .position(|&b| b == b';');
        let decoded = end.and_then(|e| {
            let ent = &rest[1..e];
            let c = match ent {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                _ if ent.starts_with("#x") || ent.starts_with("#X") => {
                    u32::from_str_radix(&ent[2..], 16)
                        .ok()
                        .and_then(char::from_u32)
                }
                _ if ent.starts_with('#') => ent[1..].parse().ok().and_then(char::from_u32),
                _ => None,
            };
            c.map(|c| (c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Reads the `key value` pairs of a `node [ … ]` or `edge [ … ]` whose `[` was just read;
/// nested lists are skipped (their keys noted).
fn item<'t>(
    lx: &mut Lexer<'t>,
    open_line: usize,
    pairs: &mut Vec<(&'t str, Val<'t>, usize)>,
    skipped: &mut Vec<String>,
) -> Result<()> {
    pairs.clear();
    loop {
        let (t, line) = lx.next()?;
        let key = match t {
            Tok::Close => return Ok(()),
            Tok::Word(k) => k,
            Tok::End => return Err(unclosed(open_line, line)),
            other => return Err(expected(Format::Gml, line, "a key", &found(other))),
        };
        let (v, vline) = lx.next()?;
        match v {
            Tok::Word(w) => pairs.push((key, Val::Word(w), vline)),
            Tok::Str(s) => pairs.push((key, Val::Str(s), vline)),
            Tok::Open => {
                lx.skip_list(vline)?;
                if !skipped.iter().any(|k| k == key) {
                    skipped.push(key.to_string());
                }
            }
            other => return Err(no_value(vline, key, other)),
        }
    }
}

struct PendingEdge {
    source: String,
    target: String,
    weight: Option<f32>,
    line: usize,
}

pub(super) fn read(text: &str, b: &mut Builder) -> Result<()> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lx = Lexer {
        text,
        pos: 0,
        line: 1,
    };
    let mut graphs = 0;
    let mut pairs = Vec::new();
    let mut skipped = Vec::new();
    let mut edges: Vec<PendingEdge> = Vec::new();
    loop {
        let (t, line) = lx.next()?;
        let key = match t {
            Tok::End => break,
            Tok::Word(k) => k,
            other => {
                return Err(expected(
                    Format::Gml,
                    line,
                    "a key such as graph",
                    &found(other),
                ))
            }
        };
        let (v, vline) = lx.next()?;
        if key != "graph" {
            match v {
                Tok::Open => lx.skip_list(vline)?,
                Tok::Word(_) | Tok::Str(_) => {}
                other => return Err(no_value(vline, key, other)),
            }
            continue;
        }
        if v != Tok::Open {
            return Err(expected(Format::Gml, vline, "'[' after graph", &found(v)));
        }
        graphs += 1;
        if graphs > 1 {
            lx.skip_list(vline)?;
            b.note("GML: a second graph [ … ] ignored".into());
            continue;
        }
        // the graph's list
        loop {
            let (t, line) = lx.next()?;
            let key = match t {
                Tok::Close => break,
                Tok::Word(k) => k,
                Tok::End => return Err(unclosed(vline, line)),
                other => return Err(expected(Format::Gml, line, "a key", &found(other))),
            };
            let (v, iline) = lx.next()?;
            match (key, v) {
                ("node", Tok::Open) => {
                    item(&mut lx, iline, &mut pairs, &mut skipped)?;
                    let id = pairs.iter().find(|p| p.0 == "id").ok_or_else(|| {
                        expected(Format::Gml, iline, "an id in node [ … ]", "none")
                    })?;
                    let id = id.1.text();
                    if b.find(&id).is_some() {
                        return Err(expected(
                            Format::Gml,
                            iline,
                            "a node id not used before",
                            &id,
                        ));
                    }
                    let u = b.node(&id, iline)?;
                    for &(k, val, _) in pairs.iter() {
                        if k != "id" {
                            b.set(u, k, val.text());
                        }
                    }
                }
                ("edge", Tok::Open) => {
                    item(&mut lx, iline, &mut pairs, &mut skipped)?;
                    let get = |k: &str| pairs.iter().find(|p| p.0 == k);
                    let s = get("source").ok_or_else(|| {
                        expected(Format::Gml, iline, "a source in edge [ … ]", "none")
                    })?;
                    let t = get("target").ok_or_else(|| {
                        expected(Format::Gml, iline, "a target in edge [ … ]", "none")
                    })?;
                    let weight = match get("weight") {
                        Some(&(_, w, wl)) => Some(weight_at(&w.text(), wl)?),
                        None => None,
                    };
                    for &(k, _, _) in pairs.iter() {
                        if !matches!(k, "source" | "target" | "weight" | "id" | "key") {
                            b.note(format!("GML: edge key '{k}' ignored"));
                        }
                    }
                    edges.push(PendingEdge {
                        source: s.1.text(),
                        target: t.1.text(),
                        weight,
                        line: iline,
                    });
                    super::over_at(
                        iline,
                        crate::error::Unit::Edges,
                        b.limits.max_edges,
                        edges.len() as u64,
                    )?;
                }
                ("directed", Tok::Word(w)) => b.directed = w.trim() == "1",
                (_, Tok::Open) => lx.skip_list(iline)?,
                (_, Tok::Word(_) | Tok::Str(_)) => {}
                (_, other) => return Err(no_value(iline, key, other)),
            }
        }
    }
    if graphs == 0 {
        return Err(expected(Format::Gml, lx.line, "graph [ … ]", "none"));
    }
    for k in skipped {
        b.note(format!("GML: nested list '{k}' ignored"));
    }
    for e in edges {
        let node = |id: &str| {
            b.find(id).ok_or_else(|| {
                expected(
                    Format::Gml,
                    e.line,
                    "a node id declared by a node [ id … ]",
                    id,
                )
            })
        };
        let (u, v) = (node(&e.source)?, node(&e.target)?);
        b.edge(u, v, None, e.weight, e.line)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {

    fn read(t: &str) -> Result<crate::Network, String> {
        super::super::read_text(t, Some(super::Format::Gml))
    }

    #[test]
    fn dialects() {
        // igraph: Creator line, name attribute, ids from 0
        let net = read("Creator \"igraph version 0.10\"\nVersion 1\ngraph\n[\n  directed 0\n  node\n  [\n    id 0\n    name \"a\"\n  ]\n  node [ id 1 name \"b &amp; c\" ]\n  edge [ source 0 target 1 ]\n]\n").unwrap();
        assert_eq!(net.node_count(), 2);
        assert!(!net.is_directed());
        assert_eq!(
            net.attribute("name").unwrap().values[1].as_deref(),
            Some("b & c")
        );
        // networkx: graphics ignored, label as attribute, multigraph key
        let net = read("graph [\n  directed 1\n  multigraph 1\n  node [\n    id 10\n    label \"x\"\n    graphics [ x 1.0 y 2.0 ]\n    age 31\n  ]\n  node [ id 20 label \"y\" age 4.5 ]\n  edge [ source 10 target 20 key 0 weight 0.25 ]\n  edge [ source 10 target 20 key 1 weight 0.5 ]\n  edge [ source 20 target 20 ]\n]").unwrap();
        assert!(net.is_directed());
        assert_eq!(net.labels().unwrap(), &["10", "20"]);
        assert_eq!(net.edge_count(), 1);
        assert_eq!(net.report().duplicates_merged, 1);
        assert_eq!(net.report().self_loops_dropped, 1);
        assert_eq!(net.arc_weight(0, 1), Some(0.25));
        let age = net.attribute("age").unwrap();
        assert_eq!(age.kind, crate::attributes::AttrKind::Number);
        assert_eq!(
            net.attribute("label").unwrap().values[0].as_deref(),
            Some("x")
        );
    }

    #[test]
    fn errors_name_the_line() {
        for (t, msg) in [
            (
                "graph [\n node [ id 1 ]\n",
                "line 3: GML: expected ']' closing the '[' of line 1, found end of file",
            ),
            (
                "graph [\n node [ label \"a\" ]\n]",
                "line 2: GML: expected an id in node [ … ], found none",
            ),
            (
                "graph [\n node [ id 1 ]\n edge [ source 1 target 2 ]\n]",
                "line 3: GML: expected a node id declared by a node [ id … ], found 2",
            ),
            (
                "graph [\n node [ id 1 ]\n node [ id 1 ]\n]",
                "line 3: GML: expected a node id not used before, found 1",
            ),
            (
                "graph [ node [ id 1 label \"a ] ]",
                "line 1: GML: expected a closing '\"', found end of file",
            ),
            (
                "graph [\n node [ id 1 ]\n node [ id 2 ]\n edge [ source 1 target 2 weight x ]\n]",
                "line 4: weight 'x' is not a number",
            ),
            (
                "graph 3",
                "line 1: GML: expected '[' after graph, found '3'",
            ),
            ("graph [ ]", "network: GML: the file has no nodes"),
        ] {
            assert_eq!(read(t).unwrap_err(), msg, "{t:?}");
        }
    }

    #[test]
    fn entities_near_multibyte_characters() {
        assert_eq!(super::unescape("&éééééé;"), "&éééééé;");
        assert_eq!(
            super::unescape("a&amp;b&#233;&#xE9;&bogus;&"),
            "a&béé&bogus;&"
        );
    }

    #[test]
    fn deep_nesting_does_not_recurse() {
        let deep = format!(
            "graph [ node [ id 1 g {} ] ]",
            "[ ".repeat(100_000) + &"] ".repeat(100_000)
        );
        assert_eq!(read(&deep).unwrap().node_count(), 1);
    }
}
