//! `ApiError`: every error the HTTP API answers, with one stable `code` per kind
//! from one table (`CODES`), in one JSON shape:
//! `{"error": {"code": "...", "message": "...", "status": 400}}`.
//! 5xx bodies never carry internals; the detail goes to the log.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::json;

/// Every error code of the API, its HTTP status and what it means (the table in docs/api.md).
pub const CODES: &[(&str, u16, &str)] = &[
    (
        "invalid_json",
        400,
        "the body is not valid JSON, or not the shape the route expects",
    ),
    (
        "invalid_request",
        400,
        "a field has a value the route does not accept",
    ),
    (
        "dataset_required",
        400,
        "the key or server has several datasets; name one with `dataset`",
    ),
    (
        "missing_api_key",
        401,
        "no API key in `Authorization: Bearer …` or `X-API-Key`",
    ),
    ("invalid_api_key", 401, "the API key is unknown or revoked"),
    (
        "dataset_forbidden",
        403,
        "the API key has no access to this dataset",
    ),
    (
        "conversation_forbidden",
        403,
        "the conversation id belongs to another API key or dataset",
    ),
    (
        "admin_required",
        403,
        "the route needs a key scoped to every dataset (`*`)",
    ),
    ("not_found", 404, "no such route"),
    ("dataset_not_found", 404, "no dataset with this id or name"),
    (
        "method_not_allowed",
        405,
        "the route does not take this method",
    ),
    (
        "payload_too_large",
        413,
        "the body is over the server's limit",
    ),
    (
        "unsupported_media_type",
        415,
        "the body must be sent as `Content-Type: application/json`",
    ),
    (
        "unprocessable",
        422,
        "the request is well formed but the data cannot answer it",
    ),
    (
        "rate_limited",
        429,
        "too many requests for this API key; retry after the given seconds",
    ),
    (
        "internal",
        500,
        "an internal error; the server log has the detail",
    ),
    ("overloaded", 503, "every worker is busy; retry shortly"),
    (
        "timeout",
        504,
        "the answer took longer than the server's time limit",
    ),
];

/// An API error: a stable code from `CODES` and a message safe to show.
#[derive(Debug, Clone, PartialEq)]
pub struct ApiError {
    pub code: &'static str,
    pub message: String,
    /// Seconds to wait, for `rate_limited`.
    pub retry_after: Option<u64>,
}

impl ApiError {
    /// An error with code `code` (which must be in `CODES`).
    pub fn new(code: &'static str, message: impl Into<String>) -> ApiError {
        debug_assert!(CODES.iter().any(|c| c.0 == code), "unknown code {code}");
        ApiError {
            code,
            message: message.into(),
            retry_after: None,
        }
    }

    pub fn invalid(message: impl Into<String>) -> ApiError {
        ApiError::new("invalid_request", message)
    }

    /// An internal failure: the detail is logged, the body says only that it happened.
    pub fn internal(detail: impl std::fmt::Display) -> ApiError {
        tracing::error!(%detail, "internal error");
        ApiError::new("internal", "internal error; see the server log")
    }

    pub fn status(&self) -> StatusCode {
        let code = CODES.iter().find(|c| c.0 == self.code).map_or(500, |c| c.1);
        StatusCode::from_u16(code).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.code, self.message)
    }
}

impl From<crate::reports::ReportError> for ApiError {
    fn from(e: crate::reports::ReportError) -> Self {
        match e {
            crate::reports::ReportError::User(m) => ApiError::new("unprocessable", m),
            crate::reports::ReportError::Internal(m) => ApiError::internal(m),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.status();
        let body = json!({
            "error": { "code": self.code, "message": self.message, "status": status.as_u16() }
        });
        let mut res = (status, axum::Json(body)).into_response();
        if let Some(s) = self.retry_after {
            if let Ok(v) = axum::http::HeaderValue::from_str(&s.to_string()) {
                res.headers_mut().insert(axum::http::header::RETRY_AFTER, v);
            }
        }
        res.extensions_mut().insert(ErrorCode(self.code));
        res
    }
}

/// The code of an error response, for the metrics middleware.
#[derive(Debug, Clone, Copy)]
pub struct ErrorCode(pub &'static str);
