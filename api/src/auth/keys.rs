//! Ed25519 key pair that signs access tokens: from configuration, or generated once in `DATA_DIR`.

use std::path::{Path, PathBuf};

use ed25519_dalek::SigningKey;
use ed25519_dalek::pkcs8::spki::der::pem::LineEnding;
use ed25519_dalek::pkcs8::{EncodePrivateKey, EncodePublicKey};
use jsonwebtoken::{DecodingKey, EncodingKey};

use crate::config::TokenSettings;

#[derive(Clone)]
pub struct TokenKeys {
    pub encoding: EncodingKey,
    pub decoding: DecodingKey,
    /// The public key in PEM form (tests use it to forge an HMAC token, which must be refused).
    pub public_pem: String,
}

impl std::fmt::Debug for TokenKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TokenKeys(***)")
    }
}

#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    #[error("JWT_PRIVATE_KEY and JWT_PUBLIC_KEY must be configured together")]
    HalfConfigured,
    #[error("token key is not a valid Ed25519 PEM key")]
    Invalid(#[source] jsonwebtoken::errors::Error),
    #[error("could not generate a key pair")]
    Generate(String),
    #[error("could not read or write key file {path}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

impl TokenKeys {
    pub fn from_pem(private_pem: &str, public_pem: &str) -> Result<Self, KeyError> {
        Ok(TokenKeys {
            encoding: EncodingKey::from_ed_pem(private_pem.as_bytes())
                .map_err(KeyError::Invalid)?,
            decoding: DecodingKey::from_ed_pem(public_pem.as_bytes()).map_err(KeyError::Invalid)?,
            public_pem: public_pem.to_owned(),
        })
    }

    /// The configured keys, or the pair in `data_dir/keys`, generated there on first use.
    pub fn load_or_generate(settings: &TokenSettings, data_dir: &Path) -> Result<Self, KeyError> {
        match (&settings.private_key_pem, &settings.public_key_pem) {
            (Some(private), Some(public)) => Self::from_pem(private, public),
            (None, None) => {
                let dir = data_dir.join("keys");
                let private_path = dir.join("jwt-ed25519.pem");
                let public_path = dir.join("jwt-ed25519.pub.pem");
                if !private_path.exists() {
                    let (private, public) = generate_pem_pair()?;
                    write_file(&dir, &private_path, &private, 0o600)?;
                    write_file(&dir, &public_path, &public, 0o644)?;
                    tracing::warn!(
                        path = %private_path.display(),
                        "no token keys configured: generated a new Ed25519 key pair for local use"
                    );
                }
                let read = |p: &Path| {
                    std::fs::read_to_string(p).map_err(|source| KeyError::Io {
                        path: p.to_owned(),
                        source,
                    })
                };
                Self::from_pem(&read(&private_path)?, &read(&public_path)?)
            }
            _ => Err(KeyError::HalfConfigured),
        }
    }
}

/// A new Ed25519 key pair as (PKCS#8 private PEM, SPKI public PEM).
pub fn generate_pem_pair() -> Result<(String, String), KeyError> {
    let mut seed = [0u8; 32];
    getrandom::fill(&mut seed).map_err(|e| KeyError::Generate(e.to_string()))?;
    let key = SigningKey::from_bytes(&seed);
    let private = key
        .to_pkcs8_pem(LineEnding::LF)
        .map_err(|e| KeyError::Generate(e.to_string()))?;
    let public = key
        .verifying_key()
        .to_public_key_pem(LineEnding::LF)
        .map_err(|e| KeyError::Generate(e.to_string()))?;
    Ok((private.to_string(), public))
}

fn write_file(dir: &Path, path: &Path, content: &str, mode: u32) -> Result<(), KeyError> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let io = |source| KeyError::Io {
        path: path.to_owned(),
        source,
    };
    std::fs::create_dir_all(dir).map_err(io)?;
    // Created with its final mode (never readable by others, not even briefly), and never over
    // an existing file: when two processes race, one key pair wins.
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(mode)
        .open(path)
        .map_err(io)?;
    file.write_all(content.as_bytes()).map_err(io)
}
