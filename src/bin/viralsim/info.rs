//! `viralsim info`: a network's size, degrees, components and clustering.

use crate::args::NetworkArgs;
use crate::files;
use crate::{Fail, Output};
use clap::{Args, ValueEnum};
use std::path::PathBuf;
use viralsim::metrics::network_info;
use viralsim::report;

/// What `info` prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum InfoFormat {
    /// The numbers as JSON.
    Json,
    /// A summary to read.
    Table,
}

/// `viralsim info`.
#[derive(Args, Debug)]
pub struct InfoArgs {
    #[command(flatten)]
    network: NetworkArgs,

    /// The seed of a generated network [default: 1].
    #[arg(long, value_name = "S")]
    seed: Option<u64>,

    /// Output format [default: table].
    #[arg(long, value_enum, help_heading = "Output")]
    format: Option<InfoFormat>,

    /// Write the output to this file (default: stdout).
    #[arg(long, value_name = "FILE", help_heading = "Output")]
    out: Option<PathBuf>,
}

/// Runs `viralsim info`.
pub fn info(a: InfoArgs) -> Result<Output, Fail> {
    let source = files::network(&a.network, None)?;
    let (net, read) = source.build_read(a.seed.unwrap_or(1), &a.network.limits.limits())?;
    let info = network_info(&net);
    let spec = source.spec.to_string();
    // what the reader decided goes to stderr (the edge list's output stays as it was)
    if let Some(r) = &read {
        if let Some(h) = &r.header {
            eprintln!("note: {h}");
        }
        for n in &r.notes {
            eprintln!("note: {n}");
        }
    }
    let file = read
        .as_ref()
        .filter(|r| r.format != viralsim::formats::Format::EdgeList)
        .map(|r| report::FileInfo {
            format: r.format,
            network: &net,
        });
    let text = match a.format.unwrap_or(InfoFormat::Table) {
        InfoFormat::Json => report::network_info_json_file(&info, &spec, file.as_ref()),
        InfoFormat::Table => report::network_info_table_file(&info, &spec, file.as_ref()),
    };
    Ok(Output { text, out: a.out })
}
