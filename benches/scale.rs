//! How the cost grows with the number of lines: generated invoices of
//! 1 000, 10 000 and 100 000 lines (see `support::invoice_with_lines`),
//! read + validated (EN 16931) in UBL and CII, and converted UBL → CII.
//!
//! `cargo bench --bench scale` (figures go to `benches/README.md`);
//! `cargo bench --bench scale -- 10000` for one size.

mod support;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::Duration;
use support::cpu_time::CpuTime;

fn bench(c: &mut Criterion<CpuTime>) {
    let mut group = c.benchmark_group("lines");
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    for lines in [1_000usize, 10_000, 100_000] {
        let (ubl, cii) = support::generated(lines);
        group.throughput(Throughput::Elements(lines as u64));
        group.measurement_time(Duration::from_secs(if lines >= 100_000 { 20 } else { 5 }));
        group.bench_with_input(
            BenchmarkId::new("ubl-read+validate", lines),
            &ubl,
            |b, x| b.iter(|| facture::validate_bytes(black_box(x), &facture::Profile::En16931)),
        );
        group.bench_with_input(
            BenchmarkId::new("cii-read+validate", lines),
            &cii,
            |b, x| b.iter(|| facture::validate_bytes(black_box(x), &facture::Profile::En16931)),
        );
        group.bench_with_input(BenchmarkId::new("ubl-to-cii", lines), &ubl, |b, x| {
            b.iter(|| facture::convert(black_box(x), facture::Target::Cii))
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().with_measurement(CpuTime);
    targets = bench
}
criterion_main!(benches);
