//! `viralsim theory`: what theory expects of a network and a model, without simulating
//! (the core's `analysis` module).

use crate::args::{ModelArgs, NetworkArgs};
use crate::files;
use crate::{Fail, Output};
use clap::{Args, ValueEnum};
use std::path::PathBuf;
use viralsim::analysis::{theory as expect, DEFAULT_CURVE_STEPS};
use viralsim::bounds::MAX_STEPS;
use viralsim::report;
use viralsim::Model;

/// What `theory` prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum TheoryFormat {
    /// The numbers (and the Bass curves) as JSON.
    Json,
    /// A summary to read.
    Table,
}

/// `viralsim theory`.
#[derive(Args, Debug)]
pub struct TheoryArgs {
    #[command(flatten)]
    network: NetworkArgs,

    #[command(flatten)]
    model: ModelArgs,

    /// The seed of a generated network [default: 1].
    #[arg(long, value_name = "S")]
    seed: Option<u64>,

    /// Steps of the Bass and mean-field curves [default: 50].
    #[arg(long, value_name = "T",
          value_parser = clap::value_parser!(u32).range(1..=MAX_STEPS as i64), allow_negative_numbers = true)]
    max_steps: Option<u32>,

    /// Output format [default: json].
    #[arg(long, value_enum, help_heading = "Output")]
    format: Option<TheoryFormat>,

    /// Write the output to this file (default: stdout).
    #[arg(long, value_name = "FILE", help_heading = "Output")]
    out: Option<PathBuf>,
}

/// Runs `viralsim theory`.
pub fn theory(a: TheoryArgs) -> Result<Output, Fail> {
    let spec = a.model.spec(None)?;
    let model = Model::try_from(spec)?;
    let source = files::network(&a.network, None)?;
    let net = source.build(a.seed.unwrap_or(1), &a.network.limits.limits())?;
    let t = expect(&net, &model, a.max_steps.unwrap_or(DEFAULT_CURVE_STEPS))?;
    let spec = source.spec.to_string();
    let text = match a.format.unwrap_or(TheoryFormat::Json) {
        TheoryFormat::Json => report::theory_json(&t, &spec),
        TheoryFormat::Table => report::theory_table(&t, &spec),
    };
    Ok(Output { text, out: a.out })
}
