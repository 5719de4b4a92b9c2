//! Real SPARQL servers for the push tests: Oxigraph server (the PyPI package `oxigraph`, whose
//! `oxigraph` executable serves SPARQL over HTTP) and Virtuoso Open Source (the Debian package
//! `virtuoso-opensource`, `virtuoso-t`). Each is installed when missing, started on free
//! loopback ports with its data in a temporary directory, and stopped when dropped.
//!
//! A server that cannot be installed or started fails the test with the reason. Only with
//! `KG_LIVE_PUSH=skip` in the environment is the test skipped instead, and the reason printed.

use std::io::Read;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// How long a server may take to start.
const START_TIMEOUT: Duration = Duration::from_secs(90);

/// A running server, stopped (killed) when dropped.
pub struct Server {
    child: Child,
    /// The base URL (`http://127.0.0.1:PORT`).
    pub base: String,
    /// Arguments for `kg push` besides `--to`.
    pub push_args: Vec<String>,
    /// Environment for `kg push` (credentials).
    pub push_env: Vec<(String, String)>,
    /// The SPARQL query endpoint.
    pub query_url: String,
    _dir: tempfile::TempDir,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// True when live tests were explicitly turned off; prints why a server is missing.
pub fn skip_requested(reason: &str) -> bool {
    if std::env::var("KG_LIVE_PUSH").as_deref() == Ok("skip") {
        eprintln!("SKIPPED (KG_LIVE_PUSH=skip): {reason}");
        return true;
    }
    false
}

/// A free TCP port on the loopback interface.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("no free loopback port")
}

fn runs(program: &Path, arg: &str) -> bool {
    Command::new(program)
        .arg(arg)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// The `oxigraph` executable: on PATH, or in Python's scripts directory; installed with pip
/// when missing.
fn oxigraph_program() -> Result<PathBuf, String> {
    let find = || -> Option<PathBuf> {
        let on_path = PathBuf::from("oxigraph");
        if runs(&on_path, "--version") {
            return Some(on_path);
        }
        let scripts = Command::new("python3")
            .args([
                "-c",
                "import sysconfig; print(sysconfig.get_path('scripts'))",
            ])
            .output()
            .ok()?;
        let dir = String::from_utf8(scripts.stdout).ok()?;
        let program = Path::new(dir.trim()).join("oxigraph");
        runs(&program, "--version").then_some(program)
    };
    if let Some(program) = find() {
        return Ok(program);
    }
    eprintln!("oxigraph server missing: installing the PyPI package oxigraph");
    let status = Command::new("python3")
        .args(["-m", "pip", "install", "--quiet", "oxigraph"])
        .status()
        .map_err(|e| format!("cannot run python3 -m pip: {e}"))?;
    if !status.success() {
        return Err("pip install oxigraph failed".to_owned());
    }
    find().ok_or_else(|| "pip installed oxigraph but no oxigraph executable was found".to_owned())
}

fn virtuoso_program() -> Result<PathBuf, String> {
    let find = || -> Option<PathBuf> {
        ["/usr/bin/virtuoso-t", "/usr/local/bin/virtuoso-t"]
            .iter()
            .map(PathBuf::from)
            .find(|p| p.exists())
    };
    if let Some(program) = find() {
        return Ok(program);
    }
    eprintln!("Virtuoso missing: installing the Debian package virtuoso-opensource");
    let status = Command::new("apt-get")
        .args(["install", "-y", "-qq", "virtuoso-opensource"])
        .env("DEBIAN_FRONTEND", "noninteractive")
        .status()
        .map_err(|e| format!("cannot run apt-get: {e}"))?;
    if !status.success() {
        return Err("apt-get install virtuoso-opensource failed (run apt-get update?)".to_owned());
    }
    find().ok_or_else(|| "virtuoso-opensource installed but no virtuoso-t".to_owned())
}

/// Waits until `url` answers HTTP (any status), or the child exits, or time runs out.
fn wait_until_up(child: &mut Child, url: &str, log: &Path) -> Result<(), String> {
    let started = Instant::now();
    let agent = ureq::AgentBuilder::new()
        .timeout(Duration::from_secs(5))
        .build();
    loop {
        match agent.get(url).call() {
            Ok(_) | Err(ureq::Error::Status(_, _)) => return Ok(()),
            Err(_) => {}
        }
        let log_text = || {
            let mut text = String::new();
            if let Ok(mut f) = std::fs::File::open(log) {
                let _ = f.read_to_string(&mut text);
            }
            text
        };
        if let Ok(Some(status)) = child.try_wait() {
            return Err(format!("the server exited ({status}):\n{}", log_text()));
        }
        if started.elapsed() > START_TIMEOUT {
            return Err(format!(
                "the server did not answer within {START_TIMEOUT:?}:\n{}",
                log_text()
            ));
        }
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// Oxigraph server with the union of all graphs as default graph (as `kg query` has it).
pub fn oxigraph() -> Result<Server, String> {
    let program = oxigraph_program()?;
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let port = free_port();
    let log = dir.path().join("server.log");
    let log_file = std::fs::File::create(&log).map_err(|e| e.to_string())?;
    let mut child = Command::new(&program)
        .arg("serve")
        .arg("--location")
        .arg(dir.path().join("data"))
        .args([
            "--bind",
            &format!("127.0.0.1:{port}"),
            "--union-default-graph",
        ])
        .stdout(log_file.try_clone().map_err(|e| e.to_string())?)
        .stderr(log_file)
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", program.display()))?;
    let base = format!("http://127.0.0.1:{port}");
    if let Err(e) = wait_until_up(&mut child, &format!("{base}/query?query=ASK%7B%7D"), &log) {
        let _ = child.kill();
        let _ = child.wait();
        return Err(e);
    }
    Ok(Server {
        child,
        query_url: format!("{base}/query"),
        base,
        push_args: Vec::new(),
        push_env: Vec::new(),
        _dir: dir,
    })
}

/// The user the Virtuoso harness creates for pushing, granted SPARQL_UPDATE.
const VIRTUOSO_USER: &str = "kgpush";
const VIRTUOSO_PASSWORD: &str = "kgpush-secret";

/// Virtuoso Open Source with its own database in a temporary directory, a user `kgpush`
/// granted SPARQL_UPDATE, and pushes through the digest-authenticated graph store endpoint.
pub fn virtuoso() -> Result<Server, String> {
    let program = virtuoso_program()?;
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let (sql_port, http_port) = (free_port(), free_port());
    let d = dir.path().display();
    let ini = format!(
        "[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
Striping = 0
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
MaxClientConnections = 10
CheckpointInterval = 60
CaseMode = 2
DirsAllowed = ., {d}, /usr/share/virtuoso-opensource-7/vad
VADInstallDir = /usr/share/virtuoso-opensource-7/vad/
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = /var/lib/virtuoso-opensource-7/vsp
MaxClientConnections = 10
ServerThreads = 10
Charset = UTF-8
[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 300
"
    );
    let ini_path = dir.path().join("virtuoso.ini");
    std::fs::write(&ini_path, ini).map_err(|e| e.to_string())?;
    let log = dir.path().join("server.log");
    let log_file = std::fs::File::create(&log).map_err(|e| e.to_string())?;
    let mut child = Command::new(&program)
        .arg("-f")
        .arg("-c")
        .arg(&ini_path)
        .current_dir(dir.path())
        .stdout(log_file.try_clone().map_err(|e| e.to_string())?)
        .stderr(log_file)
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", program.display()))?;
    let base = format!("http://127.0.0.1:{http_port}");
    if let Err(e) = wait_until_up(&mut child, &format!("{base}/sparql?query=ASK%7B%7D"), &log) {
        let _ = child.kill();
        let _ = child.wait();
        return Err(e);
    }
    let sql = format!(
        "DB.DBA.USER_CREATE('{VIRTUOSO_USER}', '{VIRTUOSO_PASSWORD}'); GRANT SPARQL_UPDATE TO \"{VIRTUOSO_USER}\";"
    );
    let isql = Command::new("isql-vt")
        .args([
            &format!("127.0.0.1:{sql_port}"),
            "dba",
            "dba",
            &format!("exec={sql}"),
        ])
        .output();
    match isql {
        Ok(out)
            if out.status.success() && !String::from_utf8_lossy(&out.stdout).contains("Error") => {}
        Ok(out) => {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!(
                "isql-vt could not create the push user: {}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            ));
        }
        Err(e) => {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!("cannot run isql-vt: {e}"));
        }
    }
    Ok(Server {
        child,
        query_url: format!("{base}/sparql"),
        base,
        push_args: vec![
            "--query-endpoint".to_owned(),
            "/sparql".to_owned(),
            "--graph-store-endpoint".to_owned(),
            "/sparql-graph-crud-auth".to_owned(),
        ],
        push_env: vec![
            ("KG_PUSH_USER".to_owned(), VIRTUOSO_USER.to_owned()),
            ("KG_PUSH_PASSWORD".to_owned(), VIRTUOSO_PASSWORD.to_owned()),
        ],
        _dir: dir,
    })
}
