//! Read, read + validate (EN 16931, with and without the structural XSD
//! check) and convert speed on the bundled examples, and Factur-X
//! extraction from the python-made fixture PDF.
//!
//! `cargo bench --bench read_convert` (figures go to `benches/README.md`).

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

fn examples() -> Vec<(String, Vec<u8>)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.sort();
    files
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "xml"))
        .filter_map(|p| {
            let name = p.file_name()?.to_string_lossy().into_owned();
            Some((name, std::fs::read(&p).ok()?))
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    for (name, bytes) in examples() {
        c.bench_function(&format!("read/{name}"), |b| {
            b.iter(|| facture::read(black_box(&bytes)))
        });
        c.bench_function(&format!("read+validate/{name}"), |b| {
            b.iter(|| facture::validate_bytes(black_box(&bytes), &facture::Profile::En16931))
        });
        // The same without the structural (XSD) check, which is on by default.
        let no_xsd = facture::ValidateOptions::default().structure(false);
        c.bench_function(&format!("read+validate-no-xsd/{name}"), |b| {
            b.iter(|| facture::validate_bytes_with(black_box(&bytes), &no_xsd))
        });
        // The structural check alone, on an already parsed tree.
        if let Ok(text) = std::str::from_utf8(&bytes)
            && let Ok(doc) = roxmltree::Document::parse(text)
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

fn bench_facturx(c: &mut Criterion) {
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

criterion_group!(benches, bench, bench_facturx);
criterion_main!(benches);
