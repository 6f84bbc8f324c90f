//! `viralsim convert IN OUT`: a network file from one format to another, with its node
//! attributes (what the output format can hold).

use crate::args::LimitArgs;
use crate::files::read_text;
use crate::{Fail, Output};
use clap::Args;
use std::path::{Path, PathBuf};
use viralsim::formats::{read_network, write::write_network, Format, ReadOptions};
use viralsim::io::HeaderMode;

/// `viralsim convert`.
#[derive(Args, Debug)]
pub struct ConvertArgs {
    /// The network file to read (any format `--graph` reads; .gz accepted).
    input: PathBuf,

    /// The file to write. Its extension gives the format: .gexf, .graphml, .gml, .net, .json,
    /// .csv (Gephi CSV), .txt or .edges (edge list).
    output: PathBuf,

    /// The input's format, instead of telling it from the content.
    #[arg(long, value_name = "FORMAT",
          value_parser = |s: &str| s.parse::<Format>().map_err(|e| e.to_string()))]
    format_in: Option<Format>,

    /// The output's format, instead of the extension's.
    #[arg(long, value_name = "FORMAT",
          value_parser = |s: &str| s.parse::<Format>().map_err(|e| e.to_string()))]
    format_out: Option<Format>,

    /// Read every edge as an arc source → target.
    #[arg(long)]
    directed: bool,

    /// Whether an edge list's first line is a header: yes, no or auto [default: auto].
    #[arg(long, value_name = "yes|no|auto",
          value_parser = |s: &str| s.parse::<HeaderMode>().map_err(|e| e.to_string()))]
    header: Option<HeaderMode>,

    /// Gephi's node table, for a Gephi CSV edge table.
    #[arg(long, value_name = "FILE")]
    nodes: Option<PathBuf>,

    #[command(flatten)]
    limits: LimitArgs,
}

/// The format of a file to write: `given`, else its extension's (`.csv` is Gephi CSV).
pub fn format_of(path: &Path, given: Option<Format>, flag: &str) -> Result<Format, Fail> {
    if let Some(f) = given {
        return Ok(f);
    }
    let name = path.to_string_lossy();
    if name.to_ascii_lowercase().ends_with(".csv") {
        return Ok(Format::GephiCsv);
    }
    Format::from_extension(&name).ok_or_else(|| {
        Fail::flag(
            flag,
            format!(
                "cannot tell a format from '{name}': use .gexf, .graphml, .gml, .net, .json, .csv or .txt{}",
                if flag == "export-network" { "" } else { " (or --format-out)" }
            ),
        )
    })
}

/// Runs `viralsim convert`.
pub fn convert(a: ConvertArgs) -> Result<Output, Fail> {
    let limits = a.limits.limits();
    let out_format = format_of(&a.output, a.format_out, "format-out")?;
    let text = read_text(&a.input, limits.max_bytes, "input")?;
    let nodes = match &a.nodes {
        Some(p) => Some(read_text(p, limits.max_bytes, "nodes")?),
        None => None,
    };
    let shown = a.input.to_string_lossy().into_owned();
    let r = read_network(
        &text,
        &ReadOptions {
            format: a.format_in,
            name: Some(shown.clone()),
            directed: a.directed,
            header: a.header.unwrap_or_default(),
            limits,
            nodes_table: nodes,
        },
    )
    .map_err(|e| Fail::core(e, &shown, &[]))?;
    for n in &r.notes {
        eprintln!("note: {n}");
    }
    if let Some(h) = &r.header {
        if h.header {
            eprintln!("note: {h}");
        }
    }
    let lost = match out_format {
        Format::EdgeList | Format::GephiCsv | Format::Pajek => !r.network.attributes().is_empty(),
        _ => false,
    };
    if lost {
        eprintln!(
            "note: {} holds no node attributes: {} left out",
            out_format.title(),
            r.network
                .attributes()
                .iter()
                .map(|a| a.name.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    let written = write_network(&r.network, out_format, &[]);
    Ok(Output {
        text: written,
        out: Some(a.output),
    })
}
