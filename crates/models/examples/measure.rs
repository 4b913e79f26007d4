//! Load time, resident memory and speed of the two models on this machine:
//! `cargo run --release -p abacus-models --example measure [MODELS_DIR]`.

use std::time::Instant;

use abacus_models::{embed_path, gguf_path, rss_mib, Embedder, Generator};

fn main() {
    let root = std::env::args()
        .nth(1)
        .map(std::path::PathBuf::from)
        .or_else(abacus_models::locate)
        .expect("no models folder: run scripts/setup-models.sh");
    let rss0 = rss_mib().unwrap_or(0.0);
    println!("start: RSS {rss0:.0} MiB");

    let t = Instant::now();
    let e = Embedder::load(&embed_path(&root).expect("embedding model")).unwrap();
    let rss1 = rss_mib().unwrap_or(0.0);
    println!(
        "embedder: load {:.2} s, RSS {rss1:.0} MiB (+{:.0})",
        t.elapsed().as_secs_f64(),
        rss1 - rss0
    );
    let sentences: Vec<String> = (0..50)
        .map(|i| format!("how many units of product {i} did the warehouse sell last month"))
        .collect();
    let t = Instant::now();
    for s in &sentences {
        e.embed_one(s).unwrap();
    }
    println!(
        "embedder: {:.1} ms per sentence (one at a time)",
        t.elapsed().as_secs_f64() * 1000.0 / sentences.len() as f64
    );
    let refs: Vec<&str> = sentences.iter().map(String::as_str).collect();
    let t = Instant::now();
    e.embed(&refs).unwrap();
    println!(
        "embedder: {:.1} ms per sentence (batches of 32)",
        t.elapsed().as_secs_f64() * 1000.0 / sentences.len() as f64
    );

    let t = Instant::now();
    let g = Generator::load(&gguf_path(&root).expect("gguf model")).unwrap();
    let rss2 = rss_mib().unwrap_or(0.0);
    println!(
        "generator: load {:.2} s, RSS {rss2:.0} MiB (+{:.0})",
        t.elapsed().as_secs_f64(),
        rss2 - rss1
    );
    let prompt = "Question: how many units did we sell in june?\nJSON: {\"intent\": \"sales_history\", \"measure\": \"units\"}\n\n"
        .repeat(8)
        + "Question: what is the stock at the warehouse?\nJSON: ";
    let free = g.generate(&prompt, "root ::= [^\\n]+", 32).unwrap();
    println!(
        "generator (free): prompt {} tokens {:.0} tok/s, generated {} tokens {:.1} tok/s",
        free.prompt_tokens,
        free.prompt_tokens as f64 / free.prompt_s,
        free.tokens,
        free.tokens as f64 / free.gen_s
    );
    let grammar = r#"root ::= "{\"intent\": \"" ("sales_history" | "inventory_status" | "forecast") "\", \"measure\": " ("\"units\"" | "\"on_hand\"" | "null") "}""#;
    let c = g.generate(&prompt, grammar, 32).unwrap();
    println!(
        "generator (grammar): {:?}, generated {} tokens {:.1} tok/s, RSS {:.0} MiB",
        c.text,
        c.tokens,
        c.tokens as f64 / c.gen_s,
        rss_mib().unwrap_or(0.0)
    );
}
