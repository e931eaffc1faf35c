#!/usr/bin/python3
"""Browser test of `finsam serve` (issue 15; CTest label `browser`).

Ingests the three corpus PDFs into a temporary database, gives one document
the title `<script>alert(1)</script>`, starts `finsam serve --write` on a
free port and drives headless Chromium (python3-selenium, chromium-driver):

 1. the review queue shows crops whose box covers the table's header line
    (the crop's data-crop-y0 <= data-header-y0, header above the body);
 2. correcting a figure makes the fact `corrected` in v_financial (sqlite);
 3. accepting a flag (keyboard: j, a) makes it `accepted` in v_flags;
 4. both decisions are still shown after the server is restarted;
 5. the document with the script title renders it as text (no alert);
 6. the compare chart of income.total holds Gävleborg 2020 budget 13 320 000
    and utfall 13 401 000 in the SVG points' data attributes.
Saves screenshots of the compare page (--screenshot PATH) and of the queue
(serve_queue.png beside it). Exit 77 = skipped
(selenium or chromedriver missing). Test-only Python: not part of finsam.
"""
import argparse
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request

try:
    from selenium import webdriver
    from selenium.common.exceptions import NoAlertPresentException
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
except ImportError:
    print("SKIP: python3-selenium is not installed")
    sys.exit(77)

EVIL = "<script>alert(1)</script>"


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def start_server(finsam, db, port, log):
    p = subprocess.Popen([finsam, "serve", "--db", db, "--port", str(port), "--write", "--by", "browser-test"],
                         stdout=log, stderr=log)
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(url + "/api/session", timeout=1).read()
            return p, url
        except Exception:
            if p.poll() is not None:
                raise SystemExit("finsam serve exited early")
            time.sleep(0.1)
    raise SystemExit("finsam serve did not answer")


def stop_server(p):
    p.send_signal(signal.SIGTERM)
    try:
        p.wait(timeout=10)
    except subprocess.TimeoutExpired:
        p.kill()
        p.wait()


def wait_ready(driver, page):
    WebDriverWait(driver, 30).until(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready") in (page, "error"))
    state = driver.find_element(By.TAG_NAME, "body").get_attribute("data-ready")
    if state != page:
        raise AssertionError("page %s failed: %s" % (page, driver.find_element(By.ID, "main").text))


def go(driver, url, page):
    driver.get(url)
    wait_ready(driver, page)


def check(cond, msg):
    if not cond:
        raise AssertionError(msg)
    print("ok:", msg)


def no_alert(driver):
    try:
        driver.switch_to.alert
        return False
    except NoAlertPresentException:
        return True


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--finsam", required=True)
    ap.add_argument("--source", required=True)
    ap.add_argument("--screenshot", default="")
    args = ap.parse_args()
    driver_path = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    if not os.path.exists(driver_path):
        print("SKIP: chromedriver is not installed")
        return 77
    tmp = tempfile.mkdtemp(prefix="finsam_browser_")
    db = os.path.join(tmp, "finsam.db")
    corpus = [os.path.join(args.source, "corpus", d, "text.pdf")
              for d in ("gavleborg-ar-2020", "gavleborg-vp-2020", "jamtland-vp-2019")]
    t0 = time.time()
    subprocess.run([args.finsam, "ingest", "--quiet", "--db", db] + corpus, check=True)
    print("ingest: %.1f s" % (time.time() - t0))
    con = sqlite3.connect(db)
    evil_doc = con.execute("SELECT document_id FROM documents ORDER BY document_id DESC LIMIT 1").fetchone()[0]
    con.execute("UPDATE documents SET title = ? WHERE document_id = ?", (EVIL, evil_doc))
    con.commit()
    con.close()

    log = open(os.path.join(tmp, "serve.log"), "w")
    port = free_port()
    server, url = start_server(args.finsam, db, port, log)
    opts = webdriver.ChromeOptions()
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1300,1000"):
        opts.add_argument(a)
    if os.path.exists("/usr/bin/chromium"):
        opts.binary_location = "/usr/bin/chromium"
    driver = webdriver.Chrome(service=Service(driver_path), options=opts)
    try:
        # 1. Queue: crops cover the header line.
        go(driver, url + "/#/queue", "queue")
        crops = driver.find_elements(By.CSS_SELECTOR, ".crop[data-header-y0]")
        check(len(crops) > 0, "the queue shows crops with a header box (%d)" % len(crops))
        for c in crops:
            y0, h0, h1 = (float(c.get_attribute(a)) for a in ("data-crop-y0", "data-header-y0", "data-header-y1"))
            body = float(c.get_attribute("data-body-top"))
            assert y0 <= h0 and h1 <= body + 1, (y0, h0, h1, body)
        check(True, "every crop starts at or above its table's header line, which lies above the body")
        img = crops[0].find_element(By.TAG_NAME, "img")
        WebDriverWait(driver, 30).until(lambda d: d.execute_script("return arguments[0].complete && arguments[0].naturalWidth > 0", img))
        check(True, "the page image of the first crop loaded (%s)" % img.get_attribute("src"))
        if args.screenshot:
            os.makedirs(os.path.dirname(os.path.abspath(args.screenshot)), exist_ok=True)
            driver.save_screenshot(os.path.join(os.path.dirname(os.path.abspath(args.screenshot)), "serve_queue.png"))

        # 2. Correct a figure of the first card that has facts.
        card = next(c for c in driver.find_elements(By.CSS_SELECTOR, "#flags .flag") if c.find_elements(By.CSS_SELECTOR, "input.value"))
        fact = card.find_element(By.CSS_SELECTOR, "select.fact").get_attribute("value")
        value = card.find_element(By.CSS_SELECTOR, "input.value")
        value.clear()
        value.send_keys("4242")
        card.find_element(By.CSS_SELECTOR, "button.correct").click()
        WebDriverWait(driver, 10).until(lambda d: card.find_element(By.CSS_SELECTOR, ".status").text == "corrected")
        con = sqlite3.connect(db)
        status = con.execute("SELECT status, value FROM v_financial WHERE stable_id = ?", (fact,)).fetchone()
        check(status == ("corrected", 4242.0), "fact %s is corrected to 4242 in v_financial: %s" % (fact, status))
        by = con.execute("SELECT decided_by FROM decisions WHERE kind = 'correct' AND stable_id = ?", (fact,)).fetchone()
        check(by == ("browser-test",), "the correction names who decided")

        # 3. Accept another open flag from the keyboard: select it with j, accept with a.
        body = driver.find_element(By.TAG_NAME, "body")
        cards = driver.find_elements(By.CSS_SELECTOR, "#flags .flag")
        target = None
        for i, c in enumerate(cards):
            if c.get_attribute("data-status") == "open" and c.find_element(By.CSS_SELECTOR, ".status").text == "open" and c != card:
                target = (i, c)
                break
        check(target is not None, "another open flag to accept")
        driver.execute_script("document.activeElement.blur()")
        cur = int(driver.execute_script("return queue.current"))
        key = "j" if target[0] > cur else "k"
        for _ in range(abs(target[0] - cur)):
            body.send_keys(key)
        check(int(driver.execute_script("return queue.current")) == target[0], "j/k moved to the flag")
        flag = target[1].get_attribute("data-flag")
        body.send_keys("a")
        WebDriverWait(driver, 10).until(lambda d: target[1].find_element(By.CSS_SELECTOR, ".status").text == "accepted")
        status = con.execute("SELECT status FROM v_flags WHERE stable_id = ?", (flag,)).fetchone()
        check(status == ("accepted",), "flag %s is accepted in v_flags" % flag)
        con.close()

        # 4. Restart the server: both decisions are still there.
        stop_server(server)
        server, url = start_server(args.finsam, db, port, log)
        go(driver, url + "/#/queue?status=all", "queue")
        acc = driver.find_element(By.ID, "flag-" + flag)
        check(acc.find_element(By.CSS_SELECTOR, ".status").text == "accepted", "after a restart the flag is still accepted")
        rows = driver.find_elements(By.CSS_SELECTOR, 'tr[data-fact="%s"] .fact-status' % fact)
        check(rows and all(r.text == "corrected" for r in rows), "after a restart the fact is still corrected")

        # 5. A script in a document title renders as text.
        go(driver, url + "/#/docs", "docs")
        titles = [e.text for e in driver.find_elements(By.CSS_SELECTOR, "td.doc-title")]
        check(EVIL in titles, "the document list shows the title as text")
        check(no_alert(driver), "no alert ran on the document list")
        go(driver, url + "/#/doc/%d" % evil_doc, "doc")
        check(driver.find_element(By.CSS_SELECTOR, "h1.doc-title").text == EVIL, "the document page shows the title as text")
        check(no_alert(driver), "no alert ran on the document page")
        # Document view: figures boxed by status; a click shows the provenance.
        go(driver, url + "/#/doc/1", "doc")
        boxes = driver.find_elements(By.CSS_SELECTOR, ".pageview .box[data-fact]")
        check(len(boxes) > 0, "the document view boxes %d figures" % len(boxes))
        boxes[0].click()
        WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#prov table.asread"))
        check(boxes[0].get_attribute("data-fact") in driver.find_element(By.ID, "prov").text, "a click on a figure shows its provenance")
        check(len(driver.find_elements(By.XPATH, "//main//script")) == 0, "no script element was created from data")

        # 6. Compare chart of income.total.
        go(driver, url + "/#/compare?metric=income.total", "compare")

        def point(kind):
            pts = [p for p in driver.find_elements(By.CSS_SELECTOR, 'svg.chart circle[data-year="2020"][data-kind="%s"]' % kind)
                   if "Gävleborg" in p.get_attribute("data-org")]
            return [int(float(p.get_attribute("data-value"))) for p in pts]
        check(point("budget") == [13320000], "Gävleborg 2020 budget 13 320 000 in the chart: %s" % point("budget"))
        check(point("utfall") == [13401000], "Gävleborg 2020 utfall 13 401 000 in the chart: %s" % point("utfall"))
        links = driver.find_elements(By.CSS_SELECTOR, "svg.chart a")
        hrefs = [driver.execute_script("return arguments[0].getAttribute('href')", l) for l in links]
        check(hrefs and all(h and h.startswith("#/doc/") for h in hrefs), "every chart point links to its source page (%d)" % len(hrefs))
        if args.screenshot:
            os.makedirs(os.path.dirname(os.path.abspath(args.screenshot)), exist_ok=True)
            driver.save_screenshot(args.screenshot)
            print("screenshot:", args.screenshot)
    finally:
        driver.quit()
        stop_server(server)
        log.close()
        if os.environ.get("KEEP_TMP"):
            print("kept", tmp)
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    print("browser test passed in %.1f s" % (time.time() - t0))
    return 0


if __name__ == "__main__":
    sys.exit(main())
