//! Browser tests: headless Chromium, driven through chromedriver (WebDriver) by
//! fantoccini, uses the web control tower of a real `abacus serve`: asks a question
//! and sees the answer and its table, opens the alerts view and sees charts drawn,
//! runs a fund screen and sorts it. A screenshot of each view is saved (the path is printed).
//!
//! Needs `/usr/bin/chromedriver` and `chromium` (Debian packages, installed by
//! `scripts/setup.sh`); without them the test fails, unless `ABACUS_SKIP_BROWSER=1`.

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use fantoccini::{ClientBuilder, Locator};

use crate::serve::{demo_dir, Server};

const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Where screenshots go: `$CARGO_TARGET_DIR/browser-screenshots`, else beside the test binary's target folder.
fn screenshot_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .or_else(|| {
            std::env::current_exe()
                .ok()
                .and_then(|p| p.parent()?.parent()?.parent().map(PathBuf::from))
        })
        .unwrap_or_else(std::env::temp_dir);
    let dir = target.join("browser-screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn control_tower_in_headless_chromium() {
    if std::env::var("ABACUS_SKIP_BROWSER").is_ok_and(|v| v == "1") {
        eprintln!("browser test skipped: ABACUS_SKIP_BROWSER=1");
        return;
    }
    assert!(
        std::path::Path::new(CHROMEDRIVER).exists(),
        "{CHROMEDRIVER} is missing: run scripts/setup.sh (installs the Debian packages chromium and chromium-driver), or set ABACUS_SKIP_BROWSER=1 to skip this test"
    );
    let _heavy = crate::heavy_lock();
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
        .block_on(drive());
}

async fn drive() {
    let store = tempfile::tempdir().unwrap();
    let profile = tempfile::tempdir().unwrap();
    let server = Server::start(
        store.path(),
        &["--data", demo_dir().to_str().unwrap(), "--no-auth"],
    );
    let port = free_port();
    let _driver = Driver(
        Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts"),
    );
    let args = serde_json::json!([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1400,900",
        format!("--user-data-dir={}", profile.path().display()),
    ]);
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".into(),
        serde_json::json!({ "args": args, "binary": "/usr/bin/chromium" }),
    );
    let mut client = None;
    for _ in 0..50 {
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        match ClientBuilder::new(connector)
            .capabilities(caps.clone())
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
        {
            Ok(c) => {
                client = Some(c);
                break;
            }
            Err(_) => tokio::time::sleep(Duration::from_millis(200)).await,
        }
    }
    let c = client.expect("a WebDriver session with headless Chromium");
    let shots = screenshot_dir();
    let wait = Duration::from_secs(90);
    let result = async {
        c.goto(&server.url).await?;
        // Chat: a question, its answer and the table behind it.
        c.wait()
            .at_most(wait)
            .for_element(Locator::Css("#question"))
            .await?
            .send_keys("Top 3 categories by revenue last month")
            .await?;
        c.find(Locator::Css("#ask")).await?.click().await?;
        let table = c
            .wait()
            .at_most(wait)
            .for_element(Locator::Css(".msg.answer .answer-table table"))
            .await?;
        let answer = c
            .find(Locator::Css(".msg.answer .bubble"))
            .await?
            .text()
            .await?;
        assert!(
            answer.starts_with("Top 3 categories by revenue"),
            "{answer}"
        );
        assert_eq!(table.find_all(Locator::Css("tbody tr")).await?.len(), 3);
        std::fs::write(shots.join("chat.png"), c.screenshot().await?).unwrap();

        // Alerts: the plan's lines, the forecast chart and the inventory chart drawn.
        c.find(Locator::Css("#tab-alerts")).await?.click().await?;
        c.wait()
            .at_most(wait)
            .for_element(Locator::Css("#alerts-table tbody tr"))
            .await?;
        c.wait()
            .at_most(wait)
            .for_element(Locator::Css("#forecast-chart svg path.forecast"))
            .await?;
        c.wait()
            .at_most(wait)
            .for_element(Locator::Css("#inventory-chart svg path.level"))
            .await?;
        let d = c
            .find(Locator::Css("#forecast-chart svg path.history"))
            .await?
            .attr("d")
            .await?
            .unwrap_or_default();
        assert!(
            d.matches('L').count() > 50,
            "the history line has its points"
        );
        std::fs::write(shots.join("alerts.png"), c.screenshot().await?).unwrap();

        // Network: the baseline's cost split and flows.
        c.find(Locator::Css("#tab-network")).await?.click().await?;
        c.wait()
            .at_most(wait)
            .for_element(Locator::Css("#network-table tbody tr"))
            .await?;
        c.wait()
            .at_most(wait)
            .for_element(Locator::Css("#network-chart svg rect.bar"))
            .await?;
        std::fs::write(shots.join("network.png"), c.screenshot().await?).unwrap();

        // Funds: a screen, then sorted by a column, both ways.
        c.find(Locator::Css("#tab-funds")).await?.click().await?;
        c.wait()
            .at_most(wait)
            .for_element(Locator::Css("#funds-table tbody tr"))
            .await?;
        let column = |i: usize| {
            let c = &c;
            async move {
                let mut out = Vec::new();
                for td in c
                    .find_all(Locator::Css(&format!(
                        "#funds-table tbody td:nth-child({})",
                        i + 1
                    )))
                    .await?
                {
                    out.push(td.text().await?);
                }
                Ok::<_, fantoccini::error::CmdError>(out)
            }
        };
        assert!(column(0).await?.len() > 1);
        c.find(Locator::Css("#funds-table th[data-col='0']"))
            .await?
            .click()
            .await?;
        c.wait()
            .at_most(wait)
            .for_element(Locator::Css("#funds-table th.sorted-desc[data-col='0']"))
            .await?;
        let desc = column(0).await?;
        let mut sorted = desc.clone();
        sorted.sort();
        sorted.reverse();
        assert_eq!(desc, sorted, "sorted by fund code, descending");
        c.find(Locator::Css("#funds-table th[data-col='0']"))
            .await?
            .click()
            .await?;
        c.wait()
            .at_most(wait)
            .for_element(Locator::Css("#funds-table th.sorted-asc[data-col='0']"))
            .await?;
        let asc = column(0).await?;
        let mut sorted = asc.clone();
        sorted.sort();
        assert_eq!(asc, sorted, "sorted by fund code, ascending");
        std::fs::write(shots.join("funds.png"), c.screenshot().await?).unwrap();
        Ok::<(), fantoccini::error::CmdError>(())
    }
    .await;
    if result.is_err() {
        if let Ok(png) = c.screenshot().await {
            let _ = std::fs::write(shots.join("failure.png"), png);
        }
    }
    let _ = c.close().await;
    result.unwrap();
    eprintln!("browser screenshots saved in {}", shots.display());
}
