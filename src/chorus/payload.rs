//! The JSON body of the `deposerFluxFacture` operation
//! (`POST /cpro/factures/v1/deposer/flux`).

use super::Error;
use super::flow::{SyntaxeFlux, syntaxe_for_bytes};
use base64::Engine;
use serde::{Deserialize, Serialize};

/// The largest file a deposit may carry, in bytes.
///
/// Chorus Pro documents "10 MB per file" without saying whether a megabyte
/// is 10^6 or 2^20 bytes; we take the stricter reading, 10 000 000 bytes,
/// so that a file we accept is never refused by the platform for its size.
pub const MAX_FILE_BYTES: usize = 10_000_000;

/// The largest multi-file flow (compressed archive), in bytes: "30 MB
/// compressed", read as 30 000 000 bytes like [`MAX_FILE_BYTES`].
pub const MAX_ARCHIVE_BYTES: usize = 30_000_000;

/// The body of `deposerFluxFacture` (API definition
/// `DeposerFluxFactureParam`), serialised with the API's field names.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DeposerFluxFacture {
    /// The Chorus Pro id of the depositing user (`idUtilisateurCourant`);
    /// left out of the JSON when `None`, which the platform accepts for a
    /// technical account.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_utilisateur_courant: Option<i64>,
    /// The file, base64 (standard alphabet, padded) (`fichierFlux`).
    pub fichier_flux: String,
    /// The file name (`nomFichier`).
    pub nom_fichier: String,
    /// The syntax code of the file (`syntaxeFlux`).
    pub syntaxe_flux: SyntaxeFlux,
    /// Whether the file is signed (`avecSignature`).
    pub avec_signature: bool,
}

impl DeposerFluxFacture {
    /// The body depositing `bytes` under `nom_fichier`, with the syntax
    /// code detected from the bytes ([`syntaxe_for_bytes`]), no user id and
    /// no signature.
    ///
    /// Errors: [`Error::Empty`], [`Error::TooLarge`] (over
    /// [`MAX_FILE_BYTES`]), [`Error::BadFileName`], [`Error::Unreadable`]
    /// (neither a PDF nor an invoice this library reads) and
    /// [`Error::NotDepositable`] (e.g. `CPPFacturePivot`).
    pub fn from_file(bytes: &[u8], nom_fichier: &str) -> Result<Self, Error> {
        check_file(bytes, nom_fichier)?;
        let syntaxe = syntaxe_for_bytes(bytes)?;
        Self::with_syntaxe(bytes, nom_fichier, syntaxe)
    }

    /// The body depositing `bytes` under `nom_fichier` as `syntaxe_flux`,
    /// without looking at what the bytes are (for syntaxes this library
    /// does not read, such as PES or xCBL).
    pub fn with_syntaxe(
        bytes: &[u8],
        nom_fichier: &str,
        syntaxe_flux: SyntaxeFlux,
    ) -> Result<Self, Error> {
        check_file(bytes, nom_fichier)?;
        Ok(DeposerFluxFacture {
            id_utilisateur_courant: None,
            fichier_flux: base64::engine::general_purpose::STANDARD.encode(bytes),
            nom_fichier: nom_fichier.to_owned(),
            syntaxe_flux,
            avec_signature: false,
        })
    }

    /// The body depositing several invoices as one flow: a gzip-compressed
    /// tar archive with one entry per `(name, bytes)` file, in the given
    /// order, sent as `nom_fichier` (which should end in `.tar.gz`). Every
    /// file must have the same `syntaxeFlux` (detected as in
    /// [`Self::from_file`]) and pass the per-file checks; the archive must
    /// stay within [`MAX_ARCHIVE_BYTES`]. One file still makes an archive:
    /// use [`Self::from_file`] to deposit it plain.
    pub fn from_files(files: &[(&str, &[u8])], nom_fichier: &str) -> Result<Self, Error> {
        let mut syntaxe: Option<SyntaxeFlux> = None;
        let mut names = std::collections::BTreeSet::new();
        for (name, bytes) in files {
            check_file(bytes, name)?;
            if !names.insert(*name) {
                return Err(Error::DuplicateName((*name).to_owned()));
            }
            let found = syntaxe_for_bytes(bytes)?;
            match syntaxe {
                None => syntaxe = Some(found),
                Some(expected) if expected != found => {
                    return Err(Error::MixedSyntaxes {
                        name: (*name).to_owned(),
                        expected,
                        found,
                    });
                }
                Some(_) => {}
            }
        }
        let syntaxe = syntaxe.ok_or(Error::NoFiles)?;
        if nom_fichier.trim().is_empty() || nom_fichier.contains(['/', '\\']) {
            return Err(Error::BadFileName(nom_fichier.to_owned()));
        }
        let archive = tar_gz(files).map_err(|e| Error::Archive(e.to_string()))?;
        if archive.len() > MAX_ARCHIVE_BYTES {
            return Err(Error::TooLarge {
                size: archive.len(),
                limit: MAX_ARCHIVE_BYTES,
            });
        }
        Ok(DeposerFluxFacture {
            id_utilisateur_courant: None,
            fichier_flux: base64::engine::general_purpose::STANDARD.encode(&archive),
            nom_fichier: nom_fichier.to_owned(),
            syntaxe_flux: syntaxe,
            avec_signature: false,
        })
    }

    /// Sets the depositing user's id.
    #[must_use]
    pub fn user_id(mut self, id: i64) -> Self {
        self.id_utilisateur_courant = Some(id);
        self
    }

    /// Sets whether the file is signed.
    #[must_use]
    pub fn signed(mut self, signed: bool) -> Self {
        self.avec_signature = signed;
        self
    }

    /// The file bytes back from [`Self::fichier_flux`].
    pub fn file_bytes(&self) -> Result<Vec<u8>, Error> {
        base64::engine::general_purpose::STANDARD
            .decode(self.fichier_flux.as_bytes())
            .map_err(|e| Error::Response(format!("fichierFlux is not base64: {e}")))
    }

    /// The compact JSON body.
    pub fn to_json(&self) -> String {
        // Serialising this struct cannot fail; the fallback only avoids a
        // panic path (it orders the fields alphabetically).
        serde_json::to_string(self).unwrap_or_else(|_| serde_json::Value::from(self).to_string())
    }

    /// The JSON body, indented.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self)
            .unwrap_or_else(|_| serde_json::Value::from(self).to_string())
    }
}

impl From<&DeposerFluxFacture> for serde_json::Value {
    fn from(body: &DeposerFluxFacture) -> Self {
        let mut map = serde_json::Map::new();
        if let Some(id) = body.id_utilisateur_courant {
            map.insert("idUtilisateurCourant".into(), id.into());
        }
        map.insert("fichierFlux".into(), body.fichier_flux.clone().into());
        map.insert("nomFichier".into(), body.nom_fichier.clone().into());
        map.insert("syntaxeFlux".into(), body.syntaxe_flux.as_str().into());
        map.insert("avecSignature".into(), body.avec_signature.into());
        serde_json::Value::Object(map)
    }
}

fn check_file(bytes: &[u8], nom_fichier: &str) -> Result<(), Error> {
    if bytes.is_empty() {
        return Err(Error::Empty);
    }
    if bytes.len() > MAX_FILE_BYTES {
        return Err(Error::TooLarge {
            size: bytes.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    if nom_fichier.trim().is_empty() || nom_fichier.contains(['/', '\\']) {
        return Err(Error::BadFileName(nom_fichier.to_owned()));
    }
    Ok(())
}

/// A tar.gz of the files, deterministic: mode 0644, time 0, no owner.
fn tar_gz(files: &[(&str, &[u8])]) -> std::io::Result<Vec<u8>> {
    let encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    let mut builder = tar::Builder::new(encoder);
    for (name, bytes) in files {
        let mut header = tar::Header::new_gnu();
        header.set_size(bytes.len() as u64);
        header.set_mode(0o644);
        header.set_mtime(0);
        header.set_entry_type(tar::EntryType::Regular);
        builder.append_data(&mut header, name, *bytes)?;
    }
    builder.into_inner()?.finish()
}
