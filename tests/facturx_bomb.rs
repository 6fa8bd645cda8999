//! Compression bombs inside a PDF: an object stream (`/Type /ObjStm`) and
//! the embedded invoice's file stream that inflate far past
//! `Limits::max_pdf_stream_bytes`. Reading stops with a typed error, and the
//! memory used while reading stays near the limit, not the inflated size:
//! this test binary counts the peak of live heap bytes with its own global
//! allocator (one test per binary, so nothing else allocates meanwhile).

use facture::syntax::facturx::{self, EmbedOptions};
use facture::{Error, Limits};
use lopdf::{Document, Object, StringFormat};
use std::io::Write;

#[path = "support/peak_heap.rs"]
mod peak_heap;

use peak_heap::peak_during;

const MIB: usize = 1 << 20;

/// A Factur-X PDF (our embedder on the blank fixture) whose objects are
/// saved in object streams, one of them holding a 24 MiB string of spaces:
/// the object stream inflates to 24 MiB from about 24 KiB.
fn object_stream_bomb() -> Vec<u8> {
    let root = env!("CARGO_MANIFEST_DIR");
    let blank = std::fs::read(format!("{root}/tests/fixtures/facturx/blank.pdf")).unwrap();
    let xml = std::fs::read(format!("{root}/tests/fixtures/facturx/invoice.xml")).unwrap();
    let pdf = facturx::embed(&blank, &xml, &EmbedOptions::default()).unwrap();
    let mut doc = Document::load_mem(&pdf).unwrap();
    let padding = doc.add_object(Object::String(vec![b' '; 24 * MIB], StringFormat::Literal));
    // Referenced from the catalog so that every reader keeps it.
    doc.catalog_mut()
        .unwrap()
        .set("Padding", Object::Reference(padding));
    let mut out = Vec::new();
    doc.save_modern(&mut out).unwrap();
    out
}

/// A PDF whose embedded invoice stream inflates to 24 MiB.
fn file_stream_bomb() -> Vec<u8> {
    let root = env!("CARGO_MANIFEST_DIR");
    let blank = std::fs::read(format!("{root}/tests/fixtures/facturx/blank.pdf")).unwrap();
    let xml = std::fs::read(format!("{root}/tests/fixtures/facturx/invoice.xml")).unwrap();
    let pdf = facturx::embed(&blank, &xml, &EmbedOptions::default()).unwrap();
    let mut doc = Document::load_mem(&pdf).unwrap();
    let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    let zeros = vec![b' '; MIB];
    for _ in 0..24 {
        e.write_all(&zeros).unwrap();
    }
    let bomb = e.finish().unwrap();
    // Replace the content of the embedded file stream (the only
    // /EmbeddedFile) with the bomb.
    for object in doc.objects.values_mut() {
        if let Object::Stream(stream) = object
            && stream.dict.has_type(b"EmbeddedFile")
        {
            stream.set_content(bomb.clone());
            stream
                .dict
                .set("Filter", Object::Name(b"FlateDecode".to_vec()));
        }
    }
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

#[test]
fn object_stream_and_file_stream_bombs_are_refused_in_bounded_memory() {
    let limits = Limits {
        max_pdf_stream_bytes: MIB,
        ..Limits::default()
    };

    let pdf = object_stream_bomb();
    assert!(
        pdf.len() < 2 * MIB,
        "the bomb is small: {} bytes",
        pdf.len()
    );
    assert!(
        pdf.windows(7).any(|w| w == b"/ObjStm"),
        "saved with object streams"
    );
    let (result, peak) = peak_during(|| facturx::extract(&pdf, &limits));
    match result {
        Err(Error::LimitExceeded { limit, what, .. }) => {
            assert_eq!(limit, MIB as u64);
            assert_eq!(what, "decompressed PDF stream size");
        }
        other => panic!("object stream bomb: {other:?}"),
    }
    println!("object stream bomb: refused, peak heap {} KiB", peak / 1024);
    assert!(peak < 8 * MIB, "peak heap {peak} bytes");
    // The same document reads with room enough: the limit is what stopped it.
    let roomy = Limits {
        max_pdf_stream_bytes: 32 * MIB,
        ..Limits::default()
    };
    assert!(facturx::extract(&pdf, &roomy).is_ok());
    // And through the validation entry point, the same typed error.
    let e = facture::rules::validate_bytes_with_limits(&pdf, &facture::Profile::En16931, &limits)
        .unwrap_err();
    assert_eq!(e.kind(), facture::ErrorKind::LimitExceeded);

    let pdf = file_stream_bomb();
    let (result, peak) = peak_during(|| facturx::extract(&pdf, &limits));
    match result {
        Err(Error::LimitExceeded { limit, .. }) => assert_eq!(limit, MIB as u64),
        other => panic!("file stream bomb: {other:?}"),
    }
    println!("embedded file bomb: refused, peak heap {} KiB", peak / 1024);
    assert!(peak < 8 * MIB, "peak heap {peak} bytes");
}
