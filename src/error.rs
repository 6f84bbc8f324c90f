//! The one error type of the core. Every message names the field, flag or line at fault.

use std::fmt;

/// What went wrong, and where. Built at the edges (parsers, constructors); a running
/// [`Simulation`](crate::Simulation) never produces one.
#[derive(Clone, Debug, PartialEq)]
pub enum Error {
    /// A parameter is out of range or inconsistent: `field` names it as the user wrote it.
    Param { field: String, reason: String },
    /// A line of an input text is malformed (1-based line number).
    Line { line: usize, reason: String },
    /// An input is larger than the configured limit.
    Limit { what: String, limit: u64, got: u64 },
    /// A name (model, generator, network, strategy) is not known.
    Unknown {
        field: String,
        name: String,
        expected: String,
    },
}

impl Error {
    pub fn param(field: impl Into<String>, reason: impl Into<String>) -> Self {
        Error::Param {
            field: field.into(),
            reason: reason.into(),
        }
    }
    pub fn line(line: usize, reason: impl Into<String>) -> Self {
        Error::Line {
            line,
            reason: reason.into(),
        }
    }
    pub fn unknown(
        field: impl Into<String>,
        name: impl Into<String>,
        expected: impl Into<String>,
    ) -> Self {
        Error::Unknown {
            field: field.into(),
            name: name.into(),
            expected: expected.into(),
        }
    }
    /// The field at fault as a path (`model.p`, `campaign.ads.conversion`,
    /// `campaign.interventions[0]`, `network.n`, `seeds`), if the error names one.
    /// The CLI maps it to its flag and the page to its control by looking the whole path up.
    pub fn field(&self) -> Option<String> {
        match self {
            Error::Param { field, .. } | Error::Unknown { field, .. } => Some(field.clone()),
            Error::Limit { what, .. } => Some(what.clone()),
            Error::Line { .. } => None,
        }
    }

    /// The message without the field (`must be a probability in [0, 1], got 2`).
    pub fn reason(&self) -> String {
        match self {
            Error::Param { reason, .. } => reason.clone(),
            Error::Line { line, reason } => format!("line {line}: {reason}"),
            Error::Limit { limit, got, .. } => format!("{got} is over the limit of {limit}"),
            Error::Unknown { name, expected, .. } => {
                format!("unknown '{name}' (expected one of: {expected})")
            }
        }
    }

    /// Prefixes the field name (`p` → `model.p`), for errors raised inside a nested value.
    pub fn within(self, prefix: &str) -> Self {
        match self {
            Error::Param { field, reason } => Error::Param {
                field: format!("{prefix}.{field}"),
                reason,
            },
            Error::Unknown {
                field,
                name,
                expected,
            } => Error::Unknown {
                field: format!("{prefix}.{field}"),
                name,
                expected,
            },
            other => other,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Param { field, reason } => write!(f, "{field}: {reason}"),
            Error::Line { line, reason } => write!(f, "line {line}: {reason}"),
            Error::Limit { what, limit, got } => {
                write!(f, "{what}: {got} is over the limit of {limit}")
            }
            Error::Unknown {
                field,
                name,
                expected,
            } => {
                write!(f, "{field}: unknown '{name}' (expected one of: {expected})")
            }
        }
    }
}

impl std::error::Error for Error {}

pub type Result<T> = std::result::Result<T, Error>;

/// Checks that a probability is a number in `[0, 1]`.
pub fn check_prob(field: &str, p: f64) -> Result<f64> {
    if p.is_finite() && (0.0..=1.0).contains(&p) {
        Ok(p)
    } else {
        Err(Error::param(
            field,
            format!("must be a probability in [0, 1], got {p}"),
        ))
    }
}
