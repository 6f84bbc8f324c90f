//! Node attributes read from a network file (a GraphML `data`, a GEXF `attvalue`, a GML key, a
//! node table's column…): one value per node, kept as the text the file wrote, with a type.
//!
//! ```
//! use viralsim::attributes::{AttrKind, Attribute};
//! let a = Attribute::inferred("age", vec![Some("31".into()), None, Some("4.5".into())]);
//! assert_eq!(a.kind, AttrKind::Number);
//! assert_eq!(a.number(2), Some(4.5));
//! let c = Attribute::inferred("country", vec![Some("France".into()), Some("31".into())]);
//! assert_eq!(c.kind, AttrKind::Text);
//! ```

/// The type of an attribute's values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AttrKind {
    /// Words (a category: a country, a group).
    Text,
    /// Numbers (integers or reals).
    Number,
    /// `true` / `false`.
    Bool,
}

impl AttrKind {
    /// The name a file or a message uses (`text`, `number`, `bool`).
    pub fn name(self) -> &'static str {
        match self {
            AttrKind::Text => "text",
            AttrKind::Number => "number",
            AttrKind::Bool => "bool",
        }
    }
}

/// One node attribute: its name, type and one value per node (`None`: the node has none).
#[derive(Clone, Debug, PartialEq)]
pub struct Attribute {
    /// The attribute's name as the file wrote it.
    pub name: String,
    /// The type (declared by the file, or inferred from the values).
    pub kind: AttrKind,
    /// One value per node, as written (`None` where a node has no value).
    pub values: Vec<Option<String>>,
}

/// Whether `s` reads as a finite number.
pub fn is_number(s: &str) -> bool {
    s.trim().parse::<f64>().is_ok_and(f64::is_finite)
}

impl Attribute {
    /// An attribute whose type is inferred: numbers when every value is one, `bool` when every
    /// value is `true` or `false`, else text.
    pub fn inferred(name: impl Into<String>, values: Vec<Option<String>>) -> Self {
        let present = || values.iter().flatten();
        let kind = if present().next().is_none() {
            AttrKind::Text
        } else if present().all(|v| is_number(v)) {
            AttrKind::Number
        } else if present().all(|v| {
            let v = v.trim();
            v.eq_ignore_ascii_case("true") || v.eq_ignore_ascii_case("false")
        }) {
            AttrKind::Bool
        } else {
            AttrKind::Text
        };
        Attribute {
            name: name.into(),
            kind,
            values,
        }
    }

    /// Node `v`'s value as a number, if it has one that reads as a finite number.
    pub fn number(&self, v: usize) -> Option<f64> {
        self.values
            .get(v)?
            .as_deref()
            .and_then(|s| s.trim().parse::<f64>().ok())
            .filter(|x| x.is_finite())
    }

    /// Up to `k` distinct values, in the order of the nodes (for a preview).
    pub fn sample(&self, k: usize) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for v in self.values.iter().flatten() {
            if out.len() >= k {
                break;
            }
            if !out.contains(v) {
                out.push(v.clone());
            }
        }
        out
    }
}
