//! End-to-end: the real `abacus serve` on a loopback port, with API keys.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::Duration;

use crate::{abacus, stderr, stdout};

/// The demo dataset, written once per test binary.
pub(crate) fn demo_dir() -> &'static Path {
    static D: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    &D.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("demo");
        let o = abacus(dir.path(), &["demo-data", "--out", out.to_str().unwrap()]);
        assert!(o.status.success(), "{}", stderr(&o));
        (dir, out)
    })
    .1
}

/// A running `abacus serve`; killed when dropped.
pub(crate) struct Server {
    child: Child,
    pub(crate) url: String,
}

impl Server {
    /// Starts `abacus --store STORE serve --addr 127.0.0.1:0 ARGS` and waits for its URL.
    pub(crate) fn start(store: &Path, args: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_abacus"))
            .arg("--store")
            .arg(store)
            .args(["serve", "--addr", "127.0.0.1:0"])
            .args(args)
            .env_remove("ABACUS_HOME")
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("abacus serve starts");
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let first = lines.next().expect("a first line").unwrap();
        let url = first
            .split_whitespace()
            .find(|w| w.starts_with("http://"))
            .unwrap_or_else(|| panic!("no URL in {first:?}"))
            .trim_end_matches('/')
            .to_string();
        // Keep draining stdout so the server never blocks on a full pipe.
        std::thread::spawn(move || for _ in lines {});
        Server { child, url }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A minimal HTTP/1.1 client: (status, body).
pub(crate) fn http(
    url: &str,
    method: &str,
    path: &str,
    key: Option<&str>,
    body: &str,
) -> (u16, String) {
    let host = url.trim_start_matches("http://");
    let mut s = TcpStream::connect(host).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(120))).unwrap();
    let auth = key.map_or(String::new(), |k| format!("Authorization: Bearer {k}\r\n"));
    write!(
        s,
        "{method} {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\nContent-Type: application/json\r\n{auth}Content-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut raw = String::new();
    s.read_to_string(&mut raw).unwrap();
    let (head, rest) = raw.split_once("\r\n\r\n").unwrap_or((&raw, ""));
    let status = head.split_whitespace().nth(1).unwrap().parse().unwrap();
    let body = if head
        .to_ascii_lowercase()
        .contains("transfer-encoding: chunked")
    {
        dechunk(rest)
    } else {
        rest.to_string()
    };
    (status, body)
}

fn dechunk(mut s: &str) -> String {
    let mut out = String::new();
    while let Some((size, rest)) = s.split_once("\r\n") {
        let n = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if n == 0 {
            break;
        }
        out.push_str(&rest[..n]);
        s = &rest[n + 2..];
    }
    out
}

#[test]
fn serve_answers_over_http_with_keys() {
    let _heavy = crate::heavy_lock();
    let store = tempfile::tempdir().unwrap();
    let o = abacus(store.path(), &["keys", "create", "--name", "e2e", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let created: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let key = created["key"].as_str().unwrap().to_string();
    assert!(key.starts_with("abk_"));
    let listed = stdout(&abacus(store.path(), &["keys", "list"]));
    assert!(listed.contains("e2e") && !listed.contains(&key), "{listed}");

    let server = Server::start(store.path(), &["--data", demo_dir().to_str().unwrap()]);
    let (status, body) = http(&server.url, "GET", "/healthz", None, "");
    assert_eq!(status, 200, "{body}");
    let q = r#"{"question": "How many units did the Shanghai warehouse sell last month?", "conversation_id": "e2e-1"}"#;
    let (status, body) = http(&server.url, "POST", "/v1/ask", None, q);
    assert_eq!(status, 401, "{body}");
    assert!(body.contains("missing_api_key"));
    let (status, body) = http(&server.url, "POST", "/v1/ask", Some(&key), q);
    assert_eq!(status, 200, "{body}");
    let a: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(a["status"], "answered");
    assert_eq!(a["conversation_id"], "e2e-1");
    let (_, body) = http(
        &server.url,
        "POST",
        "/v1/ask",
        Some(&key),
        r#"{"question": "and Beijing?", "conversation_id": "e2e-1"}"#,
    );
    let b: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(
        b["plan"]["scope"]["locations"],
        serde_json::json!(["WH-BJ"]),
        "{body}"
    );
    // The same answer as `abacus ask --json` on the same data.
    let cli = abacus(
        store.path(),
        &[
            "ask",
            "--data",
            demo_dir().to_str().unwrap(),
            "--json",
            "How many units did the Shanghai warehouse sell last month?",
        ],
    );
    let c: serde_json::Value = serde_json::from_str(&stdout(&cli)).unwrap();
    assert_eq!(c["value"], a["value"]);
    assert_eq!(c["table"], a["table"]);
    let (status, metrics) = http(&server.url, "GET", "/metrics", None, "");
    assert_eq!(status, 200);
    assert!(
        metrics.contains("abacus_answers_total{status=\"answered\",intent=\"sales_history\"} 2"),
        "{metrics}"
    );
    // Revoked keys stop working (the server re-reads keys after at most 5 s).
    let id = created["id"].as_str().unwrap();
    assert!(abacus(store.path(), &["keys", "revoke", id])
        .status
        .success());
    std::thread::sleep(Duration::from_millis(5200));
    let (status, _) = http(&server.url, "POST", "/v1/ask", Some(&key), q);
    assert_eq!(status, 401);
}

#[test]
fn no_auth_is_refused_off_loopback() {
    let store = tempfile::tempdir().unwrap();
    let o = abacus(store.path(), &["serve", "--no-auth", "--addr", "0.0.0.0:0"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("loopback"), "{}", stderr(&o));
}
