//! One test per route and per error code.

use std::time::Duration;

use serde_json::json;

use crate::{config, fixture, get, post, send, state, state_with};

#[tokio::test]
async fn healthz_metrics_and_the_page() {
    let s = state();
    let r = send(&s, get("/healthz", None)).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.json["status"], "ok");
    assert_eq!(r.json["auth"], true);
    let r = send(&s, get("/", None)).await;
    assert_eq!(r.status, 200);
    assert!(r.text.contains("Abacus") && r.text.contains("/assets/app.js"));
    for asset in ["/assets/app.js", "/assets/app.css"] {
        let r = send(&s, get(asset, None)).await;
        assert_eq!(r.status, 200, "{asset}");
        assert!(!r.text.is_empty());
    }
    let r = send(&s, get("/metrics", None)).await;
    assert_eq!(r.status, 200);
    assert!(r.headers["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/plain"));
    assert!(
        r.text.contains(
            "abacus_http_requests_total{route=\"/healthz\",method=\"GET\",status=\"200\"} 1"
        ),
        "{}",
        r.text
    );
    assert!(r
        .text
        .contains("abacus_http_request_duration_seconds_bucket{route=\"/healthz\",le=\"+Inf\"} 1"));
}

#[tokio::test]
async fn ask_answers_with_the_contract_and_counts_it() {
    let s = state();
    let f = fixture();
    let r = send(
        &s,
        post(
            "/v1/ask",
            Some(&f.admin),
            r#"{"question": "Top 3 categories by revenue last month"}"#,
        ),
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.text);
    for field in [
        "status",
        "intent",
        "plan",
        "answer",
        "value",
        "table",
        "conversation_id",
    ] {
        assert!(r.json.get(field).is_some(), "missing {field}: {}", r.text);
    }
    assert_eq!(r.json["status"], "answered");
    assert_eq!(r.json["intent"], "sales_history");
    assert_eq!(r.json["table"]["rows"].as_array().unwrap().len(), 3);
    assert!(r.json.get("explain").is_none());
    let m = send(&s, get("/metrics", None)).await;
    assert!(
        m.text
            .contains("abacus_answers_total{status=\"answered\",intent=\"sales_history\"} 1"),
        "{}",
        m.text
    );
    // The audit log is written in the background; flushing waits for it.
    s.flush();
    let store = abacus_store::Store::open(&f.home).unwrap();
    assert!(store.audit_len().unwrap() >= 1);
}

#[tokio::test]
async fn conversations_follow_up_and_belong_to_their_key() {
    let s = state();
    let f = fixture();
    let id = format!("t-{}", std::process::id());
    let body = |q: &str| json!({"question": q, "conversation_id": id}).to_string();
    let r = send(
        &s,
        post(
            "/v1/ask",
            Some(&f.admin),
            &body("How many units did the Shanghai warehouse sell last month?"),
        ),
    )
    .await;
    assert_eq!(r.json["status"], "answered", "{}", r.text);
    assert_eq!(r.json["conversation_id"], id.as_str());
    let first = r.json["value"].as_f64().unwrap();
    let r = send(&s, post("/v1/ask", Some(&f.admin), &body("and Beijing?"))).await;
    assert_eq!(r.json["status"], "answered", "{}", r.text);
    assert_eq!(r.json["plan"]["scope"]["locations"], json!(["WH-BJ"]));
    assert_ne!(r.json["value"].as_f64().unwrap(), first);
    // Another key may not continue it: "unknown conversation" on this server means one
    // that belongs to another key (an id never seen starts a new conversation).
    let r = send(
        &s,
        post("/v1/ask", Some(&f.other_admin), &body("and Chengdu?")),
    )
    .await;
    assert_eq!(r.status, 403);
    assert_eq!(r.code(), "conversation_forbidden");
    // Also after a restart (read back from the catalog, not the in-memory cache).
    s.flush();
    let fresh = state();
    let r = send(
        &fresh,
        post("/v1/ask", Some(&f.other_admin), &body("and Chengdu?")),
    )
    .await;
    assert_eq!(r.code(), "conversation_forbidden");
    let r = send(
        &fresh,
        post("/v1/ask", Some(&f.admin), &body("and Chengdu?")),
    )
    .await;
    assert_eq!(r.json["status"], "answered", "{}", r.text);
    // A malformed id is refused.
    let r = send(
        &s,
        post(
            "/v1/ask",
            Some(&f.admin),
            r#"{"question": "hi", "conversation_id": "no spaces please"}"#,
        ),
    )
    .await;
    assert_eq!((r.status.as_u16(), r.code()), (400, "invalid_request"));
}

#[tokio::test]
async fn keys_are_required_and_checked() {
    let s = state();
    let f = fixture();
    let q = r#"{"question": "What is the square root of 144?"}"#;
    let r = send(&s, post("/v1/ask", None, q)).await;
    assert_eq!((r.status.as_u16(), r.code()), (401, "missing_api_key"));
    assert_eq!(r.json["error"]["status"], 401);
    let r = send(&s, post("/v1/ask", Some("abk_nope_0000"), q)).await;
    assert_eq!((r.status.as_u16(), r.code()), (401, "invalid_api_key"));
    let r = send(&s, post("/v1/ask", Some(&f.revoked), q)).await;
    assert_eq!((r.status.as_u16(), r.code()), (401, "invalid_api_key"));
    let mut bad_scheme = post("/v1/ask", None, q);
    bad_scheme.headers_mut().insert(
        "authorization",
        format!("Basic {}", f.admin).parse().unwrap(),
    );
    assert_eq!(send(&s, bad_scheme).await.code(), "missing_api_key");
    let r = send(&s, get("/v1/datasets", Some(&f.admin))).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.json[0]["id"], f.dataset_id.as_str());
    // Every /v1 route wants a key.
    for (m, path) in [
        ("GET", "/v1/datasets"),
        ("GET", "/v1/models"),
        ("POST", "/v1/plan"),
        ("POST", "/v1/network"),
        ("POST", "/v1/funds/screen"),
        ("POST", "/v1/forecast"),
        ("POST", "/v1/import"),
        ("POST", "/v1/chat/completions"),
    ] {
        let req = if m == "GET" {
            get(path, None)
        } else {
            post(path, None, "{}")
        };
        assert_eq!(send(&s, req).await.code(), "missing_api_key", "{path}");
    }
}

#[tokio::test]
async fn no_auth_serves_without_keys_on_loopback_only() {
    let mut c = config();
    c.no_auth = true;
    let s = state_with(c);
    let r = send(
        &s,
        post("/v1/ask", None, r#"{"question": "What is 2 + 3?"}"#),
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(r.json["value"], 5.0);
    assert!(abacus_server::check_bind(&"127.0.0.1:8080".parse().unwrap(), true).is_ok());
    assert!(abacus_server::check_bind(&"[::1]:8080".parse().unwrap(), true).is_ok());
    let e = abacus_server::check_bind(&"0.0.0.0:8080".parse().unwrap(), true).unwrap_err();
    assert!(e.contains("loopback"), "{e}");
    assert!(abacus_server::check_bind(&"0.0.0.0:8080".parse().unwrap(), false).is_ok());
}

#[tokio::test]
async fn datasets_are_scoped_per_key() {
    let s = state();
    let f = fixture();
    let q = r#"{"question": "What is 2 + 3?"}"#;
    let r = send(&s, post("/v1/ask", Some(&f.scoped_elsewhere), q)).await;
    assert_eq!((r.status.as_u16(), r.code()), (403, "dataset_forbidden"));
    let named = json!({"question": "What is 2 + 3?", "dataset": f.dataset_id}).to_string();
    let r = send(&s, post("/v1/ask", Some(&f.scoped_elsewhere), &named)).await;
    assert_eq!((r.status.as_u16(), r.code()), (403, "dataset_forbidden"));
    let r = send(&s, get("/v1/datasets", Some(&f.scoped_elsewhere))).await;
    assert_eq!(r.json, json!([]));
    let r = send(
        &s,
        post(
            "/v1/ask",
            Some(&f.admin),
            r#"{"question": "What is 2 + 3?", "dataset": "no-such-dataset"}"#,
        ),
    )
    .await;
    assert_eq!((r.status.as_u16(), r.code()), (404, "dataset_not_found"));
    let r = send(&s, post("/v1/ask", Some(&f.admin), &named)).await;
    assert_eq!(r.status, 200);
    // A server with no default dataset and one dataset uses it.
    let s2 = abacus_server::AppState::new(config(), None).unwrap();
    let r = send(&s2, post("/v1/ask", Some(&f.admin), q)).await;
    assert_eq!(r.status, 200);
}

#[tokio::test]
async fn malformed_bodies_get_stable_codes() {
    let s = state();
    let k = fixture().admin.clone();
    let r = send(&s, post("/v1/ask", Some(&k), "{\"question\": ")).await;
    assert_eq!((r.status.as_u16(), r.code()), (400, "invalid_json"));
    let r = send(
        &s,
        post("/v1/ask", Some(&k), r#"{"q": "typo in the field"}"#),
    )
    .await;
    assert_eq!((r.status.as_u16(), r.code()), (400, "invalid_json"));
    let r = send(&s, post("/v1/ask", Some(&k), r#"["a list"]"#)).await;
    assert_eq!(r.code(), "invalid_json");
    let r = send(&s, post("/v1/ask", Some(&k), "\u{0}\u{1}binary")).await;
    assert_eq!(r.code(), "invalid_json", "{} {}", r.status, r.text);
    let mut no_type = post("/v1/ask", Some(&k), r#"{"question": "hi"}"#);
    no_type.headers_mut().remove("content-type");
    let r = send(&s, no_type).await;
    assert_eq!(
        (r.status.as_u16(), r.code()),
        (415, "unsupported_media_type")
    );
    // An empty or over-long question is an answer with status error (spec/ask.md), not an HTTP error.
    let r = send(&s, post("/v1/ask", Some(&k), r#"{"question": ""}"#)).await;
    assert_eq!(
        (r.status.as_u16(), r.json["status"].as_str()),
        (200, Some("error"))
    );
    let long = json!({"question": "x".repeat(4001)}).to_string();
    let r = send(&s, post("/v1/ask", Some(&k), &long)).await;
    assert_eq!(r.json["status"], "error");
}

#[tokio::test]
async fn oversized_bodies_are_refused() {
    let mut c = config();
    c.body_limit = 1024;
    let s = state_with(c);
    let body = json!({"question": "y".repeat(5000)}).to_string();
    let r = send(&s, post("/v1/ask", Some(&fixture().admin), &body)).await;
    assert_eq!((r.status.as_u16(), r.code()), (413, "payload_too_large"));
    let r = send(
        &s,
        post("/v1/chat/completions", Some(&fixture().admin), &body),
    )
    .await;
    assert_eq!(r.code(), "payload_too_large");
}

#[tokio::test]
async fn rate_limit_per_key() {
    let mut c = config();
    c.rate_per_sec = 0.5;
    c.burst = 2.0;
    let s = state_with(c);
    let f = fixture();
    let q = r#"{"question": "What is 1 + 1?"}"#;
    assert_eq!(
        send(&s, post("/v1/ask", Some(&f.admin), q)).await.status,
        200
    );
    assert_eq!(
        send(&s, post("/v1/ask", Some(&f.admin), q)).await.status,
        200
    );
    let r = send(&s, post("/v1/ask", Some(&f.admin), q)).await;
    assert_eq!((r.status.as_u16(), r.code()), (429, "rate_limited"));
    assert!(r.headers.get("retry-after").is_some());
    // Another key has its own bucket.
    assert_eq!(
        send(&s, post("/v1/ask", Some(&f.other_admin), q))
            .await
            .status,
        200
    );
}

#[tokio::test]
async fn timeouts_answer_504() {
    let mut c = config();
    c.ask_timeout = Duration::ZERO;
    let s = state_with(c);
    let r = send(
        &s,
        post(
            "/v1/ask",
            Some(&fixture().admin),
            r#"{"question": "Top 5 SKUs by revenue this year"}"#,
        ),
    )
    .await;
    assert_eq!((r.status.as_u16(), r.code()), (504, "timeout"));
}

#[tokio::test]
async fn unknown_routes_and_methods() {
    let s = state();
    let k = fixture().admin.clone();
    let r = send(&s, get("/nope", None)).await;
    assert_eq!((r.status.as_u16(), r.code()), (404, "not_found"));
    let r = send(&s, get("/v1/nope", Some(&k))).await;
    assert_eq!((r.status.as_u16(), r.code()), (404, "not_found"));
    let r = send(&s, get("/v1/ask", Some(&k))).await;
    assert_eq!((r.status.as_u16(), r.code()), (405, "method_not_allowed"));
    let r = send(&s, post("/healthz", None, "{}")).await;
    assert_eq!((r.status.as_u16(), r.code()), (405, "method_not_allowed"));
}

#[tokio::test]
async fn chat_completions_plain_streaming_and_replayed() {
    let s = state();
    let k = fixture().admin.clone();
    let r = send(&s, post("/v1/chat/completions", Some(&k), r#"{"model": "abacus", "messages": [{"role": "system", "content": "be brief"}, {"role": "user", "content": "What is the square root of 144?"}]}"#)).await;
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(r.json["object"], "chat.completion");
    assert_eq!(r.json["choices"][0]["message"]["role"], "assistant");
    assert!(r.json["choices"][0]["message"]["content"]
        .as_str()
        .unwrap()
        .contains("12"));
    assert_eq!(r.json["abacus"]["value"], 12.0);
    // Streaming: server-sent events ending in [DONE]; the pieces join into the answer.
    let r = send(&s, post("/v1/chat/completions", Some(&k), r#"{"messages": [{"role": "user", "content": [{"type": "text", "text": "What is the square root of 144?"}]}], "stream": true}"#)).await;
    assert_eq!(r.status, 200);
    assert!(r.headers["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/event-stream"));
    let mut text = String::new();
    let mut done = false;
    for line in r.text.lines().filter_map(|l| l.strip_prefix("data: ")) {
        if line == "[DONE]" {
            done = true;
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(v["object"], "chat.completion.chunk");
        if let Some(c) = v["choices"][0]["delta"]["content"].as_str() {
            text.push_str(c);
        }
    }
    assert!(done);
    assert!(text.contains("12"), "{text}");
    // Without a conversation id the earlier user messages rebuild the dialogue.
    let body = json!({"messages": [
        {"role": "user", "content": "How many units did the Shanghai warehouse sell last month?"},
        {"role": "assistant", "content": "…"},
        {"role": "user", "content": "and Beijing?"}]})
    .to_string();
    let r = send(&s, post("/v1/chat/completions", Some(&k), &body)).await;
    assert_eq!(r.json["abacus"]["status"], "answered", "{}", r.text);
    assert_eq!(
        r.json["abacus"]["plan"]["scope"]["locations"],
        json!(["WH-BJ"])
    );
    // With one, from the header, the server keeps it.
    let mut req = post(
        "/v1/chat/completions",
        Some(&k),
        r#"{"messages": [{"role": "user", "content": "How many units did the Shanghai warehouse sell last month?"}]}"#,
    );
    req.headers_mut()
        .insert("x-conversation-id", "chat-hdr-1".parse().unwrap());
    assert_eq!(
        send(&s, req).await.json["abacus"]["conversation_id"],
        "chat-hdr-1"
    );
    let r = send(
        &s,
        post(
            "/v1/chat/completions",
            Some(&k),
            r#"{"messages": [{"role": "user", "content": "and Beijing?"}], "user": "chat-hdr-1"}"#,
        ),
    )
    .await;
    assert_eq!(
        r.json["abacus"]["plan"]["scope"]["locations"],
        json!(["WH-BJ"]),
        "{}",
        r.text
    );
    // A `user` that is no valid id (an email) still keeps a conversation, under its hash.
    let first = r#"{"messages": [{"role": "user", "content": "How many units did the Shanghai warehouse sell last month?"}], "user": "ana@example.com"}"#;
    let r = send(&s, post("/v1/chat/completions", Some(&k), first)).await;
    assert!(
        r.json["abacus"]["conversation_id"]
            .as_str()
            .unwrap()
            .starts_with("user-"),
        "{}",
        r.text
    );
    let r = send(&s, post("/v1/chat/completions", Some(&k), r#"{"messages": [{"role": "user", "content": "and Beijing?"}], "user": "ana@example.com"}"#)).await;
    assert_eq!(
        r.json["abacus"]["plan"]["scope"]["locations"],
        json!(["WH-BJ"]),
        "{}",
        r.text
    );
    let r = send(
        &s,
        post(
            "/v1/chat/completions",
            Some(&k),
            r#"{"messages": [{"role": "system", "content": "hi"}]}"#,
        ),
    )
    .await;
    assert_eq!((r.status.as_u16(), r.code()), (400, "invalid_request"));
    let r = send(&s, get("/v1/models", Some(&k))).await;
    assert_eq!(r.json["data"][0]["id"], "abacus");
}

#[tokio::test]
async fn plan_alerts_and_what_if() {
    let s = state();
    let k = fixture().admin.clone();
    let r = send(&s, post("/v1/plan", Some(&k), r#"{"alerts_only": true}"#)).await;
    assert_eq!(r.status, 200, "{}", r.text);
    assert!(r.json["totals"]["orders"].as_u64().unwrap() > 0);
    let lines = r.json["lines"].as_array().unwrap();
    assert!(
        !lines.is_empty() && lines.len() < r.json["totals"]["lines"].as_u64().unwrap() as usize
    );
    assert!(lines.iter().all(|l| !l["order"].is_null()
        || !l["excess"].is_null()
        || l["stockout_probability"].as_f64().unwrap() >= 0.2));
    let r = send(
        &s,
        post(
            "/v1/plan",
            Some(&k),
            r#"{"model": "weekday-mean", "scale_demand": ["1.5@category:Baby Care"]}"#,
        ),
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.text);
    assert!(r.json["what_if"]["changed_lines"].as_u64().unwrap() > 0);
    let r = send(
        &s,
        post("/v1/plan", Some(&k), r#"{"scale_demand": ["lots@sku:X"]}"#),
    )
    .await;
    assert_eq!((r.status.as_u16(), r.code()), (400, "invalid_request"));
    let r = send(
        &s,
        post("/v1/plan", Some(&k), r#"{"model": "crystal-ball"}"#),
    )
    .await;
    assert_eq!((r.status.as_u16(), r.code()), (422, "unprocessable"));
    let r = send(&s, post("/v1/plan", Some(&k), r#"{"horizon_days": 0}"#)).await;
    assert_eq!(r.code(), "unprocessable");
    // The empirical policy with capped orders: every order within the cap's packs.
    let r = send(
        &s,
        post(
            "/v1/plan",
            Some(&k),
            r#"{"model": "weekday-mean", "safety": "empirical", "max_order_days": 2}"#,
        ),
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.text);
    for l in r.json["lines"].as_array().unwrap() {
        let lot = l["lot"].as_f64().unwrap();
        assert!(lot <= 2.0 * l["mu"].as_f64().unwrap() + 1e-9 && lot <= l["eoq"].as_f64().unwrap());
    }
    let r = send(&s, post("/v1/plan", Some(&k), r#"{"max_order_days": 0}"#)).await;
    assert_eq!(r.code(), "unprocessable");
}

#[tokio::test]
async fn network_baseline_and_what_if() {
    let s = state();
    let k = fixture().admin.clone();
    let r = send(&s, post("/v1/network", Some(&k), "{}")).await;
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(r.json["mode"], "baseline");
    assert_eq!(r.json["result"]["status"], "optimal");
    let r = send(
        &s,
        post(
            "/v1/network",
            Some(&k),
            r#"{"edits": ["close \"Wuhan Roastery\""]}"#,
        ),
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(r.json["mode"], "what_if");
    assert!(r.json["baseline_cost"].as_f64().is_some());
    let r = send(
        &s,
        post(
            "/v1/network",
            Some(&k),
            r#"{"edits": ["teleport everything"]}"#,
        ),
    )
    .await;
    assert_eq!((r.status.as_u16(), r.code()), (422, "unprocessable"));
}

#[tokio::test]
async fn fund_screen_and_forecast() {
    let s = state();
    let k = fixture().admin.clone();
    let r = send(
        &s,
        post(
            "/v1/funds/screen",
            Some(&k),
            r#"{"filters": "category=bond sort=-sharpe_3y limit=5"}"#,
        ),
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(r.json["rows"].as_array().unwrap().len(), 5);
    assert!(r.json["count"].as_u64().unwrap() >= 5);
    assert_eq!(r.json["columns"][0], "fund_code");
    let r = send(
        &s,
        post(
            "/v1/funds/screen",
            Some(&k),
            r#"{"filters": "sharpness>>1"}"#,
        ),
    )
    .await;
    assert_eq!((r.status.as_u16(), r.code()), (422, "unprocessable"));
    let r = send(
        &s,
        post(
            "/v1/forecast",
            Some(&k),
            r#"{"sku": "SKU-20002", "location": "WH-BJ", "horizon_days": 14, "history_days": 30}"#,
        ),
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(r.json["history"].as_array().unwrap().len(), 30);
    let fc = r.json["forecast"].as_array().unwrap();
    assert_eq!(fc.len(), 14);
    assert!(fc[0]["lo95"].as_f64().unwrap() <= fc[0]["mean"].as_f64().unwrap());
    assert!(fc[0]["mean"].as_f64().unwrap() <= fc[0]["hi95"].as_f64().unwrap());
    let r = send(
        &s,
        post(
            "/v1/forecast",
            Some(&k),
            r#"{"sku": "SKU-20002", "location": "WH-BJ", "horizon_days": 0}"#,
        ),
    )
    .await;
    assert_eq!((r.status.as_u16(), r.code()), (400, "invalid_request"));
    let r = send(
        &s,
        post(
            "/v1/forecast",
            Some(&k),
            r#"{"sku": "SKU-NOPE", "location": "WH-BJ"}"#,
        ),
    )
    .await;
    assert_eq!((r.status.as_u16(), r.code()), (422, "unprocessable"));
}

#[tokio::test]
async fn import_needs_an_admin_key() {
    let s = state();
    let f = fixture();
    let body = json!({"path": f.data}).to_string();
    let r = send(&s, post("/v1/import", Some(&f.scoped_elsewhere), &body)).await;
    assert_eq!((r.status.as_u16(), r.code()), (403, "admin_required"));
    let r = send(
        &s,
        post(
            "/v1/import",
            Some(&f.admin),
            r#"{"path": "/no/such/folder"}"#,
        ),
    )
    .await;
    assert_eq!((r.status.as_u16(), r.code()), (422, "unprocessable"));
    let r = send(&s, post("/v1/import", Some(&f.admin), &body)).await;
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(r.json["id"], f.dataset_id.as_str());
    assert!(r.json["summary"]["retail"].is_object());
}

/// A multipart body of (part name, bytes) pairs.
fn multipart(parts: &[(&str, Vec<u8>)]) -> (String, Vec<u8>) {
    let boundary = "abacus-test-boundary-7d3f";
    let mut body = Vec::new();
    for (name, data) in parts {
        body.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{name}\"\r\nContent-Type: text/csv\r\n\r\n").as_bytes(),
        );
        body.extend_from_slice(data);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

fn upload(key: &str, parts: &[(&str, Vec<u8>)]) -> axum::http::Request<axum::body::Body> {
    let (content_type, body) = multipart(parts);
    axum::http::Request::post("/v1/import")
        .header("content-type", content_type)
        .header("authorization", format!("Bearer {key}"))
        .body(axum::body::Body::from(body))
        .unwrap()
}

#[tokio::test]
async fn import_by_upload() {
    // A store of its own, so that the new dataset does not change the other tests' store.
    let f = fixture();
    let home = tempfile::tempdir().unwrap();
    let store = abacus_store::Store::open(home.path()).unwrap();
    let (_, admin) = abacus_server::auth::create_key(&store, "admin", &["*".into()]).unwrap();
    let (_, scoped) = abacus_server::auth::create_key(&store, "scoped", &["x".into()]).unwrap();
    drop(store);
    let mut c = config();
    c.home = home.path().to_path_buf();
    let s = abacus_server::AppState::new(c, None).unwrap();
    let net = f.data.join("network");
    let mut parts: Vec<(String, Vec<u8>)> = vec![("name".into(), b"uploaded-net".to_vec())];
    for file in [
        "nodes",
        "lanes",
        "demand",
        "supply",
        "processing",
        "settings",
    ] {
        let p = net.join(format!("{file}.csv"));
        if p.exists() {
            parts.push((format!("network/{file}.csv"), std::fs::read(p).unwrap()));
        }
    }
    let parts: Vec<(&str, Vec<u8>)> = parts.iter().map(|(n, d)| (n.as_str(), d.clone())).collect();
    let r = send(&s, upload(&admin, &parts)).await;
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(r.json["name"], "uploaded-net");
    assert!(r.json["summary"]["network"].is_object());
    assert!(r.json["summary"]["retail"].is_null());
    // The uploaded dataset is served at once, by name.
    let r = send(
        &s,
        post(
            "/v1/network",
            Some(&admin),
            r#"{"dataset": "uploaded-net"}"#,
        ),
    )
    .await;
    assert_eq!(r.json["result"]["status"], "optimal", "{}", r.text);
    // Parts that are not contract files, a bad name, a file breaking the contract.
    let r = send(
        &s,
        upload(
            &admin,
            &[("name", b"x".to_vec()), ("../etc/passwd", b"root".to_vec())],
        ),
    )
    .await;
    assert_eq!((r.status.as_u16(), r.code()), (400, "invalid_request"));
    let r = send(
        &s,
        upload(
            &admin,
            &[
                ("name", b"../up".to_vec()),
                ("network/nodes.csv", b"a".to_vec()),
            ],
        ),
    )
    .await;
    assert_eq!((r.status.as_u16(), r.code()), (400, "invalid_request"));
    let r = send(
        &s,
        upload(
            &admin,
            &[
                ("name", b"broken".to_vec()),
                ("network/nodes.csv", b"node_id,kind\nA,planet\n".to_vec()),
            ],
        ),
    )
    .await;
    assert_eq!(
        (r.status.as_u16(), r.code()),
        (422, "unprocessable"),
        "{}",
        r.text
    );
    let r = send(&s, upload(&scoped, &parts)).await;
    assert_eq!(r.code(), "admin_required");
}

#[test]
fn every_code_has_one_status_and_the_same_shape() {
    use axum::response::IntoResponse;
    let mut seen = std::collections::HashSet::new();
    for (code, status, meaning) in abacus_server::CODES {
        assert!(seen.insert(*code), "duplicate code {code}");
        assert!(!meaning.is_empty());
        let e = abacus_server::ApiError::new(code, "m");
        assert_eq!(e.status().as_u16(), *status, "{code}");
        assert_eq!(e.clone().into_response().status().as_u16(), *status);
    }
    // Internal errors never show their detail.
    let e = abacus_server::ApiError::internal("secret path /etc/shadow");
    assert_eq!(e.code, "internal");
    assert!(!e.message.contains("shadow"));
}
