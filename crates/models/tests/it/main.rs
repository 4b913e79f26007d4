//! Integration tests of the model backends on the real model files installed by
//! `scripts/setup-models.sh` (no mocks): embedding parity with reference vectors
//! computed independently (numpy, `tests/fixtures/make_reference.py`), and
//! grammar-constrained generation. Without the files the tests fail with a message
//! saying how to install them, unless `ABACUS_SKIP_MODELS=1`, when they say they skipped.

use std::path::PathBuf;
use std::time::Instant;

use abacus_models::{cosine, embed_path, gguf_path, Embedder, Generator};

/// The models folder, or `None` when skipping is allowed.
fn models() -> Option<PathBuf> {
    let root = [
        abacus_models::locate(),
        Some(
            std::env::var_os("CARGO_MANIFEST_DIR")
                .map_or_else(|| env!("CARGO_MANIFEST_DIR").into(), PathBuf::from)
                .join("../../.models"),
        ),
    ]
    .into_iter()
    .flatten()
    .find(|r| embed_path(r).is_some() && gguf_path(r).is_some());
    if root.is_none() {
        if std::env::var("ABACUS_SKIP_MODELS").as_deref() == Ok("1") {
            eprintln!("skipped: model files not found and ABACUS_SKIP_MODELS=1");
            return None;
        }
        panic!("model files not found: run scripts/setup-models.sh (or set ABACUS_SKIP_MODELS=1 to skip)");
    }
    root
}

#[test]
fn embeddings_match_the_reference_vectors() {
    let Some(root) = models() else { return };
    let t = Instant::now();
    let e = Embedder::load(&embed_path(&root).unwrap()).unwrap();
    eprintln!("embedder load {:.2} s", t.elapsed().as_secs_f64());
    let fixture: serde_json::Value =
        serde_json::from_str(include_str!("../fixtures/minilm_reference.json")).unwrap();
    let sentences = fixture["sentences"].as_array().unwrap();
    assert!(sentences.len() >= 5);
    let texts: Vec<&str> = sentences
        .iter()
        .map(|s| s["text"].as_str().unwrap())
        .collect();
    // Batched (padded to the longest) and one by one must both match.
    let batched = e.embed(&texts).unwrap();
    for (s, b) in sentences.iter().zip(&batched) {
        let want: Vec<f32> = s["embedding"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_f64().unwrap() as f32)
            .collect();
        assert_eq!(want.len(), 384);
        let one = e.embed_one(s["text"].as_str().unwrap()).unwrap();
        let (cb, co) = (cosine(b, &want), cosine(&one, &want));
        eprintln!("{:>8.6} {:>8.6}  {}", cb, co, s["text"]);
        assert!(
            cb >= 0.999 && co >= 0.999,
            "{}: cosine {cb} / {co}",
            s["text"]
        );
        let norm: f32 = one.iter().map(|x| x * x).sum::<f32>().sqrt();
        assert!((norm - 1.0).abs() < 1e-4);
    }
    // Paraphrases are closer than unrelated sentences.
    let v = e
        .embed(&[
            "how many units did we sell",
            "what quantity was sold",
            "tell me a joke",
        ])
        .unwrap();
    assert!(cosine(&v[0], &v[1]) > cosine(&v[0], &v[2]));
}

#[test]
fn generation_follows_the_grammar() {
    let Some(root) = models() else { return };
    let t = Instant::now();
    let g = Generator::load(&gguf_path(&root).unwrap()).unwrap();
    eprintln!("generator load {:.2} s", t.elapsed().as_secs_f64());
    let grammar = r#"root ::= "{\"colour\": \"" ("red" | "green" | "blue") "\"}""#;
    let prompt = "Sky: {\"colour\": \"blue\"}\nGrass: {\"colour\": \"green\"}\nBlood: ";
    let out = g.generate(prompt, grammar, 20).unwrap();
    eprintln!(
        "output {:?}: {} prompt tokens in {:.2} s, {} tokens in {:.2} s",
        out.text, out.prompt_tokens, out.prompt_s, out.tokens, out.gen_s
    );
    let v: serde_json::Value = serde_json::from_str(&out.text).unwrap();
    assert!(["red", "green", "blue"].contains(&v["colour"].as_str().unwrap()));
    // Unconstrained continuation works too, and stops at the token limit.
    let free = g
        .generate("The capital of France is", "root ::= [a-zA-Z ,.]+", 8)
        .unwrap();
    assert!(free.tokens <= 8);
    assert!(!free.text.is_empty());
}

#[test]
fn best_token_first_and_prefix_cache_choose_what_the_full_scan_does() {
    let Some(root) = models() else { return };
    let gguf = gguf_path(&root).unwrap();
    let fast = Generator::load(&gguf).unwrap();
    let full = Generator::load(&gguf).unwrap().full_grammar_scan(true);
    let grammar = r#"root ::= "{\"intent\": \"" ("sales" | "stock" | "forecast" | "none") "\", \"city\": \"" [a-z]+ "\"}""#;
    let prefix = "Question: units sold in beijing\nJSON: {\"intent\": \"sales\", \"city\": \"beijing\"}\n\n\
                  Question: stock on hand in shanghai\nJSON: {\"intent\": \"stock\", \"city\": \"shanghai\"}\n\n";
    let dir = tempfile::tempdir().unwrap();
    let cache = fast.prefix_cache_file(dir.path(), prefix);
    for q in [
        "next month's demand for guangzhou",
        "what is on the shelves in chengdu",
        "tell me a joke about wuhan",
    ] {
        let rest = format!("Question: {q}\nJSON: ");
        // The best token first chooses as the full scan does, ...
        let whole = format!("{prefix}{rest}");
        assert_eq!(
            fast.generate(&whole, grammar, 30).unwrap().text,
            full.generate(&whole, grammar, 30).unwrap().text,
            "{q}"
        );
        // ... and with the prefix in a batch of its own, cached or not.
        let want = full
            .generate_with_prefix(prefix, &rest, grammar, 30, None)
            .unwrap();
        assert_eq!(want.prompt_cached, 0);
        // First call writes the prefix state, the second loads it.
        let first = fast
            .generate_with_prefix(prefix, &rest, grammar, 30, Some(&cache))
            .unwrap();
        let second = fast
            .generate_with_prefix(prefix, &rest, grammar, 30, Some(&cache))
            .unwrap();
        assert!(cache.is_file());
        assert!(second.prompt_cached > 0 && second.prompt_cached < second.prompt_tokens);
        assert_eq!(second.text, first.text, "{q}");
        assert_eq!(first.text, want.text, "{q}");
        eprintln!(
            "{q}: {} ({} of {} prompt tokens cached, {:.0} ms vs {:.0} ms with the full scan)",
            second.text,
            second.prompt_cached,
            second.prompt_tokens,
            (second.prompt_s + second.gen_s) * 1000.0,
            (want.prompt_s + want.gen_s) * 1000.0
        );
    }
    // A cache file of another prefix is not used: the prefix is evaluated again.
    let other =
        "Question: revenue in wuhan\nJSON: {\"intent\": \"sales\", \"city\": \"wuhan\"}\n\n";
    std::fs::copy(&cache, fast.prefix_cache_file(dir.path(), other)).unwrap();
    let r = fast
        .generate_with_prefix(
            other,
            "Question: stock in xian\nJSON: ",
            grammar,
            30,
            Some(&fast.prefix_cache_file(dir.path(), other)),
        )
        .unwrap();
    assert_eq!(r.prompt_cached, 0);
    assert_eq!(
        r.text,
        full.generate_with_prefix(other, "Question: stock in xian\nJSON: ", grammar, 30, None)
            .unwrap()
            .text
    );
}
