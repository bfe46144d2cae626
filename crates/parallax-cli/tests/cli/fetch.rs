//! URLs as sources, against a server on 127.0.0.1 started by the test: a page is fetched
//! and its article extracted as from a saved page; every failure is one line naming the URL
//! and the problem, exit code 2, never a panic. Each test takes well under a second.

use std::process::{Output, Stdio};

use crate::http::{ARTICLE, Reply, Server};
use crate::support;

const SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../assets/samples/cabello-2019-ap-rewrite.txt"
);

/// Runs `parallax` with `args` (and, for the commands that align, `--fast`: the sentence
/// encoder is not what is tested, and each test stays well under a second) without any
/// proxy from the environment (the server is local).
fn run(args: &[&str]) -> Output {
    let aligns = matches!(args.first(), Some(&("align" | "save")));
    support::parallax(args)
        .args(aligns.then_some("--fast"))
        .env_remove("http_proxy")
        .env_remove("HTTP_PROXY")
        .env_remove("https_proxy")
        .env_remove("HTTPS_PROXY")
        .env_remove("ALL_PROXY")
        .env_remove("all_proxy")
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

/// The JSON report of `parallax align URL SAMPLE`.
fn report(url: &str, extra: &[&str]) -> serde_json::Value {
    let mut args = vec!["align", url, SAMPLE, "--format", "json"];
    args.extend_from_slice(extra);
    let out = run(&args);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "stderr: {err}");
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Asserts the failure contract for `url`: exit 2, nothing on standard output, one line
/// naming the URL and saying each of `problem`.
fn refused(out: &Output, url: &str, problem: &[&str]) {
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "stderr: {err}");
    assert!(out.stdout.is_empty());
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {err:?}");
    assert!(err.contains(url), "names {url}: {err}");
    for p in problem {
        assert!(err.contains(p), "says {p:?}: {err}");
    }
}

#[test]
fn an_article_page_is_fetched_and_extracted() {
    let server = Server::start(vec![(
        "/news/bridge",
        Reply::ok("text/html; charset=utf-8", ARTICLE),
    )]);
    let url = server.url("/news/bridge");
    let json = report(&url, &[]);
    let doc = &json["documents"][0];
    assert_eq!(doc["path"], url.as_str());
    assert_eq!(doc["format"], "html");
    assert_eq!(doc["title"], "Bridge opens after years of delay");
    let text = doc["text"].as_str().unwrap();
    assert!(text.contains("cost 42 million dollars"), "{text}");
    assert!(!text.contains("Home"), "the menu is left out: {text}");
}

#[test]
fn the_text_report_names_a_page_by_host_and_path() {
    let server = Server::start(vec![(
        "/news/bridge?ref=rss",
        Reply::ok("text/html", ARTICLE),
    )]);
    let url = server.url("/news/bridge?ref=rss");
    let out = run(&["align", &url, SAMPLE]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success());
    let host = server.base.trim_start_matches("http://");
    assert!(
        text.lines()
            .next()
            .unwrap()
            .starts_with(&format!("A: {host}/news/bridge")),
        "{text}"
    );
}

/// The Markdown and HTML reports name a page once, by host and path, and then give its URL
/// and when it was fetched apart from the name (Markdown: each in its own code span); the
/// Markdown report heads each pair with its counts, as the text and HTML reports do.
#[test]
fn the_markdown_and_html_reports_name_a_page_once() {
    let server = Server::start(vec![("/news/bridge", Reply::ok("text/html", ARTICLE))]);
    let url = server.url("/news/bridge");
    let host = server.base.trim_start_matches("http://");
    let name = format!("{host}/news/bridge");
    let md = run(&["align", &url, SAMPLE, "--format", "md"]);
    assert!(md.status.success());
    let md = String::from_utf8_lossy(&md.stdout);
    let line = md.lines().find(|l| l.starts_with("- **A**")).unwrap();
    assert!(
        line.starts_with(&format!("- **A**: `{name}` (`{url}`, fetched ")),
        "{line}"
    );
    assert!(md.contains(" links, "), "{md}");
    assert!(md.contains(" only in A, "), "{md}");
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_str().unwrap();
    assert!(
        run(&["save", "bridge", &url, SAMPLE, "--data-dir", data])
            .status
            .success()
    );
    let html = run(&["export", "bridge", "--format", "html", "--data-dir", data]);
    assert!(html.status.success());
    let html = String::from_utf8_lossy(&html.stdout);
    let meta = html
        .split("<p class=\"meta\">")
        .nth(1)
        .and_then(|m| m.split("</p>").next())
        .unwrap();
    assert!(meta.starts_with(&format!("{url}, fetched ")), "{meta}");
    assert!(!meta.contains(&format!("{name} (")), "{meta}");
}

#[test]
fn the_charset_comes_from_the_content_type_header() {
    // The fixture declares windows-1252 in a <meta>; without it, only the header tells.
    let page = std::fs::read(support::fixture("article-windows-1252.html")).unwrap();
    let page = String::from_utf8_lossy(&page).into_owned();
    assert!(page.contains("http-equiv"));
    let bytes: Vec<u8> = std::fs::read(support::fixture("article-windows-1252.html"))
        .unwrap()
        .split(|&b| b == b'\n')
        .filter(|l| !l.windows(10).any(|w| w == b"http-equiv"))
        .flat_map(|l| l.iter().copied().chain([b'\n']))
        .collect();
    let server = Server::start(vec![
        (
            "/served",
            Reply::ok("text/html; charset=windows-1252", bytes.clone()),
        ),
        ("/unsaid", Reply::ok("text/html", bytes)),
    ]);
    let served = report(&server.url("/served"), &[]);
    let text = served["documents"][0]["text"].as_str().unwrap();
    assert!(text.contains("Geheime Gespräche"), "{text}");
    // The same bytes with no charset anywhere are read as UTF-8 and come out damaged.
    let unsaid = report(&server.url("/unsaid"), &[]);
    let text = unsaid["documents"][0]["text"].as_str().unwrap();
    assert!(!text.contains("Gespräche"), "{text}");
}

#[test]
fn redirects_are_followed() {
    let server = Server::start(vec![
        ("/old", Reply::moved("/new")),
        ("/new", Reply::ok("text/html", ARTICLE)),
    ]);
    let json = report(&server.url("/old"), &[]);
    let text = json["documents"][0]["text"].as_str().unwrap();
    assert!(text.contains("first cars cross"), "{text}");
}

#[test]
fn an_http_error_status_is_named() {
    let server = Server::start(vec![]);
    let url = server.url("/gone");
    refused(
        &run(&["align", &url, SAMPLE]),
        &url,
        &["HTTP 404 Not Found"],
    );
}

#[test]
fn a_page_that_is_no_web_page_is_refused() {
    let server = Server::start(vec![
        (
            "/chart.png",
            Reply::ok("image/png", b"\x89PNG\r\n".to_vec()),
        ),
        (
            "/report.pdf",
            Reply::ok("application/pdf", b"%PDF-1.7".to_vec()),
        ),
    ]);
    for (path, mime) in [
        ("/chart.png", "image/png"),
        ("/report.pdf", "application/pdf"),
    ] {
        let url = server.url(path);
        refused(
            &run(&["align", &url, SAMPLE]),
            &url,
            &["not a web page", mime],
        );
    }
}

/// An image a server sends as a web page is refused as a binary file is, not read as a
/// page of garbage.
#[test]
fn an_image_sent_as_a_web_page_is_refused() {
    let png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00".to_vec();
    let server = Server::start(vec![("/photo.html", Reply::ok("text/html", png))]);
    let url = server.url("/photo.html");
    refused(&run(&["align", &url, SAMPLE]), &url, &["binary"]);
}

#[test]
fn a_page_over_the_size_cap_is_refused() {
    let big = format!("<html><body><p>{}</p></body></html>", "word ".repeat(2000));
    let server = Server::start(vec![("/big", Reply::ok("text/html", big))]);
    let url = server.url("/big");
    refused(
        &run(&["align", &url, SAMPLE, "--max-size", "1000"]),
        &url,
        &["larger than the limit of 1000 bytes"],
    );
}

#[test]
fn a_page_with_no_article_is_refused() {
    let page = std::fs::read(support::fixture("no-article.html")).unwrap();
    let server = Server::start(vec![("/menu", Reply::ok("text/html", page))]);
    let url = server.url("/menu");
    refused(&run(&["align", &url, SAMPLE]), &url, &["no article"]);
}

/// An https:// address whose server speaks plain HTTP: the TLS handshake fails, and the
/// error says so on one line.
#[test]
fn a_failed_tls_handshake_is_named() {
    let server = Server::start(vec![("/news/bridge", Reply::ok("text/html", ARTICLE))]);
    let url = server.url("/news/bridge").replace("http://", "https://");
    refused(&run(&["align", &url, SAMPLE]), &url, &["TLS failed"]);
}

#[test]
fn an_unknown_host_is_refused() {
    // `.invalid` never resolves (RFC 2606): the lookup fails at once, without a network.
    let url = "http://no-such-host.invalid/story";
    refused(&run(&["align", url, SAMPLE]), url, &["no such host"]);
}

#[test]
fn a_server_that_never_answers_times_out() {
    let server = Server::start(vec![("/slow", Reply::Silent)]);
    let url = server.url("/slow");
    let started = std::time::Instant::now();
    refused(
        &run(&["align", &url, SAMPLE, "--timeout", "0.3"]),
        &url,
        &["timed out after 0.3 s"],
    );
    assert!(started.elapsed().as_secs_f32() < 5.0);
}

#[test]
fn a_fetched_page_is_saved_with_its_url_and_time_and_listed_by_name() {
    let server = Server::start(vec![("/news/bridge", Reply::ok("text/html", ARTICLE))]);
    let url = server.url("/news/bridge");
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_str().unwrap();
    let out = run(&["save", "bridge", &url, SAMPLE, "--data-dir", data]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let saved =
        std::fs::read_to_string(dir.path().join("comparisons/bridge.parallax.json")).unwrap();
    let saved: serde_json::Value = serde_json::from_str(&saved).unwrap();
    let doc = &saved["comparison"]["sources"][0]["document"];
    assert_eq!(doc["path"], url.as_str());
    let fetched = doc["fetched"].as_str().expect("the time fetched is kept");
    assert!(fetched.ends_with('Z') && fetched.len() == 20, "{fetched}");
    let list = run(&["list", "--data-dir", data]);
    let list = String::from_utf8_lossy(&list.stdout);
    let host = server.base.trim_start_matches("http://");
    assert!(list.contains(&format!("{host}/news/bridge")), "{list}");
    assert!(!list.contains("http://"), "{list}");
}

/// `open --refresh --yes` fetches a saved page again: the new text is compared and shown,
/// and a page that can no longer be fetched keeps its saved text, with the reason.
#[test]
fn refresh_fetches_a_page_again() {
    let later = ARTICLE.replace(
        "The mayor opened the new river bridge on Monday morning",
        "The governor opened the new river bridge on Tuesday evening",
    );
    let server = Server::start(vec![
        (
            "/news/bridge",
            Reply::changing(vec![
                Reply::ok("text/html", ARTICLE),
                Reply::ok("text/html", later),
            ]),
        ),
        ("/news/gone", Reply::ok("text/html", ARTICLE)),
    ]);
    let url = server.url("/news/bridge");
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_str().unwrap();
    let out = run(&["save", "bridge", &url, SAMPLE, "--data-dir", data]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = run(&["open", "bridge", "--refresh", "--yes", "--data-dir", data]);
    let err = String::from_utf8_lossy(&out.stderr);
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("changed since saving; read again"), "{err}");
    assert!(
        shown.contains("The governor opened the new river bridge"),
        "{shown}"
    );
    assert!(!shown.contains("The mayor opened"), "{shown}");

    // The same page no longer served: the saved text stays, and the reason is said.
    let gone = server.url("/news/gone");
    let out = run(&["save", "gone", &gone, SAMPLE, "--data-dir", data]);
    assert!(out.status.success());
    let saved = dir.path().join("comparisons/gone.parallax.json");
    let text = std::fs::read_to_string(&saved).unwrap();
    std::fs::write(&saved, text.replace("/news/gone", "/news/missing")).unwrap();
    let out = run(&["open", "gone", "--refresh", "--yes", "--data-dir", data]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("could not be fetched again; using the saved text"),
        "{err}"
    );
    assert!(err.contains("404"), "{err}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("The mayor opened"));
}
