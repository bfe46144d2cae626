//! Sources named by a URL: telling one from a path, and the short name shown for it. The
//! engine does no network I/O: the front end fetches the page and hands its bytes to
//! [`super::read_page`].

/// The longest name [`url_name`] gives, in characters.
const MAX_NAME: usize = 48;

/// True when `s` is an `http://` or `https://` URL (scheme in any case).
pub fn is_url(s: &str) -> bool {
    let lower = s.get(..8).unwrap_or(s).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// The name a web page goes by in titles and lists: host and path, without the scheme,
/// `www.`, the query, the fragment and a trailing slash; a long one keeps its host and the
/// end of its path ("example.com/…/2026/01/talks-resume"), where articles are told apart.
pub fn url_name(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let rest = rest.split(['?', '#']).next().unwrap_or(rest);
    let rest = rest.trim_end_matches('/');
    // No user name or password in a title.
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    let host = host.rsplit('@').next().unwrap_or(host);
    let host = host.strip_prefix("www.").unwrap_or(host);
    let name = if path.is_empty() {
        host.to_string()
    } else {
        format!("{host}/{path}")
    };
    if name.chars().count() <= MAX_NAME {
        return name;
    }
    // Keep the host and as much of the path's end as fits.
    let room = MAX_NAME.saturating_sub(host.chars().count() + 2).max(8);
    let tail: String = {
        let chars: Vec<char> = path.chars().collect();
        chars[chars.len().saturating_sub(room)..].iter().collect()
    };
    format!("{host}/…{tail}")
}

#[cfg(test)]
mod tests {
    use super::{is_url, url_name};

    #[test]
    fn urls_are_told_from_paths() {
        assert!(is_url("https://example.com/a"));
        assert!(is_url("HTTP://example.com"));
        assert!(!is_url("http.txt"));
        assert!(!is_url("story.html"));
        assert!(!is_url("-"));
    }

    #[test]
    fn names_keep_host_and_path_end() {
        assert_eq!(
            url_name("https://www.example.com/news/talks.html?utm=x#top"),
            "example.com/news/talks.html"
        );
        assert_eq!(url_name("http://user:pw@example.org/"), "example.org");
        let long = url_name(
            "https://news.example.com/world/americas/2026/01/17/venezuela-us-talks-resume-after-years",
        );
        assert!(long.starts_with("news.example.com/…"), "{long}");
        assert!(long.ends_with("talks-resume-after-years"), "{long}");
        assert!(long.chars().count() <= 50, "{long}");
    }
}
