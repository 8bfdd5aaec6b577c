pub mod list_audit_events;
