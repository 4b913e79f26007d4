//! Router tests: every route and every error code, through `router(state).oneshot(...)`
//! over the demo dataset (generated once per test binary).

mod routes;

use std::path::PathBuf;
use std::sync::OnceLock;
use std::time::Duration;

use abacus_server::{router, AppState, Config};
use abacus_store::Store;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;

/// A store with the demo dataset imported, and three keys: one for every dataset, one
/// scoped to a dataset that is not there, one revoked.
pub(crate) struct Fixture {
    pub home: PathBuf,
    pub data: PathBuf,
    pub dataset_id: String,
    pub admin: String,
    pub other_admin: String,
    pub scoped_elsewhere: String,
    pub revoked: String,
    _dir: tempfile::TempDir,
}

pub(crate) fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("demo");
        abacus_demo::write_dataset(&data, &abacus_demo::Config { seed: 42, scale: 1 }).unwrap();
        let home = dir.path().join("home");
        let store = Store::open(&home).unwrap();
        let (info, _) = store.ensure_imported(&data, &mut |_| {}).unwrap();
        let key = |name: &str, ds: &[&str]| {
            let ds: Vec<String> = ds.iter().map(|s| s.to_string()).collect();
            abacus_server::auth::create_key(&store, name, &ds).unwrap()
        };
        let (_, admin) = key("admin", &["*"]);
        let (_, other_admin) = key("other", &["*"]);
        let (_, scoped_elsewhere) = key("elsewhere", &["some-other-dataset"]);
        let (rec, revoked) = key("revoked", &["*"]);
        assert!(store.revoke_key(&rec.id).unwrap());
        Fixture {
            home,
            data,
            dataset_id: info.id,
            admin,
            other_admin,
            scoped_elsewhere,
            revoked,
            _dir: dir,
        }
    })
}

pub(crate) fn config() -> Config {
    let mut c = Config::new(fixture().home.clone());
    c.workers = 2;
    c.rate_per_sec = 0.0;
    c
}

pub(crate) fn state_with(c: Config) -> AppState {
    AppState::new(c, Some(fixture().dataset_id.clone())).unwrap()
}

pub(crate) fn state() -> AppState {
    state_with(config())
}

/// A response's status, headers and body (JSON when it parses, else a string).
pub(crate) struct Reply {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub text: String,
    pub json: Value,
}

impl Reply {
    /// The stable error code of an error body.
    pub(crate) fn code(&self) -> &str {
        self.json["error"]["code"].as_str().unwrap_or("")
    }
}

pub(crate) async fn send(state: &AppState, req: Request<Body>) -> Reply {
    let res = tokio::time::timeout(Duration::from_secs(120), router(state.clone()).oneshot(req))
        .await
        .expect("the request finished in time")
        .unwrap();
    let status = res.status();
    let headers = res.headers().clone();
    let bytes = res.into_body().collect().await.unwrap().to_bytes();
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let json = serde_json::from_str(&text).unwrap_or(Value::Null);
    Reply {
        status,
        headers,
        text,
        json,
    }
}

pub(crate) fn post(path: &str, key: Option<&str>, body: &str) -> Request<Body> {
    let mut b = Request::post(path).header("content-type", "application/json");
    if let Some(k) = key {
        b = b.header("authorization", format!("Bearer {k}"));
    }
    b.body(Body::from(body.to_string())).unwrap()
}

pub(crate) fn get(path: &str, key: Option<&str>) -> Request<Body> {
    let mut b = Request::get(path);
    if let Some(k) = key {
        b = b.header("x-api-key", k);
    }
    b.body(Body::empty()).unwrap()
}
