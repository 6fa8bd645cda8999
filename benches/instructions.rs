//! The program `benches/callgrind.sh` runs under valgrind: validates each
//! file given N times (EN 16931, structural check on), so that the
//! instruction count of one document is the difference between two runs
//! divided by the difference in N.
//!
//! `cargo bench --bench instructions -- N FILE...` (outside valgrind it
//! just runs; the script is the way to use it). With
//! `FACTURE_BENCH_PARSE_ONLY=1` each run only parses the file into the
//! tree (`xml_input::parse`), the figure of the tokenizer alone.

fn main() {
    // `cargo bench` passes `--bench`; the other arguments are ours.
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let Some((n, files)) = args.split_first() else {
        eprintln!("usage: instructions N FILE...");
        std::process::exit(2);
    };
    let n: usize = n.parse().unwrap_or(1);
    let inputs: Vec<Vec<u8>> = files
        .iter()
        .map(|f| std::fs::read(f).unwrap_or_else(|e| panic!("{f}: {e}")))
        .collect();
    if std::env::var_os("FACTURE_BENCH_PARSE_ONLY").is_some() {
        let limits = facture::Limits::default();
        for bytes in &inputs {
            let text = facture::syntax::xml_input::as_text(bytes, &limits).expect("text");
            for _ in 0..n {
                let tree = facture::syntax::xml_input::parse(std::hint::black_box(text), &limits)
                    .expect("parse");
                std::hint::black_box(&tree);
            }
        }
        return;
    }
    for bytes in &inputs {
        for _ in 0..n {
            let report =
                facture::validate_bytes(std::hint::black_box(bytes), &facture::Profile::En16931);
            std::hint::black_box(&report);
        }
    }
}
