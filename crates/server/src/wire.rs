//! Wire types of the API (request bodies) and `JsonBody`, the JSON extractor whose
//! rejections are `ApiError`s (bad JSON is answered in the same format as every error).

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use serde::de::DeserializeOwned;
use serde::Deserialize;

use crate::error::ApiError;

/// A JSON object body, with every rejection mapped to a stable code: a missing or
/// other content type is `unsupported_media_type`, a body over the limit
/// `payload_too_large`, anything but a JSON object of the route's shape `invalid_json`.
pub struct JsonBody<T>(pub T);

impl<S, T> FromRequest<S> for JsonBody<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let json_type = req
            .headers()
            .get(axum::http::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(';').next())
            .map(str::trim)
            .is_some_and(|m| m.eq_ignore_ascii_case("application/json") || m.ends_with("+json"));
        if !json_type {
            return Err(ApiError::new(
                "unsupported_media_type",
                "send the body as JSON with `Content-Type: application/json`",
            ));
        }
        let bytes = Bytes::from_request(req, state).await.map_err(|r| {
            if r.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
                ApiError::new(
                    "payload_too_large",
                    "the body is over the server's size limit",
                )
            } else {
                ApiError::new("invalid_json", r.body_text())
            }
        })?;
        if bytes.iter().find(|b| !b.is_ascii_whitespace()) != Some(&b'{') {
            return Err(ApiError::new(
                "invalid_json",
                "the body must be a JSON object",
            ));
        }
        serde_json::from_slice(&bytes).map(JsonBody).map_err(|e| {
            let what = if e.is_data() {
                "the JSON does not fit this route"
            } else {
                "the body is not valid JSON"
            };
            ApiError::new("invalid_json", format!("{what}: {e}"))
        })
    }
}

/// `POST /v1/ask`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AskRequest {
    pub question: String,
    #[serde(default)]
    pub conversation_id: Option<String>,
    /// Dataset id or name (default: the key's or server's only / default dataset).
    #[serde(default)]
    pub dataset: Option<String>,
}

/// One message of `POST /v1/chat/completions`.
#[derive(Debug, Deserialize)]
pub struct ChatMessage {
    pub role: String,
    /// A string, or OpenAI's list of parts (`[{"type": "text", "text": "..."}]`).
    #[serde(default)]
    pub content: serde_json::Value,
}

impl ChatMessage {
    /// The message's text (text parts joined).
    pub fn text(&self) -> String {
        match &self.content {
            serde_json::Value::String(s) => s.clone(),
            serde_json::Value::Array(parts) => parts
                .iter()
                .filter_map(|p| p.get("text").and_then(|t| t.as_str()))
                .collect::<Vec<_>>()
                .join("\n"),
            _ => String::new(),
        }
    }
}

/// `POST /v1/chat/completions` (fields OpenAI clients send that Abacus ignores are accepted).
#[derive(Debug, Deserialize)]
pub struct ChatRequest {
    #[serde(default)]
    pub model: Option<String>,
    pub messages: Vec<ChatMessage>,
    #[serde(default)]
    pub stream: bool,
    /// Used as the conversation id when no `X-Conversation-Id` header is sent.
    #[serde(default)]
    pub user: Option<String>,
    #[serde(default)]
    pub dataset: Option<String>,
}

/// `POST /v1/import`: a folder on the server's disk.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImportRequest {
    pub path: String,
}

/// `POST /v1/plan`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanRequest {
    #[serde(default)]
    pub dataset: Option<String>,
    #[serde(default)]
    pub horizon_days: Option<usize>,
    #[serde(default)]
    pub model: Option<String>,
    #[serde(default)]
    pub excess_days: Option<f64>,
    /// What-if: `FACTOR` or `FACTOR@category:NAME|sku:ID|location:ID`, as `abacus plan --scale-demand`.
    #[serde(default)]
    pub scale_demand: Vec<String>,
    /// What-if: `SUPPLIER=DAYS[,SD]`.
    #[serde(default)]
    pub lead_time: Vec<String>,
    /// What-if: `LEVEL[@SCOPE]`.
    #[serde(default)]
    pub service_level: Vec<String>,
    /// Keep only lines at risk, with an order or with excess (the alerts view).
    #[serde(default)]
    pub alerts_only: bool,
    /// `calendar` (default) or `none`, as `abacus plan --events`.
    #[serde(default)]
    pub events: Option<String>,
    /// `spec` (default) or `empirical`, as `abacus plan --safety`.
    #[serde(default)]
    pub safety: Option<String>,
    /// Caps the EOQ at this many days of mean demand, as `abacus plan --max-order-days`.
    #[serde(default)]
    pub max_order_days: Option<f64>,
}

/// `POST /v1/network`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NetworkRequest {
    #[serde(default)]
    pub dataset: Option<String>,
    /// What-if edits in the syntax of `abacus network --edit`; none for the baseline.
    #[serde(default)]
    pub edits: Vec<String>,
}

/// `POST /v1/funds/screen`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScreenRequest {
    #[serde(default)]
    pub dataset: Option<String>,
    /// The screen syntax of `abacus funds screen`.
    #[serde(default)]
    pub filters: String,
}

/// `POST /v1/forecast`: one SKU × location's history and forecast.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ForecastRequest {
    #[serde(default)]
    pub dataset: Option<String>,
    pub sku: String,
    pub location: String,
    #[serde(default)]
    pub horizon_days: Option<usize>,
    #[serde(default)]
    pub history_days: Option<usize>,
}
