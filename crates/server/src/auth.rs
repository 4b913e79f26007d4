//! API keys and the per-key rate limit. A key is `abk_<id>_<secret>`; the catalog keeps
//! only its SHA-256 (the secret is shown once, at creation). Every `/v1` route needs a
//! key (`Authorization: Bearer …` or `X-API-Key: …`) unless the server runs with
//! `--no-auth`, which is allowed on a loopback address only.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use abacus_store::{ApiKey, Store};
use axum::extract::{Request, State};
use axum::http::HeaderMap;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};

use crate::error::ApiError;
use crate::AppState;

/// Who is calling: the key's id (the owner of its conversations) and its datasets.
#[derive(Debug, Clone)]
pub struct Caller {
    pub key_id: String,
    /// Dataset ids or names; `*` for all.
    pub datasets: Vec<String>,
}

impl Caller {
    /// The caller of a server without authentication: every dataset.
    pub fn local() -> Caller {
        Caller {
            key_id: "local".into(),
            datasets: vec!["*".into()],
        }
    }

    pub fn may_use(&self, id: &str, name: &str) -> bool {
        self.datasets
            .iter()
            .any(|d| d == "*" || d == id || d == name)
    }

    pub fn is_admin(&self) -> bool {
        self.datasets.iter().any(|d| d == "*")
    }
}

/// Hex SHA-256 of a key.
pub fn hash_key(key: &str) -> String {
    let digest = Sha256::digest(key.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Creates a key scoped to `datasets` (`*` for all), stores its hash, and returns the
/// record and the whole key (shown once; it cannot be recovered).
pub fn create_key(
    store: &Store,
    name: &str,
    datasets: &[String],
) -> abacus_store::Result<(ApiKey, String)> {
    let id = hex(&rand::random::<[u8; 6]>());
    let secret = hex(&rand::random::<[u8; 32]>());
    let key = format!("abk_{id}_{secret}");
    let record = ApiKey {
        id,
        name: name.to_string(),
        hash: hash_key(&key),
        datasets: if datasets.is_empty() {
            vec!["*".into()]
        } else {
            datasets.to_vec()
        },
        created_at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        revoked_at: None,
    };
    store.insert_key(&record)?;
    Ok((record, key))
}

/// The key sent with a request, if any.
fn presented_key(headers: &HeaderMap) -> Option<String> {
    if let Some(v) = headers.get(axum::http::header::AUTHORIZATION) {
        let v = v.to_str().ok()?.trim();
        let (scheme, rest) = v.split_once(' ')?;
        if scheme.eq_ignore_ascii_case("bearer") {
            return Some(rest.trim().to_string());
        }
        return None;
    }
    headers
        .get("x-api-key")
        .and_then(|v| v.to_str().ok())
        .map(|s| s.trim().to_string())
}

/// How long a looked-up key is trusted before the catalog is read again (so a key
/// revoked with `abacus keys revoke` stops working within this time).
const KEY_CACHE_TTL: Duration = Duration::from_secs(5);

/// Key lookups, cached.
pub struct Keys {
    cache: Mutex<HashMap<String, (Option<Caller>, Instant)>>,
}

impl Keys {
    pub fn new() -> Keys {
        Keys {
            cache: Mutex::new(HashMap::new()),
        }
    }

    fn verify(&self, state: &AppState, key: &str) -> Result<Caller, ApiError> {
        let hash = hash_key(key);
        if let Ok(cache) = self.cache.lock() {
            if let Some((c, at)) = cache.get(&hash) {
                if at.elapsed() < KEY_CACHE_TTL {
                    return c.clone().ok_or_else(invalid_key);
                }
            }
        }
        let found = state
            .with_catalog(|s| s.key_by_hash(&hash))
            .map_err(ApiError::internal)?;
        let caller = found.filter(|k| k.revoked_at.is_none()).map(|k| Caller {
            key_id: k.id,
            datasets: k.datasets,
        });
        if let Ok(mut cache) = self.cache.lock() {
            if cache.len() > 10_000 {
                cache.clear();
            }
            cache.insert(hash, (caller.clone(), Instant::now()));
        }
        caller.ok_or_else(invalid_key)
    }
}

impl Default for Keys {
    fn default() -> Self {
        Keys::new()
    }
}

fn invalid_key() -> ApiError {
    ApiError::new("invalid_api_key", "the API key is unknown or revoked")
}

/// A token bucket per key: `rate` requests per second on average, bursts up to `burst`.
pub struct RateLimiter {
    rate: f64,
    burst: f64,
    buckets: Mutex<HashMap<String, (f64, Instant)>>,
}

impl RateLimiter {
    /// `rate` ≤ 0 turns the limit off.
    pub fn new(rate: f64, burst: f64) -> RateLimiter {
        RateLimiter {
            rate,
            burst: burst.max(1.0),
            buckets: Mutex::new(HashMap::new()),
        }
    }

    /// Takes one token for `key`, or says how many seconds until one is free.
    pub fn check(&self, key: &str) -> Result<(), u64> {
        if self.rate <= 0.0 {
            return Ok(());
        }
        let Ok(mut b) = self.buckets.lock() else {
            return Ok(());
        };
        let now = Instant::now();
        let (tokens, last) = b.entry(key.to_string()).or_insert((self.burst, now));
        *tokens = (*tokens + now.duration_since(*last).as_secs_f64() * self.rate).min(self.burst);
        *last = now;
        if *tokens >= 1.0 {
            *tokens -= 1.0;
            Ok(())
        } else {
            Err(((1.0 - *tokens) / self.rate).ceil().max(1.0) as u64)
        }
    }
}

/// Middleware of the `/v1` routes: authenticates, rate-limits, and hands the `Caller`
/// to the handler in the request's extensions.
pub async fn require_key(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let caller = if state.config().no_auth {
        Caller::local()
    } else {
        let Some(key) = presented_key(req.headers()) else {
            return ApiError::new(
                "missing_api_key",
                "send an API key as `Authorization: Bearer <key>` (create one with `abacus keys create`)",
            )
            .into_response();
        };
        match state.keys().verify(&state, &key) {
            Ok(c) => c,
            Err(e) => return e.into_response(),
        }
    };
    if let Err(wait) = state.limiter().check(&caller.key_id) {
        let mut e = ApiError::new(
            "rate_limited",
            format!("too many requests for this key; retry in {wait} s"),
        );
        e.retry_after = Some(wait);
        return e.into_response();
    }
    req.extensions_mut().insert(caller);
    next.run(req).await
}
