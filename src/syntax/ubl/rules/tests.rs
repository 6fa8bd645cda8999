//! Tests of the UBL syntax rules.
