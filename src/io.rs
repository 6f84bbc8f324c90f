//! Reading networks from text. Parsers take `&str`, never a path: the CLI reads the file, the
//! page reads the upload, and both call the same function.

use crate::error::{Code, Error, Result, Unit};
use crate::network::Network;
use std::collections::HashMap;

/// Size limits applied while reading or generating a network, so that a huge input gives a
/// clear error instead of exhausting memory.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Limits {
    /// The most nodes a network may have (an edge list's distinct ids, a generator's `n`).
    pub max_nodes: usize,
    /// The most edges a network may have (input lines for an edge list, before duplicates are
    /// merged; the expected count for a random generator).
    pub max_edges: usize,
    /// Bytes of text (after decompression) a file may have.
    pub max_bytes: usize,
    /// Threads the build may share work out to (IMM's RR sets); the result does not depend on
    /// it. 1 by default; 0: one per core.
    pub threads: usize,
}

/// The CLI's default for [`Limits::max_bytes`]: 512 MiB of text, about 30 million edges.
pub const DEFAULT_MAX_BYTES: usize = 512 << 20;

impl Default for Limits {
    /// 5 million nodes and 50 million edges: about 450 MB of CSR at most; one thread.
    fn default() -> Self {
        Limits {
            max_nodes: 5_000_000,
            max_edges: 50_000_000,
            max_bytes: DEFAULT_MAX_BYTES,
            threads: 1,
        }
    }
}

impl Limits {
    /// `n` nodes are within [`Limits::max_nodes`].
    ///
    /// # Errors
    /// [`Code::OverLimit`](crate::error::Code::OverLimit) naming `what (nodes)`.
    pub fn check_nodes(&self, what: &str, n: u64) -> Result<()> {
        over(what, Unit::Nodes, self.max_nodes, n)
    }
    /// `b` bytes of text are within [`Limits::max_bytes`].
    ///
    /// # Errors
    /// [`Code::OverLimit`](crate::error::Code::OverLimit) naming `what (bytes)`.
    pub fn check_bytes(&self, what: &str, b: u64) -> Result<()> {
        over(what, Unit::Bytes, self.max_bytes, b)
    }
    /// `m` edges are within [`Limits::max_edges`].
    ///
    /// # Errors
    /// [`Code::OverLimit`](crate::error::Code::OverLimit) naming `what (edges)`.
    pub fn check_edges(&self, what: &str, m: u64) -> Result<()> {
        over(what, Unit::Edges, self.max_edges, m)
    }
}

/// The error for `got` over `limit` (`what (unit): got is over the limit of limit`).
fn over(what: &str, unit: Unit, limit: usize, got: u64) -> Result<()> {
    if got > limit as u64 {
        return Err(Error::over_limit(what, Some(unit), limit as u64, got));
    }
    Ok(())
}

/// The error for `got` over `limit` while reading line `line` (`line N (unit): …`).
pub(crate) fn over_at_line(line: usize, unit: Unit, limit: usize, got: u64) -> Result<()> {
    if got > limit as u64 {
        return Err(Error::over_limit_at_line(
            line,
            Some(unit),
            limit as u64,
            got,
        ));
    }
    Ok(())
}

/// How to read an edge list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct EdgeListOptions {
    /// Read each line as an arc `source → target` instead of an undirected edge.
    pub directed: bool,
    /// The sizes the text and the network may not exceed.
    pub limits: Limits,
    /// Whether the first line is a header (default: decided from the text).
    pub header: HeaderMode,
}

/// Whether an edge list's first line is a header row (`--header yes|no|auto`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HeaderMode {
    /// Decided from the text (see [`parse_edge_list`]).
    #[default]
    Auto,
    /// The first line is a header: skipped.
    Yes,
    /// The first line is data.
    No,
}

impl std::str::FromStr for HeaderMode {
    type Err = Error;
    fn from_str(s: &str) -> Result<HeaderMode> {
        match s.trim().to_ascii_lowercase().as_str() {
            "auto" => Ok(HeaderMode::Auto),
            "yes" | "true" | "1" => Ok(HeaderMode::Yes),
            "no" | "false" | "0" => Ok(HeaderMode::No),
            _ => Err(Error::unknown("header", s, "auto, yes, no")),
        }
    }
}

/// Why an edge list's first line was, or was not, read as a header.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HeaderReason {
    /// `--header yes` or `--header no` said so.
    Given,
    /// Its first two fields are known column names (`source,target`, `follower,followee`).
    KnownNames,
    /// It has words where every line below has numbers.
    UnlikeData,
    /// It looks like the lines below it.
    LikeData,
}

/// What was decided about an edge list's first data line.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct HeaderDecision {
    /// Whether it was read as a header (and skipped).
    pub header: bool,
    /// Its line number (from 1; 0 when the text has no data line).
    pub line: usize,
    /// The line as written (clipped).
    pub text: String,
    /// Why.
    pub reason: HeaderReason,
}

impl std::fmt::Display for HeaderDecision {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let why = match self.reason {
            HeaderReason::Given => "as --header says",
            HeaderReason::KnownNames => "known column names",
            HeaderReason::UnlikeData => "words where the lines below have numbers",
            HeaderReason::LikeData => "it looks like the lines below it",
        };
        if self.header {
            write!(
                f,
                "line {} '{}' read as a header ({why}; --header no reads it as an edge)",
                self.line, self.text
            )
        } else {
            write!(
                f,
                "line {} '{}' read as data ({why}; --header yes skips it)",
                self.line, self.text
            )
        }
    }
}

/// Longest piece of the user's text an error message repeats.
const ECHO_CHARS: usize = 60;

/// `s` as an error message repeats it: at most [`ECHO_CHARS`] characters, then "…".
pub(crate) fn echo(s: &str) -> String {
    match s.char_indices().nth(ECHO_CHARS) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

/// The text without a UTF-8 byte order mark (spreadsheet exports often start with one).
fn without_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// Words that mark the first line as a header row (compared case-insensitively).
const HEADER_WORDS: &[&str] = &[
    "source",
    "target",
    "from",
    "to",
    "src",
    "dst",
    "node1",
    "node2",
    "id1",
    "id2",
    "weight",
    "follower",
    "followee",
    "followers",
    "following",
    "followed",
    "user",
    "user1",
    "user2",
    "friend",
    "friend1",
    "friend2",
    "person",
    "person1",
    "person2",
    "node",
    "node_1",
    "node_2",
    "source_id",
    "target_id",
    "from_id",
    "to_id",
    "src_id",
    "dst_id",
    "id_1",
    "id_2",
    "u",
    "v",
    "sender",
    "receiver",
    "origin",
    "destination",
    "head",
    "tail",
    "ego",
    "alter",
];

/// No node yet for this id (in the table of [`small_id`]s).
const NO_ID: u32 = u32::MAX;

/// The value of an id written as a whole number without sign or leading zero, if below
/// `cap`: two such ids are the same text exactly when they are the same number.
fn small_id(s: &str, cap: usize) -> Option<usize> {
    let b = s.as_bytes();
    if b.is_empty() || b.len() > 9 || (b[0] == b'0' && b.len() > 1) {
        return None;
    }
    let mut x = 0usize;
    for &c in b {
        if !c.is_ascii_digit() {
            return None;
        }
        x = x * 10 + (c - b'0') as usize;
    }
    (x < cap).then_some(x)
}

/// How many data lines below the first one the header check compares it with.
const HEADER_SAMPLE: usize = 100;

/// A line's fields: split at commas when it has one, else at tabs and spaces.
fn split_fields<'t>(line: &'t str, fields: &mut Vec<&'t str>) {
    fields.clear();
    if line.contains(',') {
        fields.extend(line.split(',').map(str::trim));
    } else {
        fields.extend(line.split_whitespace());
    }
}

fn is_num(s: &str) -> bool {
    s.parse::<f64>().is_ok()
}

/// Whether the first data line (`first`) is a header, from the lines below it.
fn decide_header(text: &str, first_line: usize, first: &[&str]) -> (bool, HeaderReason) {
    if first.len() >= 2
        && HEADER_WORDS.contains(&first[0].to_ascii_lowercase().as_str())
        && HEADER_WORDS.contains(&first[1].to_ascii_lowercase().as_str())
    {
        return (true, HeaderReason::KnownNames);
    }
    // every column: does each line below have a number there?
    let mut numeric = [true; 3];
    let mut seen = [0usize; 3];
    let mut fields = Vec::with_capacity(4);
    for raw in text.lines().skip(first_line).take(HEADER_SAMPLE * 2) {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') || line.starts_with('%') {
            continue;
        }
        split_fields(line, &mut fields);
        for j in 0..3.min(fields.len()) {
            seen[j] += 1;
            numeric[j] &= is_num(fields[j]);
        }
        if seen[0] >= HEADER_SAMPLE {
            break;
        }
    }
    let words_over_numbers =
        |j: usize| first.len() > j && seen[j] > 0 && numeric[j] && !is_num(first[j]);
    if (words_over_numbers(0) && words_over_numbers(1)) || words_over_numbers(2) {
        return (true, HeaderReason::UnlikeData);
    }
    (false, HeaderReason::LikeData)
}

/// Parses an edge list.
///
/// # Format
/// One edge per line: `source target [weight]`, separated by commas (when the line has one),
/// else by tabs or spaces. Blank lines and lines starting with `#` or `%` are skipped. The
/// first data line is a header when it does not look like the lines below it: its first two
/// fields are known column names (`source,target`, `from to`, `follower,followee`…), or it has
/// words where the next 100 data lines all have numbers (in both id columns, or in the weight
/// column). [`EdgeListOptions::header`] overrides that. Node ids are kept as written: if every id is a whole number
/// ≥ 0, nodes are numbered in increasing id order (so `0..n` files keep their numbers);
/// otherwise in order of first appearance. Either way [`Network::node_by_label`] finds a node
/// by the id written in the file. A third column is a weight (a number ≥ 0) and must then be
/// on every line.
///
/// # Errors
/// The 1-based line number and what is wrong: a missing target, an extra column, a weight that
/// is not a number, a weight on some lines only; or a size over `opts.limits`.
///
/// # Complexity
/// O(L + m log d) for L bytes of text.
///
/// # Examples
/// ```
/// use viralsim::io::{parse_edge_list, EdgeListOptions};
/// let net = parse_edge_list("# friends\nsource,target\nalice,bob\nbob,carol\n", &EdgeListOptions::default()).unwrap();
/// assert_eq!((net.node_count(), net.edge_count()), (3, 2));
/// assert_eq!(net.node_by_label("carol"), Some(2));
/// let err = parse_edge_list("1 2\n3\n", &EdgeListOptions::default()).unwrap_err();
/// assert_eq!(err.to_string(), "line 2: expected 'source target [weight]', found 1 field");
/// ```
pub fn parse_edge_list(text: &str, opts: &EdgeListOptions) -> Result<Network> {
    parse_edge_list_with(text, opts).map(|(net, _)| net)
}

/// Parses an edge list as [`parse_edge_list`] does, and says what it decided about the first
/// line (a header or data, and why).
///
/// # Errors
/// As [`parse_edge_list`].
///
/// # Examples
/// ```
/// use viralsim::io::{parse_edge_list_with, EdgeListOptions, HeaderReason};
/// let (net, h) = parse_edge_list_with("follower,followee\nalice,bob\n", &EdgeListOptions::default()).unwrap();
/// assert_eq!(net.node_count(), 2);
/// assert!(h.header);
/// assert_eq!(h.reason, HeaderReason::KnownNames);
/// let (net, h) = parse_edge_list_with("a b\n1 2\n2 3\n", &EdgeListOptions::default()).unwrap();
/// assert_eq!((net.node_count(), h.header, h.reason), (3, true, HeaderReason::UnlikeData));
/// ```
pub fn parse_edge_list_with<'t>(
    text: &'t str,
    opts: &EdgeListOptions,
) -> Result<(Network, HeaderDecision)> {
    opts.limits.check_bytes("edge list", text.len() as u64)?;
    let text = without_bom(text);
    let mut ids: HashMap<&'t str, u32> = HashMap::new();
    let mut names: Vec<&'t str> = Vec::new();
    let mut edges: Vec<(u32, u32)> = Vec::new();
    let mut weights: Vec<f32> = Vec::new();
    let mut weighted: Option<bool> = None;
    let mut first_data = true;
    let mut decision = HeaderDecision {
        header: false,
        line: 0,
        text: String::new(),
        reason: HeaderReason::LikeData,
    };
    let mut fields: Vec<&'t str> = Vec::with_capacity(4);
    // node index by id value for ids written as plain whole numbers below `dense_cap` (most
    // files number their nodes 0..n): hashing every id took most of the reading time
    let dense_cap = (text.len() / 4).max(1024);
    let mut dense: Vec<u32> = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line_no = i + 1;
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') || line.starts_with('%') {
            continue;
        }
        split_fields(line, &mut fields);
        if first_data {
            first_data = false;
            let (header, reason) = match opts.header {
                HeaderMode::Yes => (true, HeaderReason::Given),
                HeaderMode::No => (false, HeaderReason::Given),
                HeaderMode::Auto => decide_header(text, line_no, &fields),
            };
            decision = HeaderDecision {
                header,
                line: line_no,
                text: echo(line),
                reason,
            };
            if header {
                continue;
            }
        }
        if fields.len() < 2 || fields.len() > 3 {
            return Err(Error::at_line(
                line_no,
                Code::EdgeLineFields {
                    found: fields.len() as u64,
                },
            ));
        }
        if let Some(e) = fields.iter().position(|f| f.is_empty()) {
            return Err(Error::at_line(
                line_no,
                Code::EmptyField {
                    field: e as u64 + 1,
                },
            ));
        }
        let has_w = fields.len() == 3;
        match weighted {
            None => weighted = Some(has_w),
            Some(w) if w != has_w => {
                return Err(Error::at_line(
                    line_no,
                    if w {
                        Code::WeightMissing
                    } else {
                        Code::WeightUnexpected
                    },
                ))
            }
            _ => {}
        }
        if has_w {
            let w: f32 = fields[2].parse().map_err(|_| {
                Error::at_line(
                    line_no,
                    Code::WeightNotANumber {
                        got: echo(fields[2]),
                    },
                )
            })?;
            if !w.is_finite() || w < 0.0 {
                return Err(Error::at_line(
                    line_no,
                    Code::WeightNegative {
                        got: echo(fields[2]),
                    },
                ));
            }
            weights.push(w);
        }
        let mut id = |name: &'t str| -> Result<u32> {
            // a small whole number written plainly is looked up by its value, the rest hashed
            let slot = small_id(name, dense_cap);
            match slot {
                Some(x) => {
                    if x >= dense.len() {
                        dense.resize((x + 1).max(2 * dense.len()).min(dense_cap), NO_ID);
                    }
                    if dense[x] != NO_ID {
                        return Ok(dense[x]);
                    }
                }
                None => {
                    if let Some(&k) = ids.get(name) {
                        return Ok(k);
                    }
                }
            }
            let k = names.len() as u32;
            over_at_line(line_no, Unit::Nodes, opts.limits.max_nodes, k as u64 + 1)?;
            match slot {
                Some(x) => dense[x] = k,
                None => {
                    ids.insert(name, k);
                }
            }
            names.push(name);
            Ok(k)
        };
        let u = id(fields[0])?;
        let v = id(fields[1])?;
        over_at_line(
            line_no,
            Unit::Edges,
            opts.limits.max_edges,
            edges.len() as u64 + 1,
        )?;
        edges.push((u, v));
    }
    if edges.is_empty() {
        return Err(Error::at_line(text.lines().count().max(1), Code::NoEdges));
    }
    // numeric ids: renumber in increasing order
    let numeric: Option<Vec<u64>> = names
        .iter()
        .map(|s| s.parse::<u64>().ok().filter(|_| !s.starts_with('+')))
        .collect();
    let n = names.len();
    let labels: Vec<String>;
    if let Some(nums) = numeric {
        let mut order: Vec<u32> = (0..n as u32).collect();
        order.sort_by_key(|&k| nums[k as usize]);
        let mut new_of = vec![0u32; n];
        for (new, &old) in order.iter().enumerate() {
            new_of[old as usize] = new as u32;
        }
        for e in edges.iter_mut() {
            *e = (new_of[e.0 as usize], new_of[e.1 as usize]);
        }
        labels = order
            .iter()
            .map(|&k| names[k as usize].to_string())
            .collect();
    } else {
        labels = names.iter().map(|s| s.to_string()).collect();
    }
    let w = if weighted == Some(true) {
        Some(&weights[..])
    } else {
        None
    };
    let net = Network::from_edges(n, opts.directed, &edges, w)?.with_labels(labels)?;
    Ok((net, decision))
}

/// Parses a segments file: one `node segment` pair per line (the node id as written in the edge
/// list, the segment a whole number 0–65535), separated like an edge list. Blank lines, `#` and
/// `%` comments and a header row (`id,segment`, `node segment`…) are skipped. Every node of the
/// network must be listed exactly once, so a typo cannot silently put people in no segment.
///
/// # Errors
/// The 1-based line number and what is wrong (not two fields, an unknown node, a node listed
/// twice, a segment that is not a whole number 0–65535), or the first node left out.
///
/// # Complexity
/// O(L + n) for L bytes of text.
///
/// # Examples
/// ```
/// use viralsim::io::{parse_edge_list, parse_segments, EdgeListOptions};
/// let net = parse_edge_list("alice,bob\nbob,carol\n", &EdgeListOptions::default()).unwrap();
/// assert_eq!(parse_segments("id,segment\nalice,0\nbob,1\ncarol,1\n", &net).unwrap(), vec![0, 1, 1]);
/// let err = parse_segments("alice,0\nbob,x\n", &net).unwrap_err();
/// assert_eq!(err.to_string(), "line 2: segment 'x' is not a whole number 0–65535");
/// let err = parse_segments("alice,0\nbob,1\n", &net).unwrap_err();
/// assert_eq!(err.to_string(), "segments: node 'carol' has no segment (every node must be listed)");
/// ```
pub fn parse_segments(text: &str, net: &Network) -> Result<Vec<u16>> {
    parse_segments_with(text, net, &|v: &str| v.parse::<u16>().ok(), false)
}

/// Words a named segments file's header row has as its second column.
const SEGMENT_HEADER_WORDS: &[&str] = &[
    "segment",
    "segments",
    "group",
    "community",
    "class",
    "cluster",
    "audience",
];

/// Parses a segments file whose segments are numbers (as [`parse_segments`]) or names: when
/// no segment is a whole number 0–65535, every segment is a name, numbered in the order of the
/// names, and the names are returned too. A file that mixes both is read as numbers, so that a
/// typo among numbers is an error naming its line.
///
/// # Errors
/// As [`parse_segments`]; more than 1000 names.
///
/// # Examples
/// ```
/// use viralsim::io::{parse_edge_list, parse_segments_named, EdgeListOptions};
/// let net = parse_edge_list("alice,bob\nbob,carol\n", &EdgeListOptions::default()).unwrap();
/// let (segs, names) = parse_segments_named("node,country\nalice,France\nbob,Spain\ncarol,France\n", &net).unwrap();
/// assert_eq!(segs, vec![0, 1, 0]);
/// assert_eq!(names.unwrap(), vec!["France", "Spain"]);
/// let (segs, names) = parse_segments_named("alice 0\nbob 1\ncarol 1\n", &net).unwrap();
/// assert_eq!((segs, names), (vec![0, 1, 1], None));
/// let e = parse_segments_named("alice 0\nbob 1\ncarol x\n", &net).unwrap_err();
/// assert_eq!(e.to_string(), "line 3: segment 'x' is not a whole number 0–65535");
/// ```
pub fn parse_segments_named(text: &str, net: &Network) -> Result<(Vec<u16>, Option<Vec<String>>)> {
    let body = without_bom(text);
    let mut values: Vec<&str> = Vec::new();
    let mut first = true;
    let mut fields = Vec::with_capacity(3);
    for raw in body.lines() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') || line.starts_with('%') {
            continue;
        }
        split_fields(line, &mut fields);
        if first {
            first = false;
            if fields.len() == 2
                && ["id", "node", "name"].contains(&fields[0].to_ascii_lowercase().as_str())
                && fields[1].parse::<u16>().is_err()
            {
                continue;
            }
        }
        if fields.len() == 2 {
            values.push(fields[1]);
        }
    }
    // numbers, or names: a file that mixes them (a typo among numbers) gets the numbers'
    // error, naming the line of the first that is not one
    if values.iter().any(|v| v.parse::<u16>().is_ok()) {
        return parse_segments(text, net).map(|s| (s, None));
    }
    let mut names: Vec<&str> = values;
    names.sort_unstable();
    names.dedup();
    let max = crate::generate::MAX_SBM_SEGMENTS;
    if names.len() > max {
        return Err(Error::over_limit(
            "segments",
            Some(Unit::Segments),
            max as u64,
            names.len() as u64,
        ));
    }
    let find = |v: &str| names.binary_search(&v).ok().map(|i| i as u16);
    let segs = parse_segments_with(text, net, &find, true)?;
    Ok((segs, Some(names.iter().map(|s| s.to_string()).collect())))
}

fn parse_segments_with(
    text: &str,
    net: &Network,
    value: &dyn Fn(&str) -> Option<u16>,
    named: bool,
) -> Result<Vec<u16>> {
    let text = without_bom(text);
    const NONE: u32 = u32::MAX;
    let n = net.node_count();
    let mut seg = vec![0u16; n];
    let mut line_of = vec![NONE; n];
    let mut first_data = true;
    for (i, raw) in text.lines().enumerate() {
        let line_no = i + 1;
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') || line.starts_with('%') {
            continue;
        }
        let fields: Vec<&str> = if line.contains(',') {
            line.split(',').map(str::trim).collect()
        } else {
            line.split_whitespace().collect()
        };
        if first_data {
            first_data = false;
            if fields.len() == 2
                && (fields[1].parse::<u16>().is_err() || named)
                && ["id", "node", "name"].contains(&fields[0].to_ascii_lowercase().as_str())
                && (!named
                    || SEGMENT_HEADER_WORDS.contains(&fields[1].to_ascii_lowercase().as_str())
                    || net.node_by_label(fields[0]).is_none())
            {
                continue;
            }
        }
        if fields.len() != 2 || fields.iter().any(|f| f.is_empty()) {
            return Err(Error::at_line(
                line_no,
                Code::SegmentLine { got: echo(line) },
            ));
        }
        let v = net.node_by_label(fields[0]).ok_or_else(|| {
            Error::at_line(
                line_no,
                Code::NotInNetwork {
                    node: echo(fields[0]),
                },
            )
        })?;
        let s: u16 = value(fields[1]).ok_or_else(|| {
            Error::at_line(
                line_no,
                Code::SegmentNotANumber {
                    got: echo(fields[1]),
                },
            )
        })?;
        if line_of[v as usize] != NONE {
            return Err(Error::at_line(
                line_no,
                Code::SegmentTwice {
                    node: echo(fields[0]),
                    line: line_of[v as usize] as u64,
                },
            ));
        }
        line_of[v as usize] = line_no as u32;
        seg[v as usize] = s;
    }
    if let Some(v) = line_of.iter().position(|&l| l == NONE) {
        return Err(Error::new(
            "segments",
            Code::NoSegment {
                node: echo(&net.label(v as u32)),
            },
        ));
    }
    Ok(seg)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(t: &str) -> Result<Network> {
        parse_edge_list(t, &EdgeListOptions::default())
    }

    #[test]
    fn separators_comments_header() {
        for text in [
            "0 1\n1 2\n",
            "0,1\n1,2\n",
            "0\t1\n1\t2\n",
            "# c\n% c\n\nfrom to\n0 1\n1   2\n",
            "Source , Target\n0, 1\n1 ,2\n",
        ] {
            let net = parse(text).unwrap();
            assert_eq!((net.node_count(), net.edge_count()), (3, 2), "{text:?}");
            assert_eq!(net.neighbors(1), &[0, 2]);
        }
    }

    #[test]
    fn numeric_ids_sorted_and_labels_kept() {
        let net = parse("10 7\n7 3\n").unwrap();
        assert_eq!(net.labels().unwrap(), &["3", "7", "10"]);
        assert_eq!(net.node_by_label("10"), Some(2));
        assert_eq!(net.node_by_label("2"), None);
        let net = parse("b a\na c\n").unwrap();
        assert_eq!(net.labels().unwrap(), &["b", "a", "c"]);
        // ids looked up by value (plain whole numbers) and by text (the rest) stay apart
        let net = parse("7 007\n7 8\n0 x\n00 7\n").unwrap();
        assert_eq!(net.labels().unwrap(), &["7", "007", "8", "0", "x", "00"]);
        assert_eq!(net.node_count(), 6);
        assert_eq!(net.neighbors(0), &[1, 2, 5]);
        let net = parse("5 1000000000\n1000000000 5\n").unwrap();
        assert_eq!(net.labels().unwrap(), &["5", "1000000000"]);
        assert_eq!(net.edge_count(), 1);
    }

    #[test]
    fn weights_and_direction() {
        let net = parse_edge_list(
            "0 1 0.5\n1 2 0.25\n",
            &EdgeListOptions {
                directed: true,
                ..Default::default()
            },
        )
        .unwrap();
        assert!(net.is_directed());
        assert_eq!(net.arc_weight(0, 1), Some(0.5));
        assert_eq!(net.arc_weight(1, 0), None);
    }

    #[test]
    fn errors_name_the_line() {
        let huge_text = format!("0 1 {}e9999\n", "9".repeat(400));
        let huge_msg = format!("line 1: weight {}…", "9".repeat(60));
        for (text, msg) in [
            (
                "0 1\n2\n",
                "line 2: expected 'source target [weight]', found 1 field",
            ),
            (
                "0 1\n2 3 4 5\n",
                "line 2: expected 'source target [weight]', found 4 fields",
            ),
            ("0 1 x\n", "line 1: weight 'x' is not a number"),
            ("0 1 -2\n", "line 1: weight -2 must be a finite number ≥ 0"),
            // a huge number is echoed clipped, as every other field is
            (huge_text.as_str(), huge_msg.as_str()),
            (
                "0 1 1\n# c\n1 2\n",
                "line 3: has no weight, but earlier lines have one",
            ),
            (
                "0 1\n1 2 3\n",
                "line 2: has a weight, but earlier lines have none",
            ),
            ("0,,1\n", "line 1: field 2 is empty"),
            (",1\n", "line 1: field 1 is empty"),
            ("# nothing\n", "line 1: no edges found"),
            ("", "line 1: no edges found"),
        ] {
            let e = parse(text).unwrap_err().to_string();
            assert!(e.starts_with(msg), "{text:?}: got {e}");
        }
    }

    #[test]
    fn limits_give_errors() {
        let lim = Limits {
            max_nodes: 3,
            max_edges: 2,
            ..Limits::default()
        };
        let opts = EdgeListOptions {
            limits: lim,
            ..Default::default()
        };
        let e = parse_edge_list("0 1\n1 2\n2 3\n", &opts)
            .unwrap_err()
            .to_string();
        assert_eq!(e, "line 3 (nodes): 4 is over the limit of 3");
        let e = parse_edge_list("0 1\n1 2\n2 0\n", &opts)
            .unwrap_err()
            .to_string();
        assert_eq!(e, "line 3 (edges): 3 is over the limit of 2");
    }

    #[test]
    fn self_loops_and_duplicates_reported() {
        let net = parse("0 1\n1 0\n1 1\n").unwrap();
        assert_eq!(net.edge_count(), 1);
        assert_eq!(net.report().duplicates_merged, 1);
        assert_eq!(net.report().self_loops_dropped, 1);
    }
}
