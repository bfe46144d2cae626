//! A small WebDriver client (W3C protocol) over std::net: enough to drive chromedriver.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// A running chromedriver and one browser session; both end when this is dropped.
pub struct Browser {
    port: u16,
    session: String,
    driver: Child,
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// One HTTP/1.1 request; returns the status and the JSON body.
fn http(
    port: u16,
    method: &str,
    path: &str,
    body: Option<&Value>,
) -> std::io::Result<(u16, Value)> {
    let mut s = TcpStream::connect(("127.0.0.1", port))?;
    s.set_read_timeout(Some(Duration::from_secs(60)))?;
    s.set_write_timeout(Some(Duration::from_secs(10)))?;
    let body = body.map(Value::to_string).unwrap_or_default();
    write!(
        s,
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )?;
    // chromedriver may keep the connection open despite `Connection: close`: read the
    // header, then exactly Content-Length bytes (or chunks up to the last one).
    let mut raw = Vec::new();
    let mut buf = [0u8; 16 * 1024];
    let complete = |raw: &[u8]| -> Option<(usize, String)> {
        let split = raw.windows(4).position(|w| w == b"\r\n\r\n")?;
        let head = String::from_utf8_lossy(&raw[..split]).to_lowercase();
        let body = &raw[split + 4..];
        let done = match head
            .lines()
            .find_map(|l| l.strip_prefix("content-length:"))
            .and_then(|n| n.trim().parse::<usize>().ok())
        {
            Some(len) => body.len() >= len,
            None => body.ends_with(b"0\r\n\r\n"),
        };
        done.then_some((split, head))
    };
    let (split, head) = loop {
        if let Some(found) = complete(&raw) {
            break found;
        }
        let n = s.read(&mut buf)?;
        if n == 0 {
            break complete(&raw)
                .ok_or_else(|| std::io::Error::other("connection closed early"))?;
        }
        raw.extend_from_slice(&buf[..n]);
    };
    let mut payload = raw[split + 4..].to_vec();
    if head.contains("transfer-encoding: chunked") {
        payload = dechunk(&payload);
    }
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let value = serde_json::from_slice(&payload).unwrap_or(Value::Null);
    Ok((status, value))
}

fn dechunk(mut data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(eol) = data.windows(2).position(|w| w == b"\r\n") {
        let size =
            usize::from_str_radix(String::from_utf8_lossy(&data[..eol]).trim(), 16).unwrap_or(0);
        if size == 0 {
            break;
        }
        out.extend_from_slice(&data[eol + 2..eol + 2 + size]);
        data = &data[eol + 2 + size + 2..];
    }
    out
}

impl Browser {
    /// Starts `driver` on a free port and a headless `chromium` session with a fresh profile
    /// in `profile`, the window `width`×`height`.
    pub fn start(
        driver: &Path,
        chromium: &Path,
        profile: &Path,
        width: u32,
        height: u32,
    ) -> Browser {
        let port = free_port();
        let child = Command::new(driver)
            .arg(format!("--port={port}"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let mut b = Browser {
            port,
            session: String::new(),
            driver: child,
        };
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if let Ok((200, v)) = http(port, "GET", "/status", None)
                && v["value"]["ready"] == true
            {
                break;
            }
            assert!(
                Instant::now() < deadline,
                "chromedriver did not become ready"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": chromium.to_string_lossy(),
                "args": [
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                    format!("--user-data-dir={}", profile.display()),
                    format!("--window-size={width},{height}"),
                ]
            }
        }}});
        let v = b.call("POST", "/session", Some(&caps));
        b.session = v["sessionId"].as_str().expect("a session id").to_string();
        b
    }

    /// A WebDriver command; panics with the driver's message on an error status.
    pub fn call(&self, method: &str, path: &str, body: Option<&Value>) -> Value {
        let (status, v) =
            http(self.port, method, path, body).unwrap_or_else(|e| panic!("{method} {path}: {e}"));
        assert!(status < 400, "{method} {path}: HTTP {status}: {v}");
        v["value"].clone()
    }

    /// A command on this session.
    pub fn cmd(&self, method: &str, path: &str, body: Value) -> Value {
        let body = (method == "POST").then_some(body);
        self.call(
            method,
            &format!("/session/{}{path}", self.session),
            body.as_ref(),
        )
    }

    /// Opens `url`.
    pub fn goto(&self, url: &str) {
        self.cmd("POST", "/url", json!({ "url": url }));
    }

    /// The element matching a CSS selector.
    pub fn find(&self, css: &str) -> String {
        let v = self.cmd(
            "POST",
            "/element",
            json!({"using": "css selector", "value": css}),
        );
        v.as_object()
            .and_then(|o| o.values().next())
            .and_then(Value::as_str)
            .unwrap_or_else(|| panic!("no element {css}"))
            .to_string()
    }

    /// Clicks an element as a user would (WebDriver scrolls it into view first).
    pub fn click(&self, element: &str) {
        self.cmd("POST", &format!("/element/{element}/click"), json!({}));
    }

    /// Presses and releases one key.
    pub fn key(&self, key: &str) {
        let actions = json!({"actions": [{"type": "key", "id": "keyboard", "actions": [
            {"type": "keyDown", "value": key}, {"type": "keyUp", "value": key}
        ]}]});
        self.cmd("POST", "/actions", actions);
        self.cmd("DELETE", "/actions", json!({}));
    }

    /// Runs a script in the page and returns its result.
    pub fn script(&self, body: &str, args: Value) -> Value {
        self.cmd(
            "POST",
            "/execute/sync",
            json!({"script": body, "args": args}),
        )
    }

    /// A PNG screenshot of the window.
    pub fn screenshot(&self) -> Vec<u8> {
        let b64 = self.cmd("GET", "/screenshot", json!({}));
        base64(b64.as_str().expect("base64 text"))
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            let _ = http(
                self.port,
                "DELETE",
                &format!("/session/{}", self.session),
                None,
            );
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

/// Standard base64 to bytes (the screenshot's encoding).
fn base64(text: &str) -> Vec<u8> {
    let val = |c: u8| match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    };
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0);
    for v in text.bytes().filter_map(val) {
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    out
}
