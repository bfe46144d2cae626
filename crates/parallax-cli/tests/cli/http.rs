//! A tiny HTTP server on 127.0.0.1 for the URL-source tests: each path answers with a fixed
//! response, one request per connection; no network beyond the loopback. (The reader's
//! tests use it too, through `#[path]`.)

// Two test binaries include this file and each uses only part of it.
#![allow(dead_code)]

use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// An article page: a menu around three paragraphs of prose.
pub const ARTICLE: &str = "<!DOCTYPE html><html><head><title>Bridge opens after years of delay | The Paper</title></head>\
<body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav><article><h1>Bridge opens after years of delay</h1>\
<p>The mayor opened the new river bridge on Monday morning, three years after work began on it.</p>\
<p>Officials said the bridge cost 42 million dollars, far more than the first estimate had allowed.</p>\
<p>Crowds gathered on both banks to watch the first cars cross, and a band played for an hour.</p>\
</article><footer>© The Paper</footer></body></html>";

/// One canned answer.
#[derive(Clone)]
pub enum Reply {
    /// A status line's code and reason, header lines, and a body.
    Page {
        status: &'static str,
        headers: Vec<String>,
        body: Vec<u8>,
    },
    /// Never answers: reads the request and keeps the connection open, silent.
    Silent,
    /// The first reply to the first request, the next to the next, the last from then on:
    /// a page that changes after it was fetched.
    Changing(Arc<Mutex<Vec<Reply>>>),
}

impl Reply {
    /// `200 OK` with the given content type.
    pub fn ok(content_type: &str, body: impl Into<Vec<u8>>) -> Reply {
        Reply::Page {
            status: "200 OK",
            headers: vec![format!("Content-Type: {content_type}")],
            body: body.into(),
        }
    }

    /// Each of `replies` in turn, the last one from then on.
    pub fn changing(replies: Vec<Reply>) -> Reply {
        Reply::Changing(Arc::new(Mutex::new(replies)))
    }

    /// A redirect to `to`.
    pub fn moved(to: &str) -> Reply {
        Reply::Page {
            status: "301 Moved Permanently",
            headers: vec![format!("Location: {to}")],
            body: Vec::new(),
        }
    }
}

/// A running server; its thread ends with the test process.
pub struct Server {
    /// `http://127.0.0.1:PORT`.
    pub base: String,
}

impl Server {
    /// Serves `routes` (path → reply); any other path is a 404.
    pub fn start(routes: Vec<(&str, Reply)>) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let routes: Arc<HashMap<String, Reply>> = Arc::new(
            routes
                .into_iter()
                .map(|(p, r)| (p.to_string(), r))
                .collect(),
        );
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let routes = Arc::clone(&routes);
                std::thread::spawn(move || answer(stream, &routes));
            }
        });
        Server { base }
    }

    /// The URL of `path` on this server.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }
}

/// Reads one request's head and writes the reply for its path.
fn answer(mut stream: TcpStream, routes: &HashMap<String, Reply>) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") && stream.read(&mut byte).unwrap_or(0) == 1 {
        head.push(byte[0]);
    }
    let head = String::from_utf8_lossy(&head);
    let path = head.split_whitespace().nth(1).unwrap_or("/").to_string();
    let reply = routes.get(&path).cloned().unwrap_or(Reply::Page {
        status: "404 Not Found",
        headers: vec!["Content-Type: text/html".to_string()],
        body: b"<html><body>not here</body></html>".to_vec(),
    });
    let reply = match reply {
        Reply::Changing(replies) => {
            let mut replies = replies.lock().unwrap();
            if replies.len() > 1 {
                replies.remove(0)
            } else {
                replies[0].clone()
            }
        }
        other => other,
    };
    match reply {
        Reply::Changing(_) => {}
        Reply::Silent => std::thread::sleep(Duration::from_secs(10)),
        Reply::Page {
            status,
            headers,
            body,
        } => {
            let mut out = format!("HTTP/1.1 {status}\r\nConnection: close\r\n");
            for h in headers {
                out.push_str(&h);
                out.push_str("\r\n");
            }
            out.push_str(&format!("Content-Length: {}\r\n\r\n", body.len()));
            let _ = stream.write_all(out.as_bytes());
            let _ = stream.write_all(&body);
        }
    }
}
