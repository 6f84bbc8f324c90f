//! What the CLI reads from disk: edge lists and segments files (gzip accepted, read within
//! `--max-bytes`), scenario files, and the network a command runs on, given by --graph,
//! --generate or a scenario, as a [`NetworkSpec`] with the texts it names. The world itself is
//! built by the core ([`viralsim::Scenario::build_with`]).

use crate::args::NetworkArgs;
use crate::Fail;
use std::io::Read;
use std::path::{Path, PathBuf};
use viralsim::{NetworkSpec, Scenario};

/// Reads a text file (gunzipped when its name ends in .gz), refusing more than `max_bytes`
/// of text as it reads: a small gzip bomb cannot fill the memory before a limit applies.
/// `flag` names the flag that gave the file.
pub fn read_text(path: &Path, max_bytes: usize, flag: &str) -> Result<String, Fail> {
    let shown = path.to_string_lossy();
    let file = std::fs::File::open(path)
        .map_err(|e| Fail::flag(flag, format!("cannot read '{shown}': {e}")))?;
    let mut bytes = Vec::new();
    let cap = max_bytes as u64 + 1;
    let gz = shown.ends_with(".gz");
    let read = if gz {
        flate2::read::GzDecoder::new(std::io::BufReader::new(file))
            .take(cap)
            .read_to_end(&mut bytes)
            .map_err(|e| Fail::flag(flag, format!("'{shown}' is not valid gzip: {e}")))?
    } else {
        file.take(cap)
            .read_to_end(&mut bytes)
            .map_err(|e| Fail::flag(flag, format!("cannot read '{shown}': {e}")))?
    };
    if read as u64 >= cap {
        return Err(Fail::flag(
            "max-bytes",
            format!(
                "'{shown}' has more than {max_bytes} bytes of text{}; raise --max-bytes to read it",
                if gz { " once decompressed" } else { "" }
            ),
        ));
    }
    String::from_utf8(bytes)
        .map_err(|e| Fail::flag(flag, format!("'{shown}' is not UTF-8 text: {e}")))
}

/// A scenario file, or a file the page or the CLI exported that holds one (`{"scenario": …}`:
/// the Monte Carlo JSON, the cascade tree JSON), so that an export replays as it ran.
pub fn scenario_file(path: &Path) -> Result<Scenario, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read: {e}"))?;
    let s = scenario_json(&text).map_err(|e| e.to_string())?;
    s.check_counts().map_err(|e| e.to_string())?;
    Ok(s)
}

fn scenario_json(text: &str) -> viralsim::Result<Scenario> {
    if let Ok(serde_json::Value::Object(o)) = serde_json::from_str::<serde_json::Value>(text) {
        if let Some(inner) = o.get("scenario") {
            return Scenario::from_json(&inner.to_string());
        }
    }
    Scenario::from_json(text)
}

/// The folder of a file, for the files it names (`.` for a bare name).
pub fn folder_of(path: &Path) -> PathBuf {
    path.parent()
        .filter(|d| !d.as_os_str().is_empty())
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

/// A network to build: its spec and the texts a `file:` spec names.
pub struct Source {
    /// As it goes into the scenario (and the output).
    pub spec: NetworkSpec,
    /// The edge list's text, for `file:` specs.
    pub text: Option<String>,
    /// The segments file's text, when the spec names one.
    pub segments: Option<String>,
    /// The Gephi node table's text, when the spec names one.
    pub nodes: Option<String>,
    /// How errors about the network name where it came from (`--graph FILE`, `--generate`).
    pub context: String,
}

impl Source {
    /// The texts the spec names, as the core takes them.
    pub fn texts(&self) -> viralsim::build::FileTexts<'_> {
        viralsim::build::FileTexts {
            file: self.text.as_deref(),
            segments: self.segments.as_deref(),
            nodes: self.nodes.as_deref(),
        }
    }

    /// Builds the network (with its segments) by the core's build path; an error is named by
    /// where the network came from.
    pub fn build(
        &self,
        seed: u64,
        limits: &viralsim::io::Limits,
    ) -> Result<viralsim::Network, Fail> {
        self.build_read(seed, limits).map(|(net, _)| net)
    }

    /// Builds the network as [`Source::build`] does, with what the reader of a file decided.
    pub fn build_read(
        &self,
        seed: u64,
        limits: &viralsim::io::Limits,
    ) -> Result<(viralsim::Network, Option<viralsim::formats::ReadNetwork>), Fail> {
        self.spec
            .build_read(seed, limits, &self.texts())
            .map_err(|e| Fail::core(e, &self.context, &[]))
    }
}

/// The network from --graph (with --segments) or --generate, or else from `scenario` (a
/// `file:` network is read next to the scenario file, in `dir`).
pub fn network(
    a: &NetworkArgs,
    scenario: Option<(&Scenario, &Path, &str)>,
) -> Result<Source, Fail> {
    let max_bytes = a.limits.limits().max_bytes;
    let base = |p: &Path| {
        p.file_name()
            .map_or(p.to_string_lossy(), |s| s.to_string_lossy())
            .into_owned()
    };
    if let Some(path) = &a.graph {
        let text = read_text(path, max_bytes, "graph")?;
        let (segments, seg_opt) = match &a.segments {
            Some(sp) => (
                Some(read_text(sp, max_bytes, "segments")?),
                format!(",segments={}", base(sp)),
            ),
            None => (None, String::new()),
        };
        let (nodes, nodes_opt) = match &a.nodes {
            Some(np) => (
                Some(read_text(np, max_bytes, "nodes")?),
                format!(",nodes={}", base(np)),
            ),
            None => (None, String::new()),
        };
        let mut extra = String::new();
        if let Some(f) = a.format_in {
            extra.push_str(&format!(",format={f}"));
        }
        match a.header {
            Some(viralsim::io::HeaderMode::Yes) => extra.push_str(",header=yes"),
            Some(viralsim::io::HeaderMode::No) => extra.push_str(",header=no"),
            _ => {}
        }
        if let Some(by) = &a.segment_by {
            if by.contains(',') {
                return Err(Fail::flag(
                    "segment-by",
                    format!("'{by}' has a comma: give one attribute, with bands as ATTR:B1/B2"),
                ));
            }
            extra.push_str(&format!(",segment_by={by}"));
        }
        let spec: NetworkSpec = format!(
            "file:{}{}{seg_opt}{extra}{nodes_opt}",
            base(path),
            if a.directed { ",directed" } else { "" }
        )
        .parse()
        .map_err(|e| Fail::flag("graph", e))?;
        return Ok(Source {
            spec,
            text: Some(text),
            segments,
            nodes,
            context: format!("--graph {}", path.to_string_lossy()),
        });
    }
    if let Some(spec) = &a.generate {
        return Ok(Source {
            spec: spec.clone(),
            text: None,
            segments: None,
            nodes: None,
            context: "--generate".into(),
        });
    }
    let Some((s, dir, from)) = scenario else {
        return Err(Fail::flag(
            "graph",
            "give --graph FILE or --generate SPEC (see viralsim --help)",
        ));
    };
    let Some(name) = s.network.file_name() else {
        return Ok(Source {
            spec: s.network.clone(),
            text: None,
            segments: None,
            nodes: None,
            context: from.to_string(),
        });
    };
    // the files a scenario names are read next to the scenario file
    let path = dir.join(name);
    let shown = path.to_string_lossy().into_owned();
    let text = read_text(&path, max_bytes, "graph").map_err(|_| {
        Fail::flag(
            "graph",
            format!(
                "the scenario's network is {}: '{shown}' cannot be read (give the file with --graph)",
                s.network
            ),
        )
    })?;
    let segments = match s.network.segments_file() {
        Some(seg) => Some(read_text(&dir.join(seg), max_bytes, "segments")?),
        None => None,
    };
    let nodes = match s.network.nodes_file() {
        Some(nf) => Some(read_text(&dir.join(nf), max_bytes, "nodes")?),
        None => None,
    };
    Ok(Source {
        spec: s.network.clone(),
        text: Some(text),
        segments,
        nodes,
        context: shown,
    })
}
