//! Pajek `.net`: `*Vertices n` then `k "label" [x y …]` lines, then `*Arcs` (one-way) and
//! `*Edges` (both ways) as `u v [weight]`, or `*Arcslist` / `*Edgeslist` as `u v1 v2 …`. Vertices
//! are known by their number (1 to n, the network's labels); a quoted or bare label becomes the
//! attribute `label`. `%` starts a comment line.

use super::{expected, over_at, weight_at, Builder, Format};
use crate::error::{Result, Unit};
use std::collections::HashMap;

/// Splits a line at blanks, keeping `"quoted words"` whole (without their quotes).
fn tokens(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = line.trim();
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix('"') {
            match r.find('"') {
                Some(e) => {
                    out.push(&r[..e]);
                    rest = r[e + 1..].trim_start();
                }
                None => {
                    out.push(r);
                    rest = "";
                }
            }
        } else {
            let e = rest.find(char::is_whitespace).unwrap_or(rest.len());
            out.push(&rest[..e]);
            rest = rest[e..].trim_start();
        }
    }
    out
}

#[derive(Clone, Copy, PartialEq)]
enum Section {
    None,
    Vertices,
    Arcs,
    Edges,
    ArcsList,
    EdgesList,
    Other,
}

pub(super) fn read(text: &str, b: &mut Builder) -> Result<()> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut section = Section::None;
    let mut n: usize = 0;
    let mut saw_vertices = false;
    let mut labels: Vec<Option<String>> = Vec::new();
    let mut by_label: Option<HashMap<String, u32>> = None;
    for (i, raw) in text.lines().enumerate() {
        let line_no = i + 1;
        let line = raw.trim();
        if line.is_empty() || line.starts_with('%') {
            continue;
        }
        if line.starts_with('*') {
            let word = line
                .split_whitespace()
                .next()
                .unwrap_or("")
                .to_ascii_lowercase();
            section = match word.as_str() {
                "*vertices" => {
                    if saw_vertices {
                        return Err(expected(
                            Format::Pajek,
                            line_no,
                            "one *Vertices section",
                            line,
                        ));
                    }
                    saw_vertices = true;
                    let count = line.split_whitespace().nth(1).unwrap_or("");
                    let k: u64 = count.parse().map_err(|_| {
                        expected(Format::Pajek, line_no, "*Vertices N (a whole number)", line)
                    })?;
                    over_at(line_no, Unit::Nodes, b.limits.max_nodes, k)?;
                    n = k as usize;
                    for v in 1..=n {
                        b.node(&v.to_string(), line_no)?;
                    }
                    labels = vec![None; n];
                    Section::Vertices
                }
                "*arcs" => Section::Arcs,
                "*edges" => Section::Edges,
                "*arcslist" => Section::ArcsList,
                "*edgeslist" => Section::EdgesList,
                "*network" => Section::None,
                _ => {
                    b.note(format!("Pajek: section {word} ignored"));
                    Section::Other
                }
            };
            if section != Section::None && section != Section::Other && !saw_vertices {
                return Err(expected(
                    Format::Pajek,
                    line_no,
                    "*Vertices N before the edges",
                    line,
                ));
            }
            continue;
        }
        let t = tokens(line);
        // a vertex by number, or by label (looked up in an index built the first time)
        let mut vertex = |s: &str, labels: &[Option<String>], _: &Builder| -> Result<u32> {
            if let Ok(k) = s.parse::<usize>() {
                if (1..=n).contains(&k) {
                    return Ok(k as u32 - 1);
                }
            } else {
                let index = by_label.get_or_insert_with(|| {
                    let mut m = HashMap::new();
                    for (k, l) in labels.iter().enumerate() {
                        if let Some(l) = l {
                            m.entry(l.clone()).or_insert(k as u32);
                        }
                    }
                    m
                });
                if let Some(&k) = index.get(s) {
                    return Ok(k);
                }
            }
            Err(expected(
                Format::Pajek,
                line_no,
                &format!("a vertex from 1 to {n}"),
                s,
            ))
        };
        match section {
            Section::None => {
                return Err(expected(Format::Pajek, line_no, "*Vertices N", line));
            }
            Section::Other => {}
            Section::Vertices => {
                let v = match t[0].parse::<usize>() {
                    Ok(k) if (1..=n).contains(&k) => k as u32 - 1,
                    _ => {
                        return Err(expected(
                            Format::Pajek,
                            line_no,
                            &format!("a vertex from 1 to {n}"),
                            t[0],
                        ))
                    }
                };
                if let Some(l) = t.get(1) {
                    labels[v as usize] = Some(l.to_string());
                }
                if t.len() > 2 {
                    b.note("Pajek: vertex coordinates and shapes ignored".into());
                }
            }
            Section::Arcs | Section::Edges => {
                if t.len() < 2 {
                    return Err(expected(Format::Pajek, line_no, "'u v [weight]'", line));
                }
                let u = vertex(t[0], &labels, b)?;
                let v = vertex(t[1], &labels, b)?;
                let w = match t.get(2) {
                    Some(w) => Some(weight_at(w, line_no)?),
                    None => None,
                };
                if t.len() > 3 {
                    b.note("Pajek: edge options after the weight ignored".into());
                }
                b.edge(u, v, Some(section == Section::Arcs), w, line_no)?;
            }
            Section::ArcsList | Section::EdgesList => {
                let u = vertex(t[0], &labels, b)?;
                for s in &t[1..] {
                    let v = vertex(s, &labels, b)?;
                    b.edge(u, v, Some(section == Section::ArcsList), None, line_no)?;
                }
            }
        }
    }
    if !saw_vertices {
        return Err(expected(
            Format::Pajek,
            text.lines().count().max(1),
            "*Vertices N",
            "end of file",
        ));
    }
    // the direction of the file: arcs make it directed, edges alone undirected
    b.directed = false;
    for (v, l) in labels.into_iter().enumerate() {
        if let Some(l) = l {
            b.set(v as u32, "label", l);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {

    fn read(t: &str) -> Result<crate::Network, String> {
        super::super::read_text(t, None)
    }

    #[test]
    fn sections() {
        let net = read("*Network test\n*Vertices 4\n1 \"Ann Lee\" 0.1 0.2 0.5\n2 bob\n3 \"c\"\n*Edges\n1 2 0.5\n2 3 1.5\n*Edgeslist\n1 3 4\n").unwrap();
        assert!(!net.is_directed());
        assert_eq!((net.node_count(), net.edge_count()), (4, 4));
        assert_eq!(
            net.attribute("label").unwrap().values[0].as_deref(),
            Some("Ann Lee")
        );
        assert_eq!(net.attribute("label").unwrap().values[3], None);
        assert_eq!(net.arc_weight(1, 2), Some(1.5));
        assert_eq!(net.arc_weight(0, 3), Some(1.0));
        let net = read("*vertices 3\n*arcs\n1 2\n*edges\n2 3\n*arcslist\n3 1 2\n").unwrap();
        assert!(net.is_directed());
        // 1→2, 2↔3 (two arcs), 3→1, 3→2 (duplicate of 3→2 merged)
        assert_eq!(net.edge_count(), 4);
        assert_eq!(net.report().duplicates_merged, 1);
    }

    #[test]
    fn errors() {
        for (t, msg) in [
            (
                "*Vertices 2\n*Arcs\n1 3\n",
                "line 3: Pajek: expected a vertex from 1 to 2, found 3",
            ),
            (
                "*Vertices x\n",
                "line 1: Pajek: expected *Vertices N (a whole number), found *Vertices x",
            ),
            (
                "*Arcs\n1 2\n",
                "line 1: Pajek: expected *Vertices N before the edges, found *Arcs",
            ),
            (
                "*Vertices 2\n*Edges\n1\n",
                "line 3: Pajek: expected 'u v [weight]', found 1",
            ),
            (
                "*Vertices 2\n*Edges\n1 2 -1\n",
                "line 3: weight -1 must be a finite number ≥ 0",
            ),
            (
                "*Vertices 9999999999\n",
                "line 1 (nodes): 9999999999 is over the limit of 5000000",
            ),
        ] {
            assert_eq!(read(t).unwrap_err(), msg, "{t:?}");
        }
    }
}
