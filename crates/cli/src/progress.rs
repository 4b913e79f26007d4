//! Progress bars, shown only when stderr is a terminal.

use std::io::IsTerminal;

use abacus_store::Progress;
use indicatif::{ProgressBar, ProgressStyle};

/// A byte-based progress bar for imports; silent off a terminal.
pub(crate) struct ImportBar(Option<ProgressBar>);

impl ImportBar {
    pub(crate) fn new() -> Self {
        ImportBar(None)
    }

    pub(crate) fn update(&mut self, p: Progress) {
        if self.0.is_none() && std::io::stderr().is_terminal() && p.total > (4 << 20) {
            let bar = ProgressBar::new(p.total);
            bar.set_style(
                ProgressStyle::with_template("importing {bar:40} {bytes}/{total_bytes} {elapsed}")
                    .expect("valid template"),
            );
            self.0 = Some(bar);
        }
        if let Some(bar) = &self.0 {
            bar.set_position(p.done);
        }
    }

    pub(crate) fn finish(&mut self) {
        if let Some(bar) = self.0.take() {
            bar.finish_and_clear();
        }
    }
}

/// A count-based progress bar for batch work; hidden off a terminal.
pub(crate) fn count_bar(len: u64, what: &str) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(len);
    bar.set_style(
        ProgressStyle::with_template(&format!(
            "{what} {{bar:40}} {{pos}}/{{len}} {{elapsed}} eta {{eta}}"
        ))
        .expect("valid template"),
    );
    bar
}
