//! Prometheus metrics in the text exposition format: requests by route, method and
//! status; a latency histogram per route; answers by status and intent.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::Mutex;

/// Upper bounds of the latency buckets, in seconds.
const BUCKETS: [f64; 14] = [
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
];

#[derive(Default)]
struct Histogram {
    counts: [u64; BUCKETS.len()],
    count: u64,
    sum: f64,
}

#[derive(Default)]
struct Inner {
    requests: BTreeMap<(String, String, u16), u64>,
    latency: BTreeMap<String, Histogram>,
    answers: BTreeMap<(String, String), u64>,
    errors: BTreeMap<&'static str, u64>,
}

/// The server's counters.
#[derive(Default)]
pub struct Metrics {
    inner: Mutex<Inner>,
}

impl Metrics {
    /// One finished request. `route` is the matched route pattern (bounded label set).
    pub fn request(
        &self,
        route: &str,
        method: &str,
        status: u16,
        seconds: f64,
        error: Option<&'static str>,
    ) {
        let Ok(mut m) = self.inner.lock() else { return };
        *m.requests
            .entry((route.to_string(), method.to_string(), status))
            .or_default() += 1;
        let h = m.latency.entry(route.to_string()).or_default();
        h.count += 1;
        h.sum += seconds;
        for (i, b) in BUCKETS.iter().enumerate() {
            if seconds <= *b {
                h.counts[i] += 1;
            }
        }
        if let Some(code) = error {
            *m.errors.entry(code).or_default() += 1;
        }
    }

    /// One answer of the assistant.
    pub fn answer(&self, status: &str, intent: Option<&str>) {
        let Ok(mut m) = self.inner.lock() else { return };
        *m.answers
            .entry((status.to_string(), intent.unwrap_or("none").to_string()))
            .or_default() += 1;
    }

    /// The text exposition.
    pub fn render(&self) -> String {
        let Ok(m) = self.inner.lock() else {
            return String::new();
        };
        let mut out = String::new();
        out.push_str(
            "# HELP abacus_http_requests_total HTTP requests by route, method and status.\n",
        );
        out.push_str("# TYPE abacus_http_requests_total counter\n");
        for ((route, method, status), n) in &m.requests {
            let _ = writeln!(
                out,
                "abacus_http_requests_total{{route=\"{}\",method=\"{}\",status=\"{status}\"}} {n}",
                esc(route),
                esc(method)
            );
        }
        out.push_str(
            "# HELP abacus_http_request_duration_seconds Latency of HTTP requests by route.\n",
        );
        out.push_str("# TYPE abacus_http_request_duration_seconds histogram\n");
        for (route, h) in &m.latency {
            let r = esc(route);
            for (b, c) in BUCKETS.iter().zip(h.counts) {
                let _ = writeln!(
                    out,
                    "abacus_http_request_duration_seconds_bucket{{route=\"{r}\",le=\"{b}\"}} {c}"
                );
            }
            let _ = writeln!(
                out,
                "abacus_http_request_duration_seconds_bucket{{route=\"{r}\",le=\"+Inf\"}} {}",
                h.count
            );
            let _ = writeln!(
                out,
                "abacus_http_request_duration_seconds_sum{{route=\"{r}\"}} {}",
                h.sum
            );
            let _ = writeln!(
                out,
                "abacus_http_request_duration_seconds_count{{route=\"{r}\"}} {}",
                h.count
            );
        }
        out.push_str(
            "# HELP abacus_answers_total Answers of the assistant by status and intent.\n",
        );
        out.push_str("# TYPE abacus_answers_total counter\n");
        for ((status, intent), n) in &m.answers {
            let _ = writeln!(
                out,
                "abacus_answers_total{{status=\"{}\",intent=\"{}\"}} {n}",
                esc(status),
                esc(intent)
            );
        }
        out.push_str("# HELP abacus_api_errors_total Error responses by stable code.\n");
        out.push_str("# TYPE abacus_api_errors_total counter\n");
        for (code, n) in &m.errors {
            let _ = writeln!(out, "abacus_api_errors_total{{code=\"{code}\"}} {n}");
        }
        out
    }
}

fn esc(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}
