//! Audience segments from a node attribute: each value of a categorical attribute is a segment
//! (named by the value), or a numeric attribute is cut into bands at the values the user gives
//! (`age:18/30/50` gives `<18`, `18–30`, `30–50` and `≥50`). Nodes without a value form the
//! segment `(none)`.
//!
//! ```
//! use viralsim::formats::{read_network, segments::segment_by, ReadOptions};
//! let gml = "graph [ node [ id 1 country \"FR\" age 20 ] node [ id 2 country \"DE\" age 40 ] node [ id 3 country \"FR\" ] edge [ source 1 target 2 ] ]";
//! let net = read_network(gml, &ReadOptions::default()).unwrap().network;
//! let by_country = segment_by(net.clone(), "country", "segment_by").unwrap();
//! assert_eq!(by_country.segment_names().unwrap(), &["DE", "FR"]);
//! assert_eq!(by_country.segments().unwrap(), &[1, 0, 1]);
//! let by_age = segment_by(net, "age:30", "segment_by").unwrap();
//! assert_eq!(by_age.segment_names().unwrap(), &["<30", "≥30", "(none)"]);
//! assert_eq!(by_age.segments().unwrap(), &[0, 1, 2]);
//! ```

use crate::error::{Code, Error, Result, Unit};
use crate::network::Network;

/// The most segments an attribute may give.
pub const MAX_ATTRIBUTE_SEGMENTS: usize = crate::generate::MAX_SBM_SEGMENTS;

/// The name of the segment of nodes without a value.
pub const NO_VALUE: &str = "(none)";

/// The attributes of `net`, comma-separated, for a message (`none`).
pub fn attribute_names(net: &Network) -> String {
    let names: Vec<&str> = net.attributes().iter().map(|a| a.name.as_str()).collect();
    if names.is_empty() {
        "none".into()
    } else {
        names.join(", ")
    }
}

/// The attribute called `name`, or the error naming the ones there are.
pub fn find_attribute<'n>(
    net: &'n Network,
    name: &str,
    field: &str,
) -> Result<&'n crate::attributes::Attribute> {
    net.attribute(name).ok_or_else(|| {
        Error::new(
            field,
            Code::NoSuchAttribute {
                name: crate::io::echo(name),
                attributes: crate::io::echo(&attribute_names(net)),
            },
        )
    })
}

fn band_name(x: f64) -> String {
    format!("{x}")
}

/// `net` with segments (and their names) from the attribute `by`: `NAME` (each value a segment,
/// named by it, in the order of the names), or `NAME:B1/B2/…` (numbers cut at those bounds).
///
/// # Errors
/// An unknown attribute (naming those there are), bounds that are not increasing numbers, a
/// value that is not a number when bands are asked for, or more than
/// [`MAX_ATTRIBUTE_SEGMENTS`] segments.
pub fn segment_by(net: Network, by: &str, field: &str) -> Result<Network> {
    let (name, bands) = match by.split_once(':') {
        Some((n, b)) => (n.trim(), Some(b)),
        None => (by.trim(), None),
    };
    let a = find_attribute(&net, name, field)?;
    let n = net.node_count();
    let (segs, names): (Vec<u16>, Vec<String>) = match bands {
        Some(b) => {
            let mut bounds = Vec::new();
            for part in b.split('/') {
                let x: f64 = part
                    .trim()
                    .parse()
                    .ok()
                    .filter(|x: &f64| x.is_finite())
                    .ok_or_else(|| {
                        Error::new(
                            field,
                            Code::NotANumber {
                                got: crate::io::echo(part.trim()),
                            },
                        )
                    })?;
                if bounds.last().is_some_and(|&l| x <= l) {
                    return Err(Error::new(
                        field,
                        Code::GreaterThan {
                            min: *bounds.last().unwrap_or(&x),
                            got: x,
                        },
                    ));
                }
                bounds.push(x);
            }
            if bounds.len() + 2 > MAX_ATTRIBUTE_SEGMENTS {
                return Err(Error::over_limit(
                    field,
                    Some(Unit::Segments),
                    MAX_ATTRIBUTE_SEGMENTS as u64,
                    bounds.len() as u64 + 2,
                ));
            }
            let mut names = Vec::with_capacity(bounds.len() + 2);
            names.push(format!("<{}", band_name(bounds[0])));
            for w in bounds.windows(2) {
                names.push(format!("{}–{}", band_name(w[0]), band_name(w[1])));
            }
            names.push(format!("≥{}", band_name(bounds[bounds.len() - 1])));
            let mut any_missing = false;
            let mut segs = Vec::with_capacity(n);
            for v in 0..n {
                match (&a.values[v], a.number(v)) {
                    (None, _) => {
                        any_missing = true;
                        segs.push(bounds.len() as u16 + 1);
                    }
                    (Some(_), Some(x)) => {
                        segs.push(bounds.iter().take_while(|&&b| x >= b).count() as u16)
                    }
                    (Some(t), None) => {
                        return Err(Error::new(
                            field,
                            Code::AttributeNotANumber {
                                node: crate::io::echo(&net.label(v as u32)),
                                name: crate::io::echo(name),
                                got: crate::io::echo(t),
                            },
                        ))
                    }
                }
            }
            if any_missing {
                names.push(NO_VALUE.into());
            }
            (segs, names)
        }
        None => {
            let mut names: Vec<String> = a.values.iter().flatten().cloned().collect();
            names.sort();
            names.dedup();
            let missing = a.values.iter().any(Option::is_none);
            if names.len() + usize::from(missing) > MAX_ATTRIBUTE_SEGMENTS {
                return Err(Error::over_limit(
                    field,
                    Some(Unit::Segments),
                    MAX_ATTRIBUTE_SEGMENTS as u64,
                    (names.len() + usize::from(missing)) as u64,
                ));
            }
            let none = names.len() as u16;
            let segs = a
                .values
                .iter()
                .map(|v| match v {
                    Some(t) => names.binary_search(t).map_or(none, |i| i as u16),
                    None => none,
                })
                .collect();
            if missing {
                names.push(NO_VALUE.into());
            }
            (segs, names)
        }
    };
    net.with_segments(segs)?.with_segment_names(names)
}
