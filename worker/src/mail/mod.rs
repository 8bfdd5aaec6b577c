//! Outgoing email over SMTP (lettre's connection and message builder). `SMTP_URL` names the
//! server and how to secure it: `smtp://host:1025` (plain, for a local mail catcher),
//! `smtp://host:587?tls=required` (STARTTLS; `tls=opportunistic` uses it when offered),
//! `smtps://host:465` (TLS from the start); user and password may be given in the URL. Every
//! message carries its stored `Message-ID`, so a message sent again after a crash is recognisably
//! the same one.
//!
//! One connection is kept open between messages. The message body and its closing dot go out in
//! one write: written apart (as lettre's own transport does), the closing dot waits for the
//! server's delayed acknowledgement of the body, some 40 ms per message.

mod session;

use std::sync::Mutex;

use lettre::Message;
use lettre::message::header::{HeaderName, HeaderValue};
use lettre::message::{Mailbox, MultiPart};

pub use session::ServerSettings;
use session::Session;

use api::repo::outbox::OutboxRow;

#[derive(Debug, thiserror::Error)]
pub enum MailError {
    // In Dutch: a tenant admin reads these as the `lastError` of an email. What follows the colon
    // is the mail server's own answer, quoted as it came.
    #[error("SMTP_URL is ongeldig: {0}")]
    Url(String),
    #[error("het adres '{address}' is ongeldig: {reason}")]
    Address { address: String, reason: String },
    #[error("het bericht kon niet worden opgesteld: {0}")]
    Build(String),
    #[error("de mailserver nam het bericht niet aan: '{0}'")]
    Send(String),
    #[error("de mailserver weigerde het bericht: '{0}'")]
    Refused(String),
}

impl MailError {
    /// Whether trying again later can help (the server is down or busy), or not (a malformed
    /// address or a permanent refusal).
    pub fn is_transient(&self) -> bool {
        matches!(self, MailError::Send(_))
    }
}

/// The mail server, with one connection kept open between messages.
pub struct Mailer {
    server: ServerSettings,
    from: Mailbox,
    session: Mutex<Option<Session>>,
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Mailer")
            .field("server", &self.server)
            .field("from", &self.from)
            .finish()
    }
}

impl Mailer {
    pub fn new(smtp_url: &str, from: &str) -> Result<Self, MailError> {
        let server = ServerSettings::parse(smtp_url)?;
        let from = from
            .parse()
            .map_err(|e: lettre::address::AddressError| MailError::Address {
                address: from.to_owned(),
                reason: e.to_string(),
            })?;
        Ok(Mailer {
            server,
            from,
            session: Mutex::new(None),
        })
    }

    /// Delivers a stored email.
    pub fn send(&self, email: &OutboxRow) -> Result<(), MailError> {
        let message = self.message(email)?;
        let mut slot = self
            .session
            .lock()
            .map_err(|_| MailError::Send("the mail connection was poisoned".to_owned()))?;
        // A connection the server closed meanwhile is replaced.
        if slot.as_mut().is_none_or(|s| !s.is_alive()) {
            *slot = Some(Session::open(&self.server)?);
        }
        let Some(session) = slot.as_mut() else {
            return Err(MailError::Send("no connection".to_owned()));
        };
        let sent = session.send(&message);
        if sent.is_err()
            && let Some(s) = slot.take()
        {
            s.close();
        }
        sent
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
