//! Network files in the formats other tools write: edge lists, Gephi's spreadsheet CSV, GML
//! (networkx's and igraph's), GraphML, GEXF 1.1–1.3, Pajek `.net` and node-link JSON (networkx's
//! and d3's). Readers take the file's text, never a path, so the CLI and the page share them; the
//! format comes from the text itself (the file's name is a hint only), or is given.
//!
//! What is read: the node ids as written (the network's labels, so `nodes:alice` finds them),
//! the direction, edge weights, and node attributes by name and type. Duplicate edges are merged
//! and self-loops dropped, as for edge lists, and counted in the network's report.
//!
//! ```
//! use viralsim::formats::{read_network, Format, ReadOptions};
//! let gml = "graph [\n directed 1\n node [ id 1 label \"a\" country \"FR\" ]\n node [ id 2 label \"b\" country \"DE\" ]\n edge [ source 1 target 2 weight 0.5 ]\n]\n";
//! let r = read_network(gml, &ReadOptions::default()).unwrap();
//! assert_eq!(r.format, Format::Gml);
//! assert!(r.network.is_directed());
//! assert_eq!(r.network.arc_weight(0, 1), Some(0.5));
//! assert_eq!(r.network.attribute("country").unwrap().values[1].as_deref(), Some("DE"));
//! let e = read_network("digraph { a -> b }", &ReadOptions::default()).unwrap_err();
//! assert!(e.to_string().starts_with("line 1: this looks like a DOT (Graphviz) file"), "{e}");
//! ```

// the readers and writers of the structured formats: the `formats` feature (on by default; the
// widget's wasm leaves it out, it never opens a file)
#[cfg(feature = "formats")]
mod builder;
mod csv;
#[cfg(feature = "formats")]
mod gephi;
#[cfg(feature = "formats")]
mod gml;
#[cfg(feature = "formats")]
mod json;
#[cfg(feature = "formats")]
mod pajek;
pub mod segments;
#[cfg(feature = "formats")]
pub mod write;
#[cfg(feature = "formats")]
mod xml;
#[cfg(feature = "formats")]
pub(crate) use builder::{expected, over_at, weight_at, Builder};

use crate::attributes::AttrKind;
use crate::error::{Code, Error, Result};
use crate::io::{parse_edge_list_with, EdgeListOptions, HeaderDecision, HeaderMode, Limits};
use crate::network::Network;

/// A network file format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    /// `source target [weight]` per line (spaces, tabs or commas).
    EdgeList,
    /// Gephi's spreadsheet CSV: an edge table with `Source`, `Target` (and `Type`, `Weight`…).
    GephiCsv,
    /// GML (`graph [ node [ id 1 ] edge [ source 1 target 2 ] ]`).
    Gml,
    /// GraphML (XML).
    Graphml,
    /// GEXF 1.1–1.3 (XML, Gephi's own).
    Gexf,
    /// Pajek `.net` (`*Vertices`, `*Arcs`, `*Edges`, `*Arcslist`, `*Edgeslist`).
    Pajek,
    /// Node-link JSON (`{"nodes": […], "links" or "edges": […]}`), networkx's and d3's.
    Json,
}

/// Every format, in the order messages list them.
pub const FORMATS: &[Format] = &[
    Format::EdgeList,
    Format::GephiCsv,
    Format::Gml,
    Format::Graphml,
    Format::Gexf,
    Format::Pajek,
    Format::Json,
];

/// The formats' names, as `--format-in` takes them.
pub const FORMAT_NAMES: &str = "edge-list, gephi-csv, gml, graphml, gexf, pajek, json";

/// What viralsim reads, as an unsupported format's message says it.
const READS: &str = "edge lists, Gephi CSV, GML, GraphML, GEXF, Pajek .net and node-link JSON";

impl Format {
    /// The name `--format-in` takes and `info` prints (`graphml`).
    pub fn name(self) -> &'static str {
        match self {
            Format::EdgeList => "edge-list",
            Format::GephiCsv => "gephi-csv",
            Format::Gml => "gml",
            Format::Graphml => "graphml",
            Format::Gexf => "gexf",
            Format::Pajek => "pajek",
            Format::Json => "json",
        }
    }

    /// How messages call it (`GraphML`).
    pub fn title(self) -> &'static str {
        match self {
            Format::EdgeList => "edge list",
            Format::GephiCsv => "Gephi CSV",
            Format::Gml => "GML",
            Format::Graphml => "GraphML",
            Format::Gexf => "GEXF",
            Format::Pajek => "Pajek",
            Format::Json => "node-link JSON",
        }
    }

    /// The format a file name's extension suggests (`.graphml`, `.net`…), if any.
    pub fn from_extension(name: &str) -> Option<Format> {
        let lower = name.to_ascii_lowercase();
        let lower = lower.strip_suffix(".gz").unwrap_or(&lower);
        let ext = lower.rsplit_once('.').map(|(_, e)| e)?;
        Some(match ext {
            "gml" => Format::Gml,
            "graphml" => Format::Graphml,
            "gexf" => Format::Gexf,
            "net" | "paj" => Format::Pajek,
            "json" => Format::Json,
            "txt" | "edges" | "edgelist" | "tsv" | "el" => Format::EdgeList,
            _ => return None,
        })
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl std::str::FromStr for Format {
    type Err = Error;
    fn from_str(s: &str) -> Result<Format> {
        let t = s.trim().to_ascii_lowercase();
        FORMATS
            .iter()
            .copied()
            .find(|f| f.name() == t)
            .or(match t.as_str() {
                "edgelist" | "edges" | "csv" | "txt" => Some(Format::EdgeList),
                "gephi" => Some(Format::GephiCsv),
                "net" => Some(Format::Pajek),
                "node-link" => Some(Format::Json),
                _ => None,
            })
            .ok_or_else(|| Error::unknown("format", s, FORMAT_NAMES))
    }
}

/// How to read a network file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReadOptions {
    /// The format, or `None` to tell it from the text.
    pub format: Option<Format>,
    /// The file's name, a hint to the format when the text cannot tell.
    pub name: Option<String>,
    /// `true`: every edge is an arc source → target, whatever the file says. `false`: as the
    /// file says (an edge list, which says nothing, is undirected).
    pub directed: bool,
    /// Whether an edge list's first line is a header.
    pub header: HeaderMode,
    /// The sizes the text and the network may not exceed.
    pub limits: Limits,
    /// Gephi's node table (`Id`, `Label`, attribute columns), for a Gephi CSV edge table.
    pub nodes_table: Option<String>,
}

/// A network read from a file, with what the reader decided.
#[derive(Clone, Debug)]
pub struct ReadNetwork {
    /// The network, with its labels (the ids as written) and attributes.
    pub network: Network,
    /// The format it was read as.
    pub format: Format,
    /// For an edge list: whether its first line was read as a header, and why.
    pub header: Option<HeaderDecision>,
    /// Columns, keys or elements the reader skipped (`Gephi CSV column 'timeset' ignored`).
    pub notes: Vec<String>,
}

/// One attribute as a preview shows it.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct AttributePreview {
    /// Its name.
    pub name: String,
    /// Its type.
    #[serde(rename = "type")]
    pub kind: AttrKind,
    /// How many nodes have a value.
    pub values: usize,
    /// Up to 5 distinct values, in node order.
    pub examples: Vec<String>,
}

/// What a network file holds, for a page to show before it is used.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Preview {
    /// The format it was read as.
    pub format: Format,
    /// People (nodes).
    pub people: usize,
    /// Friendships (edges; arcs of a directed network).
    pub friendships: usize,
    /// Whether the friendships are one-way.
    pub directed: bool,
    /// Whether they carry weights.
    pub weighted: bool,
    /// Duplicates merged and self-loops dropped.
    pub duplicates_merged: u64,
    /// Self-loops dropped.
    pub self_loops_dropped: u64,
    /// The node attributes, each with a few values.
    pub attributes: Vec<AttributePreview>,
    /// For an edge list: whether its first line was read as a header, and why.
    pub header: Option<HeaderDecision>,
    /// What the reader skipped.
    pub notes: Vec<String>,
}

/// Reads `text` and describes it (see [`Preview`]). `format_hint` is a file name or a format
/// name (`graph.gexf`, `gml`), or empty.
///
/// # Errors
/// As [`read_network`].
///
/// ```
/// let p = viralsim::formats::preview("follower,followee\na,b\nb,c\n", "", None, &Default::default()).unwrap();
/// assert_eq!((p.people, p.friendships, p.header.unwrap().header), (3, 2, true));
/// ```
pub fn preview(
    text: &str,
    format_hint: &str,
    nodes_table: Option<&str>,
    limits: &Limits,
) -> Result<Preview> {
    let hint = format_hint.trim();
    let format = if hint.is_empty() || hint.contains('.') {
        None
    } else {
        Some(hint.parse::<Format>()?)
    };
    let r = read_network(
        text,
        &ReadOptions {
            format,
            name: (hint.contains('.')).then(|| hint.to_string()),
            limits: *limits,
            nodes_table: nodes_table.map(str::to_string),
            ..Default::default()
        },
    )?;
    let net = &r.network;
    Ok(Preview {
        format: r.format,
        people: net.node_count(),
        friendships: net.edge_count(),
        directed: net.is_directed(),
        weighted: net.is_weighted(),
        duplicates_merged: net.report().duplicates_merged,
        self_loops_dropped: net.report().self_loops_dropped,
        attributes: net
            .attributes()
            .iter()
            .map(|a| AttributePreview {
                name: a.name.clone(),
                kind: a.kind,
                values: a.values.iter().filter(|v| v.is_some()).count(),
                examples: a.sample(5),
            })
            .collect(),
        header: r.header,
        notes: r.notes,
    })
}

/// The first `n` characters of the text after blanks and a byte order mark.
fn head(text: &str) -> &str {
    let t = text.trim_start_matches('\u{feff}').trim_start();
    match t.char_indices().nth(400) {
        Some((i, _)) => &t[..i],
        None => t,
    }
}

/// The line (from 1) of byte offset `pos` of `text`.
pub(crate) fn line_of(text: &str, pos: usize) -> usize {
    let pos = pos.min(text.len());
    text.as_bytes()[..pos]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

fn unsupported(line: usize, looks_like: &str) -> Error {
    Error::at_line(
        line,
        Code::UnsupportedFormat {
            looks_like: looks_like.to_string(),
            reads: READS.to_string(),
        },
    )
}

/// Tells the format from the text (its first bytes), the file name's extension breaking ties.
///
/// # Errors
/// [`Code::UnsupportedFormat`] for a format viralsim knows but does not read (DOT, GDF, Matrix
/// Market, UCINET DL, other XML or JSON, a spreadsheet), naming it.
pub fn detect(text: &str, name: Option<&str>) -> Result<Format> {
    let h = head(text);
    let lead = text.len() - text.trim_start_matches('\u{feff}').trim_start().len();
    let line = line_of(text, lead);
    let lower = h.to_ascii_lowercase();
    let hint = name.and_then(Format::from_extension);
    if lower.starts_with('<') {
        return match xml_root(h) {
            Some(r) if r.eq_ignore_ascii_case("graphml") => Ok(Format::Graphml),
            Some(r) if r.eq_ignore_ascii_case("gexf") => Ok(Format::Gexf),
            Some(r) if r.eq_ignore_ascii_case("gxl") => Err(unsupported(line, "a GXL file")),
            Some(r) if r.eq_ignore_ascii_case("html") => Err(unsupported(line, "an HTML page")),
            Some(r) => Err(unsupported(line, &format!("an XML file with root <{r}>"))),
            None => match hint {
                Some(f @ (Format::Graphml | Format::Gexf)) => Ok(f),
                _ => Err(unsupported(line, "an XML file")),
            },
        };
    }
    if lower.starts_with('{') || lower.starts_with('[') {
        if lower.starts_with('{') && !lower.contains("\"nodes\"") && text.len() < 400 {
            return Err(unsupported(line, "a JSON file without \"nodes\""));
        }
        return Ok(Format::Json);
    }
    if lower.starts_with("%%matrixmarket") {
        return Err(unsupported(line, "a Matrix Market file"));
    }
    if lower.starts_with("nodedef>") {
        return Err(unsupported(line, "a GDF (GUESS) file"));
    }
    if lower.starts_with("dl ") || lower.starts_with("dl\n") {
        return Err(unsupported(line, "a UCINET DL file"));
    }
    if lower.starts_with("pk\u{3}\u{4}") {
        return Err(unsupported(
            line,
            "a spreadsheet (zip) file: export it as CSV",
        ));
    }
    // skip comment lines for the token checks below
    let body: String = lower
        .lines()
        .filter(|l| {
            let t = l.trim_start();
            !t.starts_with('#') && !t.starts_with('%')
        })
        .collect::<Vec<_>>()
        .join("\n");
    let body = body.trim_start();
    let mut words = body.split_whitespace();
    let first = words.next().unwrap_or("");
    let second = words.next().unwrap_or("");
    if first.starts_with('*') {
        return Ok(Format::Pajek);
    }
    let dot = matches!(first, "digraph" | "strict")
        || (first == "graph" && (second.starts_with('{') || (second != "[" && body.contains('{'))));
    if dot || first.starts_with("digraph{") || first.starts_with("graph{") {
        return Err(unsupported(line, "a DOT (Graphviz) file"));
    }
    if matches!(first, "graph" | "creator" | "version") && body.contains('[') {
        return Ok(Format::Gml);
    }
    if first.starts_with("graph[") {
        return Ok(Format::Gml);
    }
    if csv::looks_like_gephi(body) {
        return Ok(Format::GephiCsv);
    }
    if let Some(f @ (Format::Gml | Format::Pajek)) = hint {
        // an empty or comment-only file of a structured format: its reader says what is missing
        if body.is_empty() {
            return Ok(f);
        }
    }
    Ok(Format::EdgeList)
}

/// The name of the first element of an XML text (after the prolog and comments).
fn xml_root(h: &str) -> Option<&str> {
    let mut rest = h;
    loop {
        let i = rest.find('<')?;
        rest = &rest[i + 1..];
        if rest.starts_with('?') || rest.starts_with('!') {
            if let Some(stripped) = rest.strip_prefix("!--") {
                rest = &stripped[stripped.find("-->")? + 3..];
            }
            continue;
        }
        let end = rest
            .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
            .unwrap_or(rest.len());
        let name = &rest[..end];
        return Some(name.rsplit(':').next().unwrap_or(name));
    }
}

/// Reads a network file in any of the [`FORMATS`], the format told from the text unless
/// `opts.format` gives it.
///
/// # Errors
/// An unsupported format (named), or the first problem of the text with its line (or element
/// and line, or JSON path) and what was expected; a size over `opts.limits` (the text's bytes
/// are checked before anything is read).
pub fn read_network(text: &str, opts: &ReadOptions) -> Result<ReadNetwork> {
    opts.limits.check_bytes("network file", text.len() as u64)?;
    if let Some(t) = &opts.nodes_table {
        opts.limits.check_bytes("node table", t.len() as u64)?;
    }
    let format = match opts.format {
        Some(f) => f,
        None => detect(text, opts.name.as_deref())?,
    };
    #[cfg_attr(not(feature = "formats"), allow(unused_mut))]
    let mut notes = Vec::new();
    let (network, header) = match format {
        Format::EdgeList => {
            let (net, h) = parse_edge_list_with(
                text,
                &EdgeListOptions {
                    directed: opts.directed,
                    limits: opts.limits,
                    header: opts.header,
                },
            )?;
            (net, Some(h))
        }
        #[cfg(feature = "formats")]
        _ => {
            let mut b = Builder::new(opts.limits);
            match format {
                Format::GephiCsv => gephi::read(text, opts, &mut b)?,
                Format::Gml => gml::read(text, &mut b)?,
                Format::Graphml => xml::read_graphml(text, &mut b)?,
                Format::Gexf => xml::read_gexf(text, &mut b)?,
                Format::Pajek => pajek::read(text, &mut b)?,
                Format::Json => json::read(text, &mut b)?,
                Format::EdgeList => unreachable_format()?,
            }
            notes.append(&mut b.notes);
            (b.finish(format, opts.directed)?, None)
        }
        // a build without the readers (the widget's wasm, which never opens a file): the format
        // is still told from the text, and named
        #[cfg(not(feature = "formats"))]
        _ => {
            return Err(Error::new(
                "network",
                Code::NotInWidget {
                    feature: "file readers".to_string(),
                },
            ))
        }
    };
    Ok(ReadNetwork {
        network,
        format,
        header,
        notes,
    })
}

/// The edge-list arm above is handled before the builder; this keeps the match total without a
/// panic.
#[cfg(feature = "formats")]
fn unreachable_format() -> Result<()> {
    Ok(())
}

/// Reads `text` as `format` (told from the text when `None`), for the readers' tests: the
/// network, or the error's text.
#[cfg(test)]
pub(crate) fn read_text(
    text: &str,
    format: Option<Format>,
) -> std::result::Result<crate::Network, String> {
    let opts = ReadOptions {
        format,
        ..Default::default()
    };
    read_network(text, &opts)
        .map(|r| r.network)
        .map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn det(t: &str) -> std::result::Result<Format, String> {
        detect(t, None).map_err(|e| e.to_string())
    }

    #[test]
    fn detection_by_content() {
        assert_eq!(det("0 1\n1 2\n"), Ok(Format::EdgeList));
        assert_eq!(det("source,target,weight\na,b,1\n"), Ok(Format::EdgeList));
        assert_eq!(
            det("Source,Target,Type,Weight\na,b,Directed,1\n"),
            Ok(Format::GephiCsv)
        );
        assert_eq!(det("graph [\n node [ id 1 ]\n]"), Ok(Format::Gml));
        assert_eq!(
            det("Creator \"igraph\"\nVersion 1\ngraph\n[\n]"),
            Ok(Format::Gml)
        );
        assert_eq!(
            det("<?xml version=\"1.0\"?>\n<!-- x -->\n<graphml xmlns=\"x\">"),
            Ok(Format::Graphml)
        );
        assert_eq!(
            det("<?xml version='1.0'?><gexf version=\"1.3\">"),
            Ok(Format::Gexf)
        );
        assert_eq!(det("*Vertices 3\n"), Ok(Format::Pajek));
        assert_eq!(det("% c\n*network x\n*vertices 2"), Ok(Format::Pajek));
        assert_eq!(det("{\"nodes\": [], \"links\": []}"), Ok(Format::Json));
        for (t, what) in [
            ("digraph G { a -> b }", "a DOT (Graphviz) file"),
            ("graph { a -- b }", "a DOT (Graphviz) file"),
            ("strict graph {}", "a DOT (Graphviz) file"),
            ("%%MatrixMarket matrix coordinate", "a Matrix Market file"),
            ("nodedef>name VARCHAR\n", "a GDF (GUESS) file"),
            ("<svg></svg>", "an XML file with root <svg>"),
            ("{\"a\": 1}", "a JSON file without \"nodes\""),
        ] {
            let e = det(t).unwrap_err();
            assert_eq!(
                e,
                format!("line 1: this looks like {what}; viralsim reads {READS}"),
            );
        }
    }

    #[test]
    fn names_and_extensions() {
        assert_eq!("GraphML".parse::<Format>().unwrap(), Format::Graphml);
        assert_eq!(Format::from_extension("a/b.NET"), Some(Format::Pajek));
        assert_eq!(Format::from_extension("x.gexf.gz"), Some(Format::Gexf));
        let e = "dot".parse::<Format>().unwrap_err().to_string();
        assert_eq!(
            e,
            format!("format: unknown 'dot' (expected one of: {FORMAT_NAMES})")
        );
    }
}
