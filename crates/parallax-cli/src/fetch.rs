//! Web pages as sources: `parallax URL URL`, `align URL file`, the reader's open dialog and
//! `open --refresh` fetch the page here (ureq, rustls) and hand its bytes, URL and charset
//! to the engine, which extracts the article as from a saved page. The engine does no
//! network I/O (ARCHITECTURE.md); every failure becomes one line naming the URL.

use std::io::Read;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use parallax::document::{self, Checked, LoadOptions};
use ureq::Agent;
use ureq::http::StatusCode;

/// How long a fetch may take, connecting included, unless `--timeout` says otherwise.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

/// How long connecting may take at most (a dead host should not cost the whole timeout).
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// Redirects followed before giving up: enough for http → https → www → the article.
const MAX_REDIRECTS: u32 = 10;

/// How pages are fetched.
#[derive(Clone, Debug)]
pub struct FetchOptions {
    /// The size cap (`--max-size`), as for files.
    pub load: LoadOptions,
    /// The whole fetch, from resolving the host to the last byte of the body.
    pub timeout: Duration,
}

impl FetchOptions {
    /// Fetching with `load`'s size cap and the given overall timeout.
    pub fn new(load: LoadOptions, timeout: Duration) -> FetchOptions {
        FetchOptions { load, timeout }
    }
}

/// Reads `source`: a URL is fetched, anything else read as a file (or `-`) as before.
pub fn read_source(source: &str, opts: &FetchOptions) -> Result<Checked, String> {
    if document::is_url(source) {
        fetch(source, opts)
    } else {
        document::read(source, &opts.load).map_err(|e| e.to_string())
    }
}

/// Fetches the page at `url` and checks it as a saved page is checked: one line naming the
/// URL and the problem when it cannot be had (no such host, TLS, an HTTP error status, not
/// a web page, too large, too slow).
pub fn fetch(url: &str, opts: &FetchOptions) -> Result<Checked, String> {
    let fail = |problem: String| format!("{url}: {problem}");
    let agent: Agent = Agent::config_builder()
        .timeout_global(Some(opts.timeout))
        .timeout_connect(Some(CONNECT_TIMEOUT.min(opts.timeout)))
        .max_redirects(MAX_REDIRECTS)
        // The status is ours to report, with its reason.
        .http_status_as_error(false)
        .user_agent(concat!("parallax/", env!("CARGO_PKG_VERSION")))
        .build()
        .into();
    let response = agent
        .get(url)
        .header("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1")
        .call()
        .map_err(|e| fail(describe(&e, opts)))?;
    let status = response.status();
    if !status.is_success() {
        return Err(fail(status_problem(status)));
    }
    let body = response.into_body();
    let mime = body.mime_type().map(str::to_ascii_lowercase);
    if let Some(mime) = mime.as_deref().filter(|m| !is_html(m)) {
        return Err(fail(format!(
            "not a web page (the server sends {mime}); save it or convert it to text first"
        )));
    }
    let charset = body.charset().map(str::to_string);
    // Read here rather than in the engine so that a timeout or a dropped connection in the
    // middle of the body is told as such; one byte past the cap says it is too large.
    let mut bytes = Vec::new();
    body.into_reader()
        .take(opts.load.max_size.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| fail(describe(&ureq::Error::from(e), opts)))?;
    let fetched = parallax::annotate::rfc3339(now());
    document::read_page(url, &bytes[..], charset.as_deref(), fetched, &opts.load)
        .map_err(|e| e.to_string())
}

/// True for the content types of web pages (a page sent without one is tried too).
fn is_html(mime: &str) -> bool {
    matches!(mime, "text/html" | "application/xhtml+xml")
}

/// The words for an HTTP status that is no page: "HTTP 404 Not Found".
fn status_problem(status: StatusCode) -> String {
    match status.canonical_reason() {
        Some(reason) => format!("HTTP {} {reason}", status.as_u16()),
        None => format!("HTTP {}", status.as_u16()),
    }
}

/// What went wrong, in a user's words.
fn describe(e: &ureq::Error, opts: &FetchOptions) -> String {
    use ureq::Error as E;
    match e {
        E::HostNotFound => "no such host (DNS lookup failed)".to_string(),
        E::Timeout(ureq::Timeout::Connect) => "could not connect in time".to_string(),
        E::Timeout(_) => format!(
            "timed out after {} s (raise it with --timeout)",
            opts.timeout.as_secs_f32()
        ),
        E::TooManyRedirects => format!("more than {MAX_REDIRECTS} redirects"),
        E::BadUri(u) => format!("not a valid URL ({u})"),
        E::Tls(m) => format!("TLS failed: {m}"),
        E::Rustls(r) => format!("TLS failed: {r}"),
        // A TLS failure during the handshake comes as an I/O error holding rustls's.
        E::Io(io)
            if io
                .get_ref()
                .is_some_and(|inner| inner.downcast_ref::<rustls::Error>().is_some()) =>
        {
            format!("TLS failed: {io}")
        }
        // The system resolver's failure comes as an I/O error; only its words tell it.
        E::Io(io) if io.to_string().contains("lookup address") => {
            format!("no such host (DNS lookup failed: {io})")
        }
        E::Io(io) => match io.kind() {
            std::io::ErrorKind::ConnectionRefused => "connection refused".to_string(),
            std::io::ErrorKind::TimedOut => "could not connect in time".to_string(),
            _ => format!("could not fetch it: {io}"),
        },
        E::ConnectionFailed => "could not connect".to_string(),
        other => format!("could not fetch it: {other}"),
    }
}

/// Seconds since the Unix epoch, for the time a page was fetched.
fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}
