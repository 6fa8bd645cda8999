//! Peak heap memory of read + validate, against the input size: a counting
//! global allocator records the high-water mark of live heap bytes while
//! one document is validated (the input itself excluded: it is allocated
//! before the measure starts). The tables built once per process on first
//! use are built before, and their cost printed apart.
//!
//! `cargo bench --bench memory` prints one line per input;
//! `cargo bench --bench memory -- --write DIR` also writes the generated
//! invoices to DIR (for `benches/compare.sh`).

mod support;

use support::cpu_time::thread_cpu_ns;

#[path = "../tests/support/peak_heap.rs"]
mod peak_heap;

/// Peak live heap bytes above the baseline while `f` runs, and its CPU
/// time in seconds.
fn peak_of(f: impl FnOnce()) -> (usize, f64) {
    let start = thread_cpu_ns();
    let ((), peak) = peak_heap::peak_during(f);
    let secs = (thread_cpu_ns() - start) as f64 / 1e9;
    (peak, secs)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let write_dir = args
        .iter()
        .position(|a| a == "--write")
        .and_then(|i| args.get(i + 1))
        .map(std::path::PathBuf::from);
    let mut inputs = support::examples();
    let sizes: Vec<usize> = std::env::var("FACTURE_BENCH_LINES").ok().map_or_else(
        || vec![1_000, 10_000, 100_000],
        |v| v.split(',').filter_map(|n| n.parse().ok()).collect(),
    );
    for lines in sizes {
        let (ubl, cii) = support::generated(lines);
        if let Some(dir) = &write_dir {
            std::fs::create_dir_all(dir).expect("create --write DIR");
            std::fs::write(dir.join(format!("ubl-{lines}-lines.xml")), &ubl).expect("write");
            std::fs::write(dir.join(format!("cii-{lines}-lines.xml")), &cii).expect("write");
        }
        inputs.push((format!("ubl-{lines}-lines"), ubl));
        inputs.push((format!("cii-{lines}-lines"), cii));
    }
    // Tables built on first use (once per process, whatever the input)
    // are not the memory of a document: build them first, and say what
    // they cost.
    let (first_use, _) = peak_of(|| {
        for (_, bytes) in support::examples() {
            let report = facture::validate_bytes(&bytes, &facture::Profile::En16931);
            std::hint::black_box(&report);
        }
    });
    println!(
        "first use (one validation of each bundled example, once per process): peak heap {first_use} bytes"
    );
    println!(
        "{:<24} {:>12} {:>14} {:>8} {:>10}",
        "input", "bytes", "peak heap", "ratio", "CPU time"
    );
    for (name, bytes) in &inputs {
        if std::env::var_os("FACTURE_BENCH_PHASES").is_some() {
            phases(name, bytes);
        }
        let (peak, secs) = peak_of(|| {
            let report = facture::validate_bytes(bytes, &facture::Profile::En16931);
            std::hint::black_box(&report);
        });
        println!(
            "{:<24} {:>12} {:>14} {:>7.2}x {:>8.1}ms",
            name,
            bytes.len(),
            peak,
            peak as f64 / bytes.len() as f64,
            secs * 1e3
        );
    }
}

/// CPU times of the phases of one validation: parse, read, the rest (the
/// rules and the report), in milliseconds.
fn phases(name: &str, bytes: &[u8]) {
    let ms = |ns: u64| ns as f64 / 1e6;
    let limits = facture::Limits::default();
    let start = thread_cpu_ns();
    let text = facture::syntax::xml_input::as_text(bytes, &limits).expect("text");
    let tree = facture::syntax::xml_input::parse(text, &limits).expect("parse");
    let parsed = thread_cpu_ns() - start;
    let doc = facture::syntax::read_tree(&tree, text).expect("read");
    let read = thread_cpu_ns() - start;
    drop(doc);
    drop(tree);
    let start = thread_cpu_ns();
    let _ = facture::validate_bytes(bytes, &facture::Profile::En16931);
    let all = thread_cpu_ns() - start;
    println!(
        "  {name}: parse {:.1}ms, read {:.1}ms, rules {:.1}ms, total {:.1}ms",
        ms(parsed),
        ms(read.saturating_sub(parsed)),
        ms(all.saturating_sub(read)),
        ms(all)
    );
}
