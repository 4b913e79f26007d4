//! Where the time of a question goes without HTTP: opens a dataset of a store, builds
//! one assistant, and times `Assistant::ask` over questions read from stdin (one a line),
//! printing the p50/p99/mean and the slowest kinds (by first three words).
//! Usage: `ask_timing STORE_HOME DATASET_DIR < questions.txt` (bench/server/run.sh runs it).

use std::collections::BTreeMap;
use std::io::BufRead;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (home, dir) = (&args[1], &args[2]);
    let store = abacus_store::Store::open(std::path::Path::new(home)).expect("store");
    let (info, _) = store
        .ensure_imported(std::path::Path::new(dir), &mut |_| {})
        .expect("dataset");
    let ds = store.open_dataset(&info).expect("open");
    let a = abacus_assistant::Assistant::new(&ds).expect("assistant");
    let qs: Vec<String> = std::io::stdin()
        .lock()
        .lines()
        .map_while(Result::ok)
        .collect();
    // Warm-up pass, then two timed passes.
    for q in &qs {
        a.ask(q, &mut abacus_assistant::State::default());
    }
    let mut times = Vec::new();
    let mut by_kind: BTreeMap<String, (f64, usize)> = BTreeMap::new();
    let started = Instant::now();
    for _ in 0..2 {
        for q in &qs {
            let t = Instant::now();
            let ans = a.ask(q, &mut abacus_assistant::State::default());
            let ms = t.elapsed().as_secs_f64() * 1000.0;
            let _ = serde_json::to_string(&ans);
            times.push(ms);
            let kind: String = q.split_whitespace().take(3).collect::<Vec<_>>().join(" ");
            let e = by_kind.entry(kind).or_default();
            e.0 += ms;
            e.1 += 1;
        }
    }
    let total = started.elapsed().as_secs_f64();
    times.sort_by(|x, y| x.total_cmp(y));
    let q = |p: f64| times[((times.len() as f64 * p) as usize).min(times.len() - 1)];
    println!(
        "in-process Assistant::ask, one thread: {} questions, {:.0} questions/s, p50 {:.3} ms, p99 {:.3} ms, mean {:.3} ms",
        times.len(),
        times.len() as f64 / total,
        q(0.5),
        q(0.99),
        times.iter().sum::<f64>() / times.len() as f64
    );
    let mut kinds: Vec<_> = by_kind
        .into_iter()
        .map(|(k, (s, n))| (s / n as f64, k, n))
        .collect();
    kinds.sort_by(|x, y| y.0.total_cmp(&x.0));
    for (mean, k, n) in kinds.iter().take(3) {
        println!("  {mean:8.3} ms mean  {n:4}×  \"{k} …\"");
    }
}
