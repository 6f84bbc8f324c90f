//! The CLI's error: one line naming the flag (or file, or field) at fault. A core error's field
//! path is mapped to the flag that sets it by looking the whole path up in [`FLAGS`].

use std::fmt;
use viralsim::error::{FieldPath, Segment};

/// What the CLI prints after `error: `.
pub struct Fail(String);

impl fmt::Display for Fail {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Each field path of a scenario (indices written `[]`) and the flag that sets it.
pub const FLAGS: &[(&str, &str)] = &[
    ("model.p", "p"),
    ("model.q", "q"),
    ("model.beta", "beta"),
    ("model.gamma", "gamma"),
    ("model.theta", "theta"),
    ("model.k", "k"),
    ("model.weights", "weights"),
    ("model", "model"),
    ("seeds", "seeds"),
    ("epsilon", "epsilon"),
    ("runs", "runs"),
    ("max_steps", "max-steps"),
    ("campaign.ads.impressions_per_step", "ad-impressions"),
    ("campaign.ads.conversion", "ad-conversion"),
    ("campaign.ads.steps", "ad-steps"),
    ("campaign.ads.segment", "ad-segment"),
    ("campaign.costs.per_seed", "cost-per-seed"),
    ("campaign.costs.per_seed_degree", "cost-per-degree"),
    ("campaign.costs.per_impression", "cost-per-impression"),
    ("campaign.decay.half_life", "half-life"),
    ("campaign.decay.fatigue", "fatigue"),
    ("campaign.stickiness", "stickiness"),
    ("campaign.post_probability", "post-probability"),
    ("campaign.seed_segment", "seed-segment"),
    ("segments", "segments"),
    ("campaign.costs.per_seed_attribute", "cost-attribute"),
    ("network.segment_by", "segment-by"),
    ("network.format", "format-in"),
    ("network.header", "header"),
    ("network.nodes", "nodes"),
];

/// The flag that sets the field at `path`, by exact lookup of its pattern (indices blanked:
/// `campaign.interventions[2].nodes` → `campaign.interventions[].nodes`). A model's parameter
/// may come bare (`p`) from the model's own checks.
pub fn flag_of(path: &FieldPath) -> Option<&'static str> {
    let key = path.pattern();
    let find = |k: &str| FLAGS.iter().find(|(f, _)| *f == k).map(|(_, flag)| *flag);
    find(&key).or_else(|| find(&format!("model.{key}")))
}

/// The index `i` of a path under `campaign.interventions[i]`.
fn intervention_index(path: &FieldPath) -> Option<usize> {
    match path.segments() {
        [Segment::Name(c), Segment::Name(list), Segment::Index(i), ..]
            if c == "campaign" && list == "interventions" =>
        {
            Some(*i)
        }
        _ => None,
    }
}

impl Fail {
    /// `--flag: message`.
    pub fn flag(flag: &str, msg: impl fmt::Display) -> Fail {
        Fail(format!("--{flag}: {msg}"))
    }

    /// A message as it is (its own context: a file name, a command).
    pub fn msg(msg: impl Into<String>) -> Fail {
        Fail(msg.into())
    }

    /// A core error, named by its flag when a flag sets its field (`--p: must be …`); an
    /// intervention by the flag of its action (`--boost-at`, `--mute`, `--debunk`, in
    /// `actions` order); anything else prefixed by `context` (`--generate: network.n: …`).
    pub fn core(e: viralsim::Error, context: &str, actions: &[&str]) -> Fail {
        let Some(path) = e.path() else {
            return Fail(format!("{context}: {e}"));
        };
        if let Some(flag) = flag_of(path) {
            return Fail::flag(flag, e.reason());
        }
        if let Some(flag) = intervention_index(path).and_then(|i| actions.get(i)) {
            return Fail::flag(flag, e.reason());
        }
        if context.is_empty() {
            Fail(e.to_string())
        } else {
            Fail(format!("{context}: {e}"))
        }
    }
}

impl From<viralsim::Error> for Fail {
    fn from(e: viralsim::Error) -> Fail {
        Fail::core(e, "", &[])
    }
}

impl From<serde_json::Error> for Fail {
    fn from(e: serde_json::Error) -> Fail {
        Fail(e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_map_to_flags_by_lookup() {
        let flag = |text: &str| flag_of(&FieldPath::parse(text));
        assert_eq!(flag("model.p"), Some("p"));
        assert_eq!(flag("p"), Some("p"));
        assert_eq!(flag("campaign.costs.per_seed"), Some("cost-per-seed"));
        assert_eq!(
            flag("campaign.costs.per_seed_degree"),
            Some("cost-per-degree")
        );
        assert_eq!(flag("network.n"), None);
        assert_eq!(flag("campaign.costs"), None);
        assert_eq!(
            intervention_index(&FieldPath::parse("campaign.interventions[3].nodes")),
            Some(3)
        );
        assert_eq!(intervention_index(&FieldPath::parse("campaign.ads")), None);
    }

    #[test]
    fn interventions_are_named_by_their_action_flag() {
        use viralsim::error::{Act, Code};
        let boost = Code::ActionNotForModel {
            action: Act::Boost,
            model: "lt".into(),
        };
        let e = viralsim::Error::new("campaign.interventions[1]", boost);
        let f = Fail::core(e, "", &["mute", "boost-at"]);
        assert!(
            f.to_string()
                .starts_with("--boost-at: boost is defined for ic, sir, sis and rumor"),
            "{f}"
        );
        let more = Code::GreaterThanParam {
            name: "m".into(),
            value: 3,
            got: 2,
        };
        let e = viralsim::Error::new("network.n", more);
        let f = Fail::core(e, "--generate", &[]);
        assert_eq!(
            f.to_string(),
            "--generate: network.n: must be greater than m = 3, got 2"
        );
    }
}
