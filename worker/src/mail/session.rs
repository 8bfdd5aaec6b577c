//! One SMTP connection: opened (with TLS or STARTTLS and authentication as `SMTP_URL` says),
//! used for message after message, closed on any error.

use std::fmt;
use std::time::Duration;

use lettre::Message;
use lettre::transport::smtp::authentication::{Credentials, Mechanism};
use lettre::transport::smtp::client::{SmtpConnection, TlsParameters};
use lettre::transport::smtp::commands::{Data, Mail, Rcpt};
use lettre::transport::smtp::extension::{ClientId, Extension, MailBodyParameter, MailParameter};

use super::MailError;

const TIMEOUT: Duration = Duration::from_secs(20);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Security {
    None,
    /// STARTTLS when the server offers it.
    Opportunistic,
    /// STARTTLS, or fail.
    Required,
    /// TLS from the first byte (smtps).
    Wrapper,
}

/// Where and how to reach the mail server, from `SMTP_URL`.
#[derive(Clone)]
pub struct ServerSettings {
    host: String,
    port: u16,
    security: Security,
    credentials: Option<(String, String)>,
}

impl fmt::Debug for ServerSettings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Never the password.
        f.debug_struct("ServerSettings")
            .field("host", &self.host)
            .field("port", &self.port)
            .field("security", &self.security)
            .field("user", &self.credentials.as_ref().map(|c| &c.0))
            .finish()
    }
}

impl ServerSettings {
    pub fn parse(smtp_url: &str) -> Result<Self, MailError> {
        let url = url::Url::parse(smtp_url).map_err(|e| MailError::Url(e.to_string()))?;
        let wrapper = match url.scheme() {
            "smtp" => false,
            "smtps" => true,
            other => {
                return Err(MailError::Url(format!(
                    "scheme '{other}' is not smtp or smtps"
                )));
            }
        };
        let host = url
            .host_str()
            .filter(|h| !h.is_empty())
            .ok_or_else(|| MailError::Url("no host".to_owned()))?
            .trim_matches(['[', ']'])
            .to_owned();
        let port = url.port().unwrap_or(if wrapper { 465 } else { 25 });
        let tls = url
            .query_pairs()
            .find(|(k, _)| k == "tls")
            .map(|(_, v)| v.into_owned());
        let security = match (wrapper, tls.as_deref()) {
            (true, _) => Security::Wrapper,
            (false, None | Some("none")) => Security::None,
            (false, Some("opportunistic")) => Security::Opportunistic,
            (false, Some("required")) => Security::Required,
            (false, Some(other)) => {
                return Err(MailError::Url(format!(
                    "tls={other} is not none, opportunistic or required"
                )));
            }
        };
        let decode = |s: &str| {
            percent_decode(s).map_err(|_| MailError::Url("credentials are not valid UTF-8".into()))
        };
        let credentials = if url.username().is_empty() {
            None
        } else {
            Some((
                decode(url.username())?,
                decode(url.password().unwrap_or(""))?,
            ))
        };
        if credentials.is_some() && matches!(security, Security::None | Security::Opportunistic) {
            return Err(MailError::Url(
                "a user and password go only over TLS: use smtps:// or ?tls=required".to_owned(),
            ));
        }
        Ok(ServerSettings {
            host,
            port,
            security,
            credentials,
        })
    }

    fn tls(&self) -> Result<TlsParameters, MailError> {
        TlsParameters::new(self.host.clone()).map_err(|e| MailError::Send(e.to_string()))
    }
}

fn percent_decode(s: &str) -> Result<String, std::string::FromUtf8Error> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| char::from(b).to_digit(16);
        match (
            bytes[i],
            bytes.get(i + 1).copied().and_then(hex),
            bytes.get(i + 2).copied().and_then(hex),
        ) {
            (b'%', Some(h), Some(l)) => {
                out.push(u8::try_from(h * 16 + l).unwrap_or(b'?'));
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out)
}

/// Trouble with the server or the session (connecting, TLS, logging in, the sender): waited out,
/// whatever the code, so that a wrong password or a relay policy never gives up on the emails.
fn server_error(e: lettre::transport::smtp::Error) -> MailError {
    MailError::Send(e.to_string())
}

/// The server's answer about this one email (its recipient, its content): a permanent refusal
/// ends it, anything else is tried again.
fn email_error(e: lettre::transport::smtp::Error) -> MailError {
    if e.is_permanent() {
        MailError::Refused(e.to_string())
    } else {
        MailError::Send(e.to_string())
    }
}

/// The message and its closing dot as one SMTP "command": one write, then the server's answer.
struct Body(String);

impl fmt::Display for Body {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// `message` as the DATA phase sends it: a line that starts with a dot gets a second one
/// (RFC 5321 4.5.2), and the closing `<CRLF>.<CRLF>` follows.
fn data(message: &[u8]) -> String {
    let text = String::from_utf8_lossy(message);
    let mut out = String::with_capacity(text.len() + 16);
    if text.starts_with('.') {
        out.push('.');
    }
    out.push_str(&text.replace("\r\n.", "\r\n.."));
    if !out.ends_with("\r\n") {
        out.push_str("\r\n");
    }
    out.push_str(".\r\n");
    out
}

pub struct Session {
    conn: SmtpConnection,
}

impl Session {
    pub fn open(server: &ServerSettings) -> Result<Self, MailError> {
        let hello = ClientId::default();
        let wrapper = match server.security {
            Security::Wrapper => Some(server.tls()?),
            _ => None,
        };
        let mut conn = SmtpConnection::connect(
            (server.host.as_str(), server.port),
            Some(TIMEOUT),
            &hello,
            wrapper.as_ref(),
            None,
        )
        .map_err(server_error)?;
        match server.security {
            Security::Required => conn
                .starttls(&server.tls()?, &hello)
                .map_err(server_error)?,
            Security::Opportunistic if conn.can_starttls() => {
                conn.starttls(&server.tls()?, &hello)
                    .map_err(server_error)?;
            }
            _ => {}
        }
        if let Some((user, password)) = &server.credentials {
            conn.auth(
                &[Mechanism::Plain, Mechanism::Login],
                &Credentials::new(user.clone(), password.clone()),
            )
            .map_err(server_error)?;
        }
        Ok(Session { conn })
    }

    pub fn is_alive(&mut self) -> bool {
        !self.conn.has_broken() && self.conn.test_connected()
    }

    pub fn send(&mut self, message: &Message) -> Result<(), MailError> {
        let raw = message.formatted();
        let envelope = message.envelope();
        let mut options = vec![];
        if !raw.is_ascii() {
            if !self
                .conn
                .server_info()
                .supports_feature(Extension::EightBitMime)
            {
                return Err(MailError::Refused(
                    "the message is not ASCII and the server has no 8BITMIME".to_owned(),
                ));
            }
            options.push(MailParameter::Body(MailBodyParameter::EightBitMime));
        }
        self.conn
            .command(Mail::new(envelope.from().cloned(), options))
            .map_err(server_error)?;
        for to in envelope.to() {
            self.conn
                .command(Rcpt::new(to.clone(), vec![]))
                .map_err(email_error)?;
        }
        self.conn.command(Data).map_err(server_error)?;
        self.conn.command(Body(data(&raw))).map_err(email_error)?;
        Ok(())
    }

    pub fn close(mut self) {
        self.conn.abort();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn smtp_urls() {
        let s = ServerSettings::parse("smtp://127.0.0.1:1025").expect("plain");
        assert_eq!((s.port, s.security), (1025, Security::None));
        let s = ServerSettings::parse("smtp://mail.example:587?tls=required").expect("starttls");
        assert_eq!((s.port, s.security), (587, Security::Required));
        let s =
            ServerSettings::parse("smtps://ik%40gemeente.nl:geheim%21@mail.example").expect("tls");
        assert_eq!((s.port, s.security), (465, Security::Wrapper));
        assert_eq!(
            s.credentials,
            Some(("ik@gemeente.nl".to_owned(), "geheim!".to_owned()))
        );
        assert!(
            !format!("{s:?}").contains("geheim"),
            "the password is never logged"
        );
        assert!(ServerSettings::parse("http://x").is_err());
        assert!(ServerSettings::parse("smtp://x?tls=maybe").is_err());
        assert!(
            ServerSettings::parse("smtp://ik:geheim@x").is_err(),
            "no password in the clear"
        );
        assert!(ServerSettings::parse("smtp://ik:geheim@x?tls=opportunistic").is_err());
        assert!(ServerSettings::parse("smtp://ik:geheim@x?tls=required").is_ok());
    }

    #[test]
    fn the_data_phase_doubles_leading_dots_and_closes_with_one() {
        assert_eq!(data(b".a\r\nb\r\n.c\r\n"), "..a\r\nb\r\n..c\r\n.\r\n");
        assert_eq!(data(b"zonder einde"), "zonder einde\r\n.\r\n");
    }
}
