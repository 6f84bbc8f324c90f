//! The page's address: a scenario written as the fragment of a link, read and written here for
//! the page (through the bindings) and the CLI (`viralsim run --address`) alike, so that a link
//! opens the same way everywhere and what one rejects the other rejects too.
//!
//! ```text
//! #network=ba:n=300,m=2&model=ic&p=0.3&seeds=random:1&seed=1[&max_steps=T][&runs=R]
//!  [&campaign={…JSON…}][&lang=fr][&compare=[…scenario JSON…]]
//! ```
//!
//! Every key other than `network`, `model`, `seeds`, `seed`, `max_steps`, `runs`, `campaign`,
//! `lang` and `compare` is a parameter of the model (`p`, `q`, `beta`, `gamma`, `k`, `theta`,
//! `weights`), checked by the model's own rules: an unknown one is an error, not dropped. Values
//! are form-encoded (`+` is a space, `%XX` a byte). `seeds` defaults to `none` and `seed` to 1
//! (the page's first addresses were written so); `seed` must fit a JavaScript number exactly
//! (at most 2^53 − 1) so that the page can carry it.
//!
//! ```
//! use viralsim::address::parse_address;
//! let a = parse_address("#network=karate&model=ic&p=0.2&seeds=nodes:0&seed=3&max_steps=5").unwrap();
//! let s = a.scenario.unwrap();
//! assert_eq!((s.seed, s.max_steps), (3, 5));
//! assert_eq!(viralsim::address::scenario_to_address(&s),
//!            "#network=karate&model=ic&p=0.2&seeds=nodes:0&seed=3&max_steps=5");
//! // what the CLI rejects, the address rejects, naming the field
//! let e = parse_address("#network=ba:n=300,mm=5&model=ic&p=0.1&seeds=random:1&seed=1").unwrap_err();
//! assert!(e.to_string().starts_with("network.mm: ba has no parameter 'mm'"));
//! ```

use crate::campaign::Campaign;
use crate::error::{Code, Error, FieldPath, Result, Shown, Unit};
use crate::model::{ModelSpec, WeightSource};
use crate::scenario::{NetworkSpec, Scenario, MAX_STEPS};
use crate::seeding::Seeding;
use serde::Serialize;

/// The largest seed a link can carry: JavaScript numbers are exact up to 2^53 − 1.
pub const MAX_ADDRESS_SEED: u64 = (1 << 53) - 1;

/// Scenarios a comparison in the page can hold.
pub const MAX_COMPARE: usize = 4;

/// Longest address read (a hostile link cannot make the page parse megabytes).
pub const MAX_ADDRESS_BYTES: usize = 1 << 20;

/// What an address says: the scenario (absent when the address names no network and no model,
/// e.g. `#lang=fr`), the page's language and its comparison set.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Address {
    /// The scenario the link runs (`None` when it names no network and no model).
    pub scenario: Option<Scenario>,
    /// The page's language (`lang=fr`), as written; `None` when absent.
    pub lang: Option<String>,
    /// The scenarios of the page's comparison set (`compare=[…]`, at most [`MAX_COMPARE`]);
    /// empty when absent.
    pub compare: Vec<Scenario>,
}

/// Keys that are not model parameters.
const SCENARIO_KEYS: &[&str] = &[
    "network",
    "model",
    "seeds",
    "seed",
    "max_steps",
    "runs",
    "campaign",
    "lang",
    "compare",
];

/// Decodes one form-encoded component as `URLSearchParams` does (`+` → space, `%XX` → byte;
/// a `%` not followed by two hex digits is kept).
fn decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < b.len() => {
                let hex = |c: u8| (c as char).to_digit(16);
                match (hex(b[i + 1]), hex(b[i + 2])) {
                    (Some(h), Some(l)) => {
                        out.push((h * 16 + l) as u8);
                        i += 3;
                        continue;
                    }
                    _ => out.push(b'%'),
                }
            }
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Encodes a component: letters, digits and `*-._:,/=` as they are (a value ends at the next
/// `&`, so its `=` need no escape and `ba:n=300,m=2` stays readable), a space as `+`, anything
/// else as `%XX`.
fn encode(s: &str, out: &mut String) {
    for &c in s.as_bytes() {
        match c {
            b'A'..=b'Z'
            | b'a'..=b'z'
            | b'0'..=b'9'
            | b'*'
            | b'-'
            | b'.'
            | b'_'
            | b':'
            | b','
            | b'/'
            | b'=' => out.push(c as char),
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{c:02X}")),
        }
    }
}

/// A model parameter's value as JSON: a number when it reads as one, a string for `weights`.
fn model_value(key: &str, v: &str) -> Result<serde_json::Value> {
    if key == "weights" {
        return Ok(serde_json::Value::String(v.to_string()));
    }
    let bad = || {
        Error::new(
            FieldPath::name("model").join(key),
            Code::NotANumber { got: v.to_string() },
        )
    };
    let t = v.trim();
    if let Ok(i) = t.parse::<u64>() {
        return Ok(serde_json::Value::from(i));
    }
    let x: f64 = t.parse().map_err(|_| bad())?;
    if !x.is_finite() {
        return Err(bad());
    }
    Ok(serde_json::Number::from_f64(x).map_or(serde_json::Value::Null, serde_json::Value::Number))
}

/// `v` as a whole number, or an error naming `field` that says the range `min..=max`.
fn whole<T: std::str::FromStr>(field: &str, v: &str, min: u64, max: Option<u64>) -> Result<T> {
    v.trim()
        .parse()
        .map_err(|_| whole_error(field, v, min, max))
}

fn whole_error(field: &str, v: &str, min: u64, max: Option<u64>) -> Error {
    Error::new(
        field,
        Code::WholeNumber {
            strategy: None,
            min,
            max,
            got: Shown::Text(v.to_string()),
        },
    )
}

/// Reads an address: a whole link (`https://…/#…`), its fragment (`#…`) or the bare
/// `key=value&…` text.
///
/// # Errors
/// The field at fault, as the CLI names it: `network.mm: …`, `model.p: 'abc' is not a number`,
/// `seed: …`, `max_steps: …`, `campaign: …`, a key given twice, an address over
/// [`MAX_ADDRESS_BYTES`]. The model's and the network's own rules are checked when the scenario
/// is built.
pub fn parse_address(text: &str) -> Result<Address> {
    if text.len() > MAX_ADDRESS_BYTES {
        return Err(Error::over_limit(
            "address",
            Some(Unit::Bytes),
            MAX_ADDRESS_BYTES as u64,
            text.len() as u64,
        ));
    }
    let frag = match text.split_once('#') {
        Some((_, f)) => f,
        None => text,
    };
    let mut pairs: Vec<(String, String)> = Vec::new();
    // keys seen so far, in a set: a 1 MiB address of distinct keys is checked in
    // O(P log P), not O(P²) (about 10^10 comparisons for 200,000 keys)
    let mut seen = std::collections::BTreeSet::new();
    for part in frag.split('&').filter(|p| !p.is_empty()) {
        let (k, v) = part.split_once('=').unwrap_or((part, ""));
        let (k, v) = (decode(k), decode(v));
        if !seen.insert(k.clone()) {
            return Err(Error::new(FieldPath::name(k), Code::GivenTwiceInAddress));
        }
        pairs.push((k, v));
    }
    let get = |key: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    };
    let lang = get("lang").map(str::to_string);
    let compare = match get("compare") {
        None => Vec::new(),
        Some(json) => {
            let set: Vec<Scenario> =
                serde_json::from_str(json).map_err(|e| Error::json("compare", &e))?;
            if set.len() > MAX_COMPARE {
                return Err(Error::new(
                    "compare",
                    Code::CompareAtMost {
                        max: MAX_COMPARE as u64,
                        got: set.len() as u64,
                    },
                ));
            }
            for s in &set {
                s.check_counts().map_err(|e| e.within("compare"))?;
            }
            set
        }
    };
    let (network, kind) = match (get("network"), get("model")) {
        (None, None) => {
            if let Some((k, _)) = pairs
                .iter()
                .find(|(k, _)| !SCENARIO_KEYS.contains(&k.as_str()))
            {
                return Err(Error::new(
                    FieldPath::name(k.clone()),
                    Code::AddressNoScenario,
                ));
            }
            return Ok(Address {
                scenario: None,
                lang,
                compare,
            });
        }
        (None, Some(_)) => return Err(Error::new("network", Code::AddressNoNetwork)),
        (Some(_), None) => return Err(Error::new("model", Code::AddressNoModel)),
        (Some(n), Some(m)) => (n, m),
    };
    let network: NetworkSpec = network.parse()?;
    let mut model = serde_json::Map::new();
    model.insert(
        "kind".into(),
        serde_json::Value::String(kind.trim().to_string()),
    );
    for (k, v) in &pairs {
        if !SCENARIO_KEYS.contains(&k.as_str()) {
            model.insert(k.clone(), model_value(k, v)?);
        }
    }
    let model: ModelSpec = serde_json::from_value(serde_json::Value::Object(model))
        .map_err(|e| Error::json("model", &e))?;
    let seeds: Seeding = get("seeds").unwrap_or("none").parse()?;
    let seed: u64 = match get("seed") {
        None => 1,
        Some(v) => whole::<u64>("seed", v, 0, Some(MAX_ADDRESS_SEED))
            .ok()
            .filter(|&s| s <= MAX_ADDRESS_SEED)
            .ok_or_else(|| whole_error("seed", v, 0, Some(MAX_ADDRESS_SEED)))?,
    };
    let max_steps = match get("max_steps") {
        None => crate::scenario::DEFAULT_MAX_STEPS,
        Some(v) => whole("max_steps", v, 1, Some(MAX_STEPS as u64))?,
    };
    let runs = match get("runs") {
        None => 1,
        Some(v) => whole("runs", v, 1, None)?,
    };
    let campaign: Campaign = match get("campaign") {
        None => Campaign::default(),
        Some(json) => serde_json::from_str(json).map_err(|e| Error::json("campaign", &e))?,
    };
    let scenario = Scenario {
        network,
        model,
        seeds,
        seed,
        max_steps,
        runs,
        campaign,
    };
    scenario.check_counts()?;
    Ok(Address {
        scenario: Some(scenario),
        lang,
        compare,
    })
}

/// The model as the address writes it: `model=KIND`, then its parameters in the order of
/// [`ModelSpec`]'s fields (numbers as JSON writes them, the shortest form that reads back).
fn model_pairs(m: &ModelSpec) -> Vec<(&'static str, String)> {
    let num = |x: f64| serde_json::to_string(&x).unwrap_or_default();
    let weights = |w: &WeightSource| match w {
        WeightSource::Default => None,
        WeightSource::Edge => Some(("weights", "edge".to_string())),
        WeightSource::InDegree => Some(("weights", "in_degree".to_string())),
    };
    let kind = |k: &str| ("model", k.to_string());
    let mut out = Vec::new();
    match m {
        ModelSpec::Ic { p, weights: w } => {
            out.push(kind("ic"));
            out.extend(p.map(|p| ("p", num(p))));
            out.extend(weights(w));
        }
        ModelSpec::Lt { weights: w } => {
            out.push(kind("lt"));
            out.extend(weights(w));
        }
        ModelSpec::Sir { beta, gamma } | ModelSpec::Sis { beta, gamma } => {
            out.push(kind(if matches!(m, ModelSpec::Sir { .. }) {
                "sir"
            } else {
                "sis"
            }));
            out.push(("beta", num(*beta)));
            out.push(("gamma", num(*gamma)));
        }
        ModelSpec::Threshold { k, theta } => {
            out.push(kind("threshold"));
            out.extend(k.map(|k| ("k", k.to_string())));
            out.extend(theta.map(|t| ("theta", num(t))));
        }
        ModelSpec::Rumor {} => out.push(kind("rumor")),
        ModelSpec::Bass { p, q } => {
            out.push(kind("bass"));
            out.push(("p", num(*p)));
            out.push(("q", num(*q)));
        }
    }
    out
}

/// Writes a scenario as an address fragment (`#network=…`), in the page's order: network,
/// model and its parameters, seeds, seed, campaign, then `max_steps` and `runs` when they
/// differ from 1000 and 1. [`parse_address`] reads it back to the same scenario.
pub fn scenario_to_address(s: &Scenario) -> String {
    let mut out = String::from("#");
    let put = |k: &str, v: &str, out: &mut String| {
        if out.len() > 1 {
            out.push('&');
        }
        out.push_str(k);
        out.push('=');
        encode(v, out);
    };
    put("network", &s.network.to_string(), &mut out);
    for (k, v) in model_pairs(&s.model) {
        put(k, &v, &mut out);
    }
    put("seeds", &s.seeds.to_string(), &mut out);
    put("seed", &s.seed.to_string(), &mut out);
    if !s.campaign.is_empty() {
        let json = serde_json::to_string(&s.campaign).unwrap_or_default();
        put("campaign", &json, &mut out);
    }
    if s.max_steps != crate::scenario::DEFAULT_MAX_STEPS {
        put("max_steps", &s.max_steps.to_string(), &mut out);
    }
    if s.runs != 1 {
        put("runs", &s.runs.to_string(), &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(a: &str) -> String {
        parse_address(a).unwrap_err().to_string()
    }

    #[test]
    fn decodes_as_urlsearchparams() {
        assert_eq!(decode("a+b%2Cc%3a%zz%4"), "a b,c:%zz%4");
        let mut s = String::new();
        encode("{\"a\": 1}/x,y:z", &mut s);
        assert_eq!(s, "%7B%22a%22:+1%7D/x,y:z");
    }

    #[test]
    fn old_page_addresses_still_open() {
        // as the page wrote them before this module (tests/golden keeps more)
        let a = parse_address(
            "http://127.0.0.1:8080/#network=ba:n=300,m=2&model=sir&beta=0.2&gamma=0.3&seeds=random:1&seed=1&lang=fr",
        )
        .unwrap();
        let s = a.scenario.unwrap();
        assert_eq!(s.network.to_string(), "ba:n=300,m=2");
        assert_eq!(
            s.model,
            ModelSpec::Sir {
                beta: 0.2,
                gamma: 0.3
            }
        );
        assert_eq!(a.lang.as_deref(), Some("fr"));
        assert_eq!(s.max_steps, 1000);
        let c = parse_address("#network=karate&model=ic&p=0.1&seeds=top-degree:2&seed=4&campaign=%7B%22ads%22:%7B%22impressions_per_step%22:5,%22conversion%22:0.1,%22steps%22:3%7D%7D").unwrap();
        let s = c.scenario.unwrap();
        assert_eq!(s.campaign.ads.as_ref().unwrap().impressions_per_step, 5);
        assert_eq!(
            parse_address(&scenario_to_address(&s))
                .unwrap()
                .scenario
                .unwrap(),
            s
        );
        // exactly as the old JavaScript writer encoded it (URLSearchParams, then ':', ',' and
        // '/' unescaped: '=' inside a value stayed %3D)
        let old = parse_address("#network=ba:n%3D300,m%3D2&model=ic&p=0.3&seeds=random:1&seed=1&max_steps=50&compare=%5B%7B%22network%22%3A%22ba%3An%3D300%2Cm%3D2%22%2C%22model%22%3A%7B%22kind%22%3A%22ic%22%2C%22p%22%3A0.3%7D%2C%22seeds%22%3A%22top-degree%3A2%22%2C%22seed%22%3A1%2C%22max_steps%22%3A1000%7D%5D").unwrap();
        let s = old.scenario.unwrap();
        assert_eq!(
            (s.network.to_string().as_str(), s.max_steps),
            ("ba:n=300,m=2", 50)
        );
        assert_eq!(old.compare.len(), 1);
        assert_eq!(old.compare[0].seeds.to_string(), "top-degree:2");
        // no scenario at all: the page's defaults
        assert_eq!(parse_address("#lang=fr").unwrap().scenario, None);
        assert_eq!(parse_address("").unwrap().scenario, None);
    }

    #[test]
    fn rejects_what_the_cli_rejects() {
        for (a, msg) in [
            (
                "#network=ba:n=300,mm=5&model=ic&p=0.1&seeds=random:1&seed=1",
                "network.mm: ba has no parameter 'mm'",
            ),
            (
                "#network=er:n=300&model=ic&p=0.1&seeds=random:1&seed=1",
                "network.p: er needs p",
            ),
            (
                "#network=grid:rows=10,;ols=10&model=ic&p=0.1&seeds=random:1&seed=1",
                "network.;ols: grid has no parameter",
            ),
            (
                "#network=karate&model=ic&p=abc&seeds=random:1&seed=1",
                "model.p: 'abc' is not a number",
            ),
            (
                "#network=karate&model=ic&p=0.1&zzz=3&seeds=random:1&seed=1",
                "model: unknown field `zzz`",
            ),
            (
                "#network=karate&model=sis&beta=0.1&gamma=0.1&seeds=random:1&seed=1&max_steps=abc",
                "max_steps: must be a whole number",
            ),
            (
                "#network=karate&model=sis&beta=0.1&gamma=0.1&seeds=random:1&seed=1&max_steps=0",
                "max_steps: must be at least 1",
            ),
            (
                "#network=karate&model=ic&p=0.1&seeds=random:1&seed=9007199254740993",
                "seed: must be a whole number from 0 to 2^53 − 1",
            ),
            (
                "#network=karate&model=ic&p=0.1&seeds=random:1&seed=-1",
                "seed: must be a whole number",
            ),
            (
                "#network=karate&model=ic&p=0.1&p=0.2&seeds=random:1&seed=1",
                "p: is given twice",
            ),
            (
                "#network=karate&model=ic&p=0.1&seeds=random:1&seed=1&campaign={",
                "campaign: EOF",
            ),
            ("#network=karate&p=0.1", "model: the address names no model"),
            ("#p=0.1", "p: the address names no network and no model"),
            (
                "#network=karate&model=ic&p=NaN&seeds=random:1&seed=1",
                "model.p: 'NaN' is not a number",
            ),
        ] {
            let e = err(a);
            assert!(e.starts_with(msg), "{a}: {e}");
        }
    }

    #[test]
    fn round_trip_every_model() {
        for a in [
            "#network=karate&model=ic&p=0.2&seeds=nodes:0,5&seed=3",
            "#network=karate&model=ic&weights=in_degree&seeds=top-degree:2&seed=3",
            "#network=ba:n=300,m=2&model=lt&seeds=random:1&seed=1&max_steps=5",
            "#network=ws:n=100,k=4,p=0.1&model=sis&beta=0.2&gamma=0.3&seeds=random:1&seed=1&runs=7",
            "#network=grid:rows=5,cols=6&model=threshold&k=2&seeds=nodes:0,1&seed=1",
            "#network=sbm:sizes=10/20,pin=0.3,pout=0.01&model=rumor&seeds=random:2&seed=9007199254740991",
            "#network=file:a+b.csv,segments=s.txt&model=bass&p=0.01&q=0.3&seeds=none&seed=1",
        ] {
            let s = parse_address(a).unwrap().scenario.unwrap();
            assert_eq!(scenario_to_address(&s), a);
        }
    }
}
