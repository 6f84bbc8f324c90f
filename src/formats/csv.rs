//! The CSV of Gephi's tables, as far as telling the format needs it (always built: detection
//! names a Gephi file even in a build without the readers).

use std::borrow::Cow;

/// The separator of a header line: the first of `,`, `;`, tab that gives `Source` and `Target`.
pub(super) fn separator(header: &str) -> Option<char> {
    [',', ';', '\t'].into_iter().find(|&sep| {
        split(header, sep).is_some_and(|f| {
            let has = |w: &str| f.iter().any(|x| x.trim().eq_ignore_ascii_case(w));
            has("source") && has("target")
        })
    })
}

/// Whether the first line is a Gephi edge table's header (and not an edge list's plain
/// `source,target[,weight]`, which the edge-list reader takes as it always has).
pub(super) fn looks_like_gephi(body: &str) -> bool {
    let first = body.lines().next().unwrap_or("").trim();
    let Some(sep) = separator(first) else {
        return false;
    };
    let Some(fields) = split(first, sep) else {
        return false;
    };
    let lower: Vec<String> = fields
        .iter()
        .map(|f| f.trim().to_ascii_lowercase())
        .collect();
    let plain = lower.len() >= 2
        && lower[0] == "source"
        && lower[1] == "target"
        && (lower.len() == 2 || (lower.len() == 3 && lower[2] == "weight"));
    !plain
}

/// A CSV line's fields (quotes removed, `""` unescaped); `None` for an unclosed quote.
pub(super) fn split(line: &str, sep: char) -> Option<Vec<Cow<'_, str>>> {
    let mut out = Vec::new();
    let mut rest = line;
    loop {
        let t = rest.trim_start_matches([' ']);
        if let Some(q) = t.strip_prefix('"') {
            let mut value = String::new();
            let mut r = q;
            loop {
                let i = r.find('"')?;
                value.push_str(&r[..i]);
                r = &r[i + 1..];
                if let Some(after) = r.strip_prefix('"') {
                    value.push('"');
                    r = after;
                } else {
                    break;
                }
            }
            out.push(Cow::Owned(value));
            let r = r.trim_start_matches([' ']);
            match r.strip_prefix(sep) {
                Some(after) => rest = after,
                None if r.trim().is_empty() => return Some(out),
                None => return None,
            }
        } else {
            match t.find(sep) {
                Some(i) => {
                    out.push(Cow::Borrowed(t[..i].trim()));
                    rest = &t[i + sep.len_utf8()..];
                }
                None => {
                    out.push(Cow::Borrowed(t.trim()));
                    return Some(out);
                }
            }
        }
    }
}
