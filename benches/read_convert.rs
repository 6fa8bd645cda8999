//! Read, read + validate (EN 16931 and Chorus Pro, with and without the
//! structural XSD check) and convert speed on the bundled examples (the
//! "typical invoice" figures), and Factur-X extraction from the
//! python-made fixture PDF; read + validate of each official CEN example
//! (`cen-read+validate/…`, when ../shared is present). Times are thread CPU time
//! (`support::cpu_time`).
//!
//! `cargo bench --bench read_convert` (figures go to `benches/README.md`).

mod support;

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use support::cpu_time::CpuTime;

fn bench(c: &mut Criterion<CpuTime>) {
    for (name, bytes) in support::examples() {
        c.bench_function(&format!("read/{name}"), |b| {
            b.iter(|| facture::read(black_box(&bytes)))
        });
        c.bench_function(&format!("read+validate/{name}"), |b| {
            b.iter(|| facture::validate_bytes(black_box(&bytes), &facture::Profile::En16931))
        });
        let chorus = facture::Profile::chorus_pro();
        c.bench_function(&format!("read+validate-chorus-pro/{name}"), |b| {
            b.iter(|| facture::validate_bytes(black_box(&bytes), &chorus))
        });
        // The same without the structural (XSD) check, which is on by default.
        let no_xsd = facture::ValidateOptions::default().structure(false);
        c.bench_function(&format!("read+validate-no-xsd/{name}"), |b| {
            b.iter(|| facture::validate_bytes_with(black_box(&bytes), &no_xsd))
        });
        // The structural check alone, on an already parsed tree.
        if let Ok(text) = std::str::from_utf8(&bytes)
            && let Ok(doc) = facture::syntax::tree::Document::parse(text)
        {
            c.bench_function(&format!("xsd/{name}"), |b| {
                b.iter(|| facture::syntax::xsd::check(black_box(&doc), text))
            });
        }
        let target = if name.starts_with("cii") {
            facture::Target::Ubl
        } else {
            facture::Target::Cii
        };
        c.bench_function(&format!("convert/{name}"), |b| {
            b.iter(|| facture::convert(black_box(&bytes), target))
        });
    }
}

/// Read + full validation (EN 16931, XSD check on) of each official CEN
/// example: the spread of "typical invoice" times. Short measurements,
/// since there are 34 files.
fn bench_cen_examples(c: &mut Criterion<CpuTime>) {
    let mut group = c.benchmark_group("cen-read+validate");
    group
        .warm_up_time(std::time::Duration::from_millis(300))
        .measurement_time(std::time::Duration::from_secs(1))
        .sample_size(30);
    for (name, bytes) in support::cen_examples() {
        group.bench_function(&name, |b| {
            b.iter(|| facture::validate_bytes(black_box(&bytes), &facture::Profile::En16931))
        });
    }
    group.finish();
}

fn bench_facturx(c: &mut Criterion<CpuTime>) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/facturx/python-factur-x-en16931.pdf");
    let Ok(pdf) = std::fs::read(&path) else {
        eprintln!("{}: absent, Factur-X benchmarks skipped", path.display());
        return;
    };
    let limits = facture::Limits::default();
    c.bench_function("facturx-extract/python-factur-x-en16931.pdf", |b| {
        b.iter(|| facture::syntax::facturx::extract(black_box(&pdf), &limits))
    });
    c.bench_function("read+validate/python-factur-x-en16931.pdf", |b| {
        b.iter(|| facture::validate_bytes(black_box(&pdf), &facture::Profile::En16931))
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().with_measurement(CpuTime);
    targets = bench, bench_cen_examples, bench_facturx
}
criterion_main!(benches);
