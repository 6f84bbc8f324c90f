//! Gephi's spreadsheet CSV: an edge table with the columns `Source` and `Target` (any case, in
//! any order), optionally `Type` (`Directed`, `Undirected`, `Mutual`) and `Weight`; other columns
//! (`Id`, `Label`, `timeset`…) are skipped with a note. Separators: `,`, `;` or tab; fields may
//! be quoted (`"a, b"`, `""` for a quote). An optional node table (`Id`, `Label`, attribute
//! columns) declares the nodes, in its order, with their attributes. Without one, ids that are
//! all whole numbers are sorted, as an edge list's are.

use super::csv::{separator, split};
use super::{expected, weight_at, Builder, Format, ReadOptions};
use crate::error::Result;
use std::borrow::Cow;

/// The data lines of a table: `(line number, text)`, blank lines and `#` comments skipped.
fn rows(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines().enumerate().filter_map(|(i, l)| {
        let t = l.trim();
        (!t.is_empty() && !t.starts_with('#')).then_some((i + 1, l))
    })
}

fn fields<'l>(line: &'l str, sep: char, n: usize, what: &str) -> Result<Vec<Cow<'l, str>>> {
    let _ = what;
    split(line, sep).ok_or_else(|| expected(Format::GephiCsv, n, "a closing '\"'", line.trim()))
}

pub(super) fn read(text: &str, opts: &ReadOptions, b: &mut Builder) -> Result<()> {
    let f = Format::GephiCsv;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if let Some(nodes) = &opts.nodes_table {
        // the node table's lines are its own: `nodes: line 3: …`
        read_nodes(nodes.strip_prefix('\u{feff}').unwrap_or(nodes), b)
            .map_err(|e| e.in_file("nodes"))?;
    } else {
        b.sort_numeric = true;
    }
    let mut it = rows(text);
    let (hl, header) = it
        .next()
        .ok_or_else(|| expected(f, 1, "a header with Source and Target", "end of file"))?;
    let sep = separator(header)
        .ok_or_else(|| expected(f, hl, "a header with Source and Target", header.trim()))?;
    let cols = fields(header, sep, hl, "header")?;
    let col = |w: &str| cols.iter().position(|c| c.trim().eq_ignore_ascii_case(w));
    let (s, t) = (col("source").unwrap_or(0), col("target").unwrap_or(1));
    let ty = col("type");
    let wcol = col("weight");
    for (i, c) in cols.iter().enumerate() {
        if ![Some(s), Some(t), ty, wcol].contains(&Some(i)) {
            b.note(format!("Gephi CSV: column '{}' ignored", c.trim()));
        }
    }
    for (ln, line) in it {
        let row = fields(line, sep, ln, "row")?;
        let get = |k: usize| row.get(k).map(|x| x.trim()).unwrap_or("");
        let (src, dst) = (get(s), get(t));
        if src.is_empty() || dst.is_empty() {
            return Err(expected(
                f,
                ln,
                &format!("a Source and a Target ({} columns)", cols.len()),
                line.trim(),
            ));
        }
        let directed = match ty.map(get) {
            None | Some("") => None,
            Some(x) if x.eq_ignore_ascii_case("directed") => Some(true),
            Some(x) if x.eq_ignore_ascii_case("undirected") || x.eq_ignore_ascii_case("mutual") => {
                Some(false)
            }
            Some(x) => {
                return Err(expected(f, ln, "Type Directed or Undirected", x));
            }
        };
        let w = match wcol.map(get) {
            None | Some("") => None,
            Some(x) => Some(weight_at(x, ln)?),
        };
        let u = b.node(src, ln)?;
        let v = b.node(dst, ln)?;
        b.edge(u, v, directed, w, ln)?;
    }
    Ok(())
}

/// Gephi's node table: `Id` (required), `Label` and attribute columns.
fn read_nodes(text: &str, b: &mut Builder) -> Result<()> {
    let f = Format::GephiCsv;
    let mut it = rows(text);
    let (hl, header) = it
        .next()
        .ok_or_else(|| expected(f, 1, "a node table header with Id", "end of file"))?;
    let sep = [',', ';', '\t']
        .into_iter()
        .find(|&sep| {
            split(header, sep)
                .is_some_and(|f| f.iter().any(|x| x.trim().eq_ignore_ascii_case("id")))
        })
        .ok_or_else(|| expected(f, hl, "a node table header with Id", header.trim()))?;
    let cols = fields(header, sep, hl, "header")?;
    let id_col = cols
        .iter()
        .position(|c| c.trim().eq_ignore_ascii_case("id"))
        .unwrap_or(0);
    let index: Vec<Option<usize>> = cols
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let name = c.trim();
            let lower = name.to_ascii_lowercase();
            if i == id_col || lower == "timeset" || lower == "interval" {
                None
            } else {
                Some(b.declare(if lower == "label" { "label" } else { name }, None))
            }
        })
        .collect();
    for (ln, line) in it {
        let row = fields(line, sep, ln, "row")?;
        let id = row.get(id_col).map(|x| x.trim()).unwrap_or("");
        if id.is_empty() {
            return Err(expected(f, ln, "an Id", line.trim()));
        }
        if b.find(id).is_some() {
            return Err(expected(f, ln, "an Id not used before", id));
        }
        let u = b.node(id, ln)?;
        for (k, cell) in row.iter().enumerate() {
            if let Some(Some(a)) = index.get(k) {
                let v = cell.trim();
                if !v.is_empty() {
                    b.set_index(u, *a, v.to_string());
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::{read_network, ReadOptions};

    #[test]
    fn edges_and_nodes_tables() {
        let edges = "Source;Target;Type;Id;Label;Weight\n\"a\";b;Directed;0;;0.5\nb;\"c, the third\";Undirected;1;;\n";
        let r = read_network(edges, &ReadOptions::default()).unwrap();
        assert_eq!(r.format, super::Format::GephiCsv);
        let net = r.network;
        assert!(net.is_directed());
        assert_eq!(net.labels().unwrap(), &["a", "b", "c, the third"]);
        assert_eq!(net.edge_count(), 3);
        assert_eq!(net.arc_weight(0, 1), Some(0.5));
        assert_eq!(net.arc_weight(2, 1), Some(1.0));
        assert_eq!(
            r.notes,
            vec![
                "Gephi CSV: column 'Id' ignored",
                "Gephi CSV: column 'Label' ignored"
            ]
        );
        let nodes =
            "Id,Label,country,followers\n\"c, the third\",C,FR,10\na,A,DE,20\nb,B,,30\nd,D,FR,0\n";
        let opts = ReadOptions {
            nodes_table: Some(nodes.into()),
            ..Default::default()
        };
        let net = read_network(edges, &opts).unwrap().network;
        assert_eq!(net.labels().unwrap(), &["c, the third", "a", "b", "d"]);
        assert_eq!(net.attribute("country").unwrap().values[2], None);
        assert_eq!(net.attribute("followers").unwrap().number(1), Some(20.0));
    }

    #[test]
    fn numeric_ids_sorted_without_a_node_table() {
        let r = read_network(
            "Source,Target,Label\n10,2,x\n2,3,y\n",
            &ReadOptions::default(),
        )
        .unwrap();
        assert_eq!(r.network.labels().unwrap(), &["2", "3", "10"]);
    }

    #[test]
    fn errors() {
        for (t, msg) in [
            (
                "Source,Target,Type\na,b,Sideways\n",
                "line 2: Gephi CSV: expected Type Directed or Undirected, found Sideways",
            ),
            (
                "Source,Target,Type\na,,Directed\n",
                "line 2: Gephi CSV: expected a Source and a Target (3 columns), found a,,Directed",
            ),
            (
                "Source,Target,Weight,Label\na,b,heavy,x\n",
                "line 2: weight 'heavy' is not a number",
            ),
            (
                "Source,Target,Label\n\"a,b,x\n",
                "line 2: Gephi CSV: expected a closing '\"', found \"a,b,x",
            ),
        ] {
            assert_eq!(
                read_network(t, &ReadOptions::default())
                    .unwrap_err()
                    .to_string(),
                msg,
                "{t}"
            );
        }
    }
}
