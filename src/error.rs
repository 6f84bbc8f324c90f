//! The one error type of the core. Every message names the field, flag or line at fault.
//!
//! An [`Error`] is structured: *where* ([`FieldPath`], a line of an input text, or both) and
//! *what* (a [`Code`] carrying the values of the message). Its English text (`Display`) is built
//! from those parts; [`Error::report`] gives them to the page (a stable snake_case code name and
//! its values), which routes the error to its control by its path and says it in its own
//! language.
//!
//! ```
//! use viralsim::error::{check_prob, Code};
//! let e = check_prob("model.p", 1.5).unwrap_err();
//! assert_eq!(e.to_string(), "model.p: must be a probability in [0, 1], got 1.5");
//! assert_eq!(e.field().as_deref(), Some("model.p"));
//! assert_eq!(e.code(), &Code::Probability { got: 1.5 });
//! let r = e.report();
//! assert_eq!((r.code.as_str(), r.values["got"].as_f64()), ("probability", Some(1.5)));
//! ```

use serde::{Serialize, Serializer};
use std::cell::RefCell;
use std::fmt;

// ------------------------------------------------------------------------------ field paths

/// One step of a [`FieldPath`]: a field's name or an index into a list.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Segment {
    /// A field's name (`campaign`, `interventions`), or a key as the user wrote it.
    Name(String),
    /// A position in a list, from 0 (`[2]`).
    Index(usize),
}

/// Where an error is: a path of names and indices, written `campaign.interventions[0].nodes`.
///
/// [`FieldPath::parse`] reads that text and `Display` writes it back byte for byte (a part that
/// is not `name[0][1]…` with canonical indices stays one name, so any text round-trips).
///
/// ```
/// use viralsim::error::{FieldPath, Segment};
/// let p = FieldPath::parse("campaign.interventions[0].nodes");
/// assert_eq!(p.segments()[2], Segment::Index(0));
/// assert_eq!(p.to_string(), "campaign.interventions[0].nodes");
/// assert_eq!(p.pattern(), "campaign.interventions[].nodes");
/// assert_eq!(FieldPath::parse("p").within(&"model".into()).to_string(), "model.p");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct FieldPath(Vec<Segment>);

impl FieldPath {
    /// Reads `a.b[0].c`: names separated by `.`, each followed by any `[index]`.
    pub fn parse(text: &str) -> FieldPath {
        let mut out = Vec::new();
        for part in text.split('.') {
            parse_part(part, &mut out);
        }
        FieldPath(out)
    }

    /// The path of one name, taken as it is (a key the user wrote, dots and brackets included).
    pub fn name(name: impl Into<String>) -> FieldPath {
        FieldPath(vec![Segment::Name(name.into())])
    }

    /// This path followed by the field `name` (taken as it is).
    pub fn join(mut self, name: impl Into<String>) -> FieldPath {
        self.0.push(Segment::Name(name.into()));
        self
    }

    /// This path followed by the index `i` (`…[i]`).
    pub fn index(mut self, i: usize) -> FieldPath {
        self.0.push(Segment::Index(i));
        self
    }

    /// `prefix` followed by this path (`p` within `model` is `model.p`).
    pub fn within(self, prefix: &FieldPath) -> FieldPath {
        let mut segs = prefix.0.clone();
        segs.extend(self.0);
        FieldPath(segs)
    }

    /// The segments, outermost first.
    pub fn segments(&self) -> &[Segment] {
        &self.0
    }

    /// The path with its indices blanked (`campaign.interventions[].nodes`): the key a lookup
    /// table of fields uses for every element of a list.
    pub fn pattern(&self) -> String {
        self.write(true)
    }

    fn write(&self, blank_indices: bool) -> String {
        let mut s = String::new();
        for (i, seg) in self.0.iter().enumerate() {
            match seg {
                Segment::Name(n) => {
                    if i > 0 {
                        s.push('.');
                    }
                    s.push_str(n);
                }
                Segment::Index(_) if blank_indices => s.push_str("[]"),
                Segment::Index(k) => {
                    s.push('[');
                    s.push_str(&k.to_string());
                    s.push(']');
                }
            }
        }
        s
    }
}

/// `name[1][2]` as a name and its indices, when the indices are canonical (`0`, `12`, not
/// `012`); anything else as one name.
fn parse_part(part: &str, out: &mut Vec<Segment>) {
    if let Some(open) = part.find('[') {
        let (name, mut rest) = part.split_at(open);
        let mut indices = Vec::new();
        let ok = !name.is_empty()
            && loop {
                if rest.is_empty() {
                    break true;
                }
                let Some(r) = rest.strip_prefix('[') else {
                    break false;
                };
                let Some(close) = r.find(']') else {
                    break false;
                };
                let digits = &r[..close];
                let canonical = !digits.is_empty()
                    && digits.bytes().all(|b| b.is_ascii_digit())
                    && (digits == "0" || !digits.starts_with('0'));
                match digits.parse::<usize>() {
                    Ok(i) if canonical => indices.push(Segment::Index(i)),
                    _ => break false,
                }
                rest = &r[close + 1..];
            };
        if ok {
            out.push(Segment::Name(name.to_string()));
            out.extend(indices);
            return;
        }
    }
    out.push(Segment::Name(part.to_string()));
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.write(false))
    }
}

impl From<&str> for FieldPath {
    fn from(s: &str) -> FieldPath {
        FieldPath::parse(s)
    }
}

impl From<String> for FieldPath {
    fn from(s: String) -> FieldPath {
        FieldPath::parse(&s)
    }
}

impl From<&String> for FieldPath {
    fn from(s: &String) -> FieldPath {
        FieldPath::parse(s)
    }
}

// ------------------------------------------------------------------------------ codes

/// What a count over its limit counts (`network (nodes): …`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// Nodes of a network.
    Nodes,
    /// Edges of a network.
    Edges,
    /// Bytes of a text.
    Bytes,
    /// Segments of a stochastic block model.
    Segments,
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Unit::Nodes => "nodes",
            Unit::Edges => "edges",
            Unit::Bytes => "bytes",
            Unit::Segments => "segments",
        })
    }
}

/// The things a [`Code::CountMismatch`] counts (`3 weights for 4 edges`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Noun {
    /// Edge weights.
    Weights,
    /// Edges.
    Edges,
    /// Node labels.
    Labels,
    /// Nodes.
    Nodes,
    /// Segment numbers.
    Segments,
    /// Coordinates.
    Values,
    /// Resolved intervention plans.
    Plans,
    /// Interventions.
    Interventions,
}

impl fmt::Display for Noun {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Noun::Weights => "weights",
            Noun::Edges => "edges",
            Noun::Labels => "labels",
            Noun::Nodes => "nodes",
            Noun::Segments => "segments",
            Noun::Values => "values",
            Noun::Plans => "plans",
            Noun::Interventions => "interventions",
        })
    }
}

/// An action that only some models allow (mute fits every model).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Act {
    /// The brand posts again.
    Boost,
    /// People become debunkers.
    Debunk,
}

/// A value as a message repeats it: a number, or the text as the user wrote it (quoted).
#[derive(Clone, Debug, PartialEq)]
pub enum Shown {
    /// A number (written as Rust writes it, `1.5`).
    Number(f64),
    /// Text as written (written between single quotes, `'abc'`).
    Text(String),
}

impl fmt::Display for Shown {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Shown::Number(x) => write!(f, "{x}"),
            Shown::Text(s) => write!(f, "'{s}'"),
        }
    }
}

impl Serialize for Shown {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        match self {
            Shown::Number(x) => real(x, s),
            Shown::Text(t) => s.serialize_str(t),
        }
    }
}

/// A finite number as a number; NaN and the infinities as Rust writes them (`NaN`, `inf`),
/// which JSON cannot hold as numbers.
fn real<S: Serializer>(x: &f64, s: S) -> std::result::Result<S::Ok, S::Error> {
    if x.is_finite() {
        s.serialize_f64(*x)
    } else {
        s.collect_str(x)
    }
}

/// An `f32` as the number its text shows (`1.1`, not `1.100000023841858`).
fn real32<S: Serializer>(x: &f32, s: S) -> std::result::Result<S::Ok, S::Error> {
    match x.to_string().parse::<f64>() {
        Ok(v) if v.is_finite() => s.serialize_f64(v),
        _ => s.collect_str(x),
    }
}

/// What is wrong, with the values its message names. Its `Display` is the English reason (the
/// text after `field: `); [`Code::name`] is its stable snake_case name (`probability`,
/// `over_limit`), the key of the page's translations. Every code is listed in [`CODES`].
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "code", content = "values", rename_all = "snake_case")]
pub enum Code {
    // ---------------------------------------------------------------- numbers
    /// `must be a probability in [0, 1], got 1.5`
    Probability {
        /// The value given.
        #[serde(serialize_with = "real")]
        got: f64,
    },
    /// `must be in (0, 1], got 1.5` (an interval of reals, each end open or closed).
    Interval {
        /// The lower end.
        #[serde(serialize_with = "real")]
        min: f64,
        /// The upper end.
        #[serde(serialize_with = "real")]
        max: f64,
        /// Whether the lower end is excluded (`(`) or included (`[`).
        min_open: bool,
        /// Whether the upper end is excluded (`)`) or included (`]`).
        max_open: bool,
        /// The value given.
        #[serde(serialize_with = "real")]
        got: f64,
    },
    /// `must be at least 1`
    AtLeast {
        /// The smallest value allowed.
        min: u64,
    },
    /// `must be at least 2, got 1`
    AtLeastGot {
        /// The smallest value allowed.
        min: u64,
        /// The value given.
        got: u64,
    },
    /// `must be at most 1000000, got 2000000`
    AtMost {
        /// The largest value allowed.
        max: u64,
        /// The value given.
        got: u64,
    },
    /// `must be at most the network's size (34), got 40`
    AtMostNetworkSize {
        /// The network's number of nodes.
        size: u64,
        /// The value given.
        got: u64,
    },
    /// `must be a number ≥ 0, got -1`
    NonNegative {
        /// The value given.
        #[serde(serialize_with = "real")]
        got: f64,
    },
    /// `each value must be a number ≥ 0, got -1`
    EachNonNegative {
        /// The first value that is not.
        #[serde(serialize_with = "real")]
        got: f64,
    },
    /// `budget must be a number ≥ 0, got -5` (or `got 'abc'`, the text as written)
    BudgetNonNegative {
        /// The value given.
        got: Shown,
    },
    /// `must be a number of steps > 0, got 0`
    PositiveSteps {
        /// The value given.
        #[serde(serialize_with = "real")]
        got: f64,
    },
    /// `must be a number > 1, got 0.5`
    GreaterThan {
        /// The value it must exceed.
        #[serde(serialize_with = "real")]
        min: f64,
        /// The value given.
        #[serde(serialize_with = "real")]
        got: f64,
    },
    /// `must be greater than m = 5, got 3`
    GreaterThanParam {
        /// The other parameter's name.
        name: String,
        /// The other parameter's value.
        value: u64,
        /// The value given.
        got: u64,
    },
    /// `must be an even number ≥ 2, got 3`
    EvenAtLeastTwo {
        /// The value given.
        got: u64,
    },
    /// `must be even, got 3`
    Even {
        /// The value given.
        got: u64,
    },
    /// `must be a whole number from 1 to 1000000, got 'abc'`, `must be a whole number ≥ 1, …`,
    /// `celf runs must be a whole number from 1 to 10000, …` (`2^53 − 1` is written so).
    WholeNumber {
        /// The strategy whose `runs=` this is (`celf`, `budget`), if any.
        strategy: Option<String>,
        /// The smallest value allowed.
        min: u64,
        /// The largest value allowed, if any.
        max: Option<u64>,
        /// The value given.
        got: Shown,
    },
    /// `'abc' is not a number`
    NotANumber {
        /// The text given.
        got: String,
    },
    /// `'abc' is not a whole number ≥ 0`
    NotAWholeNumber {
        /// The text given.
        got: String,
    },
    /// `'abc' is not a whole number of seeds`
    NotASeedCount {
        /// The text given.
        got: String,
    },
    /// `the number of seeds must be at least 1, got 0` (or at most 4294967295)
    SeedCount {
        /// The number given.
        got: i64,
    },
    /// `must be finite numbers`
    NotFinite,

    // ---------------------------------------------------------------- names and forms
    /// `unknown 'voter' (expected one of: ic, lt, …)`
    UnknownName {
        /// The name given.
        name: String,
        /// The names that are known, comma-separated.
        expected: String,
    },
    /// `is given twice`
    GivenTwice,
    /// `is given twice in the address`
    GivenTwiceInAddress,
    /// `ba has no parameter 'mm' (it takes: n, m)`
    NoSuchParameter {
        /// The network kind.
        kind: String,
        /// The parameter given.
        name: String,
        /// The parameters it takes, comma-separated (`none` when it takes none).
        expected: String,
    },
    /// `er needs p`
    MissingParameter {
        /// The network kind.
        kind: String,
        /// The parameter it needs.
        name: String,
    },
    /// `'n1000' should be name=value, e.g. n=1000`
    NotNameValue {
        /// The text given.
        got: String,
        /// An example of the form, if the message gives one.
        example: Option<String>,
    },
    /// `'5/x' should be segment sizes separated by '/', e.g. 500/300/200`
    NotSizes {
        /// The text given.
        got: String,
    },
    /// `'0-9' should be a drawn network: xy=X_Y/X_Y/… (one place per person) and
    /// edges=A-B/A-B/… (people numbered from 0, fewer than the places)`
    NotDrawn {
        /// The part that is not of that form.
        got: String,
    },
    /// `file: needs a name, e.g. file:audience.csv`
    FileName,
    /// `file: unknown option 'x' (expected directed, segments=FILE, …)`
    FileOption {
        /// The option given.
        option: String,
    },
    /// `'x' should look like one of: top-degree:K, random:K, …`
    SeedsForm {
        /// The text given.
        got: String,
        /// The forms a seeding can take.
        forms: String,
    },
    /// `'1,,2' has an empty node id`
    EmptyNodeId {
        /// The list given.
        got: String,
    },
    /// `celf has no option 'x' (celf: runs, imm: epsilon)`
    NoSuchOption {
        /// The strategy.
        strategy: String,
        /// The option given.
        option: String,
        /// The options there are.
        options: String,
    },

    // ---------------------------------------------------------------- texts the caller gives
    /// `file:audience.csv needs the file's text (load the file first)`
    FileTextMissing {
        /// The file's name in the spec.
        name: String,
    },
    /// `facebook: load data/ego-facebook.txt and pass its text`
    FacebookTextMissing,
    /// `the network names the segments file 'seg.csv': give its text`
    SegmentsTextMissing {
        /// The segments file's name in the spec.
        name: String,
    },
    /// `the address names no network and no model`
    AddressNoScenario,
    /// `the address names no network`
    AddressNoNetwork,
    /// `the address names no model`
    AddressNoModel,

    // ---------------------------------------------------------------- limits
    /// `300000 is over the limit of 200000` (the unit follows the field: `network (nodes)`).
    OverLimit {
        /// What is counted, if the field does not say.
        unit: Option<Unit>,
        /// The largest count allowed.
        limit: u64,
        /// The count asked for.
        got: u64,
    },

    // ---------------------------------------------------------------- models
    /// `ic needs p (or weights = "edge" / "in_degree")`
    IcNeedsP,
    /// `give either p or weights, not both`
    POrWeights,
    /// `threshold needs exactly one of k (neighbours) or theta (fraction)`
    ThresholdKOrTheta,
    /// `must be at least 1 (k = 0 would adopt without any neighbour)`
    ThresholdKZero,
    /// `must be > 0 for SIR, or infected nodes never recover and the run never ends`
    SirGammaZero,
    /// `the model uses edge weights but the network has none`
    NoEdgeWeights,
    /// `the in-weights of node 3 sum to 1.5; Linear Threshold needs at most 1`
    InWeights {
        /// The node's label.
        node: String,
        /// The sum of its in-weights.
        #[serde(serialize_with = "real")]
        sum: f64,
    },
    /// `arc 0 → 1 has weight 1.5; as a probability it must be in [0, 1]`
    ArcWeight {
        /// The arc's source (label).
        from: String,
        /// The arc's target (label).
        to: String,
        /// Its weight.
        #[serde(serialize_with = "real32")]
        weight: f32,
    },

    // ---------------------------------------------------------------- networks
    /// `edge 3 has weight -1; weights must be finite and ≥ 0`
    EdgeWeight {
        /// The edge's position, from 0.
        edge: u64,
        /// Its weight.
        #[serde(serialize_with = "real32")]
        weight: f32,
    },
    /// `edge (0, 9) has an endpoint ≥ n = 5`
    Endpoint {
        /// One end.
        u: u64,
        /// The other end.
        v: u64,
        /// The number of nodes.
        n: u64,
    },
    /// `label 'alice' is used twice`
    DuplicateLabel {
        /// The label.
        label: String,
    },
    /// `3 weights for 4 edges`
    CountMismatch {
        /// How many were given.
        got: u64,
        /// Of what.
        what: Noun,
        /// How many there should be (one per …).
        expected: u64,
        /// … of these.
        of: Noun,
    },
    /// `34 is not a node id (the network has 34 nodes)`
    NotANodeId {
        /// The index given.
        node: u64,
        /// The network's number of nodes.
        nodes: u64,
    },
    /// `node 'zoe' is not in the network`
    NotInNetwork {
        /// The node's label as given.
        node: String,
    },

    // ---------------------------------------------------------------- seeding strategies
    /// `asks for 5 seeds but the network has 3 nodes` (`imm asks …`; `… but the segment has …`)
    TooManySeeds {
        /// The strategy that asks, if the message names it.
        strategy: Option<String>,
        /// Seeds asked for.
        k: u64,
        /// Nodes there are.
        n: u64,
        /// Whether the seeds are chosen in one segment (`the segment has`).
        segment: bool,
    },
    /// `imm works with the ic and lt models, not sir`
    ImmModel {
        /// The model's name.
        model: String,
    },
    /// `celf needs a simulation to evaluate spread` (an internal misuse)
    NeedsSimulation {
        /// The strategy (`celf`, `budget seeding`).
        strategy: String,
    },
    /// `budget seeding needs a price per seed > 0 (--cost-per-seed, or campaign.costs.per_seed)`
    BudgetPrice,
    /// `works with random, top-degree, pagerank and kcore seeding`
    SeedSegmentStrategy,
    /// `celf needs at least 1 run per evaluation`
    GreedyRuns {
        /// The strategy (`celf`, `budget seeding`).
        strategy: String,
    },
    /// `celf simulates every node: use imm for networks over 50000 nodes (this one has 60000)`
    GreedyNodes {
        /// The strategy.
        strategy: String,
        /// The most nodes it handles.
        max: u64,
        /// The network's nodes.
        nodes: u64,
    },
    /// `celf runs must be at most 10000, got 20000`
    GreedyRunsOver {
        /// The strategy.
        strategy: String,
        /// The most runs per evaluation.
        max: u64,
        /// Runs asked for.
        got: u64,
    },
    /// `celf would simulate 1000 nodes × 100000 runs = … runs in its first round, over …: lower
    /// runs= or use imm`
    GreedyWork {
        /// The strategy.
        strategy: String,
        /// The network's nodes.
        nodes: u64,
        /// Runs per evaluation.
        runs: u64,
        /// Runs of the first round.
        work: u64,
        /// The most runs a first round may take.
        max: u64,
    },
    /// `celf would simulate … runs of at least … steps each (the model, ads or a boost keep them
    /// going), over … steps: lower runs= or max_steps, or use another strategy`
    GreedySteps {
        /// The strategy.
        strategy: String,
        /// Runs of the first round.
        runs: u64,
        /// Steps each run is kept going at least.
        steps: u64,
        /// The most steps allowed.
        max: u64,
    },
    /// `imm would need 3000 MB for … RR sets, over its limit of 2048 MB: raise epsilon (or lower
    /// k)`
    ImmMemory {
        /// Megabytes the sets would take.
        needed_mb: u64,
        /// The number of sets.
        sets: u64,
        /// The limit, in megabytes.
        limit_mb: u64,
    },

    // ---------------------------------------------------------------- campaigns
    /// `boost is defined for ic, sir, sis and rumor: … (the model is bass)` (the action does
    /// not fit the model)
    ActionNotForModel {
        /// The action.
        action: Act,
        /// The model's name.
        model: String,
    },
    /// `applies to the share probability of ic, sir and sis, not to lt`
    Modulation {
        /// The model's name.
        model: String,
    },
    /// `the network has no segments (use an sbm network or a segments file)`
    NoSegments,
    /// `segment 4 is not in the network`
    SegmentNotInNetwork {
        /// The segment.
        segment: u64,
    },
    /// `gives 2 values but the network has 3 segments`
    StickinessCount {
        /// Values given.
        got: u64,
        /// Segments there are.
        segments: u64,
    },
    /// `at most 1000 interventions, got 1001`
    TooManyInterventions {
        /// The most allowed.
        max: u64,
        /// How many were given.
        got: u64,
    },
    /// `step must be ≥ 1 (step 0 is the seeding)`
    InterventionStep,
    /// `a boost re-posts from the seeds and takes no nodes`
    BoostNodes,
    /// `needs nodes, e.g. "nodes": "top-degree:3"`
    NeedsNodes,
    /// `use nodes:…, random:K, top-degree:K, pagerank:K, kcore:K or degree-discount:K`
    InterventionNodes,

    // ---------------------------------------------------------------- generators
    /// `a simple graph on 5 nodes has at most 10 edges, got 11`
    SimpleGraphEdges {
        /// Nodes.
        n: u64,
        /// The most edges there can be.
        max: u64,
        /// Edges asked for.
        got: u64,
    },
    /// `needs 1 to 1000 segments, got 0`
    SegmentCount {
        /// The most segments.
        max: u64,
        /// Segments given.
        got: u64,
    },
    /// `segment 2 is empty`
    EmptySegment {
        /// The segment, from 0.
        segment: u64,
    },
    /// `need 1 ≤ kmin ≤ kmax < n, got kmin = 5, kmax = 3, n = 10`
    DegreeBounds {
        /// The smallest degree.
        kmin: u64,
        /// The largest degree.
        kmax: u64,
        /// Nodes.
        n: u64,
    },
    /// `rows and cols must be ≥ 1, got 0 × 5`
    GridSize {
        /// Rows.
        rows: u64,
        /// Columns.
        cols: u64,
    },
    /// `rows × cols overflows`
    GridOverflow,

    // ---------------------------------------------------------------- edge lists, segments files
    /// `expected 'source target [weight]', found 1 field`
    EdgeLineFields {
        /// Fields found on the line.
        found: u64,
    },
    /// `field 2 is empty`
    EmptyField {
        /// The field's position, from 1.
        field: u64,
    },
    /// `has no weight, but earlier lines have one`
    WeightMissing,
    /// `has a weight, but earlier lines have none`
    WeightUnexpected,
    /// `weight 'x' is not a number`
    WeightNotANumber {
        /// The text given.
        got: String,
    },
    /// `weight -1 must be a finite number ≥ 0`
    WeightNegative {
        /// The weight as written.
        got: String,
    },
    /// `no edges found (expected lines like 'source target')`
    NoEdges,
    /// `expected 'node segment', found 'a b c'`
    SegmentLine {
        /// The line as written.
        got: String,
    },
    /// `segment 'x' is not a whole number 0–65535`
    SegmentNotANumber {
        /// The text given.
        got: String,
    },
    /// `node 'alice' already has a segment (line 2)`
    SegmentTwice {
        /// The node's label.
        node: String,
        /// The line that gave it one.
        line: u64,
    },
    /// `node 'carol' has no segment (every node must be listed)`
    NoSegment {
        /// The node's label.
        node: String,
    },

    // ---------------------------------------------------------------- network file formats
    /// `this looks like a DOT (Graphviz) file; viralsim reads edge lists, …`
    UnsupportedFormat {
        /// What the text looks like (`a DOT (Graphviz) file`).
        looks_like: String,
        /// The formats viralsim reads.
        reads: String,
    },
    /// `the widget's build of viralsim has no file readers; the full page and the CLI do`
    NotInWidget {
        /// What is missing: `file readers`, `file writers`, `Monte Carlo`, `comparisons`,
        /// `theory`, `cascade metrics`, `report files`, `addresses`, `live actions`.
        feature: String,
    },
    /// `GML: expected ']', found end of file` (the line is the error's)
    FormatExpected {
        /// The format being read (`GML`, `GraphML`).
        format: String,
        /// What was expected there.
        expected: String,
        /// What was found (as written, clipped).
        found: String,
    },
    /// `GraphML: the file has no nodes`
    NoNodes {
        /// The format read.
        format: String,
    },
    /// `XML: unexpected end of stream` (the XML parser's words, in English)
    Xml {
        /// The parser's description.
        detail: String,
    },
    /// `no node attribute 'country' (the network has: age, label)`
    NoSuchAttribute {
        /// The attribute asked for.
        name: String,
        /// The attributes there are, comma-separated (`none`).
        attributes: String,
    },
    /// `node 'a' has followers = 'x', not a number ≥ 0`
    AttributeNotANumber {
        /// The node's label.
        node: String,
        /// The attribute.
        name: String,
        /// The value as written (empty: none).
        got: String,
    },
    /// `segment 'Spain' is not in the network (it has: France, Germany)`
    NoSuchSegment {
        /// The segment asked for.
        name: String,
        /// The segments there are, comma-separated.
        segments: String,
    },
    /// `segment 'France' is given twice`
    SegmentGivenTwice {
        /// The segment's name as written.
        name: String,
    },

    // ---------------------------------------------------------------- Monte Carlo, comparison
    /// `holds at most 4 scenarios, got 5`
    CompareAtMost {
        /// The most scenarios.
        max: u64,
        /// Scenarios given.
        got: u64,
    },
    /// `compare takes 2 to 4 scenarios, got 1`
    CompareCount {
        /// The fewest scenarios.
        min: u64,
        /// The most scenarios.
        max: u64,
        /// Scenarios given.
        got: u64,
    },
    /// `B runs on another network: compare needs the same network for all`
    CompareNetwork {
        /// The scenario's name.
        name: String,
    },
    /// `every scenario must have the same runs and seed to be compared run by run`
    CompareRuns,
    /// `blocks must follow each other: expected run 100, got 50`
    BlocksOrder {
        /// The run the next block should start at.
        expected: u64,
        /// The run it starts at.
        got: u64,
    },
    /// `blocks of different networks`
    BlocksNetworks,
    /// `the runs must start at run 0, not 5`
    RunsStart {
        /// The first run given.
        got: u64,
    },
    /// `end 3 is before start 5`
    RunRange {
        /// The first run.
        start: u64,
        /// The end of the runs.
        end: u64,
    },
    /// `run many times first` (a download asked for before any Monte Carlo)
    MonteCarloFirst,
    /// `compare first` (a download asked for before any comparison)
    CompareFirst,
    /// `is not a plain object`
    NotAnObject,

    // ---------------------------------------------------------------- JSON (serde's messages)
    /// serde's `unknown variant `voter`, expected one of `ic`, … at line 1 column 30`
    JsonUnknownVariant {
        /// The variant given.
        name: String,
        /// The variants there are, comma-separated.
        expected: String,
        /// The line of the JSON text (0: not from a text).
        line: u64,
        /// The column.
        column: u64,
        /// serde's message, as it is.
        #[serde(skip)]
        text: String,
    },
    /// serde's `unknown field `step`, expected one of `network`, …`
    JsonUnknownField {
        /// The field given.
        name: String,
        /// The fields there are, comma-separated.
        expected: String,
        /// The line of the JSON text (0: not from a text).
        line: u64,
        /// The column.
        column: u64,
        /// serde's message, as it is.
        #[serde(skip)]
        text: String,
    },
    /// serde's `missing field `q``
    JsonMissingField {
        /// The field.
        name: String,
        /// The line of the JSON text (0: not from a text).
        line: u64,
        /// The column.
        column: u64,
        /// serde's message, as it is.
        #[serde(skip)]
        text: String,
    },
    /// serde's `duplicate field `p``
    JsonDuplicateField {
        /// The field.
        name: String,
        /// The line of the JSON text (0: not from a text).
        line: u64,
        /// The column.
        column: u64,
        /// serde's message, as it is.
        #[serde(skip)]
        text: String,
    },
    /// serde's `invalid type: string "a", expected f64` (and `invalid value: …`, `invalid
    /// length …`)
    JsonInvalid {
        /// `type`, `value` or `length`.
        what: String,
        /// What was given, as serde says it (`integer `-3``, `string "a"`, `null`).
        got: String,
        /// What was expected, as serde says it (`u32`, `f64`, `a string`).
        expected: String,
        /// The line of the JSON text (0: not from a text).
        line: u64,
        /// The column.
        column: u64,
        /// serde's message, as it is.
        #[serde(skip)]
        text: String,
    },
    /// Malformed JSON (`EOF while parsing a value`, `trailing characters`, …): serde's words.
    Json {
        /// serde's description, in English.
        detail: String,
        /// The line of the JSON text (0: not from a text).
        line: u64,
        /// The column.
        column: u64,
        /// serde's message, as it is.
        #[serde(skip)]
        text: String,
    },
    /// A field's own error inside a JSON text (`network: unknown 'x' (…) at line 1 column 20`):
    /// [`Error::report`] gives the inner error.
    JsonNested {
        /// The field's error.
        #[serde(skip)]
        inner: Box<Error>,
        /// serde's message, as it is.
        #[serde(skip)]
        text: String,
    },
}

/// The name of every [`Code`] ([`Code::name`]), for the page's translation table and its test.
pub const CODES: &[&str] = &[
    "probability",
    "interval",
    "at_least",
    "at_least_got",
    "at_most",
    "at_most_network_size",
    "non_negative",
    "each_non_negative",
    "budget_non_negative",
    "positive_steps",
    "greater_than",
    "greater_than_param",
    "even_at_least_two",
    "even",
    "whole_number",
    "not_a_number",
    "not_a_whole_number",
    "not_a_seed_count",
    "seed_count",
    "not_finite",
    "unknown_name",
    "given_twice",
    "given_twice_in_address",
    "no_such_parameter",
    "missing_parameter",
    "not_name_value",
    "not_sizes",
    "not_drawn",
    "file_name",
    "file_option",
    "seeds_form",
    "empty_node_id",
    "no_such_option",
    "file_text_missing",
    "facebook_text_missing",
    "segments_text_missing",
    "address_no_scenario",
    "address_no_network",
    "address_no_model",
    "over_limit",
    "ic_needs_p",
    "p_or_weights",
    "threshold_k_or_theta",
    "threshold_k_zero",
    "sir_gamma_zero",
    "no_edge_weights",
    "in_weights",
    "arc_weight",
    "edge_weight",
    "endpoint",
    "duplicate_label",
    "count_mismatch",
    "not_a_node_id",
    "not_in_network",
    "too_many_seeds",
    "imm_model",
    "needs_simulation",
    "budget_price",
    "seed_segment_strategy",
    "greedy_runs",
    "greedy_nodes",
    "greedy_runs_over",
    "greedy_work",
    "greedy_steps",
    "imm_memory",
    "action_not_for_model",
    "modulation",
    "no_segments",
    "segment_not_in_network",
    "stickiness_count",
    "too_many_interventions",
    "intervention_step",
    "boost_nodes",
    "needs_nodes",
    "intervention_nodes",
    "simple_graph_edges",
    "segment_count",
    "empty_segment",
    "degree_bounds",
    "grid_size",
    "grid_overflow",
    "edge_line_fields",
    "empty_field",
    "weight_missing",
    "weight_unexpected",
    "weight_not_a_number",
    "weight_negative",
    "no_edges",
    "segment_line",
    "segment_not_a_number",
    "segment_twice",
    "no_segment",
    "unsupported_format",
    "not_in_widget",
    "format_expected",
    "no_nodes",
    "xml",
    "no_such_attribute",
    "attribute_not_a_number",
    "no_such_segment",
    "segment_given_twice",
    "compare_at_most",
    "compare_count",
    "compare_network",
    "compare_runs",
    "blocks_order",
    "blocks_networks",
    "runs_start",
    "run_range",
    "monte_carlo_first",
    "compare_first",
    "not_an_object",
    "json_unknown_variant",
    "json_unknown_field",
    "json_missing_field",
    "json_duplicate_field",
    "json_invalid",
    "json",
    "json_nested",
];

/// The largest integer JavaScript numbers hold exactly (the address writes it `2^53 − 1`).
const JS_MAX_SAFE: u64 = (1 << 53) - 1;

/// The name of a code whose serialization failed: none does (every variant is a tagged object
/// of plain values; the sample of every code in this module's tests serializes), so the page
/// would fall back to the English text.
fn unreachable_name() -> String {
    String::new()
}

impl Code {
    /// The stable snake_case name of this code (`probability`), one of [`CODES`].
    pub fn name(&self) -> String {
        match serde_json::to_value(self) {
            Ok(serde_json::Value::Object(mut m)) => match m.remove("code") {
                Some(serde_json::Value::String(s)) => s,
                _ => unreachable_name(),
            },
            _ => unreachable_name(),
        }
    }

    /// The values the message names, as a JSON object (`{"got": 1.5}`; `{}` for none).
    /// Integers beyond 2^53 − 1 are written as text, so that JavaScript reads them exactly.
    pub fn values(&self) -> serde_json::Value {
        let v = match serde_json::to_value(self) {
            Ok(serde_json::Value::Object(mut m)) => m.remove("values"),
            _ => None,
        };
        match v {
            Some(v @ serde_json::Value::Object(_)) => js_safe(v),
            _ => serde_json::Value::Object(serde_json::Map::new()),
        }
    }
}

/// Integers that a JavaScript number cannot hold exactly, as text.
fn js_safe(v: serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    match v {
        Value::Number(n) => {
            let big = n.as_u64().is_some_and(|u| u > JS_MAX_SAFE)
                || n.as_i64().is_some_and(|i| i < -(JS_MAX_SAFE as i64));
            if big {
                Value::String(n.to_string())
            } else {
                Value::Number(n)
            }
        }
        Value::Array(a) => Value::Array(a.into_iter().map(js_safe).collect()),
        Value::Object(m) => Value::Object(m.into_iter().map(|(k, v)| (k, js_safe(v))).collect()),
        other => other,
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use Code::*;
        match self {
            Probability { got } => write!(f, "must be a probability in [0, 1], got {got}"),
            Interval {
                min,
                max,
                min_open,
                max_open,
                got,
            } => {
                let (l, r) = (
                    if *min_open { '(' } else { '[' },
                    if *max_open { ')' } else { ']' },
                );
                write!(f, "must be in {l}{min}, {max}{r}, got {got}")
            }
            AtLeast { min } => write!(f, "must be at least {min}"),
            AtLeastGot { min, got } => write!(f, "must be at least {min}, got {got}"),
            AtMost { max, got } => write!(f, "must be at most {max}, got {got}"),
            AtMostNetworkSize { size, got } => {
                write!(f, "must be at most the network's size ({size}), got {got}")
            }
            NonNegative { got } => write!(f, "must be a number ≥ 0, got {got}"),
            EachNonNegative { got } => write!(f, "each value must be a number ≥ 0, got {got}"),
            BudgetNonNegative { got } => write!(f, "budget must be a number ≥ 0, got {got}"),
            PositiveSteps { got } => write!(f, "must be a number of steps > 0, got {got}"),
            GreaterThan { min, got } => write!(f, "must be a number > {min}, got {got}"),
            GreaterThanParam { name, value, got } => {
                write!(f, "must be greater than {name} = {value}, got {got}")
            }
            EvenAtLeastTwo { got } => write!(f, "must be an even number ≥ 2, got {got}"),
            Even { got } => write!(f, "must be even, got {got}"),
            WholeNumber {
                strategy,
                min,
                max,
                got,
            } => {
                if let Some(s) = strategy {
                    write!(f, "{s} runs ")?;
                }
                match max {
                    Some(m) if *m == JS_MAX_SAFE => {
                        write!(f, "must be a whole number from {min} to 2^53 − 1")?
                    }
                    Some(m) => write!(f, "must be a whole number from {min} to {m}")?,
                    None => write!(f, "must be a whole number ≥ {min}")?,
                }
                write!(f, ", got {got}")
            }
            NotANumber { got } => write!(f, "'{got}' is not a number"),
            NotAWholeNumber { got } => write!(f, "'{got}' is not a whole number ≥ 0"),
            NotASeedCount { got } => write!(f, "'{got}' is not a whole number of seeds"),
            SeedCount { got } if *got < 1 => {
                write!(f, "the number of seeds must be at least 1, got {got}")
            }
            SeedCount { got } => write!(
                f,
                "the number of seeds must be at most {} (more than any network has nodes), got {got}",
                u32::MAX
            ),
            NotFinite => f.write_str("must be finite numbers"),
            UnknownName { name, expected } => {
                write!(f, "unknown '{name}' (expected one of: {expected})")
            }
            GivenTwice => f.write_str("is given twice"),
            GivenTwiceInAddress => f.write_str("is given twice in the address"),
            NoSuchParameter {
                kind,
                name,
                expected,
            } => write!(f, "{kind} has no parameter '{name}' (it takes: {expected})"),
            MissingParameter { kind, name } => write!(f, "{kind} needs {name}"),
            NotNameValue { got, example } => {
                write!(f, "'{got}' should be name=value")?;
                match example {
                    Some(e) => write!(f, ", e.g. {e}"),
                    None => Ok(()),
                }
            }
            NotSizes { got } => write!(
                f,
                "'{got}' should be segment sizes separated by '/', e.g. 500/300/200"
            ),
            NotDrawn { got } => write!(
                f,
                "'{got}' should be a drawn network: xy=X_Y/X_Y/… (one place per person) and edges=A-B/A-B/… (people numbered from 0, fewer than the places)"
            ),
            FileName => f.write_str("file: needs a name, e.g. file:audience.csv"),
            FileOption { option } => write!(
                f,
                "file: unknown option '{option}' (expected directed, segments=FILE, format=F, header=yes|no, segment_by=ATTR or nodes=FILE)"
            ),
            SeedsForm { got, forms } => write!(f, "'{got}' should look like one of: {forms}"),
            EmptyNodeId { got } => write!(f, "'{got}' has an empty node id"),
            NoSuchOption {
                strategy,
                option,
                options,
            } => write!(f, "{strategy} has no option '{option}' ({options})"),
            FileTextMissing { name } => {
                write!(f, "file:{name} needs the file's text (load the file first)")
            }
            FacebookTextMissing => {
                f.write_str("facebook: load data/ego-facebook.txt and pass its text")
            }
            SegmentsTextMissing { name } => write!(
                f,
                "the network names the segments file '{name}': give its text"
            ),
            AddressNoScenario => f.write_str("the address names no network and no model"),
            AddressNoNetwork => f.write_str("the address names no network"),
            AddressNoModel => f.write_str("the address names no model"),
            OverLimit { limit, got, .. } => write!(f, "{got} is over the limit of {limit}"),
            IcNeedsP => f.write_str("ic needs p (or weights = \"edge\" / \"in_degree\")"),
            POrWeights => f.write_str("give either p or weights, not both"),
            ThresholdKOrTheta => {
                f.write_str("threshold needs exactly one of k (neighbours) or theta (fraction)")
            }
            ThresholdKZero => {
                f.write_str("must be at least 1 (k = 0 would adopt without any neighbour)")
            }
            SirGammaZero => f.write_str(
                "must be > 0 for SIR, or infected nodes never recover and the run never ends",
            ),
            NoEdgeWeights => f.write_str("the model uses edge weights but the network has none"),
            InWeights { node, sum } => write!(
                f,
                "the in-weights of node {node} sum to {sum}; Linear Threshold needs at most 1"
            ),
            ArcWeight { from, to, weight } => write!(
                f,
                "arc {from} → {to} has weight {weight}; as a probability it must be in [0, 1]"
            ),
            EdgeWeight { edge, weight } => write!(
                f,
                "edge {edge} has weight {weight}; weights must be finite and ≥ 0"
            ),
            Endpoint { u, v, n } => write!(f, "edge ({u}, {v}) has an endpoint ≥ n = {n}"),
            DuplicateLabel { label } => write!(f, "label '{label}' is used twice"),
            CountMismatch {
                got,
                what,
                expected,
                of,
            } => write!(f, "{got} {what} for {expected} {of}"),
            NotANodeId { node, nodes } => write!(
                f,
                "{node} is not a node id (the network has {nodes} nodes)"
            ),
            NotInNetwork { node } => write!(f, "node '{node}' is not in the network"),
            TooManySeeds {
                strategy,
                k,
                n,
                segment,
            } => {
                if let Some(s) = strategy {
                    write!(f, "{s} ")?;
                }
                let pool = if *segment { "segment" } else { "network" };
                write!(f, "asks for {k} seeds but the {pool} has {n} nodes")
            }
            ImmModel { model } => write!(f, "imm works with the ic and lt models, not {model}"),
            NeedsSimulation { strategy } => {
                write!(f, "{strategy} needs a simulation to evaluate spread")
            }
            BudgetPrice => f.write_str(
                "budget seeding needs a price per seed > 0 (--cost-per-seed, or campaign.costs.per_seed)",
            ),
            SeedSegmentStrategy => {
                f.write_str("works with random, top-degree, pagerank and kcore seeding")
            }
            GreedyRuns { strategy } => {
                write!(f, "{strategy} needs at least 1 run per evaluation")
            }
            GreedyNodes {
                strategy,
                max,
                nodes,
            } => write!(
                f,
                "{strategy} simulates every node: use imm for networks over {max} nodes (this one has {nodes})"
            ),
            GreedyRunsOver { strategy, max, got } => {
                write!(f, "{strategy} runs must be at most {max}, got {got}")
            }
            GreedyWork {
                strategy,
                nodes,
                runs,
                work,
                max,
            } => write!(
                f,
                "{strategy} would simulate {nodes} nodes × {runs} runs = {work} runs in its first round, over {max}: lower runs= or use imm"
            ),
            GreedySteps {
                strategy,
                runs,
                steps,
                max,
            } => write!(
                f,
                "{strategy} would simulate {runs} runs of at least {steps} steps each (the model, ads or a boost keep them going), over {max} steps: lower runs= or max_steps, or use another strategy"
            ),
            ImmMemory {
                needed_mb,
                sets,
                limit_mb,
            } => write!(
                f,
                "imm would need {needed_mb} MB for {sets} RR sets, over its limit of {limit_mb} MB: raise epsilon (or lower k)"
            ),
            ActionNotForModel { action, model } => {
                let why = match action {
                    Act::Boost => "boost is defined for ic, sir, sis and rumor: in lt, threshold and bass an adopter's influence counts once, when it adopts",
                    Act::Debunk => "debunk is defined for rumor, sir and sis: in the other models the removed state means adopted",
                };
                write!(f, "{why} (the model is {model})")
            }
            Modulation { model } => write!(
                f,
                "applies to the share probability of ic, sir and sis, not to {model}"
            ),
            NoSegments => f.write_str(
                "the network has no segments (use an sbm network or a segments file)",
            ),
            SegmentNotInNetwork { segment } => {
                write!(f, "segment {segment} is not in the network")
            }
            StickinessCount { got, segments } => write!(
                f,
                "gives {got} values but the network has {segments} segments"
            ),
            TooManyInterventions { max, got } => {
                write!(f, "at most {max} interventions, got {got}")
            }
            InterventionStep => f.write_str("step must be ≥ 1 (step 0 is the seeding)"),
            BoostNodes => f.write_str("a boost re-posts from the seeds and takes no nodes"),
            NeedsNodes => f.write_str("needs nodes, e.g. \"nodes\": \"top-degree:3\""),
            InterventionNodes => f.write_str(
                "use nodes:…, random:K, top-degree:K, pagerank:K, kcore:K or degree-discount:K",
            ),
            SimpleGraphEdges { n, max, got } => write!(
                f,
                "a simple graph on {n} nodes has at most {max} edges, got {got}"
            ),
            SegmentCount { max, got } => write!(f, "needs 1 to {max} segments, got {got}"),
            EmptySegment { segment } => write!(f, "segment {segment} is empty"),
            DegreeBounds { kmin, kmax, n } => write!(
                f,
                "need 1 ≤ kmin ≤ kmax < n, got kmin = {kmin}, kmax = {kmax}, n = {n}"
            ),
            GridSize { rows, cols } => {
                write!(f, "rows and cols must be ≥ 1, got {rows} × {cols}")
            }
            GridOverflow => f.write_str("rows × cols overflows"),
            EdgeLineFields { found } => {
                let s = if *found == 1 { "" } else { "s" };
                write!(
                    f,
                    "expected 'source target [weight]', found {found} field{s}"
                )
            }
            EmptyField { field } => write!(f, "field {field} is empty"),
            WeightMissing => f.write_str("has no weight, but earlier lines have one"),
            WeightUnexpected => f.write_str("has a weight, but earlier lines have none"),
            WeightNotANumber { got } => write!(f, "weight '{got}' is not a number"),
            WeightNegative { got } => write!(f, "weight {got} must be a finite number ≥ 0"),
            NoEdges => f.write_str("no edges found (expected lines like 'source target')"),
            SegmentLine { got } => write!(f, "expected 'node segment', found '{got}'"),
            SegmentNotANumber { got } => {
                write!(f, "segment '{got}' is not a whole number 0–65535")
            }
            SegmentTwice { node, line } => {
                write!(f, "node '{node}' already has a segment (line {line})")
            }
            NoSegment { node } => write!(
                f,
                "node '{node}' has no segment (every node must be listed)"
            ),
            UnsupportedFormat { looks_like, reads } => {
                write!(f, "this looks like {looks_like}; viralsim reads {reads}")
            }
            NotInWidget { feature } => write!(
                f,
                "the widget's build of viralsim has no {feature}; the full page and the CLI do"
            ),
            FormatExpected {
                format,
                expected,
                found,
            } => write!(f, "{format}: expected {expected}, found {found}"),
            NoNodes { format } => write!(f, "{format}: the file has no nodes"),
            Xml { detail } => write!(f, "XML: {detail}"),
            NoSuchAttribute { name, attributes } => write!(
                f,
                "no node attribute '{name}' (the network has: {attributes})"
            ),
            AttributeNotANumber { node, name, got } => {
                if got.is_empty() {
                    write!(f, "node '{node}' has no {name}, and a number ≥ 0 is needed")
                } else {
                    write!(f, "node '{node}' has {name} = '{got}', not a number ≥ 0")
                }
            }
            NoSuchSegment { name, segments } => write!(
                f,
                "segment '{name}' is not in the network (it has: {segments})"
            ),
            SegmentGivenTwice { name } => write!(f, "segment '{name}' is given twice"),
            CompareAtMost { max, got } => write!(f, "holds at most {max} scenarios, got {got}"),
            CompareCount { min, max, got } => {
                write!(f, "compare takes {min} to {max} scenarios, got {got}")
            }
            CompareNetwork { name } => write!(
                f,
                "{name} runs on another network: compare needs the same network for all"
            ),
            CompareRuns => f.write_str(
                "every scenario must have the same runs and seed to be compared run by run",
            ),
            BlocksOrder { expected, got } => write!(
                f,
                "blocks must follow each other: expected run {expected}, got {got}"
            ),
            BlocksNetworks => f.write_str("blocks of different networks"),
            RunsStart { got } => write!(f, "the runs must start at run 0, not {got}"),
            RunRange { start, end } => write!(f, "end {end} is before start {start}"),
            MonteCarloFirst => f.write_str("run many times first"),
            CompareFirst => f.write_str("compare first"),
            NotAnObject => f.write_str("is not a plain object"),
            JsonUnknownVariant { text, .. }
            | JsonUnknownField { text, .. }
            | JsonMissingField { text, .. }
            | JsonDuplicateField { text, .. }
            | JsonInvalid { text, .. }
            | Json { text, .. }
            | JsonNested { text, .. } => f.write_str(text),
        }
    }
}

// ------------------------------------------------------------------------------ the error

/// What went wrong, and where. Built at the edges (parsers, constructors); a running
/// [`Simulation`](crate::Simulation) never produces one.
///
/// Its English text is `field: reason` (`model.p: must be a probability in [0, 1], got 1.5`),
/// `line N: reason` for a line of an input text, `field: line N: reason` for a line of a named
/// file, and `field (unit): got is over the limit of limit` for a count over its limit.
#[derive(Clone, Debug, PartialEq)]
pub struct Error(Box<Repr>);

#[derive(Clone, Debug, PartialEq)]
struct Repr {
    field: Option<FieldPath>,
    line: Option<usize>,
    code: Code,
}

/// An [`Error`] as the page receives it (`JSON`-serialisable): the English `message`, the
/// `field` path (`campaign.interventions[0].nodes`; absent for a line of an input text), the
/// `line` of an input text, the `code`'s name and its `values`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ErrorReport {
    /// The English message: the error's `Display`.
    pub message: String,
    /// The field path ([`FieldPath`]'s text; a count's unit is in `values.unit`).
    pub field: Option<String>,
    /// The line of an input text, from 1.
    pub line: Option<usize>,
    /// The code's name (one of [`CODES`]).
    pub code: String,
    /// The values of the message (see [`Code`]'s fields).
    pub values: serde_json::Value,
}

thread_local! {
    /// The last error of a field parsed inside a JSON text (serde keeps only its text).
    static NESTED: RefCell<Option<Error>> = const { RefCell::new(None) };
}

/// Keeps `e`, the error of a field's own parser called by serde (`try_from`), so that
/// [`Error::json`] can give it back whole rather than as serde's text.
pub(crate) fn remember(e: Error) -> Error {
    NESTED.with(|n| *n.borrow_mut() = Some(e.clone()));
    e
}

impl Error {
    /// An error about `field` (a path such as `model.p`, see [`FieldPath`]).
    pub fn new(field: impl Into<FieldPath>, code: Code) -> Self {
        Error(Box::new(Repr {
            field: Some(field.into()),
            line: None,
            code,
        }))
    }

    /// An error about line `line` (from 1) of an input text.
    pub fn at_line(line: usize, code: Code) -> Self {
        Error(Box::new(Repr {
            field: None,
            line: Some(line),
            code,
        }))
    }

    /// `what (unit): got is over the limit of limit`.
    pub fn over_limit(
        what: impl Into<FieldPath>,
        unit: Option<Unit>,
        limit: u64,
        got: u64,
    ) -> Self {
        Error::new(what, Code::OverLimit { unit, limit, got })
    }

    /// `line N (unit): got is over the limit of limit`, while reading line `line`.
    pub fn over_limit_at_line(line: usize, unit: Option<Unit>, limit: u64, got: u64) -> Self {
        Error::at_line(line, Code::OverLimit { unit, limit, got })
    }

    /// `name` is not one of the `expected` names for `field` ([`Code::UnknownName`]).
    pub fn unknown(
        field: impl Into<FieldPath>,
        name: impl Into<String>,
        expected: impl Into<String>,
    ) -> Self {
        Error::new(
            field,
            Code::UnknownName {
                name: name.into(),
                expected: expected.into(),
            },
        )
    }

    /// serde's error for the JSON of `field` (`scenario`, `campaign`), read into a code: an
    /// unknown variant or field, a missing or duplicate field, an invalid type or value, a
    /// syntax error, or the error of a field's own parser (which [`Error::report`] gives).
    /// The English text is serde's, unchanged.
    pub fn json(field: impl Into<FieldPath>, e: &serde_json::Error) -> Self {
        let text = e.to_string();
        let (line, column) = (e.line() as u64, e.column() as u64);
        let suffix = format!(" at line {line} column {column}");
        let body = if line > 0 {
            text.strip_suffix(&suffix).unwrap_or(&text)
        } else {
            &text
        }
        .to_string();
        let nested = NESTED.with(|n| n.borrow_mut().take());
        let code = match nested {
            Some(inner) if inner.to_string() == body => Code::JsonNested {
                inner: Box::new(inner),
                text,
            },
            _ => json_code(&body, line, column, text),
        };
        Error::new(field, code)
    }

    /// The code: what is wrong, with its values.
    pub fn code(&self) -> &Code {
        &self.0.code
    }

    /// The field path, if the error names a field (a count over its limit names what it
    /// counts: `network`, `edge list`).
    pub fn path(&self) -> Option<&FieldPath> {
        self.0.field.as_ref()
    }

    /// The line of an input text, from 1, if the error is about one.
    pub fn line(&self) -> Option<usize> {
        self.0.line
    }

    /// Where a count over its limit is: the field, or `line N`.
    fn limit_place(&self) -> Option<String> {
        match (&self.0.field, self.0.line) {
            (Some(p), _) => Some(p.to_string()),
            (None, Some(l)) => Some(format!("line {l}")),
            (None, None) => None,
        }
    }

    /// The field at fault as a path (`model.p`, `campaign.ads.conversion`,
    /// `campaign.interventions[0]`, `network.n`, `seeds`), if the error names one; for a count
    /// over its limit, what is counted (`network (nodes)`, `line 7 (edges)`).
    /// The CLI maps it to its flag and the page to its control by looking the whole path up.
    pub fn field(&self) -> Option<String> {
        match &self.0.code {
            Code::OverLimit { unit, .. } => {
                let place = self.limit_place()?;
                Some(match unit {
                    Some(u) => format!("{place} ({u})"),
                    None => place,
                })
            }
            _ => self.0.field.as_ref().map(FieldPath::to_string),
        }
    }

    /// The message without the field (`must be a probability in [0, 1], got 2`; a line of an
    /// input text keeps its `line N: `).
    pub fn reason(&self) -> String {
        match (&self.0.code, self.0.line) {
            (Code::OverLimit { .. }, _) | (_, None) => self.0.code.to_string(),
            (code, Some(l)) => format!("line {l}: {code}"),
        }
    }

    /// Prefixes the field name (`p` → `model.p`), for errors raised inside a nested value. A
    /// line of an input text and a count over its limit keep their place.
    pub fn within(mut self, prefix: &str) -> Self {
        if matches!(self.0.code, Code::OverLimit { .. }) {
            return self;
        }
        if let Some(f) = self.0.field.take() {
            self.0.field = Some(f.within(&FieldPath::parse(prefix)));
        }
        self
    }

    /// Gives the field of an error about a parameter another path (`seeds` →
    /// `campaign.interventions[0].nodes`); unknown names, limits and lines keep theirs.
    pub(crate) fn map_param_field(mut self, f: impl FnOnce(&FieldPath) -> FieldPath) -> Self {
        if matches!(
            self.0.code,
            Code::OverLimit { .. } | Code::UnknownName { .. }
        ) {
            return self;
        }
        if let Some(p) = &self.0.field {
            self.0.field = Some(f(p));
        }
        self
    }

    /// Names the file an error about one of its lines is in (`line 3: …` → `segments: line 3:
    /// …`).
    pub(crate) fn in_file(mut self, field: &str) -> Self {
        if self.0.field.is_none()
            && self.0.line.is_some()
            && !matches!(self.0.code, Code::OverLimit { .. })
        {
            self.0.field = Some(FieldPath::parse(field));
        }
        self
    }

    /// The error as the page receives it: message, field path, line, code name and values. A
    /// field's own error inside a JSON text ([`Code::JsonNested`]) reports that field's error
    /// (with the whole message).
    pub fn report(&self) -> ErrorReport {
        let mut r = match &self.0.code {
            Code::JsonNested { inner, .. } => inner.report(),
            code => ErrorReport {
                message: String::new(),
                field: self.0.field.as_ref().map(FieldPath::to_string),
                line: self.0.line,
                code: code.name(),
                values: code.values(),
            },
        };
        r.message = self.to_string();
        r
    }
}

/// serde's message `body` (without its position) as a code.
fn json_code(body: &str, line: u64, column: u64, text: String) -> Code {
    let between = |s: &str, open: &str, close: &str| -> Option<(String, String)> {
        let rest = s.strip_prefix(open)?;
        let i = rest.find(close)?;
        Some((rest[..i].to_string(), rest[i + close.len()..].to_string()))
    };
    let names = |rest: &str| -> String {
        // "expected one of `a`, `b`", "expected `a` or `b`", "there are no fields"
        let rest = rest.strip_prefix("expected ").unwrap_or(rest);
        let rest = rest.strip_prefix("one of ").unwrap_or(rest);
        rest.split(", ")
            .flat_map(|p| p.split(" or "))
            .map(|p| p.trim_matches('`'))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if let Some((name, rest)) = between(body, "unknown variant `", "`, ") {
        return Code::JsonUnknownVariant {
            name,
            expected: names(&rest),
            line,
            column,
            text,
        };
    }
    if let Some((name, rest)) = between(body, "unknown field `", "`, ") {
        return Code::JsonUnknownField {
            name,
            expected: names(&rest),
            line,
            column,
            text,
        };
    }
    if let Some((name, rest)) = between(body, "missing field `", "`") {
        if rest.is_empty() {
            return Code::JsonMissingField {
                name,
                line,
                column,
                text,
            };
        }
    }
    if let Some((name, rest)) = between(body, "duplicate field `", "`") {
        if rest.is_empty() {
            return Code::JsonDuplicateField {
                name,
                line,
                column,
                text,
            };
        }
    }
    for (what, open) in [
        ("type", "invalid type: "),
        ("value", "invalid value: "),
        ("length", "invalid length "),
    ] {
        if let Some(rest) = body.strip_prefix(open) {
            if let Some(i) = rest.rfind(", expected ") {
                return Code::JsonInvalid {
                    what: what.to_string(),
                    got: rest[..i].to_string(),
                    expected: rest[i + 11..].to_string(),
                    line,
                    column,
                    text,
                };
            }
        }
    }
    Code::Json {
        detail: body.to_string(),
        line,
        column,
        text,
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let r = &self.0;
        if matches!(r.code, Code::OverLimit { .. }) {
            return match self.field() {
                Some(place) => write!(f, "{place}: {}", r.code),
                None => write!(f, "{}", r.code),
            };
        }
        match (&r.field, r.line) {
            (Some(p), Some(l)) => write!(f, "{p}: line {l}: {}", r.code),
            (Some(p), None) => write!(f, "{p}: {}", r.code),
            (None, Some(l)) => write!(f, "line {l}: {}", r.code),
            (None, None) => write!(f, "{}", r.code),
        }
    }
}

impl std::error::Error for Error {}

/// The core's result type: `T` or an [`Error`] naming what is at fault.
pub type Result<T> = std::result::Result<T, Error>;

/// Checks that a probability is a number in `[0, 1]`, and returns it.
///
/// # Errors
/// [`Code::Probability`] naming `field`: `p` is NaN, infinite or outside `[0, 1]`.
pub fn check_prob(field: &str, p: f64) -> Result<f64> {
    if p.is_finite() && (0.0..=1.0).contains(&p) {
        Ok(p)
    } else {
        Err(Error::new(field, Code::Probability { got: p }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn e(field: &str, code: Code) -> Error {
        Error::new(field, code)
    }
    fn s(x: &str) -> String {
        x.to_string()
    }

    /// One error of every code, with the English text the core wrote before codes existed
    /// (the CLI's golden outputs and the tests compare these texts byte for byte).
    fn samples() -> Vec<(Error, &'static str)> {
        use Code::*;
        let json_err = |text: &str| serde_json::from_str::<serde_json::Value>(text).unwrap_err();
        #[derive(serde::Deserialize, Debug)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Two {
            a: u32,
            b: Option<u32>,
        }
        #[derive(serde::Deserialize, Debug)]
        #[serde(rename_all = "snake_case")]
        #[allow(dead_code)]
        enum Kind {
            Ic,
            Lt,
        }
        let two = |text: &str| serde_json::from_str::<Two>(text).unwrap_err();
        vec![
            (e("model.p", Probability { got: 1.5 }), "model.p: must be a probability in [0, 1], got 1.5"),
            (e("theta", Interval { min: 0.0, max: 1.0, min_open: true, max_open: false, got: 1.5 }), "theta: must be in (0, 1], got 1.5"),
            (e("epsilon", Interval { min: 0.01, max: 1.0, min_open: false, max_open: true, got: 0.001 }), "epsilon: must be in [0.01, 1), got 0.001"),
            (e("runs", AtLeast { min: 1 }), "runs: must be at least 1"),
            (e("n", AtLeastGot { min: 2, got: 1 }), "n: must be at least 2, got 1"),
            (e("max_steps", AtMost { max: 1_000_000, got: 2_000_000 }), "max_steps: must be at most 1000000, got 2000000"),
            (e("campaign.ads.impressions_per_step", AtMostNetworkSize { size: 34, got: 4294967295 }), "campaign.ads.impressions_per_step: must be at most the network's size (34), got 4294967295"),
            (e("campaign.costs.per_seed", NonNegative { got: -1.0 }), "campaign.costs.per_seed: must be a number ≥ 0, got -1"),
            (e("campaign.stickiness", EachNonNegative { got: -0.5 }), "campaign.stickiness: each value must be a number ≥ 0, got -0.5"),
            (e("seeds", BudgetNonNegative { got: Shown::Text(s("x")) }), "seeds: budget must be a number ≥ 0, got 'x'"),
            (e("seeds", BudgetNonNegative { got: Shown::Number(-5.0) }), "seeds: budget must be a number ≥ 0, got -5"),
            (e("campaign.decay.half_life", PositiveSteps { got: 0.0 }), "campaign.decay.half_life: must be a number of steps > 0, got 0"),
            (e("gamma", GreaterThan { min: 1.0, got: 0.5 }), "gamma: must be a number > 1, got 0.5"),
            (e("network.n", GreaterThanParam { name: s("m"), value: 4294967295, got: 0 }), "network.n: must be greater than m = 4294967295, got 0"),
            (e("network.k", EvenAtLeastTwo { got: 3 }), "network.k: must be an even number ≥ 2, got 3"),
            (e("network.k", Even { got: 3 }), "network.k: must be even, got 3"),
            (e("seed", WholeNumber { strategy: None, min: 0, max: Some(JS_MAX_SAFE), got: Shown::Text(s("9007199254740993")) }), "seed: must be a whole number from 0 to 2^53 − 1, got '9007199254740993'"),
            (e("seed", WholeNumber { strategy: None, min: 0, max: Some(JS_MAX_SAFE), got: Shown::Number(1.5) }), "seed: must be a whole number from 0 to 2^53 − 1, got 1.5"),
            (e("max_steps", WholeNumber { strategy: None, min: 1, max: Some(1_000_000), got: Shown::Text(s("abc")) }), "max_steps: must be a whole number from 1 to 1000000, got 'abc'"),
            (e("runs", WholeNumber { strategy: None, min: 1, max: None, got: Shown::Text(s("0.5")) }), "runs: must be a whole number ≥ 1, got '0.5'"),
            (e("seeds", WholeNumber { strategy: Some(s("celf")), min: 1, max: Some(10_000), got: Shown::Text(s("4294967295")) }), "seeds: celf runs must be a whole number from 1 to 10000, got '4294967295'"),
            (e("model.p", NotANumber { got: s("abc") }), "model.p: 'abc' is not a number"),
            (e("network.n", NotAWholeNumber { got: s("-3") }), "network.n: '-3' is not a whole number ≥ 0"),
            (e("seeds", NotASeedCount { got: s("x") }), "seeds: 'x' is not a whole number of seeds"),
            (e("seeds", SeedCount { got: 0 }), "seeds: the number of seeds must be at least 1, got 0"),
            (e("positions", NotFinite), "positions: must be finite numbers"),
            (Error::unknown("network", "lattice", "er, ba"), "network: unknown 'lattice' (expected one of: er, ba)"),
            (e("network.n", GivenTwice), "network.n: is given twice"),
            (e("seed", GivenTwiceInAddress), "seed: is given twice in the address"),
            (e("network.mm", NoSuchParameter { kind: s("ba"), name: s("mm"), expected: s("n, m") }), "network.mm: ba has no parameter 'mm' (it takes: n, m)"),
            (e("network.p", MissingParameter { kind: s("er"), name: s("p") }), "network.p: er needs p"),
            (e("network", NotNameValue { got: s("n1000"), example: Some(s("n=1000")) }), "network: 'n1000' should be name=value, e.g. n=1000"),
            (e("seeds", NotNameValue { got: s("runs"), example: None }), "seeds: 'runs' should be name=value"),
            (e("network.sizes", NotSizes { got: s("5/x") }), "network.sizes: '5/x' should be segment sizes separated by '/', e.g. 500/300/200"),
            (e("network.edges", NotDrawn { got: s("0-9") }), "network.edges: '0-9' should be a drawn network: xy=X_Y/X_Y/… (one place per person) and edges=A-B/A-B/… (people numbered from 0, fewer than the places)"),
            (e("network", FileName), "network: file: needs a name, e.g. file:audience.csv"),
            (e("network", FileOption { option: s("x") }), "network: file: unknown option 'x' (expected directed, segments=FILE, format=F, header=yes|no, segment_by=ATTR or nodes=FILE)"),
            (e("seeds", SeedsForm { got: s("x"), forms: s("random:K, none") }), "seeds: 'x' should look like one of: random:K, none"),
            (e("seeds", EmptyNodeId { got: s("1,,2") }), "seeds: '1,,2' has an empty node id"),
            (e("seeds", NoSuchOption { strategy: s("celf"), option: s("x"), options: s("celf: runs, imm: epsilon") }), "seeds: celf has no option 'x' (celf: runs, imm: epsilon)"),
            (e("network", FileTextMissing { name: s("a.csv") }), "network: file:a.csv needs the file's text (load the file first)"),
            (e("network", FacebookTextMissing), "network: facebook: load data/ego-facebook.txt and pass its text"),
            (e("segments", SegmentsTextMissing { name: s("s.csv") }), "segments: the network names the segments file 's.csv': give its text"),
            (e("p", AddressNoScenario), "p: the address names no network and no model"),
            (e("network", AddressNoNetwork), "network: the address names no network"),
            (e("model", AddressNoModel), "model: the address names no model"),
            (Error::over_limit("network", Some(Unit::Nodes), 200_000, 900_000), "network (nodes): 900000 is over the limit of 200000"),
            (Error::over_limit("network.sizes", Some(Unit::Segments), 1000, 20_000), "network.sizes (segments): 20000 is over the limit of 1000"),
            (Error::over_limit("arcs", None, 10, 12), "arcs: 12 is over the limit of 10"),
            (Error::over_limit_at_line(7, Some(Unit::Edges), 5, 6), "line 7 (edges): 6 is over the limit of 5"),
            (e("p", IcNeedsP), "p: ic needs p (or weights = \"edge\" / \"in_degree\")"),
            (e("p", POrWeights), "p: give either p or weights, not both"),
            (e("theta", ThresholdKOrTheta), "theta: threshold needs exactly one of k (neighbours) or theta (fraction)"),
            (e("k", ThresholdKZero), "k: must be at least 1 (k = 0 would adopt without any neighbour)"),
            (e("gamma", SirGammaZero), "gamma: must be > 0 for SIR, or infected nodes never recover and the run never ends"),
            (e("model.weights", NoEdgeWeights), "model.weights: the model uses edge weights but the network has none"),
            (e("weights", InWeights { node: s("3"), sum: 1.5 }), "weights: the in-weights of node 3 sum to 1.5; Linear Threshold needs at most 1"),
            (e("weights", ArcWeight { from: s("0"), to: s("1"), weight: 1.1 }), "weights: arc 0 → 1 has weight 1.1; as a probability it must be in [0, 1]"),
            (e("weights", EdgeWeight { edge: 3, weight: -1.0 }), "weights: edge 3 has weight -1; weights must be finite and ≥ 0"),
            (e("edges", Endpoint { u: 0, v: 9, n: 5 }), "edges: edge (0, 9) has an endpoint ≥ n = 5"),
            (e("labels", DuplicateLabel { label: s("a") }), "labels: label 'a' is used twice"),
            (e("seeds", SeedCount { got: 99_999_999_999 }), "seeds: the number of seeds must be at most 4294967295 (more than any network has nodes), got 99999999999"),
            (e("weights", CountMismatch { got: 3, what: Noun::Weights, expected: 4, of: Noun::Edges }), "weights: 3 weights for 4 edges"),
            (e("node", NotANodeId { node: 34, nodes: 34 }), "node: 34 is not a node id (the network has 34 nodes)"),
            (e("seeds", NotInNetwork { node: s("99") }), "seeds: node '99' is not in the network"),
            (e("seeds", TooManySeeds { strategy: None, k: 5, n: 3, segment: false }), "seeds: asks for 5 seeds but the network has 3 nodes"),
            (e("seeds", TooManySeeds { strategy: Some(s("imm")), k: 5, n: 3, segment: false }), "seeds: imm asks for 5 seeds but the network has 3 nodes"),
            (e("seeds", TooManySeeds { strategy: None, k: 5, n: 3, segment: true }), "seeds: asks for 5 seeds but the segment has 3 nodes"),
            (e("seeds", ImmModel { model: s("sir") }), "seeds: imm works with the ic and lt models, not sir"),
            (e("seeds", NeedsSimulation { strategy: s("celf") }), "seeds: celf needs a simulation to evaluate spread"),
            (e("seeds", BudgetPrice), "seeds: budget seeding needs a price per seed > 0 (--cost-per-seed, or campaign.costs.per_seed)"),
            (e("campaign.seed_segment", SeedSegmentStrategy), "campaign.seed_segment: works with random, top-degree, pagerank and kcore seeding"),
            (e("seeds", GreedyRuns { strategy: s("celf") }), "seeds: celf needs at least 1 run per evaluation"),
            (e("seeds", GreedyNodes { strategy: s("celf"), max: 50_000, nodes: 60_000 }), "seeds: celf simulates every node: use imm for networks over 50000 nodes (this one has 60000)"),
            (e("seeds", GreedyRunsOver { strategy: s("celf"), max: 10_000, got: 20_000 }), "seeds: celf runs must be at most 10000, got 20000"),
            (e("seeds", GreedyWork { strategy: s("budget seeding"), nodes: 1000, runs: 100_000, work: 100_000_000, max: 50_000_000 }), "seeds: budget seeding would simulate 1000 nodes × 100000 runs = 100000000 runs in its first round, over 50000000: lower runs= or use imm"),
            (e("seeds", GreedySteps { strategy: s("celf"), runs: 1000, steps: 300_000, max: 200_000_000 }), "seeds: celf would simulate 1000 runs of at least 300000 steps each (the model, ads or a boost keep them going), over 200000000 steps: lower runs= or max_steps, or use another strategy"),
            (e("epsilon", ImmMemory { needed_mb: 3000, sets: 123, limit_mb: 2048 }), "epsilon: imm would need 3000 MB for 123 RR sets, over its limit of 2048 MB: raise epsilon (or lower k)"),
            (e("boost", ActionNotForModel { action: Act::Boost, model: s("bass") }), "boost: boost is defined for ic, sir, sis and rumor: in lt, threshold and bass an adopter's influence counts once, when it adopts (the model is bass)"),
            (e("campaign.interventions[1]", ActionNotForModel { action: Act::Debunk, model: s("ic") }), "campaign.interventions[1]: debunk is defined for rumor, sir and sis: in the other models the removed state means adopted (the model is ic)"),
            (e("campaign.decay", Modulation { model: s("lt") }), "campaign.decay: applies to the share probability of ic, sir and sis, not to lt"),
            (e("campaign.stickiness", NoSegments), "campaign.stickiness: the network has no segments (use an sbm network or a segments file)"),
            (e("campaign.ads.segment", SegmentNotInNetwork { segment: 4 }), "campaign.ads.segment: segment 4 is not in the network"),
            (e("campaign.stickiness", StickinessCount { got: 2, segments: 3 }), "campaign.stickiness: gives 2 values but the network has 3 segments"),
            (e("campaign.interventions", TooManyInterventions { max: 1000, got: 1001 }), "campaign.interventions: at most 1000 interventions, got 1001"),
            (e("campaign.interventions[0]", InterventionStep), "campaign.interventions[0]: step must be ≥ 1 (step 0 is the seeding)"),
            (e("campaign.interventions[0]", BoostNodes), "campaign.interventions[0]: a boost re-posts from the seeds and takes no nodes"),
            (e("campaign.interventions[0]", NeedsNodes), "campaign.interventions[0]: needs nodes, e.g. \"nodes\": \"top-degree:3\""),
            (e("campaign.interventions[0].nodes", InterventionNodes), "campaign.interventions[0].nodes: use nodes:…, random:K, top-degree:K, pagerank:K, kcore:K or degree-discount:K"),
            (e("m", SimpleGraphEdges { n: 5, max: 10, got: 11 }), "m: a simple graph on 5 nodes has at most 10 edges, got 11"),
            (e("sizes", SegmentCount { max: 1000, got: 0 }), "sizes: needs 1 to 1000 segments, got 0"),
            (e("sizes", EmptySegment { segment: 2 }), "sizes: segment 2 is empty"),
            (e("network.kmin", DegreeBounds { kmin: 5, kmax: 3, n: 10 }), "network.kmin: need 1 ≤ kmin ≤ kmax < n, got kmin = 5, kmax = 3, n = 10"),
            (e("rows", GridSize { rows: 0, cols: 5 }), "rows: rows and cols must be ≥ 1, got 0 × 5"),
            (e("rows", GridOverflow), "rows: rows × cols overflows"),
            (Error::at_line(3, EdgeLineFields { found: 1 }), "line 3: expected 'source target [weight]', found 1 field"),
            (Error::at_line(3, EdgeLineFields { found: 4 }), "line 3: expected 'source target [weight]', found 4 fields"),
            (Error::at_line(3, EmptyField { field: 2 }), "line 3: field 2 is empty"),
            (Error::at_line(3, WeightMissing), "line 3: has no weight, but earlier lines have one"),
            (Error::at_line(3, WeightUnexpected), "line 3: has a weight, but earlier lines have none"),
            (Error::at_line(3, WeightNotANumber { got: s("x") }), "line 3: weight 'x' is not a number"),
            (Error::at_line(3, WeightNegative { got: s("-1") }), "line 3: weight -1 must be a finite number ≥ 0"),
            (Error::at_line(1, NoEdges), "line 1: no edges found (expected lines like 'source target')"),
            (Error::at_line(2, SegmentLine { got: s("a b c") }), "line 2: expected 'node segment', found 'a b c'"),
            (Error::at_line(2, NotInNetwork { node: s("zoe") }), "line 2: node 'zoe' is not in the network"),
            (Error::at_line(7, SegmentNotANumber { got: s("x") }).in_file("segments"), "segments: line 7: segment 'x' is not a whole number 0–65535"),
            (Error::at_line(4, SegmentTwice { node: s("a"), line: 2 }), "line 4: node 'a' already has a segment (line 2)"),
            (e("segments", NoSegment { node: s("carol") }), "segments: node 'carol' has no segment (every node must be listed)"),
            (Error::at_line(1, UnsupportedFormat { looks_like: s("a DOT (Graphviz) file"), reads: s("GML") }), "line 1: this looks like a DOT (Graphviz) file; viralsim reads GML"),
            (e("network", NotInWidget { feature: s("file readers") }), "network: the widget's build of viralsim has no file readers; the full page and the CLI do"),
            (Error::at_line(4, FormatExpected { format: s("GML"), expected: s("']'"), found: s("end of file") }), "line 4: GML: expected ']', found end of file"),
            (e("network", NoNodes { format: s("GraphML") }), "network: GraphML: the file has no nodes"),
            (Error::at_line(2, Xml { detail: s("unexpected end of stream") }), "line 2: XML: unexpected end of stream"),
            (e("segment_by", NoSuchAttribute { name: s("country"), attributes: s("age, label") }), "segment_by: no node attribute 'country' (the network has: age, label)"),
            (e("cost_attribute", AttributeNotANumber { node: s("a"), name: s("followers"), got: s("x") }), "cost_attribute: node 'a' has followers = 'x', not a number ≥ 0"),
            (e("cost_attribute", AttributeNotANumber { node: s("a"), name: s("followers"), got: s("") }), "cost_attribute: node 'a' has no followers, and a number ≥ 0 is needed"),
            (e("campaign.stickiness", SegmentGivenTwice { name: s("France") }), "campaign.stickiness: segment 'France' is given twice"),
            (e("campaign.ads.segment", NoSuchSegment { name: s("Spain"), segments: s("France, Germany") }), "campaign.ads.segment: segment 'Spain' is not in the network (it has: France, Germany)"),
            (e("compare", CompareAtMost { max: 4, got: 5 }), "compare: holds at most 4 scenarios, got 5"),
            (e("scenarios", CompareCount { min: 2, max: 4, got: 1 }), "scenarios: compare takes 2 to 4 scenarios, got 1"),
            (e("scenarios", CompareNetwork { name: s("B") }), "scenarios: B runs on another network: compare needs the same network for all"),
            (e("runs", CompareRuns), "runs: every scenario must have the same runs and seed to be compared run by run"),
            (e("runs", BlocksOrder { expected: 100, got: 50 }), "runs: blocks must follow each other: expected run 100, got 50"),
            (e("runs", BlocksNetworks), "runs: blocks of different networks"),
            (e("runs", RunsStart { got: 5 }), "runs: the runs must start at run 0, not 5"),
            (e("runs", RunRange { start: 5, end: 3 }), "runs: end 3 is before start 5"),
            (e("runs", MonteCarloFirst), "runs: run many times first"),
            (e("compare", CompareFirst), "compare: compare first"),
            (e("scenario", NotAnObject), "scenario: is not a plain object"),
            (Error::json("model", &serde_json::from_value::<Kind>(json!("voter")).unwrap_err()), "model: unknown variant `voter`, expected `ic` or `lt`"),
            (Error::json("scenario", &two(r#"{"a":1,"c":2}"#)), "scenario: unknown field `c`, expected `a` or `b` at line 1 column 10"),
            (Error::json("scenario", &two(r#"{"b":1}"#)), "scenario: missing field `a` at line 1 column 7"),
            (Error::json("scenario", &two(r#"{"a":1,"a":2}"#)), "scenario: duplicate field `a` at line 1 column 10"),
            (Error::json("scenario", &two(r#"{"a":-3}"#)), "scenario: invalid value: integer `-3`, expected u32 at line 1 column 7"),
            (Error::json("campaign", &json_err("{")), "campaign: EOF while parsing an object at line 1 column 1"),
            (Error::json("scenario", &serde_json::from_str::<crate::Scenario>(r#"{"network":"lattice"}"#).unwrap_err()), "scenario: network: unknown 'lattice' (expected one of: er, gnm, ba, ws, hk, sbm, powerlaw, complete, ring, star, path, grid, karate, facebook, drawn, file) at line 1 column 21"),
        ]
    }

    #[test]
    fn display_is_unchanged_for_every_code() {
        let mut names = std::collections::BTreeSet::new();
        for (err, text) in samples() {
            assert_eq!(err.to_string(), text);
            // the accessors: `field: reason` (a limit names its unit in the field)
            let whole = match err.field() {
                Some(f) => format!("{f}: {}", err.reason()),
                None => err.reason(),
            };
            assert_eq!(whole, text);
            names.insert(err.code().name());
        }
        let all: std::collections::BTreeSet<String> = CODES.iter().map(|c| c.to_string()).collect();
        assert_eq!(names, all, "one sample per code, and CODES lists them all");
        assert_eq!(CODES.len(), all.len(), "CODES has no duplicate");
    }

    #[test]
    fn accessors_keep_their_meaning() {
        let (line, limit, file) = (
            Error::at_line(3, Code::NoEdges),
            Error::over_limit("network", Some(Unit::Nodes), 200_000, 900_000),
            Error::at_line(7, Code::NoEdges).in_file("segments"),
        );
        assert_eq!(line.field(), None);
        assert_eq!(
            line.reason(),
            "line 3: no edges found (expected lines like 'source target')"
        );
        assert_eq!(limit.field().as_deref(), Some("network (nodes)"));
        assert_eq!(limit.reason(), "900000 is over the limit of 200000");
        assert_eq!(file.field().as_deref(), Some("segments"));
        assert!(file.reason().starts_with("line 7: "));
        // within: a field is prefixed; a line and a limit keep their place
        assert_eq!(
            check_prob("p", 2.0)
                .unwrap_err()
                .within("model")
                .field()
                .as_deref(),
            Some("model.p")
        );
        assert_eq!(line.clone().within("network"), line);
        assert_eq!(limit.clone().within("x"), limit);
        let p = Error::new("seeds", Code::NoEdges)
            .map_param_field(|_| "campaign.interventions[2].nodes".into());
        assert_eq!(
            p.path().map(FieldPath::pattern).as_deref(),
            Some("campaign.interventions[].nodes")
        );
        let u = Error::unknown("seeds", "x", "y").map_param_field(|_| "z".into());
        assert_eq!(u.field().as_deref(), Some("seeds"));
    }

    #[test]
    fn field_paths_round_trip() {
        use Segment::{Index, Name};
        for (text, segs) in [
            ("model.p", vec![Name(s("model")), Name(s("p"))]),
            (
                "campaign.interventions[0].nodes",
                vec![
                    Name(s("campaign")),
                    Name(s("interventions")),
                    Index(0),
                    Name(s("nodes")),
                ],
            ),
            ("a[1][22]", vec![Name(s("a")), Index(1), Index(22)]),
            ("seeds", vec![Name(s("seeds"))]),
        ] {
            let p = FieldPath::parse(text);
            assert_eq!(p.segments(), &segs[..]);
            assert_eq!(p.to_string(), text);
            assert_eq!(FieldPath(segs).to_string(), text);
        }
        // any text reads back as itself: odd parts stay one name
        for text in [
            "",
            "network.;ols",
            "a[01]",
            "a[x].b",
            "[3]",
            "a..b",
            "x[1",
            "complete graph nodes",
        ] {
            assert_eq!(FieldPath::parse(text).to_string(), text);
        }
        assert_eq!(FieldPath::parse("a[01]").segments(), &[Name(s("a[01]"))]);
        let built = FieldPath::name("campaign")
            .join("interventions")
            .index(3)
            .join("nodes");
        assert_eq!(built.to_string(), "campaign.interventions[3].nodes");
        assert_eq!(built.pattern(), "campaign.interventions[].nodes");
        assert_eq!(
            FieldPath::parse("n")
                .within(&FieldPath::parse("network"))
                .to_string(),
            "network.n"
        );
    }

    #[test]
    fn the_report_is_what_the_page_reads() {
        let r = check_prob("model.p", 1.5).unwrap_err().report();
        assert_eq!(
            serde_json::to_value(&r).unwrap(),
            json!({"message": "model.p: must be a probability in [0, 1], got 1.5", "field": "model.p",
                   "line": null, "code": "probability", "values": {"got": 1.5}})
        );
        let r = Error::at_line(2, Code::EdgeLineFields { found: 1 }).report();
        assert_eq!(
            (r.field, r.line, r.code.as_str()),
            (None, Some(2), "edge_line_fields")
        );
        assert_eq!(r.values, json!({"found": 1}));
        // a limit: the path without its unit, the unit among the values
        let r = Error::over_limit("network", Some(Unit::Nodes), 200_000, 900_000).report();
        assert_eq!(r.field.as_deref(), Some("network"));
        assert_eq!(
            r.values,
            json!({"unit": "nodes", "limit": 200000, "got": 900000})
        );
        // no values: an empty object
        assert_eq!(Error::new("p", Code::IcNeedsP).report().values, json!({}));
        // numbers JavaScript cannot hold exactly, and NaN, as text
        let r = Error::new(
            "network",
            Code::OverLimit {
                unit: None,
                limit: 1,
                got: u64::MAX,
            },
        )
        .report();
        assert_eq!(r.values["got"], json!("18446744073709551615"));
        assert_eq!(
            check_prob("p", f64::NAN).unwrap_err().report().values,
            json!({"got": "NaN"})
        );
        // text and numbers as the message shows them
        let r = Error::new(
            "seed",
            Code::WholeNumber {
                strategy: None,
                min: 0,
                max: Some(JS_MAX_SAFE),
                got: Shown::Text(s("x")),
            },
        )
        .report();
        assert_eq!(
            r.values,
            json!({"strategy": null, "min": 0, "max": 9007199254740991u64, "got": "x"})
        );
        let r = Error::new(
            "weights",
            Code::ArcWeight {
                from: s("a"),
                to: s("b"),
                weight: 1.1,
            },
        )
        .report();
        assert_eq!(r.values["weight"], json!(1.1));
        // a field's own error in a JSON text: that field's error, with the whole message
        let err = serde_json::from_str::<crate::Scenario>(r#"{"network":"lattice"}"#).unwrap_err();
        let r = Error::json("scenario", &err).report();
        assert!(r
            .message
            .starts_with("scenario: network: unknown 'lattice'"));
        assert_eq!(
            (r.field.as_deref(), r.code.as_str()),
            (Some("network"), "unknown_name")
        );
        assert_eq!(r.values["name"], json!("lattice"));
        // serde's own errors: their parts
        let err =
            serde_json::from_str::<crate::Scenario>(r#"{"network":"karate","x":1}"#).unwrap_err();
        let r = Error::json("scenario", &err).report();
        assert_eq!(r.code, "json_unknown_field");
        assert_eq!(r.values["name"], json!("x"));
        assert!(r.values["expected"]
            .as_str()
            .unwrap()
            .starts_with("network, model, seeds"));
        assert_eq!(r.values["line"], json!(1));
    }
}
