//! `abacus ask`: one question over a dataset folder, in a conversation kept in the store.

use std::path::PathBuf;
use std::time::Instant;

use abacus_assistant::{Answer, Assistant, State, Status};
use abacus_store::AuditEntry;
use clap::Args;

use crate::{dataset_for, open_store};

#[derive(Debug, Args)]
pub(crate) struct AskArgs {
    /// The dataset folder (holding any of retail/, network/, funds/); imported on first use
    /// and again whenever its files change.
    #[arg(long, value_name = "DIR")]
    data: PathBuf,
    /// Keep the dialogue under this id so follow-up questions work across calls.
    #[arg(long, value_name = "ID")]
    conversation: Option<String>,
    /// Print the answer as the JSON of spec/ask.md.
    #[arg(long)]
    json: bool,
    /// Also say which stage understood the question.
    #[arg(long)]
    explain: bool,
    /// The question, taken word for word (even when it starts with `-`).
    #[arg(required = true, num_args = 1.., allow_hyphen_values = true, trailing_var_arg = true, value_name = "QUESTION")]
    question: Vec<String>,
}

pub(crate) fn run(store_dir: Option<&PathBuf>, a: AskArgs) -> anyhow::Result<()> {
    let started = Instant::now();
    let question = a.question.join(" ");
    let store = open_store(store_dir)?;
    let ds = dataset_for(&store, &a.data)?;
    let assistant = Assistant::new(&ds)?;
    let mut state = match &a.conversation {
        Some(id) => match store.conversation(id)? {
            Some((dataset, _, json)) if dataset == ds.info.id => {
                serde_json::from_str(&json).unwrap_or_default()
            }
            _ => State::default(),
        },
        None => State::default(),
    };
    let mut answer: Answer = assistant.ask(&question, &mut state);
    answer.conversation_id = a.conversation.clone();
    if !a.explain {
        answer.explain = None;
    }
    if let (Some(id), Status::Answered | Status::Clarify) = (&a.conversation, answer.status) {
        store.save_conversation(id, &ds.info.id, None, &serde_json::to_string(&state)?)?;
    }
    let elapsed_ms = started.elapsed().as_secs_f64() * 1000.0;
    store.audit(&AuditEntry {
        dataset_id: Some(ds.info.id.clone()),
        conversation_id: a.conversation.clone(),
        question: question.clone(),
        plan: answer
            .plan
            .as_ref()
            .and_then(|p| serde_json::to_string(p).ok()),
        status: answer.status.name().to_string(),
        answer: Some(answer.answer.clone()),
        elapsed_ms: Some(elapsed_ms),
    })?;
    if a.json {
        outln!("{}", serde_json::to_string(&answer)?);
    } else {
        outln!("{}", answer.answer);
        if let Some(e) = &answer.explain {
            outln!("({e})");
        }
        if let Some(t) = &answer.table {
            print_table(t);
        }
    }
    Ok(())
}

fn cell(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Null => "—".into(),
        serde_json::Value::Number(n) => n.as_f64().map_or_else(
            || n.to_string(),
            |x| abacus_assistant::answer::fmt_num(x, 4),
        ),
        other => other.to_string(),
    }
}

fn print_table(t: &abacus_assistant::Table) {
    const MAX_ROWS: usize = 25;
    let rows: Vec<Vec<String>> = t
        .rows
        .iter()
        .take(MAX_ROWS)
        .map(|r| r.iter().map(cell).collect())
        .collect();
    let widths: Vec<usize> = (0..t.columns.len())
        .map(|c| {
            rows.iter()
                .map(|r| r.get(c).map_or(0, |s| s.chars().count()))
                .chain([t.columns[c].len()])
                .max()
                .unwrap_or(0)
                .min(40)
        })
        .collect();
    let line = |cells: &[String]| {
        cells
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{:<w$}", c.chars().take(40).collect::<String>(), w = *w))
            .collect::<Vec<_>>()
            .join("  ")
    };
    outln!();
    outln!("{}", line(&t.columns));
    for r in &rows {
        outln!("{}", line(r));
    }
    if t.rows.len() > MAX_ROWS {
        outln!(
            "… {} more rows (use --json for all)",
            t.rows.len() - MAX_ROWS
        );
    }
}
