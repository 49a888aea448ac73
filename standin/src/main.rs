//! `rc-standin`: run the stand-in Rocket.Chat server.

use rc_standin::{state::Cors, Options, Standin};
use std::process::ExitCode;

const USAGE: &str = r#"rc-standin: a stand-in Rocket.Chat server for the omnichannel contact form widget

USAGE: rc-standin [OPTIONS]

  --listen ADDR:PORT      where to listen (default 127.0.0.1:3100; loopback only)
  --allow-remote          allow a non-loopback --listen address
  --data FILE             keep data in FILE (JSON, written atomically); default: in memory
  --static DIR            serve DIR (a built dist/) at /
  --cors ORIGINS          enable CORS: '*' or a comma-separated list of origins (default: off,
                          preflights get 405 as in Rocket.Chat)
  --csp POLICY            send Content-Security-Policy: POLICY with the --static files (to try
                          the widget under a host page's policy)
  --version X.Y           the Rocket.Chat release to behave as (default 7.12: the legacy
                          endpoint and every Contact Center route; before 7.12 no
                          contacts.delete; before 7.7 no contacts.conflicts; 7.1: no
                          checkExistence; 6.13 or older: no contacts routes). /api/info
                          reports it
  --no-required-fields    make the seeded 'Company' custom field optional
  --seed-contacts N       seed N people to find, each a visitor and a Contact Center contact
                          ('Findme 01', findme01@example.org, +493000000001, ...)
  --rate-window SECONDS   the rate limit's window (default 60, as Rocket.Chat's): 10 calls per
                          route and client in it
  --no-license            a workspace without the licence's livechat-enterprise and
                          contact-id-verification: contacts.block/unblock refused
  --faults                enable fault injection for tests: POST /_standin/fault with
                          {"kind": "slow"|"error"|"html"|"drop"|"lost", "count": N, "ms": N}
                          queues faults that the next /api/ requests get
  -h, --help              this text"#;

fn parse(args: &[String]) -> Result<Options, String> {
    let mut options = Options::default();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut value = |name: &str| it.next().cloned().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--listen" => {
                let v = value("--listen")?;
                options.listen = v.parse().map_err(|_| {
                    format!("--listen {v}: expected ADDRESS:PORT, e.g. 127.0.0.1:3100")
                })?;
            }
            "--allow-remote" => options.allow_remote = true,
            "--data" => options.data = Some(value("--data")?.into()),
            "--static" => {
                let dir: std::path::PathBuf = value("--static")?.into();
                if !dir.is_dir() {
                    return Err(format!("--static {}: no such directory", dir.display()));
                }
                options.static_dir = Some(dir);
            }
            "--cors" => options.cors = Cors::parse(&value("--cors")?),
            "--csp" => options.csp = Some(value("--csp")?),
            "--version" => {
                let v = value("--version")?;
                options.version = rc_standin::model::Version::parse(&v).ok_or(format!(
                    "--version {v}: expected MAJOR.MINOR, e.g. 7.6 or 6.13"
                ))?;
            }
            "--no-required-fields" => options.required_field = false,
            "--seed-contacts" => {
                let v = value("--seed-contacts")?;
                options.seed_contacts = v
                    .parse()
                    .map_err(|_| format!("--seed-contacts {v}: expected a number, e.g. 25"))?;
            }
            "--rate-window" => {
                let v = value("--rate-window")?;
                let seconds: u64 = v
                    .parse()
                    .ok()
                    .filter(|s| *s > 0)
                    .ok_or_else(|| format!("--rate-window {v}: expected seconds, e.g. 5"))?;
                options.rate_window = std::time::Duration::from_secs(seconds);
            }
            "--no-license" => options.license = false,
            "--faults" => options.faults = true,
            other => return Err(format!("unknown argument {other}")),
        }
    }
    Ok(options)
}

#[tokio::main]
async fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "-h" || a == "--help") {
        println!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    let options = match parse(&args) {
        Ok(options) => options,
        Err(e) => {
            eprintln!("rc-standin: {e}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let standin = match Standin::bind(&options).await {
        Ok(s) => s,
        Err(e) => {
            eprintln!("rc-standin: {e}");
            return ExitCode::FAILURE;
        }
    };
    println!("rc-standin listening on http://{}", standin.addr);
    print!("{}", standin.describe().await);
    let shutdown = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    match standin.run(shutdown).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("rc-standin: {e}");
            ExitCode::FAILURE
        }
    }
}
