//! Spawns the API on a random port against its own fresh database in a real PostgreSQL, and
//! offers one method per endpoint the tests use.

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use api::auth::keys::generate_pem_pair;
use api::auth::tokens::TokenIssuer;
use api::config::{Settings, TokenSettings};
use api::db::migrations::migrate_platform;
use api::db::{DbPool, TenantDb};
use api::domain::email::EmailAddress;
use api::domain::password::NewPassword;
use api::domain::role::Role;
use api::domain::slug::TenantSlug;
use api::http::startup::Application;
use api::repo::memberships::{self, MembershipRow};
use api::repo::tenants::TenantRow;
use api::services::demo;
use api::services::provisioning::{self, NewTenant, find_or_create_user};
use awc::http::StatusCode;
use diesel::connection::SimpleConnection;
use diesel::{Connection, PgConnection};
use serde_json::{Value, json};
use uuid::Uuid;

pub const PASSWORD: &str = "correct horse battery staple";
/// The login role the app runs as in tests: not a superuser, NOINHERIT, CREATEROLE.
pub const APP_ROLE: &str = "safety_app_test";

fn init_logging() {
    static ONCE: OnceLock<()> = OnceLock::new();
    ONCE.get_or_init(|| {
        if std::env::var("TEST_LOG").is_ok() {
            api::telemetry::init("debug");
        }
    });
}

/// The superuser URL of the PostgreSQL the tests use; `scripts/test` sets it.
pub fn admin_url() -> String {
    std::env::var("TEST_DATABASE_URL").expect(
        "TEST_DATABASE_URL is not set: run the tests with ./scripts/test, which starts PostgreSQL",
    )
}

/// A fresh database owned by the app role in the PostgreSQL of the superuser URL `admin`.
pub fn create_database_on(admin: &str) -> String {
    let mut conn = PgConnection::establish(admin).expect("connect to TEST_DATABASE_URL");
    let name = format!("test_{}", Uuid::new_v4().simple());
    conn.batch_execute(&format!(
        "DO $$ BEGIN CREATE ROLE {APP_ROLE} LOGIN NOINHERIT CREATEROLE;
         EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;"
    ))
    .expect("create the app role");
    // On its own: CREATE DATABASE cannot run inside a (multi-statement) transaction.
    conn.batch_execute(&format!("CREATE DATABASE {name} OWNER {APP_ROLE}"))
        .expect("create test database");
    let mut url = url::Url::parse(admin).expect("TEST_DATABASE_URL is a URL");
    url.set_username(APP_ROLE).expect("set user");
    url.set_password(None).expect("clear password");
    url.set_path(&name);
    url.to_string()
}

/// A superuser connection to the test database of `app` (to look behind the app's back).
pub fn superuser_conn(app_db_url: &str) -> PgConnection {
    let mut url = url::Url::parse(&admin_url()).expect("url");
    let db = url::Url::parse(app_db_url).expect("url").path().to_owned();
    url.set_path(&db);
    PgConnection::establish(url.as_str()).expect("superuser connection")
}

pub struct TestApp {
    pub address: String,
    pub pool: DbPool,
    pub db_url: String,
    pub issuer: Arc<TokenIssuer>,
    /// The API's turns for its connections (one per pooled connection).
    pub turns: Arc<tokio::sync::Semaphore>,
    pub client: awc::Client,
}

pub struct Response {
    pub status: StatusCode,
    pub content_type: String,
    pub headers: awc::http::header::HeaderMap,
    pub body: Value,
    pub text: String,
    pub bytes: Vec<u8>,
}

impl Response {
    /// The `id` of a successful create or read.
    pub fn id(&self) -> String {
        assert!(self.status.is_success(), "{}", self.text);
        self.body["id"].as_str().expect("id").to_owned()
    }

    /// The `id` of the first item of a list answer.
    pub fn first_id(&self) -> String {
        self.body["items"][0]["id"]
            .as_str()
            .unwrap_or_else(|| panic!("no first item: {}", self.text))
            .to_owned()
    }

    /// `field` of every item of a list answer, in order.
    pub fn item_field(&self, field: &str) -> Vec<String> {
        self.body["items"]
            .as_array()
            .unwrap_or_else(|| panic!("not a list: {}", self.text))
            .iter()
            .filter_map(|item| item[field].as_str().map(str::to_owned))
            .collect()
    }

    /// The value of `name`, the first header of that name.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// The `Set-Cookie` header that sets or clears the `refresh_token` cookie, if any.
    pub fn refresh_cookie_header(&self) -> Option<&str> {
        self.headers
            .get_all("set-cookie")
            .filter_map(|v| v.to_str().ok())
            .find(|v| v.starts_with("refresh_token="))
    }

    /// The value the answer sets the `refresh_token` cookie to (empty when it clears it).
    pub fn refresh_cookie(&self) -> Option<String> {
        self.refresh_cookie_header().map(|h| {
            h.trim_start_matches("refresh_token=")
                .split(';')
                .next()
                .unwrap_or("")
                .to_owned()
        })
    }

    /// The `code` of a problem+json answer, checking that it is one.
    pub fn problem_code(&self) -> &str {
        assert_eq!(
            self.content_type, "application/problem+json",
            "not a problem: {}",
            self.text
        );
        assert_eq!(
            self.body["status"].as_u64(),
            Some(u64::from(self.status.as_u16())),
            "{}",
            self.text
        );
        assert!(
            self.body["detail"].as_str().is_some_and(|d| !d.is_empty()),
            "{}",
            self.text
        );
        self.body["code"].as_str().expect("problem has a code")
    }
}

/// The row of a `SELECT count(*) AS n …` run with `diesel::sql_query`.
#[derive(diesel::QueryableByName)]
pub struct Count {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    pub n: i64,
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(AppOptions::default()).await
}

pub async fn spawn_app_with_pool_size(pool_size: u32) -> TestApp {
    spawn_app_with(AppOptions {
        pool_size,
        ..AppOptions::default()
    })
    .await
}

/// What a test may choose about the app it spawns.
pub struct AppOptions {
    pub pool_size: u32,
    /// `DB_COOPERATIONS_PER_CONNECTION`.
    pub cooperations_per_connection: usize,
    /// `APP_BASE_URL` (the issuer of tokens stays `http://platform.test`).
    pub app_base_url: String,
    /// `WEB_UI_DIR`; by default a folder that does not exist (the web UI is not built).
    pub web_ui_dir: PathBuf,
    /// A superuser URL of the PostgreSQL to make the app's database in; by default
    /// `TEST_DATABASE_URL`, the shared test cluster.
    pub admin_url: Option<String>,
}

impl Default for AppOptions {
    fn default() -> Self {
        AppOptions {
            pool_size: 6,
            cooperations_per_connection: api::db::pool::COOPERATIONS_PER_CONNECTION,
            app_base_url: "http://platform.test".into(),
            web_ui_dir: std::env::temp_dir().join(format!("no-web-ui-{}", Uuid::new_v4())),
            admin_url: None,
        }
    }
}

pub async fn spawn_app_with(options: AppOptions) -> TestApp {
    let AppOptions {
        pool_size,
        cooperations_per_connection,
        app_base_url,
        web_ui_dir,
        admin_url: admin,
    } = options;
    init_logging();
    let db_url = create_database_on(&admin.unwrap_or_else(admin_url));
    let (private, public) = generate_pem_pair().expect("keys");
    // Started as `api serve` starts, with its checks (the login role among them).
    let settings = Settings {
        database_url: db_url.clone(),
        db_pool_size: pool_size,
        cooperations_per_connection,
        migrate_jobs: 4,
        bind_addr: "127.0.0.1:0".into(),
        app_base_url,
        data_dir: std::env::temp_dir(),
        web_ui_dir,
        token: TokenSettings {
            private_key_pem: Some(private),
            public_key_pem: Some(public),
            issuer: "http://platform.test".into(),
            audience: "safety-platform".into(),
            access_ttl_seconds: 900,
            refresh_ttl_days: 30,
        },
    };
    let app = Application::build(settings).expect("the API starts");
    let address = format!("http://127.0.0.1:{}", app.port());
    let issuer = app.state().issuer.clone();
    let pool = app.state().pool.clone();
    let turns = app.state().turns.clone();
    migrate_platform(&mut pool.get().expect("conn")).expect("platform migrations");
    actix_rt::spawn(app.into_server());
    TestApp {
        address,
        pool,
        db_url,
        issuer,
        turns,
        client: awc::Client::builder()
            .timeout(std::time::Duration::from_secs(60))
            // Shorter than the server's keep-alive (5 s): a connection idle for longer (a test
            // waiting on LibreOffice, say) is not reused after the server has closed it.
            .connector(awc::Connector::new().conn_keep_alive(std::time::Duration::from_secs(3)))
            .finish(),
    }
}

/// A tenant made for a test, with the token of its first admin.
pub struct TestTenant {
    pub row: TenantRow,
    pub admin_token: String,
    pub admin_id: Uuid,
}

impl TestTenant {
    pub fn slug(&self) -> &str {
        &self.row.slug
    }
    pub fn db(&self) -> TenantDb {
        self.row.db().expect("valid names")
    }
}

impl TestApp {
    pub async fn request(
        &self,
        method: &str,
        path: &str,
        token: Option<&str>,
        body: Option<&Value>,
    ) -> Response {
        let method = awc::http::Method::from_bytes(method.as_bytes()).expect("method");
        let mut req = self
            .client
            .request(method, format!("{}{}", self.address, path));
        if let Some(t) = token {
            req = req.insert_header(("Authorization", format!("Bearer {t}")));
        }
        let mut res = match body {
            Some(b) => req.send_json(b).await,
            None => req.send().await,
        }
        .expect("request sent");
        read(&mut res).await
    }

    /// Sends raw bytes with the given content type.
    pub async fn send_raw(
        &self,
        method: &str,
        path: &str,
        token: Option<&str>,
        content_type: &str,
        body: Vec<u8>,
    ) -> Response {
        let method = awc::http::Method::from_bytes(method.as_bytes()).expect("method");
        let mut req = self
            .client
            .request(method, format!("{}{}", self.address, path))
            .insert_header(("Content-Type", content_type));
        if let Some(t) = token {
            req = req.insert_header(("Authorization", format!("Bearer {t}")));
        }
        let mut res = req.send_body(body).await.expect("request sent");
        read(&mut res).await
    }

    /// A form posted by a browser (`Accept: text/html`), as the button of a page posts it.
    pub async fn post_form_as_browser(&self, path: &str, body: &str) -> Response {
        let mut res = self
            .client
            .post(format!("{}{}", self.address, path))
            .insert_header(("Content-Type", "application/x-www-form-urlencoded"))
            .insert_header(("Accept", "text/html,application/xhtml+xml,*/*;q=0.8"))
            .send_body(body.to_owned())
            .await
            .expect("request sent");
        read(&mut res).await
    }

    /// A JSON request with extra headers (e.g. `If-Match`).
    pub async fn request_with_headers(
        &self,
        method: &str,
        path: &str,
        token: &str,
        body: &Value,
        headers: &[(&str, &str)],
    ) -> Response {
        let method = awc::http::Method::from_bytes(method.as_bytes()).expect("method");
        let mut req = self
            .client
            .request(method, format!("{}{}", self.address, path))
            .insert_header(("Authorization", format!("Bearer {token}")));
        for (name, value) in headers {
            req = req.insert_header((*name, *value));
        }
        let mut res = req.send_json(body).await.expect("request sent");
        read(&mut res).await
    }

    /// A GET with extra headers (e.g. `Accept`, `If-None-Match`).
    pub async fn get_with_headers(
        &self,
        path: &str,
        token: &str,
        headers: &[(&str, &str)],
    ) -> Response {
        let mut req = self
            .client
            .get(format!("{}{}", self.address, path))
            .insert_header(("Authorization", format!("Bearer {token}")));
        for (name, value) in headers {
            req = req.insert_header((*name, *value));
        }
        let mut res = req.send().await.expect("request sent");
        read(&mut res).await
    }

    pub async fn get(&self, path: &str, token: &str) -> Response {
        self.request("GET", path, Some(token), None).await
    }
    pub async fn post(&self, path: &str, token: &str, body: &Value) -> Response {
        self.request("POST", path, Some(token), Some(body)).await
    }
    pub async fn put(&self, path: &str, token: &str, body: &Value) -> Response {
        self.request("PUT", path, Some(token), Some(body)).await
    }
    pub async fn patch(&self, path: &str, token: &str, body: &Value) -> Response {
        self.request("PATCH", path, Some(token), Some(body)).await
    }
    pub async fn delete(&self, path: &str, token: &str) -> Response {
        self.request("DELETE", path, Some(token), None).await
    }

    pub async fn login(&self, email: &str, password: &str) -> Response {
        self.request(
            "POST",
            "/api/v1/auth/login",
            None,
            Some(&serde_json::json!({ "email": email, "password": password })),
        )
        .await
    }

    /// Logs in and returns the access token, failing the test otherwise.
    pub async fn token_for(&self, email: &str) -> String {
        let res = self.login(email, PASSWORD).await;
        assert_eq!(res.status, StatusCode::OK, "login {email}: {}", res.text);
        res.body["accessToken"].as_str().expect("token").to_owned()
    }

    pub async fn refresh(&self, refresh_token: &str) -> Response {
        self.request(
            "POST",
            "/api/v1/auth/refresh",
            None,
            Some(&serde_json::json!({ "refreshToken": refresh_token })),
        )
        .await
    }

    pub async fn logout(&self, refresh_token: &str) -> Response {
        self.request(
            "POST",
            "/api/v1/auth/logout",
            None,
            Some(&serde_json::json!({ "refreshToken": refresh_token })),
        )
        .await
    }

    /// `POST /auth/login` as the web UI (`X-Client: web`): the refresh token comes as a cookie.
    pub async fn login_web(&self, email: &str, password: &str) -> Response {
        self.auth_request(
            "/api/v1/auth/login",
            Some(&serde_json::json!({ "email": email, "password": password })),
            &[("X-Client", "web")],
        )
        .await
    }

    /// `POST /auth/refresh` without a body, with the refresh token as the `refresh_token` cookie
    /// (when given) and `X-Client: web` (when `web_client`).
    pub async fn refresh_web(&self, cookie: Option<&str>, web_client: bool) -> Response {
        let headers = web_headers(cookie, web_client);
        let headers: Vec<(&str, &str)> = headers.iter().map(|(n, v)| (*n, v.as_str())).collect();
        self.auth_request("/api/v1/auth/refresh", None, &headers)
            .await
    }

    /// `POST /auth/logout` without a body, like [`TestApp::refresh_web`].
    pub async fn logout_web(&self, cookie: Option<&str>, web_client: bool) -> Response {
        let headers = web_headers(cookie, web_client);
        let headers: Vec<(&str, &str)> = headers.iter().map(|(n, v)| (*n, v.as_str())).collect();
        self.auth_request("/api/v1/auth/logout", None, &headers)
            .await
    }

    /// A POST to an auth endpoint with extra headers and an optional JSON body.
    async fn auth_request(
        &self,
        path: &str,
        body: Option<&Value>,
        headers: &[(&str, &str)],
    ) -> Response {
        let mut req = self.client.post(format!("{}{}", self.address, path));
        for (name, value) in headers {
            req = req.insert_header((*name, *value));
        }
        let mut res = match body {
            Some(b) => req.send_json(b).await,
            None => req.send().await,
        }
        .expect("request sent");
        read(&mut res).await
    }

    /// A GET of `target` exactly as written (no client between that could tidy the path up):
    /// the status and the whole answer, headers and body.
    pub async fn raw_get(&self, target: &str) -> (u16, String) {
        let host = self.address.trim_start_matches("http://").to_owned();
        let request = format!("GET {target} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n");
        tokio::task::spawn_blocking(move || {
            use std::io::{Read, Write};
            let mut stream = std::net::TcpStream::connect(&host).expect("connect");
            stream
                .set_read_timeout(Some(std::time::Duration::from_secs(30)))
                .expect("timeout");
            stream.write_all(request.as_bytes()).expect("send");
            let mut answer = Vec::new();
            stream.read_to_end(&mut answer).expect("read");
            let answer = String::from_utf8_lossy(&answer).into_owned();
            let status = answer
                .split(' ')
                .nth(1)
                .and_then(|s| s.parse().ok())
                .unwrap_or_else(|| panic!("no status line: {answer}"));
            (status, answer)
        })
        .await
        .expect("join")
    }

    /// Creates a resource in `collection` of the tenant as its admin; returns the new id.
    pub async fn create(&self, tenant: &TestTenant, collection: &str, body: &Value) -> String {
        let res = self
            .post(
                &format!("/api/v1/tenants/{}/{collection}", tenant.slug()),
                &tenant.admin_token,
                body,
            )
            .await;
        assert_eq!(res.status.as_u16(), 201, "{collection}: {}", res.text);
        res.id()
    }

    pub async fn create_municipality(&self, tenant: &str, token: &str, name: &str) -> Response {
        self.post(
            &format!("/api/v1/tenants/{tenant}/municipalities"),
            token,
            &serde_json::json!({ "name": name }),
        )
        .await
    }

    /// `POST …/indicators/{indicator}/measurements`: enters a value.
    pub async fn record_measurement(
        &self,
        tenant: &str,
        token: &str,
        indicator: &str,
        body: &Value,
    ) -> Response {
        self.post(
            &format!("/api/v1/tenants/{tenant}/indicators/{indicator}/measurements"),
            token,
            body,
        )
        .await
    }

    /// `POST …/measurement-imports` with a CSV body.
    pub async fn import_measurements(
        &self,
        tenant: &str,
        token: &str,
        csv: &str,
        dry_run: bool,
    ) -> Response {
        self.send_raw(
            "POST",
            &format!("/api/v1/tenants/{tenant}/measurement-imports?dryRun={dry_run}"),
            Some(token),
            "text/csv; charset=utf-8",
            csv.as_bytes().to_vec(),
        )
        .await
    }

    /// `GET …/measurement-exports` with a query (e.g. `?separator=semicolon`).
    pub async fn export_measurements(&self, tenant: &str, token: &str, query: &str) -> Response {
        self.get(
            &format!("/api/v1/tenants/{tenant}/measurement-exports{query}"),
            token,
        )
        .await
    }

    /// A platform admin account (not a member of any tenant) and its token.
    pub async fn platform_admin(&self) -> String {
        let email = format!("pa-{}@platform.example", Uuid::new_v4().simple());
        let user_id = self.user(&email).await;
        let pool = self.pool.clone();
        tokio::task::spawn_blocking(move || {
            api::repo::users::set_platform_admin(&mut pool.get().expect("conn"), user_id, true)
                .expect("set admin")
        })
        .await
        .expect("join");
        self.token_for(&email).await
    }

    /// Signs in the user with this id (made by the helpers, so with the test password).
    pub async fn token_for_user(&self, id: Uuid) -> String {
        let pool = self.pool.clone();
        let email = tokio::task::spawn_blocking(move || {
            api::repo::users::find_by_id(&mut pool.get().expect("conn"), id)
                .expect("user")
                .expect("exists")
                .email
        })
        .await
        .expect("join");
        self.token_for(&email).await
    }

    /// Creates (or finds) a user with the test password; returns their id.
    pub async fn user(&self, email: &str) -> Uuid {
        let pool = self.pool.clone();
        let email = email.to_owned();
        tokio::task::spawn_blocking(move || {
            let password = NewPassword::parse(PASSWORD).expect("password");
            let (user, _) = find_or_create_user(
                &mut pool.get().expect("conn"),
                &EmailAddress::parse(&email).expect("email"),
                "Test Gebruiker",
                Some(&password),
            )
            .expect("user");
            user.id
        })
        .await
        .expect("join")
    }

    /// Provisions a tenant with a unique slug starting with `prefix` and signs its admin in.
    pub async fn tenant(&self, prefix: &str) -> TestTenant {
        let slug = format!("{prefix}-{}", &Uuid::new_v4().simple().to_string()[..8]);
        let admin_email = format!("admin@{slug}.example");
        let pool = self.pool.clone();
        let admin_email2 = admin_email.clone();
        let row = tokio::task::spawn_blocking(move || {
            provisioning::create_tenant(
                &mut pool.get().expect("conn"),
                &NewTenant {
                    slug: TenantSlug::parse(&slug).expect("slug"),
                    name: format!("Samenwerkingsverband {slug}"),
                    admin_email: EmailAddress::parse(&admin_email2).expect("email"),
                    admin_name: "Beheerder".into(),
                    admin_password: Some(NewPassword::parse(PASSWORD).expect("pw")),
                },
            )
            .expect("tenant")
        })
        .await
        .expect("join");
        let admin_id = self.user(&admin_email).await;
        let admin_token = self.token_for(&admin_email).await;
        TestTenant {
            row,
            admin_token,
            admin_id,
        }
    }

    /// Adds a member with `role` (optionally scoped) to the tenant and returns their token.
    pub async fn member(
        &self,
        tenant: &TestTenant,
        role: Role,
        municipality_id: Option<Uuid>,
    ) -> String {
        self.member_user(tenant, role, municipality_id).await.0
    }

    /// Like [`TestApp::member`], also answering the member's user id.
    pub async fn member_user(
        &self,
        tenant: &TestTenant,
        role: Role,
        municipality_id: Option<Uuid>,
    ) -> (String, Uuid) {
        let email = format!(
            "{}-{}@{}.example",
            role.as_str().replace('_', "-"),
            &Uuid::new_v4().simple().to_string()[..6],
            tenant.slug()
        );
        let user_id = self.user(&email).await;
        let pool = self.pool.clone();
        let tenant_id = tenant.row.id;
        tokio::task::spawn_blocking(move || {
            memberships::insert_many(
                &mut pool.get().expect("conn"),
                &[MembershipRow {
                    id: Uuid::new_v4(),
                    user_id,
                    tenant_id,
                    role: role.as_str().to_owned(),
                    municipality_id,
                    created_at: chrono::Utc::now(),
                }],
            )
            .expect("membership")
        })
        .await
        .expect("join");
        (self.token_for(&email).await, user_id)
    }
}

/// The headers of a request of the web UI: its cookie and `X-Client: web`.
fn web_headers(cookie: Option<&str>, web_client: bool) -> Vec<(&'static str, String)> {
    let mut headers = vec![];
    if let Some(token) = cookie {
        headers.push(("Cookie", format!("refresh_token={token}")));
    }
    if web_client {
        headers.push(("X-Client", "web".to_owned()));
    }
    headers
}

async fn read<S>(res: &mut awc::ClientResponse<S>) -> Response
where
    S: futures_util::Stream<Item = Result<actix_web::web::Bytes, awc::error::PayloadError>> + Unpin,
{
    let status = res.status();
    let headers = res.headers().clone();
    let content_type = headers
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned();
    let bytes = res.body().limit(10 * 1024 * 1024).await.expect("body");
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let body = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
    if content_type.starts_with("application/problem+json") {
        crate::dutch::assert_problem_is_dutch(&body);
    }
    Response {
        status,
        content_type,
        headers,
        body,
        text,
        bytes: bytes.to_vec(),
    }
}

/// A tenant with a plan, Ermelo and Putten, a cooperation-wide priority and one of Ermelo.
pub struct PlanSetup {
    pub t: TestTenant,
    pub ermelo: String,
    pub putten: String,
    pub coop_priority: String,
    pub ermelo_priority: String,
}

impl PlanSetup {
    pub async fn new(app: &TestApp, prefix: &str) -> Self {
        let t = app.tenant(prefix).await;
        let tok = &t.admin_token;
        let slug = t.slug().to_owned();
        let plan = app
            .create(&t, "plans", &json!({ "title": "IVP 2020-2024", "kind": "ivp", "startYear": 2020, "endYear": 2024 }))
            .await;
        let ermelo = app.create_municipality(&slug, tok, "Ermelo").await.id();
        let putten = app.create_municipality(&slug, tok, "Putten").await.id();
        let coop_priority = app
            .create(
                &t,
                "priorities",
                &json!({ "planId": plan, "title": "Overkoepelende veiligheidsdoelstelling", "scope": "cooperation" }),
            )
            .await;
        let ermelo_priority = app
            .create(
                &t,
                "priorities",
                &json!({ "planId": plan, "title": "Overlast, geweld", "scope": "municipality", "municipalityId": ermelo }),
            )
            .await;
        PlanSetup {
            t,
            ermelo,
            putten,
            coop_priority,
            ermelo_priority,
        }
    }

    pub fn slug(&self) -> &str {
        self.t.slug()
    }

    /// Ermelo's "totaal misdrijven" of seed 002: 930 in 2019, at most 800 in 2024.
    pub fn misdrijven(&self) -> Value {
        json!({
            "priorityId": self.coop_priority,
            "name": "Totaal misdrijven (excl. cybercrime)",
            "unit": "aantal",
            "source": "politie",
            "direction": "lower_is_better",
            "areas": [
                { "municipalityId": self.ermelo, "baseline": { "period": "2019", "value": 930 }, "target": { "period": "2024", "comparator": "<=", "value": 800 } },
                { "municipalityId": self.putten, "baseline": { "period": "2019", "value": 561 }, "target": { "period": "2024", "comparator": "≤", "value": 500 } }
            ]
        })
    }
}

/// The status of an input refused at `field`: 422 when `field` is one of `in_context` (it fits
/// its own description but not another field or the cooperation's data), else 400 (a value the
/// API description rules out).
pub fn refused_with(field: &str, in_context: &[&str]) -> u16 {
    if in_context.contains(&field) {
        422
    } else {
        400
    }
}

/// The password of every demo user in the tests.
pub const DEMO_PASSWORD: &str = "demo-password-for-tests";

/// Loads the demo cooperations with their data into the app's database.
pub async fn load_demo(app: &TestApp) {
    let pool = app.pool.clone();
    tokio::task::spawn_blocking(move || {
        let mut conn = pool.get().expect("conn");
        demo::load(&mut conn, &NewPassword::parse(DEMO_PASSWORD).expect("pw")).expect("demo");
    })
    .await
    .expect("join");
}

pub async fn demo_token(app: &TestApp, who: &str, slug: &str) -> String {
    let res = app
        .login(&format!("{who}@{slug}.example"), DEMO_PASSWORD)
        .await;
    assert_eq!(res.status.as_u16(), 200, "{}", res.text);
    res.body["accessToken"].as_str().expect("token").to_owned()
}
