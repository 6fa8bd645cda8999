//! Chorus Pro `CPPStatut` status flows (reader in progress).
