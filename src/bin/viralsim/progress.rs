//! Progress bars with an ETA on stderr (indicatif), hidden when stderr is not a terminal, so
//! that pipes, files and tests see nothing of them.

use indicatif::{MultiProgress, ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;

/// The bars of one command: one per scenario in `compare`, one otherwise.
pub struct Bars {
    multi: MultiProgress,
}

impl Bars {
    /// Bars on stderr if it is a terminal; drawn nowhere otherwise.
    pub fn new() -> Bars {
        let target = if std::io::stderr().is_terminal() {
            ProgressDrawTarget::stderr()
        } else {
            ProgressDrawTarget::hidden()
        };
        Bars {
            multi: MultiProgress::with_draw_target(target),
        }
    }

    /// A bar of `total` units (`runs`, `points`), labelled `label`.
    pub fn bar(&self, label: &str, total: u64, unit: &str) -> ProgressBar {
        let style = ProgressStyle::with_template(&format!(
            "{{prefix:>12}} [{{bar:30}}] {{pos}}/{{len}} {unit}, {{elapsed}} (ETA {{eta}})"
        ))
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .progress_chars("#>-");
        let bar = self.multi.add(ProgressBar::new(total));
        bar.set_style(style);
        bar.set_prefix(label.to_string());
        bar
    }
}

/// A progress callback for the core (`done` of `total`) that moves `bar`.
pub fn callback(bar: &ProgressBar) -> impl FnMut(u32, u32) + '_ {
    move |done, total| {
        bar.set_length(total as u64);
        bar.set_position(done as u64);
    }
}
