//! How sending an email stands, in the words the tenant's admins read in the list of emails.

use super::InvalidField;

pub const DELIVERY_STATUSES: [&str; 4] = ["pending", "sending", "sent", "dead"];

/// Where an email is on its way out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeliveryStatus {
    /// Waiting for its turn, or for a retry after a failure.
    Pending,
    /// A worker holds it and is sending it.
    Sending,
    Sent,
    /// Given up: the server refused it, or kept failing for too long.
    Dead,
}

impl DeliveryStatus {
    pub fn parse(field: &str, s: &str) -> Result<Self, InvalidField> {
        match s {
            "pending" => Ok(DeliveryStatus::Pending),
            "sending" => Ok(DeliveryStatus::Sending),
            "sent" => Ok(DeliveryStatus::Sent),
            "dead" => Ok(DeliveryStatus::Dead),
            other => Err(InvalidField::new(
                field,
                format!(
                    "'{other}' is onbekend; kies uit {}",
                    DELIVERY_STATUSES.join(", ")
                ),
            )),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            DeliveryStatus::Pending => "pending",
            DeliveryStatus::Sending => "sending",
            DeliveryStatus::Sent => "sent",
            DeliveryStatus::Dead => "dead",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_reads_back_and_others_are_refused() {
        for s in DELIVERY_STATUSES {
            assert_eq!(
                DeliveryStatus::parse("status", s).map(|d| d.as_str()),
                Ok(s)
            );
        }
        let e = DeliveryStatus::parse("status", "lost").expect_err("unknown");
        assert_eq!(e.field, "status");
        assert!(e.message.contains("pending, sending, sent, dead"), "{e}");
    }
}
