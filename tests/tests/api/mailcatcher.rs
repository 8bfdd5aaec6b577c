//! A real SMTP server for the worker's tests: MailDev (installed by `scripts/test`, found through
//! `MAILDEV_BIN`), one per test on free ports, read back through its REST API. And the worker
//! binary (built by cargo beside the tests, see `worker_bin`) run as its own process.

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::helpers::TestApp;

pub struct MailCatcher {
    child: Option<Child>,
    /// Its own folder: MailDev's default one is shared by every instance on the machine.
    dir: PathBuf,
    pub smtp_port: u16,
    pub web_port: u16,
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

fn maildev_bin() -> PathBuf {
    std::env::var_os("MAILDEV_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("../.data/tools/node_modules/.bin/maildev")
        })
}

impl MailCatcher {
    pub async fn start() -> Self {
        let dir = std::env::temp_dir().join(format!("maildev-{}", uuid::Uuid::new_v4().simple()));
        let mut m = MailCatcher {
            child: None,
            dir,
            smtp_port: free_port(),
            web_port: free_port(),
        };
        m.restart().await;
        m
    }

    /// Starts the server again on the same ports (after [`MailCatcher::stop`]); it starts empty.
    pub async fn restart(&mut self) {
        let bin = maildev_bin();
        assert!(
            bin.exists(),
            "MailDev not found at {}: run the tests with ./scripts/test, which installs it",
            bin.display()
        );
        let child = Command::new(bin)
            .args([
                "--smtp",
                &self.smtp_port.to_string(),
                "--web",
                &self.web_port.to_string(),
                "--ip",
                "127.0.0.1",
                "--web-ip",
                "127.0.0.1",
                "--silent",
                "--mail-directory",
                &self.dir.to_string_lossy(),
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("MailDev starts");
        self.child = Some(child);
        let deadline = Instant::now() + Duration::from_secs(30);
        while Instant::now() < deadline {
            let smtp = std::net::TcpStream::connect(("127.0.0.1", self.smtp_port)).is_ok();
            let web = std::net::TcpStream::connect(("127.0.0.1", self.web_port)).is_ok();
            if smtp && web {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("MailDev did not start on {}", self.smtp_port);
    }

    pub fn stop(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }

    /// The raw source of a message (all its headers), by MailDev's id.
    pub async fn source(&self, id: &str) -> String {
        let client = awc::Client::default();
        let mut res = client
            .get(format!(
                "http://127.0.0.1:{}/api/email/{id}/source",
                self.web_port
            ))
            .send()
            .await
            .expect("MailDev answers");
        let body = res.body().limit(16 * 1024 * 1024).await.expect("body");
        String::from_utf8_lossy(&body).into_owned()
    }

    pub fn smtp_url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.smtp_port)
    }

    /// Every message the server holds, as MailDev's REST API gives them.
    pub async fn messages(&self) -> Vec<Value> {
        let client = awc::Client::default();
        let mut res = client
            .get(format!("http://127.0.0.1:{}/api/email", self.web_port))
            .send()
            .await
            .expect("MailDev answers");
        let body = res.body().limit(512 * 1024 * 1024).await.expect("body");
        let messages: Vec<Value> = serde_json::from_slice(&body).expect("JSON");
        for message in &messages {
            crate::dutch::assert_email_is_dutch(message);
        }
        messages
    }

    /// The Message-ID of each message, in arrival order.
    pub async fn message_ids(&self) -> Vec<String> {
        self.messages()
            .await
            .iter()
            .map(|m| {
                m["messageId"]
                    .as_str()
                    .or_else(|| m["headers"]["message-id"].as_str())
                    .unwrap_or_default()
                    .trim_matches(['<', '>'])
                    .to_owned()
            })
            .collect()
    }
}

impl Drop for MailCatcher {
    fn drop(&mut self) {
        self.stop();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// The worker binary cargo built beside this test binary (`<target>/<profile>/deps/api-…` →
/// `<target>/<profile>/worker`), whatever the target folder or profile.
fn worker_bin() -> PathBuf {
    let test_binary = std::env::current_exe().expect("the test binary's path");
    let profile_dir = test_binary
        .parent()
        .and_then(|deps| deps.parent())
        .expect("tests run from <target>/<profile>/deps");
    let bin = profile_dir.join(format!("worker{}", std::env::consts::EXE_SUFFIX));
    assert!(
        bin.exists(),
        "{} is missing: build it with `cargo build -p worker` (./scripts/test does)",
        bin.display()
    );
    bin
}

pub fn worker_command(app: &TestApp, smtp_url: &str, args: &[&str]) -> Command {
    let mut c = Command::new(worker_bin());
    c.args(args)
        .env("DATABASE_URL", &app.db_url)
        .env("SMTP_URL", smtp_url)
        .env("APP_BASE_URL", "http://platform.test")
        .env("MAIL_FROM", "Veiligheidsplatform <noreply@platform.test>")
        .env("LOG_FORMAT", "pretty")
        .env("RUST_LOG", "warn")
        // No spare schemas (their DDL) in every test that runs the worker: the spare tests ask.
        .env("SPARE_SCHEMAS", "0")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    c
}

/// `worker run-once --now <now>`, waited for.
pub async fn run_once(app: &TestApp, smtp_url: &str, now: &str) -> Output {
    let mut c = worker_command(app, smtp_url, &["run-once", "--now", now]);
    tokio::task::spawn_blocking(move || c.output().expect("worker runs"))
        .await
        .expect("join")
}

/// `worker run-once --now <now>` in the background.
pub fn spawn_once(app: &TestApp, smtp_url: &str, now: &str) -> Child {
    worker_command(app, smtp_url, &["run-once", "--now", now])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("worker starts")
}

/// `worker run --interval <seconds>` in the background.
pub fn spawn_daemon(app: &TestApp, smtp_url: &str, interval: u64) -> Child {
    worker_command(app, smtp_url, &["run", "--interval", &interval.to_string()])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("worker starts")
}
