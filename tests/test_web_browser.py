"""End-to-end tests in headless Chromium (Debian's chromium + chromium-driver, driven by Selenium).

Selenium is pointed at /usr/bin/chromedriver and run with SE_OFFLINE=true: nothing is downloaded.
Set REVIEWER_SCREENSHOTS=<folder> to save screenshots of the main pages (bench/screenshots.py).
"""

from __future__ import annotations

import io
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

pytest.importorskip("flask")
selenium = pytest.importorskip("selenium", reason="未安装 selenium（make setup 会安装）")

from docx import Document  # noqa: E402
from selenium import webdriver  # noqa: E402
from selenium.common.exceptions import WebDriverException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402
from test_web_app import document_text, request_text  # noqa: E402

CHROMIUM = next((p for p in (shutil.which("chromium"), shutil.which("chromium-browser"), "/usr/bin/chromium")
                 if p and Path(p).exists()), None)
DRIVER = next((p for p in (shutil.which("chromedriver"), "/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver")
               if p and Path(p).exists()), None)
if CHROMIUM is None or DRIVER is None:
    pytest.skip("未找到 chromium 或 chromedriver（apt-get install chromium chromium-driver；.ci/run 会安装），"
                "跳过浏览器测试", allow_module_level=True)

SHOTS = os.environ.get("REVIEWER_SCREENSHOTS")
ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The app on 127.0.0.1 with a free port, in a thread; a temporary store and data folder."""
    from werkzeug.serving import make_server

    from reviewer.web.app import WebConfig, create_app
    from reviewer.web.server import QuietHandler
    from reviewer.web.service import Library

    base = tmp_path_factory.mktemp("browser")
    use_model = bool(SHOTS)  # screenshots show the real thing; tests stay fast on rules alone
    library = Library(base / "web", db_path=base / "store.sqlite", use_model=use_model,
                      profiles={"示例机关": ROOT / "examples" / "profile.yaml"})
    library.warm()
    app = create_app(WebConfig(data_dir=base / "web", db_path=base / "store.sqlite", use_model=use_model), library)
    http = make_server("127.0.0.1", 0, app, threaded=True, request_handler=QuietHandler)
    thread = threading.Thread(target=http.serve_forever, daemon=True)
    thread.start()
    yield {"url": f"http://127.0.0.1:{http.server_port}", "library": library, "base": base}
    http.shutdown()


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    os.environ["SE_OFFLINE"] = "true"  # Selenium Manager must never download a driver or a browser
    downloads = tmp_path_factory.mktemp("downloads")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1440,1000", "--lang=zh-CN", "--no-first-run", "--disable-extensions",
                "--disable-background-networking", "--disable-component-update", "--disable-sync"):
        options.add_argument(arg)
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                              "download.prompt_for_download": False})
    service = webdriver.ChromeService(executable_path=DRIVER)
    driver = webdriver.Chrome(options=options, service=service)
    driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    driver.downloads = downloads
    yield driver
    driver.quit()


def wait(driver, seconds: float = 15):
    # While a page is replaced, reading an element of the old one can fail with a transient driver error
    # ("Node with given id does not belong to the document"): keep polling; a real failure still times out.
    return WebDriverWait(driver, seconds, ignored_exceptions=(WebDriverException,))


def shot(driver, name: str, element=None) -> None:
    if not SHOTS:
        return
    folder = Path(SHOTS)
    folder.mkdir(parents=True, exist_ok=True)
    if element is not None:
        driver.execute_script("arguments[0].scrollIntoView({block: 'start'}); window.scrollBy(0, -12);", element)
        time.sleep(0.2)
    driver.save_screenshot(str(folder / f"{name}.png"))


def test_review_flow_in_the_browser(server, browser, tmp_path):
    doc = tmp_path / "专题会议纪要.txt"
    doc.write_text(document_text(), encoding="utf-8")
    browser.get(server["url"] + "/review")
    assert "审查申请" in browser.title
    browser.find_element(By.ID, "text").send_keys(request_text())
    browser.find_element(By.ID, "documents").send_keys(str(doc))
    item = wait(browser).until(EC.visibility_of_element_located((By.NAME, "doc_item")))
    item.send_keys("1")
    received = browser.find_element(By.NAME, "received")
    browser.execute_script("arguments[0].value = '2026-11-20'", received)
    browser.find_element(By.NAME, "profile").send_keys("示例机关")
    shot(browser, "01-审查申请")
    browser.find_element(By.ID, "submit-review").click()

    label = wait(browser, 30).until(EC.visibility_of_element_located((By.ID, "reply-label")))
    assert label.text.strip()
    assert re.search(r"引用条款：《中华人民共和国政府信息公开条例》第三十[六七]条", browser.find_element(By.CSS_SELECTOR, ".suggestion").text)
    assert "答复期限" in browser.find_element(By.CSS_SELECTOR, ".deadline").text
    marks = browser.find_elements(By.CSS_SELECTOR, "mark.finding.sev-withhold")
    assert marks, "no highlighted finding"
    mark = marks[0]
    mark.click()
    finding_id = mark.get_attribute("data-f")
    detail = browser.find_element(By.ID, finding_id)
    assert "active" in detail.get_attribute("class")
    assert "个人隐私" in detail.text and "第十五条" in detail.text and "分值" in detail.text
    shot(browser, "02-审查结果-高亮发现", browser.find_element(By.CSS_SELECTOR, "section.document"))
    shot(browser, "03-审查结果-答复建议", browser.find_element(By.TAG_NAME, "header"))

    detail.find_element(By.CSS_SELECTOR, "button.reject").click()
    wait(browser).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, f"#{finding_id} .fb-state"), "不采纳"))
    review_id = browser.current_url.rstrip("/").rsplit("/", 1)[1]
    assert server["library"].feedback_for(review_id)[finding_id] == "reject"
    assert "rejected" in browser.find_element(By.CSS_SELECTOR, f'mark[data-f="{finding_id}"]').get_attribute("class")

    letter = browser.find_element(By.ID, "letter")
    count = int(browser.find_element(By.ID, "blank-count").text)
    assert count >= 1
    shot(browser, "04-答复书编辑", browser.find_element(By.CSS_SELECTOR, "section.letter"))
    fills = iter(["17", "已作出决定", "经审查，该部分内容涉及个人隐私", "无", "补充内容"] + ["已填写"] * 20)
    for _ in range(count):
        letter.send_keys(Keys.ALT, "n")  # keyboard: jump to (and select) the next blank
        letter.send_keys(next(fills))
    assert "【待填写" not in letter.get_attribute("value")
    warning = browser.find_element(By.ID, "blanks-warning")
    assert "done" in warning.get_attribute("class") and "已全部填写" in warning.text
    browser.find_element(By.ID, "download-letter").click()
    path = _downloaded(browser.downloads, ".docx")
    text = "\n".join(p.text for p in Document(io.BytesIO(path.read_bytes())).paragraphs)
    assert "〔2026〕17号" in text and "【待填写" not in text

    browser.find_element(By.ID, "save-case").click()
    wait(browser).until(EC.url_contains("/cases/"))
    case_url = browser.current_url
    form = browser.find_element(By.ID, "event-form")
    form.find_element(By.NAME, "days").send_keys("5")
    form.find_element(By.CSS_SELECTOR, 'button[value="extension-approved"]').click()
    wait(browser).until(EC.staleness_of(form))  # the old page's <main> must not be read while the new one loads
    assert wait(browser).until(EC.text_to_be_present_in_element((By.TAG_NAME, "main"), "负责人同意"))
    browser.get(case_url)
    browser.find_element(By.CSS_SELECTOR, '#event-form button[value="correction-sent"]').click()
    wait(browser).until(EC.text_to_be_present_in_element((By.ID, "case-clock"), "等待补正"))
    assert "待补正后起算" in browser.find_element(By.ID, "case-due").text
    shot(browser, "06-案件页")
    browser.get(server["url"] + "/cases")
    assert browser.find_elements(By.CSS_SELECTOR, "table.cases tbody tr")
    shot(browser, "05-案件列表")


def test_batch_runs_to_completion(server, browser, tmp_path):
    folder = tmp_path / "待发布"
    folder.mkdir()
    (folder / "会议纪要.txt").write_text(document_text(), encoding="utf-8")
    (folder / "通知.txt").write_text("关于开展2026年度老旧小区改造工作的通知。各区按计划推进。", encoding="utf-8")
    (folder / "损坏.pdf").write_bytes(b"%PDF-broken")
    browser.get(server["url"] + "/batch")
    browser.find_element(By.ID, "folder").send_keys(str(folder))
    browser.find_element(By.ID, "start-batch").click()
    wait(browser, 60).until(EC.text_to_be_present_in_element((By.ID, "batch-state"), "已完成"))
    rows = wait(browser).until(EC.presence_of_all_elements_located((By.CSS_SELECTOR, "#batch-table tbody tr")))
    assert len(rows) == 3
    browser.find_element(By.ID, "f-verdict").send_keys("建议不予公开或区分处理")
    visible = [r for r in browser.find_elements(By.CSS_SELECTOR, "#batch-table tbody tr") if r.is_displayed()]
    assert len(visible) == 1 and "会议纪要" in visible[0].text
    shot(browser, "06-批量审查报告")
    visible[0].find_element(By.TAG_NAME, "a").click()
    assert wait(browser).until(EC.presence_of_element_located((By.CSS_SELECTOR, "mark.finding")))


def test_form_without_csrf_token_is_refused(server, browser):
    browser.get(server["url"] + "/review")
    browser.execute_script("document.querySelector('#review-form input[name=csrf_token]').remove()")
    browser.find_element(By.ID, "text").send_keys("申请公开2025年度部门预算。")
    browser.find_element(By.ID, "submit-review").click()
    heading = wait(browser).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".error-card h1")))
    assert "403" in heading.text and "CSRF" in browser.find_element(By.CSS_SELECTOR, ".error-card").text


def test_login_is_enforced_on_a_non_local_bind(browser, tmp_path):
    env = dict(os.environ, REVIEWER_DATA_DIR=str(tmp_path / "data"))
    users = tmp_path / "users.json"
    subprocess.run([sys.executable, "-m", "reviewer", "users", "add", "王芳", "--password-stdin", "--file", str(users)],
                   input="correct-horse-2\n", text=True, check=True, env=env, capture_output=True, timeout=60)
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "reviewer", "serve", "--host", "0.0.0.0", "--port", str(port),
                             "--users", str(users), "--no-model", "--db", str(tmp_path / "store.sqlite")],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()  # printed once the server listens
        assert f":{port}/" in line, proc.stderr.read() if proc.poll() is not None else line
        browser.get(f"http://127.0.0.1:{port}/cases")
        assert "/login" in browser.current_url
        browser.find_element(By.NAME, "name").send_keys("王芳")
        browser.find_element(By.NAME, "password").send_keys("wrong-password", Keys.ENTER)
        assert "用户名或密码错误" in wait(browser).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".alert"))).text
        browser.find_element(By.NAME, "name").send_keys("王芳")
        browser.find_element(By.NAME, "password").send_keys("correct-horse-2", Keys.ENTER)
        # the login page's own URL holds "next=/cases": wait for the path itself, not a substring
        wait(browser).until(lambda d: urlsplit(d.current_url).path == "/cases")
        assert "经办人：王芳" in browser.find_element(By.CSS_SELECTOR, ".who").text
        cookies = {c["name"]: c for c in browser.get_cookies()}
        assert cookies["reviewer_session"]["httpOnly"] and cookies["reviewer_session"]["sameSite"] == "Strict"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _downloaded(folder: Path, suffix: str, timeout: float = 15) -> Path:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        files = list(folder.iterdir())
        done = [p for p in files if p.suffix == suffix and p.stat().st_size > 0]
        if done and not any(p.suffix == ".crdownload" for p in files):  # Chrome renames when complete
            return max(done, key=lambda p: p.stat().st_mtime)
        time.sleep(0.1)
    raise AssertionError(f"没有下载到 {suffix} 文件")
