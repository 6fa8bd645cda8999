//! Read, read + validate (EN 16931) and convert speed on the bundled
//! examples: the "typical invoice" figures.
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

criterion_group! {
    name = benches;
    config = Criterion::default().with_measurement(CpuTime);
    targets = bench
}
criterion_main!(benches);
