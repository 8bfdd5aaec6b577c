//! Sign-in material: the token signing keys and access tokens.

pub mod keys;
pub mod tokens;
pub mod verified_tokens;
