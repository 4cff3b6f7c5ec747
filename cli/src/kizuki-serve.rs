//! `kizuki-serve`: serves the built site (`dist/`) on loopback with the headers it ships with.
//!
//! A development and test server, not a product: static files, gzip and brotli, the exact
//! Content-Security-Policy the embed guide asks host pages for, and explicit MIME types
//! (WebAssembly must be `application/wasm` for streaming compilation).

use std::net::SocketAddr;
use std::path::PathBuf;

use anyhow::{bail, Context};
use axum::extract::Request;
use axum::http::header::{self, HeaderName, HeaderValue};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::Router;
use clap::Parser;
use tower_http::compression::CompressionLayer;
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;

/// The policy every page is served with: nothing but this origin, and WebAssembly allowed.
const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
     style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; \
     frame-ancestors 'self'";

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
    /// The address to listen on.
    #[arg(long, default_value = "127.0.0.1")]
    host: std::net::IpAddr,
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
    let app = router(args.dir.clone());
    let address = SocketAddr::new(args.host, args.port);
    let listener = tokio::net::TcpListener::bind(address)
        .await
        .with_context(|| format!("cannot listen on {address}"))?;
    let bound = listener.local_addr()?;
    println!(
        "kizuki-serve: serving {} at http://{bound}/ (Ctrl-C stops)",
        args.dir.display()
    );
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown_signal())
        .await
        .context("server failed")?;
    Ok(())
}

fn router(dir: PathBuf) -> Router {
    let header = |name: HeaderName, value: &'static str| {
        SetResponseHeaderLayer::overriding(name, HeaderValue::from_static(value))
    };
    Router::new()
        .fallback_service(ServeDir::new(dir))
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
