//! Outgoing email over SMTP (lettre). `SMTP_URL` names the server and how to secure it:
//! `smtp://host:1025` (plain, for a local mail catcher), `smtp://host:587?tls=required`
//! (STARTTLS), `smtps://host:465` (TLS from the start); user and password may be given in the
//! URL. Every message carries its stored `Message-ID`, so a message sent again after a crash is
//! recognisably the same one.

use lettre::message::header::{HeaderName, HeaderValue};
use lettre::message::{Mailbox, MultiPart};
use lettre::{Message, SmtpTransport, Transport};

use crate::repo::outbox::OutboxRow;

#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("SMTP_URL is invalid: {0}")]
    Url(String),
    #[error("address '{address}' is invalid: {reason}")]
    Address { address: String, reason: String },
    #[error("the message could not be built: {0}")]
    Build(String),
    #[error("the mail server did not take the message: {0}")]
    Send(String),
}

impl MailError {
    /// Whether trying again later can help (the server is down or busy), or not (a malformed
    /// address or a permanent refusal).
    pub fn is_transient(&self) -> bool {
        matches!(self, MailError::Send(_))
    }
}

/// A connection to the mail server, reused between messages.
#[derive(Clone)]
pub struct Mailer {
    transport: SmtpTransport,
    from: Mailbox,
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Mailer").field("from", &self.from).finish()
    }
}

impl Mailer {
    pub fn new(smtp_url: &str, from: &str) -> Result<Self, MailError> {
        let transport = SmtpTransport::from_url(smtp_url)
            .map_err(|e| MailError::Url(e.to_string()))?
            .timeout(Some(std::time::Duration::from_secs(20)))
            .build();
        let from = from
            .parse()
            .map_err(|e: lettre::address::AddressError| MailError::Address {
                address: from.to_owned(),
                reason: e.to_string(),
            })?;
        Ok(Mailer { transport, from })
    }

    /// Delivers a stored email.
    pub fn send(&self, email: &OutboxRow) -> Result<(), MailError> {
        let message = self.message(email)?;
        self.transport
            .send(&message)
            .map(|_| ())
            .map_err(|e| MailError::Send(e.to_string()))
    }

    fn message(&self, email: &OutboxRow) -> Result<Message, MailError> {
        let to: Mailbox = email
            .recipient
            .parse()
            .map_err(|e: lettre::address::AddressError| MailError::Address {
                address: email.recipient.clone(),
                reason: e.to_string(),
            })?;
        let mut builder = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(&email.subject)
            .message_id(Some(format!("<{}>", email.message_id)));
        if let Some(url) = &email.unsubscribe_url {
            // RFC 2369 and RFC 8058: mail clients show an unsubscribe button that posts to it.
            builder = builder
                .raw_header(HeaderValue::new(
                    HeaderName::new_from_ascii_str("List-Unsubscribe"),
                    format!("<{url}>"),
                ))
                .raw_header(HeaderValue::new(
                    HeaderName::new_from_ascii_str("List-Unsubscribe-Post"),
                    "List-Unsubscribe=One-Click".to_owned(),
                ));
        }
        builder
            .multipart(MultiPart::alternative_plain_html(
                email.body_text.clone(),
                email.body_html.clone(),
            ))
            .map_err(|e| MailError::Build(e.to_string()))
    }
}
