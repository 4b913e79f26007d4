//! Nearest texts by embedding, for calibrating entity linking:
//! `cargo run --release -p abacus-models --example nearest -- CANDIDATES_FILE QUERY...`
//! (one candidate text per line; prints the five nearest per query with cosine).

use abacus_models::{cosine, embed_path, Embedder};

fn main() {
    let mut args = std::env::args().skip(1);
    let file = args.next().expect("candidates file");
    let queries: Vec<String> = args.collect();
    let root = abacus_models::locate().expect("no models folder: run scripts/setup-models.sh");
    let e = Embedder::load(&embed_path(&root).expect("embedding model")).expect("load");
    let text = std::fs::read_to_string(file).expect("read candidates");
    let cands: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let vecs = e.embed(&cands).expect("embed");
    for q in &queries {
        let v = e.embed_one(q).expect("embed");
        let mut s: Vec<(f32, &str)> = vecs
            .iter()
            .zip(&cands)
            .map(|(c, t)| (cosine(&v, c), *t))
            .collect();
        s.sort_by(|a, b| b.0.total_cmp(&a.0));
        println!("{q}");
        for (x, t) in s.iter().take(5) {
            println!("  {x:.3}  {t}");
        }
    }
}
