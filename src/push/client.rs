//! HTTP to a SPARQL server: SPARQL queries (JSON results) and Graph Store Protocol PUT and DELETE,
//! with HTTP basic or digest authentication (whichever the server asks for) and retries with
//! exponential backoff on connection errors and 5xx answers.

use super::PushError;
use std::sync::Mutex;
use std::time::Duration;

/// How many times a request is tried before its error is reported.
const ATTEMPTS: usize = 6;
/// The first wait between attempts; it doubles each time (0.25 s, 0.5 s, ... 4 s).
const FIRST_BACKOFF: Duration = Duration::from_millis(250);
/// How much of an error body goes into a message.
const BODY_EXCERPT: usize = 400;

/// User and password for the server.
#[derive(Debug, Clone)]
pub struct Credentials {
    /// User name.
    pub user: String,
    /// Password.
    pub password: String,
}

/// A blocking HTTP client for one server, shared by the push's worker threads.
pub(crate) struct Client {
    agent: ureq::Agent,
    credentials: Option<Credentials>,
    /// The last authentication challenge, answered pre-emptively on later requests.
    challenge: Mutex<Option<Challenge>>,
}

#[derive(Clone)]
enum Challenge {
    Basic,
    Digest(digest_auth::WwwAuthenticateHeader),
}

/// What a request sends.
pub(crate) struct Request<'a> {
    pub method: &'static str,
    pub url: &'a url::Url,
    pub content_type: Option<&'static str>,
    pub accept: Option<&'static str>,
    pub body: &'a [u8],
}

impl Client {
    pub(crate) fn new(credentials: Option<Credentials>, timeout: Duration) -> Self {
        let agent = ureq::AgentBuilder::new()
            .timeout_connect(Duration::from_secs(10))
            .timeout(timeout)
            .build();
        Self {
            agent,
            credentials,
            challenge: Mutex::new(None),
        }
    }

    /// Sends `request`, retrying connection errors and 5xx; returns the body of a 2xx answer.
    pub(crate) fn send(&self, request: &Request<'_>) -> Result<Vec<u8>, PushError> {
        let mut backoff = FIRST_BACKOFF;
        let mut authenticated_retry = false;
        let mut attempt = 0;
        loop {
            attempt += 1;
            match self.send_once(request) {
                Ok(body) => return Ok(body),
                Err(Failure::Status(401, challenge, body)) => {
                    let answerable = self.credentials.is_some() && challenge.is_some();
                    if answerable && !authenticated_retry {
                        // Learn the scheme (or a fresh nonce) and try again at once.
                        if let Ok(mut slot) = self.challenge.lock() {
                            *slot = challenge.map(|c| *c);
                        }
                        authenticated_retry = true;
                        attempt -= 1;
                        continue;
                    }
                    return Err(PushError::Refused {
                        url: request.url.to_string(),
                        status: 401,
                        body,
                    });
                }
                Err(Failure::Status(status, _, body)) if status >= 500 || status == 429 => {
                    if attempt >= ATTEMPTS {
                        return Err(PushError::ServerFailing {
                            url: request.url.to_string(),
                            status,
                            attempts: attempt,
                            body,
                        });
                    }
                }
                Err(Failure::Status(status, _, body)) => {
                    return Err(PushError::Refused {
                        url: request.url.to_string(),
                        status,
                        body,
                    })
                }
                Err(Failure::Transport(message)) => {
                    if attempt >= ATTEMPTS {
                        return Err(PushError::Unreachable {
                            url: request.url.to_string(),
                            message,
                        });
                    }
                }
            }
            std::thread::sleep(backoff);
            backoff *= 2;
        }
    }

    fn send_once(&self, request: &Request<'_>) -> Result<Vec<u8>, Failure> {
        let mut call = self.agent.request_url(request.method, request.url);
        if let Some(content_type) = request.content_type {
            call = call.set("Content-Type", content_type);
        }
        if let Some(accept) = request.accept {
            call = call.set("Accept", accept);
        }
        if let Some(header) = self.authorization(request) {
            call = call.set("Authorization", &header);
        }
        let response = if request.body.is_empty() && request.method != "PUT" {
            call.call()
        } else {
            call.send_bytes(request.body)
        };
        match response {
            Ok(response) => {
                let mut body = Vec::new();
                std::io::Read::read_to_end(&mut response.into_reader(), &mut body)
                    .map_err(|e| Failure::Transport(e.to_string()))?;
                Ok(body)
            }
            Err(ureq::Error::Status(status, response)) => {
                let challenge = response
                    .header("WWW-Authenticate")
                    .and_then(parse_challenge)
                    .map(Box::new);
                let body = response.into_string().unwrap_or_default();
                let body: String = body.chars().take(BODY_EXCERPT).collect();
                Err(Failure::Status(status, challenge, body))
            }
            Err(ureq::Error::Transport(transport)) => {
                Err(Failure::Transport(transport.to_string()))
            }
        }
    }

    /// The Authorization header for `request`, when credentials and a challenge are known.
    fn authorization(&self, request: &Request<'_>) -> Option<String> {
        let credentials = self.credentials.as_ref()?;
        let mut slot = self.challenge.lock().ok()?;
        match slot.as_mut()? {
            Challenge::Basic => {
                use base64::Engine;
                let token = base64::engine::general_purpose::STANDARD
                    .encode(format!("{}:{}", credentials.user, credentials.password));
                Some(format!("Basic {token}"))
            }
            Challenge::Digest(header) => {
                let uri = match request.url.query() {
                    Some(q) => format!("{}?{q}", request.url.path()),
                    None => request.url.path().to_owned(),
                };
                let context = digest_auth::AuthContext::new_with_method(
                    credentials.user.as_str(),
                    credentials.password.as_str(),
                    uri,
                    Some(request.body),
                    digest_auth::HttpMethod::from(request.method),
                );
                header.respond(&context).ok().map(|h| h.to_header_string())
            }
        }
    }
}

/// Why one attempt failed.
enum Failure {
    /// An HTTP error status, the server's authentication challenge if any, and the body.
    Status(u16, Option<Box<Challenge>>, String),
    /// No HTTP answer (refused connection, timeout, reset).
    Transport(String),
}

fn parse_challenge(header: &str) -> Option<Challenge> {
    let scheme = header.split_whitespace().next()?.to_ascii_lowercase();
    match scheme.as_str() {
        "basic" => Some(Challenge::Basic),
        "digest" => digest_auth::parse(header).ok().map(Challenge::Digest),
        _ => None,
    }
}
