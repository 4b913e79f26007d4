//! The routes: `/v1/*` behind the key middleware, `/healthz`, `/metrics`, the web page.
//! Every error is an `ApiError`; the tracking middleware turns axum's own bare 404/405
//! answers into the same JSON shape and records every request in the metrics.

use std::convert::Infallible;
use std::time::Instant;

use abacus_assistant::{Answer, State as Dialogue, Status};
use abacus_store::{AuditEntry, Dataset, Store};
use axum::extract::{DefaultBodyLimit, FromRequest, MatchedPath, Request, State};
use axum::http::{HeaderMap, StatusCode};
use axum::middleware::{self, Next};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Extension, Json, Router};
use serde_json::{json, Value};

use crate::auth::{self, Caller};
use crate::error::{ApiError, ErrorCode};
use crate::reports;
use crate::wire::{
    AskRequest, ChatRequest, ForecastRequest, ImportRequest, JsonBody, NetworkRequest, PlanRequest,
    ScreenRequest,
};
use crate::writer::Write;
use crate::{AppState, Conversation, Served};

pub(crate) fn router(state: AppState) -> Router {
    let v1 = Router::new()
        .route("/v1/ask", post(ask))
        .route("/v1/chat/completions", post(chat))
        .route("/v1/models", get(models))
        .route("/v1/datasets", get(datasets))
        .route(
            "/v1/import",
            post(import).layer(DefaultBodyLimit::max(state.config().upload_limit)),
        )
        .route("/v1/plan", post(plan))
        .route("/v1/network", post(network))
        .route("/v1/funds/screen", post(screen))
        .route("/v1/forecast", post(forecast))
        .route_layer(middleware::from_fn_with_state(
            state.clone(),
            auth::require_key,
        ));
    let mut app = Router::new()
        .route("/healthz", get(healthz))
        .route("/metrics", get(metrics))
        .merge(crate::web::routes())
        .merge(v1)
        .fallback(not_found)
        .layer(DefaultBodyLimit::max(state.config().body_limit))
        .layer(middleware::from_fn_with_state(state.clone(), track));
    if !state.config().cors_origins.is_empty() {
        let origins: Vec<axum::http::HeaderValue> = state
            .config()
            .cors_origins
            .iter()
            .filter_map(|o| o.parse().ok())
            .collect();
        app = app.layer(
            tower_http::cors::CorsLayer::new()
                .allow_origin(origins)
                .allow_methods([axum::http::Method::GET, axum::http::Method::POST])
                .allow_headers([
                    axum::http::header::AUTHORIZATION,
                    axum::http::header::CONTENT_TYPE,
                    axum::http::HeaderName::from_static("x-api-key"),
                    axum::http::HeaderName::from_static("x-conversation-id"),
                ]),
        );
    }
    app.with_state(state)
}

/// Records every request in the metrics and gives axum's bare 405 the API's error shape.
async fn track(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let started = Instant::now();
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "unmatched".to_string(), |p| p.as_str().to_string());
    let method = req.method().to_string();
    let mut res = next.run(req).await;
    let mut code = res.extensions().get::<ErrorCode>().map(|c| c.0);
    if code.is_none() && res.status() == StatusCode::METHOD_NOT_ALLOWED {
        res = ApiError::new(
            "method_not_allowed",
            format!("{route} does not take {method}"),
        )
        .into_response();
        code = Some("method_not_allowed");
    }
    if res.status().is_server_error() {
        tracing::warn!(%route, %method, status = res.status().as_u16(), code = code.unwrap_or(""), "request failed");
    }
    state.metrics().request(
        &route,
        &method,
        res.status().as_u16(),
        started.elapsed().as_secs_f64(),
        code,
    );
    res
}

async fn not_found() -> ApiError {
    ApiError::new("not_found", "no such route; see docs/api.md")
}

async fn healthz(State(state): State<AppState>) -> Json<Value> {
    Json(json!({
        "status": "ok",
        "auth": !state.config().no_auth,
        "datasets": state.served().len(),
        "version": env!("CARGO_PKG_VERSION"),
    }))
}

async fn metrics(State(state): State<AppState>) -> impl IntoResponse {
    (
        [(
            axum::http::header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        state.metrics().render(),
    )
}

/// A conversation id: 1–128 characters of letters, digits and `-_.:`.
fn check_conversation_id(id: &str) -> Result<(), ApiError> {
    let ok = !id.is_empty()
        && id.len() <= 128
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_.:".contains(c));
    if ok {
        Ok(())
    } else {
        Err(ApiError::invalid(
            "conversation_id must be 1–128 characters of letters, digits and - _ . :",
        ))
    }
}

/// The saved dialogue state of conversation `id`, which must belong to this key and
/// dataset; an id never seen starts a new conversation.
fn load_conversation(
    state: &AppState,
    caller: &Caller,
    served: &Served,
    id: &str,
) -> Result<Dialogue, ApiError> {
    let forbidden = || {
        ApiError::new(
            "conversation_forbidden",
            format!("conversation {id:?} belongs to another API key or dataset"),
        )
    };
    if let Ok(cache) = state.conversations().lock() {
        if let Some(c) = cache.get(id) {
            if c.owner != caller.key_id || c.dataset != served.info.id {
                return Err(forbidden());
            }
            return Ok(c.state.clone());
        }
    }
    let saved = state
        .with_catalog(|s| s.conversation(id))
        .map_err(ApiError::internal)?;
    match saved {
        None => Ok(Dialogue::default()),
        Some((dataset, owner, json)) => {
            if owner.as_deref() != Some(caller.key_id.as_str()) || dataset != served.info.id {
                return Err(forbidden());
            }
            Ok(serde_json::from_str(&json).unwrap_or_default())
        }
    }
}

/// Asks one question (after replaying `replay` in a fresh conversation when no id is
/// given), saves the conversation and queues the audit entry.
async fn ask_one(
    state: &AppState,
    caller: &Caller,
    served: &Served,
    question: String,
    conversation_id: Option<String>,
    replay: Vec<String>,
) -> Result<Answer, ApiError> {
    let started = Instant::now();
    if let Some(id) = &conversation_id {
        check_conversation_id(id)?;
    }
    let dialogue = match &conversation_id {
        Some(id) => load_conversation(state, caller, served, id)?,
        None => Dialogue::default(),
    };
    let q = question.clone();
    let (mut answer, dialogue) = state
        .pool(served)
        .run(state.config().ask_timeout, move |w| {
            let mut d = dialogue;
            for r in &replay {
                w.assistant.ask(r, &mut d);
            }
            let a = w.assistant.ask(&q, &mut d);
            (a, d)
        })
        .await?;
    answer.conversation_id = conversation_id.clone();
    answer.explain = None;
    if let (Some(id), Status::Answered | Status::Clarify) = (&conversation_id, answer.status) {
        if let Ok(json) = serde_json::to_string(&dialogue) {
            state.writer().send(Write::Conversation {
                id: id.clone(),
                dataset: served.info.id.clone(),
                owner: caller.key_id.clone(),
                state: json,
            });
        }
        if let Ok(mut cache) = state.conversations().lock() {
            if cache.len() > 50_000 {
                cache.clear();
            }
            cache.insert(
                id.clone(),
                Conversation {
                    dataset: served.info.id.clone(),
                    owner: caller.key_id.clone(),
                    state: dialogue,
                },
            );
        }
    }
    let intent = answer.intent.map(|i| i.name());
    state.metrics().answer(answer.status.name(), intent);
    state.writer().send(Write::Audit(AuditEntry {
        dataset_id: Some(served.info.id.clone()),
        conversation_id,
        question,
        plan: answer
            .plan
            .as_ref()
            .and_then(|p| serde_json::to_string(p).ok()),
        status: answer.status.name().to_string(),
        answer: Some(answer.answer.clone()),
        elapsed_ms: Some(started.elapsed().as_secs_f64() * 1000.0),
    }));
    Ok(answer)
}

async fn ask(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    JsonBody(req): JsonBody<AskRequest>,
) -> Result<Json<Answer>, ApiError> {
    let served = state.resolve(&caller, req.dataset.as_deref())?;
    let answer = ask_one(
        &state,
        &caller,
        &served,
        req.question,
        req.conversation_id,
        Vec::new(),
    )
    .await?;
    Ok(Json(answer))
}

/// Most earlier user messages replayed for a chat without a conversation id.
const MAX_REPLAY: usize = 20;

async fn chat(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    headers: HeaderMap,
    JsonBody(req): JsonBody<ChatRequest>,
) -> Result<Response, ApiError> {
    let served = state.resolve(&caller, req.dataset.as_deref())?;
    // OpenAI's `user` is any end-user string (an email, say): one that is not a valid
    // conversation id is used through its hash.
    let from_user = req.user.as_deref().filter(|u| !u.is_empty()).map(|u| {
        if check_conversation_id(u).is_ok() {
            u.to_string()
        } else {
            format!("user-{}", &auth::hash_key(u)[..32])
        }
    });
    let conversation_id = headers
        .get("x-conversation-id")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
        .or(from_user)
        .filter(|s| !s.is_empty());
    let mut users: Vec<String> = req
        .messages
        .iter()
        .filter(|m| m.role == "user")
        .map(|m| m.text())
        .collect();
    let Some(question) = users.pop() else {
        return Err(ApiError::invalid("the messages hold no user message"));
    };
    // With a conversation id the server remembers the dialogue; without one, the
    // client's earlier user messages rebuild it.
    let replay = if conversation_id.is_some() {
        Vec::new()
    } else {
        let skip = users.len().saturating_sub(MAX_REPLAY);
        users.split_off(skip)
    };
    let answer = ask_one(&state, &caller, &served, question, conversation_id, replay).await?;
    let model = req.model.unwrap_or_else(|| "abacus".into());
    let created = chrono::Utc::now().timestamp();
    let id = format!("chatcmpl-{}", rand::random::<u64>());
    let abacus = serde_json::to_value(&answer).map_err(ApiError::internal)?;
    if !req.stream {
        return Ok(Json(json!({
            "id": id, "object": "chat.completion", "created": created, "model": model,
            "choices": [{
                "index": 0,
                "message": { "role": "assistant", "content": answer.answer },
                "finish_reason": "stop",
            }],
            "usage": { "prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0 },
            "abacus": abacus,
        }))
        .into_response());
    }
    let chunk = |delta: Value, finish: Value| {
        json!({
            "id": id, "object": "chat.completion.chunk", "created": created, "model": model,
            "choices": [{ "index": 0, "delta": delta, "finish_reason": finish }],
        })
        .to_string()
    };
    let mut events = vec![chunk(json!({ "role": "assistant" }), Value::Null)];
    for piece in answer.answer.split_inclusive(' ') {
        events.push(chunk(json!({ "content": piece }), Value::Null));
    }
    let mut last: Value =
        serde_json::from_str(&chunk(json!({}), json!("stop"))).unwrap_or(Value::Null);
    last["abacus"] = abacus;
    events.push(last.to_string());
    events.push("[DONE]".to_string());
    let stream = futures_util::stream::iter(
        events
            .into_iter()
            .map(|e| Ok::<Event, Infallible>(Event::default().data(e))),
    );
    Ok(Sse::new(stream)
        .keep_alive(KeepAlive::default())
        .into_response())
}

async fn models() -> Json<Value> {
    Json(json!({
        "object": "list",
        "data": [{ "id": "abacus", "object": "model", "created": 0, "owned_by": "abacus" }],
    }))
}

async fn datasets(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
) -> Json<Value> {
    let list: Vec<Value> = state
        .served()
        .iter()
        .filter(|s| caller.may_use(&s.info.id, &s.info.name))
        .map(|s| reports::dataset_json(&s.info, None))
        .collect();
    Json(Value::Array(list))
}

/// Runs a report on a blocking thread with its own connection to the dataset, at most
/// `workers` at a time, within the report time limit.
async fn heavy<R, F>(state: &AppState, served: &Served, f: F) -> Result<R, ApiError>
where
    R: Send + 'static,
    F: FnOnce(&Dataset) -> Result<R, ApiError> + Send + 'static,
{
    let _permit = state.heavy().acquire().await.map_err(ApiError::internal)?;
    let home = state.config().home.clone();
    let info = served.info.clone();
    let task = tokio::task::spawn_blocking(move || {
        let ds = Store::open(&home)
            .and_then(|s| s.open_dataset(&info))
            .map_err(ApiError::internal)?;
        f(&ds)
    });
    let limit = state.config().report_timeout;
    match tokio::time::timeout(limit, task).await {
        Ok(Ok(r)) => r,
        Ok(Err(e)) => Err(ApiError::internal(e)),
        Err(_) => Err(ApiError::new(
            "timeout",
            format!("no result within {} s", limit.as_secs()),
        )),
    }
}

/// `POST /v1/import`: `{"path": DIR}` (a folder on the server), or a multipart upload
/// whose parts are named by their contract paths (`retail/sales.csv`, ...) plus a `name`
/// part (the dataset's name; letters, digits, `-`, `_`). Uploads are written to
/// `uploads/<name>/` in the store folder and imported from there, all or nothing.
async fn import(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    req: Request,
) -> Result<Json<Value>, ApiError> {
    if !caller.is_admin() {
        return Err(ApiError::new(
            "admin_required",
            "importing needs a key scoped to every dataset (`abacus keys create --datasets '*'`)",
        ));
    }
    let multipart = req
        .headers()
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("multipart/form-data"));
    let folder = if multipart {
        let form = axum::extract::Multipart::from_request(req, &state)
            .await
            .map_err(|e| ApiError::new("invalid_request", e.body_text()))?;
        receive_upload(&state, form).await?
    } else {
        let JsonBody(body) = JsonBody::<ImportRequest>::from_request(req, &state).await?;
        std::path::PathBuf::from(body.path)
    };
    let home = state.config().home.clone();
    let task = tokio::task::spawn_blocking(move || {
        let started = Instant::now();
        let store = Store::open(&home).map_err(ApiError::internal)?;
        let info = store.import(&folder, &mut |_| {}).map_err(|e| match e {
            abacus_store::Error::User(_) | abacus_store::Error::Import(_) => {
                ApiError::new("unprocessable", e.to_string())
            }
            other => ApiError::internal(other),
        })?;
        Ok::<_, ApiError>((info, started.elapsed().as_secs_f64()))
    });
    let (info, secs) = tokio::time::timeout(state.config().report_timeout, task)
        .await
        .map_err(|_| ApiError::new("timeout", "the import took too long"))?
        .map_err(ApiError::internal)??;
    let v = reports::dataset_json(&info, Some(secs));
    state.upsert(info);
    Ok(Json(v))
}

/// Writes the parts of an upload into `uploads/<name>/` and returns that folder.
async fn receive_upload(
    state: &AppState,
    mut form: axum::extract::Multipart,
) -> Result<std::path::PathBuf, ApiError> {
    let bad = |m: String| ApiError::new("invalid_request", m);
    let mut name: Option<String> = None;
    let mut files: Vec<(String, axum::body::Bytes)> = Vec::new();
    while let Some(field) = form.next_field().await.map_err(|e| bad(e.body_text()))? {
        let part = field.name().unwrap_or("").to_string();
        let data = field.bytes().await.map_err(|e| {
            if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
                ApiError::new("payload_too_large", "the upload is over the server's limit")
            } else {
                bad(e.body_text())
            }
        })?;
        if part == "name" {
            name = Some(String::from_utf8_lossy(&data).trim().to_string());
        } else if abacus_store::CONTRACT_FILES.contains(&part.as_str()) {
            files.push((part, data));
        } else {
            return Err(bad(format!(
                "part {part:?} is neither `name` nor a file of the data contract ({})",
                abacus_store::CONTRACT_FILES.join(", ")
            )));
        }
    }
    let name = name.ok_or_else(|| bad("the upload needs a `name` part".into()))?;
    let ok = !name.is_empty()
        && name.len() <= 64
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if !ok {
        return Err(bad("`name` must be 1–64 letters, digits, - or _".into()));
    }
    if files.is_empty() {
        return Err(bad("the upload holds no file of the data contract".into()));
    }
    let dir = state.config().home.join("uploads").join(&name);
    let write = {
        let dir = dir.clone();
        move || -> std::io::Result<()> {
            // The folder holds exactly this upload: files of an earlier one are removed.
            if dir.exists() {
                std::fs::remove_dir_all(&dir)?;
            }
            for (rel, data) in files {
                let path = dir.join(&rel);
                if let Some(parent) = path.parent() {
                    std::fs::create_dir_all(parent)?;
                }
                std::fs::write(path, data)?;
            }
            Ok(())
        }
    };
    tokio::task::spawn_blocking(write)
        .await
        .map_err(ApiError::internal)?
        .map_err(ApiError::internal)?;
    Ok(dir)
}

async fn plan(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    JsonBody(req): JsonBody<PlanRequest>,
) -> Result<Json<Value>, ApiError> {
    let served = state.resolve(&caller, req.dataset.as_deref())?;
    let edits = reports::plan_edits(&req.scale_demand, &req.lead_time, &req.service_level)
        .map_err(ApiError::invalid)?;
    let defaults = reports::PlanOptions::default();
    let opts = reports::PlanOptions {
        horizon_days: req.horizon_days.unwrap_or(defaults.horizon_days),
        model: req.model.clone().unwrap_or(defaults.model),
        excess_days: req.excess_days.unwrap_or(defaults.excess_days),
        edits,
        events: match req.events.as_deref() {
            None | Some("calendar") => true,
            Some("none") => false,
            Some(other) => {
                return Err(ApiError::invalid(format!(
                    "events {other:?}: use calendar or none"
                )))
            }
        },
        safety: reports::parse_safety(req.safety.as_deref().unwrap_or("spec"))
            .map_err(ApiError::invalid)?,
        max_order_days: req.max_order_days,
    };
    let alerts_only = req.alerts_only;
    let v = heavy(&state, &served, move |ds| {
        if !ds.has_retail() {
            return Err(ApiError::new(
                "unprocessable",
                "the dataset has no retail/ data",
            ));
        }
        let run = reports::run_plan(ds, &opts)?;
        let mut v = run.to_json(&opts.model);
        if alerts_only {
            if let Some(lines) = v["lines"].as_array_mut() {
                lines.retain(|l| {
                    l["stockout_probability"].as_f64().unwrap_or(0.0) >= 0.2
                        || !l["order"].is_null()
                        || !l["excess"].is_null()
                });
            }
        }
        Ok(v)
    })
    .await?;
    Ok(Json(v))
}

async fn network(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    JsonBody(req): JsonBody<NetworkRequest>,
) -> Result<Json<Value>, ApiError> {
    let served = state.resolve(&caller, req.dataset.as_deref())?;
    if req.edits.len() > 50 {
        return Err(ApiError::invalid("at most 50 edits"));
    }
    let v = heavy(&state, &served, move |ds| {
        if !ds.has_network() {
            return Err(ApiError::new(
                "unprocessable",
                "the dataset has no network/ data",
            ));
        }
        Ok(reports::network_report(ds, &req.edits, Some(60.0))?)
    })
    .await?;
    Ok(Json(v))
}

async fn screen(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    JsonBody(req): JsonBody<ScreenRequest>,
) -> Result<Json<Value>, ApiError> {
    let served = state.resolve(&caller, req.dataset.as_deref())?;
    let v = heavy(&state, &served, move |ds| {
        if !ds.has_funds() {
            return Err(ApiError::new(
                "unprocessable",
                "the dataset has no funds/ data",
            ));
        }
        let table = abacus_assistant::funds::fund_table(ds, abacus_funds::Config::default())
            .map_err(ApiError::internal)?;
        reports::fund_screen_json(&table, &req.filters)
            .map_err(|e| ApiError::new("unprocessable", e.to_string()))
    })
    .await?;
    Ok(Json(v))
}

async fn forecast(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    JsonBody(req): JsonBody<ForecastRequest>,
) -> Result<Json<Value>, ApiError> {
    let served = state.resolve(&caller, req.dataset.as_deref())?;
    let horizon = req.horizon_days.unwrap_or(28);
    if !(1..=730).contains(&horizon) {
        return Err(ApiError::invalid("horizon_days must be between 1 and 730"));
    }
    let history = req.history_days.unwrap_or(180).min(3650);
    let v = heavy(&state, &served, move |ds| {
        if !ds.has_retail() {
            return Err(ApiError::new(
                "unprocessable",
                "the dataset has no retail/ data",
            ));
        }
        Ok(reports::series_json(
            ds,
            &req.sku,
            &req.location,
            horizon,
            history,
        )?)
    })
    .await?;
    Ok(Json(v))
}
