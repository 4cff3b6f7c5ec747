//! `kizuki-serve`: serves the built site (`dist/`) on loopback with the headers it ships with.
//!
//! A development and test server, not a product: static files, gzip and brotli, the exact
//! Content-Security-Policy the embed guide asks host pages for, and explicit MIME types
//! (WebAssembly must be `application/wasm` for streaming compilation).
//!
//! It stays in its folder: every path is resolved to its canonical form and must lie under
//! the served folder (a symlink pointing out is refused), and no path segment may start
//! with a dot (`.git`, `.env`, `..`). A client gets [`HEADER_TIMEOUT`] to send a request's
//! headers, also while a kept-alive connection waits for the next request (slowloris), and a
//! connection lasts at most [`CONNECTION_LIFETIME`]. Every response carries the security
//! headers, the 400, 414 and 431 that hyper writes by itself for malformed requests too
//! ([`ErrorHeaders`]). A `--host` that is not loopback is served with a warning.

use std::io;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::sync::Arc;
use std::task::{ready, Context, Poll};
use std::time::Duration;

use anyhow::{bail, Context as _};
use axum::extract::{Request, State};
use axum::http::header::{self, HeaderName, HeaderValue};
use axum::http::StatusCode;
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::Router;
use clap::Parser;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpListener;
use tower_http::compression::CompressionLayer;
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;

/// The policy every page is served with: nothing but this origin, and WebAssembly allowed.
const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
     style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; \
     frame-ancestors 'self'";

/// How long a client may take to send a request's headers, counted from when the server
/// starts waiting for them (so an idle kept-alive connection is closed after it too).
const HEADER_TIMEOUT: Duration = Duration::from_secs(10);
/// The longest a connection stays open, whatever it does.
const CONNECTION_LIFETIME: Duration = Duration::from_secs(120);

/// Serve a directory of static files on loopback with Kizuki's security headers.
#[derive(Debug, Parser)]
#[command(version, about)]
struct Args {
    /// The directory to serve.
    #[arg(long, default_value = "dist")]
    dir: PathBuf,
    /// The port to listen on; 0 picks a free one (the address is printed).
    #[arg(long, default_value_t = 8080)]
    port: u16,
    /// The address to listen on (anything but loopback gets a warning).
    #[arg(long, default_value = "127.0.0.1")]
    host: std::net::IpAddr,
}

/// The timeouts of one server (the tests use short ones).
#[derive(Debug, Clone, Copy)]
struct Limits {
    header: Duration,
    lifetime: Duration,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            header: HEADER_TIMEOUT,
            lifetime: CONNECTION_LIFETIME,
        }
    }
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    if !args.dir.join("index.html").is_file() {
        bail!(
            "{} has no index.html: build the site first (scripts/build.sh)",
            args.dir.display()
        );
    }
    let root = args
        .dir
        .canonicalize()
        .with_context(|| format!("cannot resolve {}", args.dir.display()))?;
    if !args.host.is_loopback() {
        eprintln!(
            "kizuki-serve: WARNING: {} is not a loopback address. Anyone who can reach this \
             machine on the network can read every file under {}. This server is for \
             development and tests; leave --host at 127.0.0.1 unless you mean it.",
            args.host,
            root.display()
        );
    }
    let address = SocketAddr::new(args.host, args.port);
    let listener = TcpListener::bind(address)
        .await
        .with_context(|| format!("cannot listen on {address}"))?;
    let bound = listener.local_addr()?;
    println!(
        "kizuki-serve: serving {} at http://{bound}/ (Ctrl-C stops)",
        args.dir.display()
    );
    tokio::select! {
        () = serve(listener, root, Limits::default()) => {},
        () = shutdown_signal() => {},
    }
    Ok(())
}

/// Accepts connections for ever, each served by hyper with the header timeout and within
/// the connection lifetime.
async fn serve(listener: TcpListener, root: PathBuf, limits: Limits) {
    let app = router(root);
    loop {
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            Err(_) => {
                // Out of file descriptors and the like: wait a moment rather than spin.
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        let service = TowerToHyperService::new(app.clone());
        tokio::spawn(async move {
            let io = TokioIo::new(ErrorHeaders::new(stream));
            let mut builder = hyper::server::conn::http1::Builder::new();
            builder
                .timer(TokioTimer::new())
                .header_read_timeout(limits.header)
                .max_buf_size(MAX_HEAD_BYTES);
            let connection = builder.serve_connection(io, service);
            let _ = tokio::time::timeout(limits.lifetime, connection).await;
        });
    }
}

fn router(root: PathBuf) -> Router {
    let header = |name: HeaderName, value: &'static str| {
        SetResponseHeaderLayer::overriding(name, HeaderValue::from_static(value))
    };
    let root = Arc::new(root);
    Router::new()
        // `scripts/build.sh` writes `.br` and `.gz` beside each file: served when the
        // browser accepts them, as a center's server would; the rest is compressed here.
        .fallback_service(
            ServeDir::new(root.as_path())
                .precompressed_br()
                .precompressed_gzip(),
        )
        .layer(middleware::from_fn_with_state(root, stay_in_folder))
        .layer(middleware::from_fn(set_content_type))
        .layer(header(
            header::CONTENT_SECURITY_POLICY,
            CONTENT_SECURITY_POLICY,
        ))
        .layer(header(header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .layer(header(header::REFERRER_POLICY, "no-referrer"))
        .layer(header(header::CACHE_CONTROL, "no-cache"))
        .layer(CompressionLayer::new().gzip(true).br(true))
}

/// Refuses (404) a path that leaves the folder: a segment starting with a dot, a
/// backslash or NUL, bytes that are not UTF-8, or a file or folder whose canonical path
/// (symlinks resolved) is not under the served folder.
async fn stay_in_folder(
    State(root): State<Arc<PathBuf>>,
    request: Request,
    next: Next,
) -> Response {
    if resolves_inside(&root, request.uri().path()) {
        next.run(request).await
    } else {
        StatusCode::NOT_FOUND.into_response()
    }
}

/// Whether `uri_path` stays under `root` (which is canonical).
fn resolves_inside(root: &Path, uri_path: &str) -> bool {
    let Some(decoded) = percent_decode(uri_path) else {
        return false;
    };
    let Ok(decoded) = String::from_utf8(decoded) else {
        return false;
    };
    let mut candidate = root.to_path_buf();
    for segment in decoded.split('/').filter(|s| !s.is_empty()) {
        if segment.starts_with('.') || segment.contains(['\\', '\0', ':']) {
            return false;
        }
        candidate.push(segment);
    }
    let mut to_check = vec![candidate.clone()];
    if candidate.is_dir() {
        to_check.push(candidate.join("index.html"));
    }
    to_check.iter().all(|path| match path.symlink_metadata() {
        // Nothing there: ServeDir answers 404 by itself.
        Err(_) => true,
        Ok(_) => path
            .canonicalize()
            .is_ok_and(|canonical| canonical.starts_with(root)),
    })
}

/// `%XX` escapes decoded; `None` for a malformed escape.
fn percent_decode(path: &str) -> Option<Vec<u8>> {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    Some(out)
}

/// The most a request's head may take, in bytes, before hyper answers 431 itself. hyper's
/// default (about 400 KB) is not a hard bound: a read fills the buffer's whole spare room, so
/// a 500 KB head sent at once could arrive in one read and be served (seen once in CI, under
/// load). At 128 KiB the buffer cannot grow enough to hold such a head, and a 70,000-byte
/// address still fits to get its 414. Browsers send heads of a few kilobytes.
const MAX_HEAD_BYTES: usize = 128 * 1024;

/// The security headers added to the responses hyper writes by itself (400, 414, 431 for
/// malformed requests), which never pass through the router's layers.
const ERROR_HEADERS: &str = concat!(
    "content-security-policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; ",
    "style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; ",
    "frame-ancestors 'self'\r\n",
    "x-content-type-options: nosniff\r\n",
    "referrer-policy: no-referrer\r\n",
    "cache-control: no-cache\r\n"
);

/// The connection as hyper sees it: reads pass through; a write that is a whole response
/// head with an error status, no body and no Content-Security-Policy (only hyper's own
/// automatic responses are like that: every routed response has the header) gets the
/// security headers before its blank line.
struct ErrorHeaders<S> {
    inner: S,
    pending: Vec<u8>,
    written: usize,
}

impl<S> ErrorHeaders<S> {
    fn new(inner: S) -> ErrorHeaders<S> {
        ErrorHeaders {
            inner,
            pending: Vec::new(),
            written: 0,
        }
    }
}

/// `head` with the security headers, when it is a bare error response head without them.
fn with_error_headers(head: &[u8]) -> Option<Vec<u8>> {
    let is_error = head.starts_with(b"HTTP/1.1 4")
        || head.starts_with(b"HTTP/1.1 5")
        || head.starts_with(b"HTTP/1.0 4")
        || head.starts_with(b"HTTP/1.0 5");
    let end = head.windows(4).position(|w| w == b"\r\n\r\n")?;
    if !is_error || end + 4 != head.len() {
        return None;
    }
    let lower = head.to_ascii_lowercase();
    if lower.windows(24).any(|w| w == b"content-security-policy:") {
        return None;
    }
    let mut patched = head[..end + 2].to_vec();
    patched.extend_from_slice(ERROR_HEADERS.as_bytes());
    patched.extend_from_slice(b"\r\n");
    Some(patched)
}

impl<S: AsyncWrite + Unpin> ErrorHeaders<S> {
    fn poll_pending(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        while self.written < self.pending.len() {
            let n =
                ready!(Pin::new(&mut self.inner).poll_write(cx, &self.pending[self.written..]))?;
            if n == 0 {
                return Poll::Ready(Err(io::ErrorKind::WriteZero.into()));
            }
            self.written += n;
        }
        self.pending.clear();
        self.written = 0;
        Poll::Ready(Ok(()))
    }
}

impl<S: AsyncRead + Unpin> AsyncRead for ErrorHeaders<S> {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_read(cx, buf)
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for ErrorHeaders<S> {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        ready!(this.poll_pending(cx))?;
        if let Some(patched) = with_error_headers(buf) {
            this.pending = patched;
            // Written now or on the next write or flush; the caller's bytes are taken.
            if let Poll::Ready(Err(error)) = this.poll_pending(cx) {
                return Poll::Ready(Err(error));
            }
            return Poll::Ready(Ok(buf.len()));
        }
        Pin::new(&mut this.inner).poll_write(cx, buf)
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        ready!(this.poll_pending(cx))?;
        Pin::new(&mut this.inner).poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        ready!(this.poll_pending(cx))?;
        Pin::new(&mut this.inner).poll_shutdown(cx)
    }
}

/// Sets the MIME type from the file extension for the types the site depends on, rather
/// than trusting a guess table.
async fn set_content_type(request: Request, next: Next) -> Response {
    let mime = mime_for_path(request.uri().path());
    let mut response = next.run(request).await;
    if let Some(mime) = mime {
        if response.status().is_success() {
            response
                .headers_mut()
                .insert(header::CONTENT_TYPE, HeaderValue::from_static(mime));
        }
    }
    response
}

fn mime_for_path(path: &str) -> Option<&'static str> {
    let path = if path.ends_with('/') {
        "index.html"
    } else {
        path
    };
    let extension = path.rsplit_once('.')?.1.to_ascii_lowercase();
    Some(match extension.as_str() {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "wasm" => "application/wasm",
        "svg" => "image/svg+xml",
        "ts" => "text/plain; charset=utf-8",
        _ => return None,
    })
}

async fn shutdown_signal() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {},
        () = terminate => {},
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Instant;
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    use tokio::net::TcpStream;

    /// A served folder with a page, a dotfile and two symlinks out, plus the files they
    /// point to outside it.
    struct Site {
        base: PathBuf,
        address: SocketAddr,
    }

    impl Drop for Site {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.base);
        }
    }

    const LIMITS: Limits = Limits {
        header: Duration::from_millis(800),
        lifetime: Duration::from_secs(10),
    };

    async fn site(name: &str) -> Site {
        let base = std::env::temp_dir().join(format!("kizuki-serve-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&base);
        let root = base.join("dist");
        let outside = base.join("outside");
        std::fs::create_dir_all(&root).unwrap();
        std::fs::create_dir_all(&outside).unwrap();
        std::fs::write(root.join("index.html"), "<!doctype html><title>ok</title>").unwrap();
        std::fs::write(root.join(".secret"), "TOKEN=dotfile").unwrap();
        std::fs::create_dir_all(root.join(".git")).unwrap();
        std::fs::write(root.join(".git/config"), "[core] dotfolder").unwrap();
        std::fs::write(outside.join("passwd"), "root:x:0:0:outside").unwrap();
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(outside.join("passwd"), root.join("leak")).unwrap();
            std::os::unix::fs::symlink(&outside, root.join("leakdir")).unwrap();
        }
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let address = listener.local_addr().unwrap();
        tokio::spawn(serve(listener, root.canonicalize().unwrap(), LIMITS));
        Site { base, address }
    }

    /// Sends raw bytes and reads the answer until the server closes (at most 5 s).
    async fn raw(site: &Site, request: &[u8]) -> String {
        let mut stream = TcpStream::connect(site.address).await.unwrap();
        stream.write_all(request).await.unwrap();
        let mut answer = Vec::new();
        let _ = tokio::time::timeout(Duration::from_secs(5), stream.read_to_end(&mut answer)).await;
        String::from_utf8_lossy(&answer).into_owned()
    }

    async fn get(site: &Site, path: &str) -> String {
        raw(
            site,
            format!("GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").as_bytes(),
        )
        .await
    }

    fn has_csp(answer: &str) -> bool {
        answer
            .to_ascii_lowercase()
            .contains("content-security-policy: default-src 'self'")
    }

    #[tokio::test]
    async fn pages_are_served_with_the_policy() {
        let site = site("pages").await;
        let answer = get(&site, "/").await;
        assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
        assert!(
            answer.contains("<title>ok</title>") && has_csp(&answer),
            "{answer}"
        );
    }

    #[cfg(unix)]
    #[tokio::test]
    async fn symlinks_out_of_the_folder_are_refused() {
        let site = site("symlinks").await;
        for path in ["/leak", "/leakdir/passwd", "/leakdir/", "/%6ceak"] {
            let answer = get(&site, path).await;
            assert!(answer.starts_with("HTTP/1.1 404"), "{path}: {answer}");
            assert!(!answer.contains("outside"), "{path} leaked: {answer}");
            assert!(has_csp(&answer), "{path}: {answer}");
        }
    }

    #[tokio::test]
    async fn dotfiles_and_traversal_are_refused() {
        let site = site("dotfiles").await;
        for path in [
            "/.secret",
            "/%2esecret",
            "/.git/config",
            "/%2Egit/config",
            "/../outside/passwd",
            "/%2e%2e/outside/passwd",
            "/x/..%2f..%2foutside/passwd",
            "/%",
        ] {
            let answer = get(&site, path).await;
            assert!(
                answer.starts_with("HTTP/1.1 404") || answer.starts_with("HTTP/1.1 400"),
                "{path}: {answer}"
            );
            assert!(
                !answer.contains("TOKEN")
                    && !answer.contains("dotfolder")
                    && !answer.contains("outside"),
                "{path} leaked: {answer}"
            );
            assert!(has_csp(&answer), "{path}: {answer}");
        }
    }

    #[tokio::test]
    async fn malformed_requests_get_the_policy_too() {
        let site = site("errors").await;
        let bad = raw(&site, b"NOT HTTP AT ALL\r\n\r\n").await;
        assert!(bad.starts_with("HTTP/1.1 400"), "{bad}");
        assert!(has_csp(&bad), "400 without the policy: {bad}");
        let long_uri = format!("GET /{} HTTP/1.1\r\nHost: x\r\n\r\n", "a".repeat(70_000));
        let too_long = raw(&site, long_uri.as_bytes()).await;
        assert!(too_long.starts_with("HTTP/1.1 414"), "{too_long}");
        assert!(has_csp(&too_long), "414 without the policy: {too_long}");
        let big_header = format!(
            "GET / HTTP/1.1\r\nHost: x\r\nX-Big: {}\r\n\r\n",
            "b".repeat(500_000)
        );
        let too_large = raw(&site, big_header.as_bytes()).await;
        assert!(too_large.starts_with("HTTP/1.1 431"), "{too_large}");
        assert!(has_csp(&too_large), "431 without the policy: {too_large}");
    }

    /// A slowloris client sends a header line every 200 ms and never finishes; an idle one
    /// sends nothing. Both are cut off at the header timeout, not held.
    #[tokio::test]
    async fn slowloris_and_idle_clients_are_cut_off_within_the_header_timeout() {
        let site = site("slowloris").await;
        let started = Instant::now();
        let mut slow = TcpStream::connect(site.address).await.unwrap();
        slow.write_all(b"GET / HTTP/1.1\r\nHost: x\r\n")
            .await
            .unwrap();
        let mut closed_after = None;
        for _ in 0..50 {
            tokio::time::sleep(Duration::from_millis(200)).await;
            if slow.write_all(b"X-Slow: 1\r\n").await.is_err() {
                closed_after = Some(started.elapsed());
                break;
            }
            let mut byte = [0u8; 512];
            if let Ok(Ok(n)) =
                tokio::time::timeout(Duration::from_millis(1), slow.read(&mut byte)).await
            {
                // Either the end (0) or an answer: both mean the server gave up on it.
                let _ = n;
                closed_after = Some(started.elapsed());
                break;
            }
        }
        let closed_after = closed_after.expect("the slowloris connection was never closed");
        assert!(
            closed_after < Duration::from_secs(3),
            "held for {closed_after:?}"
        );

        let started = Instant::now();
        let mut idle = TcpStream::connect(site.address).await.unwrap();
        let mut buffer = Vec::new();
        let read =
            tokio::time::timeout(Duration::from_secs(5), idle.read_to_end(&mut buffer)).await;
        assert!(read.is_ok(), "the idle connection was held for 5 s");
        assert!(
            started.elapsed() < Duration::from_secs(3),
            "idle held for {:?}",
            started.elapsed()
        );
    }

    #[test]
    fn only_bare_error_heads_without_the_policy_are_patched() {
        let head = b"HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\n\r\n";
        let patched = String::from_utf8(with_error_headers(head).unwrap()).unwrap();
        assert!(patched.starts_with(
            "HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\ncontent-security-policy:"
        ));
        assert!(patched.ends_with("cache-control: no-cache\r\n\r\n"));
        assert!(with_error_headers(b"HTTP/1.1 200 OK\r\n\r\n").is_none());
        assert!(with_error_headers(
            b"HTTP/1.1 404 Not Found\r\nContent-Security-Policy: x\r\n\r\n"
        )
        .is_none());
        assert!(with_error_headers(b"HTTP/1.1 404 Not Found\r\n\r\nbody").is_none());
    }

    #[test]
    fn the_types_the_site_needs_are_explicit() {
        assert_eq!(
            mime_for_path("/pkg/kizuki_web_bg.wasm"),
            Some("application/wasm")
        );
        assert_eq!(
            mime_for_path("/kizuki.mjs"),
            Some("text/javascript; charset=utf-8")
        );
        assert_eq!(
            mime_for_path("/content/linecare.json"),
            Some("application/json")
        );
        assert_eq!(mime_for_path("/embed/"), Some("text/html; charset=utf-8"));
        assert_eq!(mime_for_path("/favicon.ico"), None);
    }
}
