"""The web application through Flask's test client: review flow, feedback, letter download,
cases, batch, CSRF, login, upload limits, error pages, access log."""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

pytest.importorskip("flask")
pytest.importorskip("argon2")

from docx import Document  # noqa: E402
from faker import Faker  # noqa: E402
from stdnum.cn import ric  # noqa: E402

from reviewer.web.app import WebConfig, create_app  # noqa: E402
from reviewer.web.security import add_user  # noqa: E402
from reviewer.web.service import Library  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
fake = Faker("zh_CN")
Faker.seed(1414)


def id_number() -> str:
    body = "110101" + fake.date_of_birth(minimum_age=25, maximum_age=70).strftime("%Y%m%d") + f"{fake.random_int(100, 999)}"
    return body + ric.calc_check_digit(body + "0")


def request_text() -> str:
    return (f"政府信息公开申请表\n申请人：{fake.name()}\n联系电话：{fake.phone_number()}\n"
            f"身份证号：{id_number()}\n通信地址：{fake.address()}\n申请公开的政府信息：\n"
            "1．示例市住房和城乡建设局2026年10月12日关于老旧小区改造项目资金安排的专题会议纪要；\n"
            "2．本人房屋征收补偿款发放情况的办理材料。\n获取方式：电子邮件\n")


def document_text() -> str:
    return ("关于老旧小区改造项目资金安排的专题会议纪要（讨论稿）\n"
            "会议研究了老旧小区改造项目资金安排事项。会议认为，应当加快资金拨付进度。\n"
            f"经办人{fake.name()}，身份证号{id_number()}，联系电话{fake.phone_number()}，"
            "反映的征收补偿款发放问题由区住建局核实办理。\n")


def csrf_of(html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    base = tmp_path_factory.mktemp("web")
    return Library(base / "web", db_path=base / "store.sqlite", use_model=False)


@pytest.fixture()
def client(library):
    app = create_app(WebConfig(data_dir=library.data_dir, db_path=library.db_path, use_model=False), library)
    return app.test_client()


def submit_review(client, docs: list[tuple[str, bytes]] | None = None, items: list[str] | None = None,
                  received: str = "2026-11-20"):
    token = csrf_of(client.get("/review").text)
    if docs is None:
        docs = [("会议纪要.txt", document_text().encode())]
    data = {"csrf_token": token, "text": request_text(), "received": received, "channel": "网络",
            "profile": "默认配置", "documents": [(io.BytesIO(b), n) for n, b in docs], "doc_item": items or ["1"] * len(docs)}
    response = client.post("/review", data=data, content_type="multipart/form-data")
    return token, response


def test_review_result_shows_suggestion_highlights_letter_and_deadline(client):
    token, response = submit_review(client)
    assert response.status_code == 302
    page = client.get(response.location).text
    assert "建议答复类型" in page and "第三十六条" in page  # the citation
    assert 'class="finding sev-' in page  # a highlighted finding
    assert "PRC" in page  # a process-information rule code in the findings list
    assert "答复期限" in page and "2026-12-1" in page  # 20 working days after 2026-11-20
    assert "【待填写" in page and 'id="letter"' in page
    # personal data of the document is masked in the findings list
    assert re.search(r"「\d{3}\*{13}[\dX]{2}」", page)


def test_feedback_is_stored_and_shown(client, library):
    token, response = submit_review(client)
    review_id = response.location.rsplit("/", 1)[1]
    page = client.get(response.location).text
    finding = re.search(r'name="finding" value="([^"]+)"', page).group(1)
    r = client.post(f"/review/{review_id}/feedback", data={"finding": finding, "verdict": "reject"},
                    headers={"X-CSRF-Token": token})
    assert r.status_code == 200 and r.get_json()["verdict"] == "reject"
    assert library.feedback_for(review_id) == {finding: "reject"}
    # The verdict lands in the decision store's finding_feedback (the review is saved as a case first).
    number = r.get_json()["case"]
    n, i = (int(x) for x in finding[1:].split("f"))
    assert n == 0 and r.get_json()["stored_as"] == f"{number}#{i + 1}"
    from reviewer.store.db import open_store
    from reviewer.store.feedback import list_findings

    with open_store(library.db_path) as store:
        rows = list_findings(store, number)
        stored = list(store.db["finding_feedback"].rows_where("officer = ?", [library_user()]))
        audited = store.db["audit"].count_where("entity = 'finding_feedback'")
    assert rows[i]["verdict"] == "reject" and rows[i]["officer"] == library_user()
    assert [row["verdict"] for row in stored][-1] == "reject" and audited >= 1
    page = client.get(response.location).text
    assert "已标记为不采纳" in page and f"已保存为案件 {number}" in page
    r = client.post(f"/review/{review_id}/feedback", data={"finding": finding, "verdict": "accept"},
                    headers={"X-CSRF-Token": token})
    assert r.get_json()["case"] == number  # the same case: saved once
    assert library.feedback_for(review_id) == {finding: "accept"}
    bad = client.post(f"/review/{review_id}/feedback", data={"finding": finding, "verdict": "maybe", "csrf_token": token})
    assert bad.status_code == 400 and "反馈只能是" in bad.text


def test_edited_letter_downloads_as_docx_with_the_edits(client):
    token, response = submit_review(client)
    review_id = response.location.rsplit("/", 1)[1]
    page = client.get(response.location).text
    letter = re.search(r'<textarea name="letter"[^>]*>(.*?)</textarea>', page, re.S).group(1)
    import html

    edited = re.sub(r"【待填写：序号】", "17", html.unescape(letter))
    r = client.post(f"/review/{review_id}/letter.docx", data={"csrf_token": token, "letter": edited})
    assert r.status_code == 200 and "wordprocessingml" in r.mimetype
    text = "\n".join(p.text for p in Document(io.BytesIO(r.data)).paragraphs)
    assert "〔2026〕17号" in text and "答复书" in text
    redacted = client.get(f"/review/{review_id}/redacted/0.docx")
    assert redacted.status_code == 200
    red_text = "\n".join(p.text for p in Document(io.BytesIO(redacted.data)).paragraphs)
    # A 讨论稿 withheld as a whole gets no releasable copy: the download says why, without the text.
    assert "未生成" in red_text or "不生成" in red_text or "不予公开" in red_text
    assert "加快资金拨付进度" not in red_text and not re.search(r"\d{17}[\dX]", red_text)


def test_form_without_csrf_token_is_refused(client, library):
    token, response = submit_review(client)
    before = len(library._reviews)
    r = client.post("/review", data={"text": request_text()})
    assert r.status_code == 403 and "CSRF" in r.text and "Traceback" not in r.text
    assert len(library._reviews) == before


def test_upload_type_and_size_limits(library):
    app = create_app(WebConfig(data_dir=library.data_dir, db_path=library.db_path, use_model=False, max_upload_mb=1),
                     library)
    client = app.test_client()
    _, r = submit_review(client, docs=[("病毒.exe", b"MZ")])
    assert r.status_code == 400 and "病毒.exe" in r.text and "不受支持" in r.text
    _, r = submit_review(client, docs=[("大文件.txt", b"a" * (2 * 1024 * 1024))])
    assert r.status_code == 413 and "过大" in r.text


def test_unknown_pages_and_internal_errors_are_chinese_pages(library):
    app = create_app(WebConfig(data_dir=library.data_dir, db_path=library.db_path, use_model=False), library)

    @app.get("/boom")
    def boom():
        raise RuntimeError("secret text 13912345678")

    client = app.test_client()
    r = client.get("/nowhere")
    assert r.status_code == 404 and "找不到该页面" in r.text
    r = client.get("/boom")
    assert r.status_code == 500 and "服务器内部错误" in r.text
    assert "Traceback" not in r.text and "13912345678" not in r.text
    r = client.get("/review/unknown-id")
    assert r.status_code == 400 and "重新提交" in r.text


def test_saved_case_lists_by_due_date_and_records_events(client, library):
    token, response = submit_review(client, received="2026-06-01")
    saved = client.post(response.location + "/save", data={"csrf_token": token})
    number = saved.location.rsplit("/", 1)[1]
    page = client.get("/cases").text
    assert number in page and "已逾期" in page  # received 2026-06-01: 20 working days long past
    r = client.post(f"/cases/{number}/event", data={"csrf_token": token, "kind": "extension-approved",
                                                    "date": "2026-12-10", "days": "20"})
    assert r.status_code == 400 and "负责人同意" in r.text and "批准人" in r.text  # no approver: Chinese error
    r = client.post(f"/cases/{number}/event", data={"csrf_token": token, "kind": "extension-approved",
                                                    "date": "2026-12-10", "approved_by": "李主任"})
    assert r.status_code == 400 and "工作日" in r.text  # no days
    r = client.post(f"/cases/{number}/event", data={"csrf_token": token, "kind": "extension-approved",
                                                    "date": "2026-12-10", "days": "20", "approved_by": "李主任"})
    assert r.status_code == 302
    page = client.get(f"/cases/{number}").text
    assert "延长答复期限" in page and "延长后答复期限" in page and "经 李主任 同意" in page
    letter = client.post(f"/cases/{number}/letter.docx", data={"csrf_token": token, "kind": "extension"})
    assert letter.status_code == 200 and "wordprocessingml" in letter.mimetype
    assert "延长" in "\n".join(p.text for p in Document(io.BytesIO(letter.data)).paragraphs)
    r = client.post(f"/cases/{number}/decide", data={"csrf_token": token, "code": "", "doc_number": "示例〔2026〕9号",
                                                     "decided_at": "2026-12-11", "note": "网页记录",
                                                     "search_systems": "公文管理系统", "search_keywords": "老旧小区改造",
                                                     "search_result": "找到会议纪要一份"})
    assert r.status_code == 302
    from reviewer.store.db import open_store

    with open_store(library.db_path) as store:
        request_id = store.get_request(number)["id"]
        assert store.current_decision(request_id)["note"] == "网页记录"
        logs = list(store.db["search_logs"].rows_where("request_id = ?", [request_id]))
    assert [(x["systems"], x["keywords"]) for x in logs] == [("公文管理系统", "老旧小区改造")]
    assert "示例〔2026〕9号" in client.get(f"/cases/{number}").text
    assert number not in client.get("/cases").text  # decided: no longer open
    assert number in client.get("/decisions").text
    annual = client.post("/annual", data={"csrf_token": token, "year": "2026"})
    assert annual.status_code == 200 and Document(io.BytesIO(annual.data)).tables


def library_user() -> str:
    from reviewer.web.service import local_user

    return local_user()


def test_case_clock_follows_correction_and_consultation_events(client):
    from reviewer.decide.deadline import compute_deadline

    token, response = submit_review(client, received="2026-11-02")
    number = client.post(response.location + "/save", data={"csrf_token": token}).location.rsplit("/", 1)[1]

    def due() -> str:
        return re.search(r'id="case-due">([^<]+)<', client.get(f"/cases/{number}").text).group(1)

    assert due() == compute_deadline("2026-11-02").final_due.isoformat()
    r = client.post(f"/cases/{number}/event", data={"csrf_token": token, "kind": "correction-received",
                                                    "date": "2026-11-05"})
    assert r.status_code == 400 and "尚未记录补正告知" in r.text and "Traceback" not in r.text
    client.post(f"/cases/{number}/event", data={"csrf_token": token, "kind": "correction-sent", "date": "2026-11-04"})
    page = client.get(f"/cases/{number}").text
    assert "等待补正" in page and "申请人（补正）" in page and "待补正后起算" in page
    client.post(f"/cases/{number}/event", data={"csrf_token": token, "kind": "correction-received",
                                                "date": "2026-11-16"})
    after = compute_deadline("2026-11-02", correction_requested="2026-11-04", correction_received="2026-11-16")
    assert due() == after.final_due.isoformat() != compute_deadline("2026-11-02").final_due.isoformat()
    page = client.get(f"/cases/{number}").text
    assert f"<time>{after.final_due.isoformat()}</time> 答复期限（按已记录的事件计算）" in page  # not the stale row
    assert f"<time>{compute_deadline('2026-11-02').final_due.isoformat()}</time>" not in page
    assert "收到申请" in page and "收到补正材料" in page
    client.post(f"/cases/{number}/event", data={"csrf_token": token, "kind": "consultation-sent", "date": "2026-11-18",
                                                "party": "third_party"})
    assert "第三方" in client.get(f"/cases/{number}").text
    r = client.post(f"/cases/{number}/event", data={"csrf_token": token, "kind": "replied", "date": "2026-11-18"})
    assert r.status_code == 400 and "未知的事件类型" in r.text
    letter = client.post(f"/cases/{number}/letter.docx", data={"csrf_token": token, "kind": "correction"})
    assert letter.status_code == 400 and "补正" in letter.text  # the missing items are required
    letter = client.post(f"/cases/{number}/letter.docx", data={"csrf_token": token, "kind": "correction",
                                                               "missing": "description"})
    assert letter.status_code == 200
    client.post(f"/cases/{number}/event", data={"csrf_token": token, "kind": "withdrawn", "date": "2026-11-20"})
    assert number not in client.get("/cases").text  # withdrawn: closed


def test_search_record_from_the_form_reaches_the_review(client, library):
    token = csrf_of(client.get("/review").text)
    assert 'name="search_record"' in client.get("/review").text
    data = {"csrf_token": token, "text": request_text(), "received": "2026-11-20", "channel": "网络",
            "search_record": "检索了本机关公文管理系统和档案室纸质档案，关键词“老旧小区改造”，2020年至今，未找到。"}
    response = client.post("/review", data=data, content_type="multipart/form-data")
    assert response.status_code == 302
    kept = library._kept(response.location.rsplit("/", 1)[1])
    without = client.post("/review", data=dict(data, search_record=""), content_type="multipart/form-data")
    plain = library._kept(without.location.rsplit("/", 1)[1])
    # Without a search record an item with no document is "not yet searched", never 信息不存在.
    codes = [i["code"] for i in kept.data["request"]["items"]]
    assert "unavailable.not_held" in codes
    assert "unavailable.not_held" not in [i["code"] for i in plain.data["request"]["items"]]


def test_batch_from_zip_runs_to_completion_and_reports(client):
    token = csrf_of(client.get("/batch").text)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("纪要.txt", document_text())
        archive.writestr("公告.txt", "示例市2026年老旧小区改造计划已经市政府同意，现予公布。")
        archive.writestr("坏文件.docx", b"not a docx")
    r = client.post("/batch", data={"csrf_token": token, "archive": (io.BytesIO(buffer.getvalue()), "待发布.zip")},
                    content_type="multipart/form-data")
    assert r.status_code == 302
    job = r.location
    for _ in range(200):
        progress = client.get(job + "/progress.json").get_json()
        if progress["state"] != "running":
            break
        time.sleep(0.1)
    assert progress["state"] == "finished" and progress["done"] == progress["total"] == 3
    page = client.get(job).text
    assert page.count("<tr data-verdict") == 3 and "无法读取" in page
    rel = re.search(r'file\?rel=([^"]+)"', page).group(1)
    view = client.get(job + "/file?rel=" + rel)
    assert view.status_code == 200


def test_login_required_with_users_file(library, tmp_path):
    users = tmp_path / "users.json"
    add_user(users, "张三", "correct-horse-1")
    app = create_app(WebConfig(data_dir=library.data_dir, db_path=library.db_path, use_model=False, users_file=users),
                     library)
    client = app.test_client()
    r = client.get("/cases")
    assert r.status_code == 302 and "/login" in r.location
    token = csrf_of(client.get("/login").text)
    r = client.post("/login", data={"csrf_token": token, "name": "张三", "password": "wrong-password"})
    assert r.status_code == 401 and "错误" in r.text
    r = client.post("/login?next=/cases", data={"csrf_token": token, "name": "张三", "password": "correct-horse-1"})
    assert r.status_code == 302 and r.location.endswith("/cases")
    assert "经办人：张三" in client.get("/cases").text
    cookie = client.get_cookie("reviewer_session")
    assert cookie.http_only and cookie.same_site == "Strict"
    assert '"users"' in users.read_text() and "correct-horse-1" not in users.read_text()


def test_serve_refuses_a_public_bind_without_users(tmp_path):
    env = {"REVIEWER_DATA_DIR": str(tmp_path / "data"), "REVIEWER_CACHE_DIR": str(tmp_path / "cache"),
           "PATH": "/usr/bin:/bin"}
    r = subprocess.run([sys.executable, "-m", "reviewer", "serve", "--host", "0.0.0.0", "--port", "0"],
                       capture_output=True, text=True, env=env, timeout=60)
    assert r.returncode == 2 and "reviewer users add" in r.stderr
    r = subprocess.run([sys.executable, "-m", "reviewer", "users", "add", "李四", "--password-stdin"],
                       input="short\n", capture_output=True, text=True, env=env, timeout=60)
    assert r.returncode == 2 and "至少" in r.stderr
    bad = tmp_path / "坏配置.yaml"
    bad.write_text("name: [未闭合\n", encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "reviewer", "serve", "--port", "0", "--no-model", "--profile", str(bad)],
                       capture_output=True, text=True, env=env, timeout=120)
    assert r.returncode == 2 and "坏配置.yaml" in r.stderr and "Traceback" not in r.stderr


def test_access_log_has_no_query_string(capsys):
    from reviewer.web.server import QuietHandler

    handler = QuietHandler.__new__(QuietHandler)
    handler.path = "/decisions?applicant=%E5%BC%A0%E4%B8%89"
    handler.command = "GET"
    handler.log_request(200)
    err = capsys.readouterr().err
    assert "GET /decisions 200" in err and "applicant" not in err and "%E5" not in err


def test_audit_log_records_actions_with_user(client, library):
    from reviewer.web.service import audit_rows

    submit_review(client)
    rows = audit_rows(library)
    assert rows[0]["action"] == "审查申请" and rows[0]["who"]


def test_letter_from_text_round_trips_the_layout(library):
    from reviewer.web.service import letter_from_text

    token_date = dt.date(2026, 11, 20)
    from reviewer.web.service import ReviewInput

    review_id = library.review(ReviewInput(text=request_text(), received=token_date))
    draft = library._kept(review_id).outcome.letter
    rebuilt = letter_from_text(draft.to_text(), draft)
    assert rebuilt.title == draft.title and rebuilt.doc_number == draft.doc_number
    assert rebuilt.closing_agency == draft.closing_agency and rebuilt.closing_date == draft.closing_date
    assert [p for p in rebuilt.paragraphs if p in draft.paragraphs]


def test_batch_interrupted_by_a_restart_can_be_resumed(library, tmp_path):
    import json

    folder = tmp_path / "待发布"
    folder.mkdir()
    for n in range(3):
        (folder / f"文件{n}.txt").write_text(document_text(), encoding="utf-8")
    first = create_app(WebConfig(data_dir=library.data_dir, db_path=library.db_path, use_model=False), library)
    client = first.test_client()
    token = csrf_of(client.get("/batch").text)
    job = client.post("/batch", data={"csrf_token": token, "folder": str(folder)}).location
    job_id = job.rsplit("/", 1)[1]
    batches = first.extensions["reviewer"]["batches"]
    batches._threads[job_id].join(60)
    # As if the server had stopped mid-run: the job file still says "running", no thread runs it.
    path = library.data_dir / "batches" / job_id / "job.json"
    path.write_text(json.dumps(dict(json.loads(path.read_text()), state="running")), encoding="utf-8")
    (folder / "新增.txt").write_text("关于开展2026年度老旧小区改造工作的通知。", encoding="utf-8")
    restarted = create_app(WebConfig(data_dir=library.data_dir, db_path=library.db_path, use_model=False), library)
    client = restarted.test_client()
    page = client.get(job).text
    assert "已中断" in page and 'id="resume-batch"' in page
    token = csrf_of(page)
    assert client.post(job + "/resume", data={"csrf_token": token}).status_code == 302
    restarted.extensions["reviewer"]["batches"]._threads[job_id].join(60)
    progress = client.get(job + "/progress.json").get_json()
    assert progress["state"] == "finished" and progress["done"] == progress["total"] == 4
    assert client.get(job).text.count("<tr data-verdict") == 4


def test_request_uploaded_as_docx_and_folder_batches_off_for_shared_servers(library, tmp_path):
    doc = Document()
    for line in request_text().splitlines():
        doc.add_paragraph(line)
    buffer = io.BytesIO()
    doc.save(buffer)
    users = tmp_path / "users.json"
    add_user(users, "赵六", "correct-horse-3")
    app = create_app(WebConfig(data_dir=library.data_dir, db_path=library.db_path, use_model=False, users_file=users),
                     library)
    client = app.test_client()
    token = csrf_of(client.get("/login").text)
    client.post("/login", data={"csrf_token": token, "name": "赵六", "password": "correct-horse-3"})
    token = csrf_of(client.get("/review").text)
    r = client.post("/review", data={"csrf_token": token, "request_file": (io.BytesIO(buffer.getvalue()), "申请.docx"),
                                     "received": "2026-11-20"}, content_type="multipart/form-data")
    assert r.status_code == 302
    page = client.get(r.location).text
    assert "老旧小区改造项目资金安排" in page and "建议答复类型" in page
    r = client.post("/batch", data={"csrf_token": token, "folder": str(tmp_path)})
    assert r.status_code == 400 and "--batch-root" in r.text
    assert 'id="folder"' not in client.get("/batch").text


def test_decision_stage_from_the_form_reaches_the_suggestion(client):
    token = csrf_of(client.get("/review").text)
    data = {"csrf_token": token, "text": request_text(), "received": "2026-11-20", "stage": "decided",
            "documents": [(io.BytesIO(document_text().encode()), "会议纪要.txt")]}
    page = client.get(client.post("/review", data=data, content_type="multipart/form-data").location).text
    label = re.search(r'id="reply-label">([^<]+)<', page).group(1)
    assert "过程性信息" not in label  # once decided, process information is no longer the ground
    bad = client.post("/review", data={"csrf_token": token, "text": request_text(), "stage": "later"})
    assert bad.status_code == 400 and "决策阶段" in bad.text


def test_login_survives_a_restart_but_not_another_installation(library, tmp_path):
    users = tmp_path / "users.json"
    add_user(users, "李四", "correct-horse-3")

    def app_for(data_dir):
        return create_app(WebConfig(data_dir=data_dir, db_path=library.db_path, use_model=False, users_file=users),
                          library)

    first = app_for(library.data_dir).test_client()
    token = csrf_of(first.get("/login").text)
    first.post("/login", data={"csrf_token": token, "name": "李四", "password": "correct-horse-3"})
    cookie = first.get_cookie("reviewer_session").value

    restarted = app_for(library.data_dir).test_client()  # a new app object: what a restart of `serve` builds
    restarted.set_cookie("reviewer_session", cookie)
    assert "经办人：李四" in restarted.get("/cases").text

    elsewhere = app_for(tmp_path / "other-data").test_client()  # another installation's secret
    elsewhere.set_cookie("reviewer_session", cookie)
    r = elsewhere.get("/cases")
    assert r.status_code == 302 and "/login" in r.location


def test_third_party_opinion_from_the_form_reaches_the_letter(client, library):
    page = client.get("/review").text
    assert 'name="third_party"' in page
    data = {"csrf_token": csrf_of(page), "text": "申请人：林晓，联系电话13912345678。\n申请公开邻居王某某的身份证号码和家庭住址。",
            "received": "2026-11-20", "channel": "网络"}
    before = library._kept(client.post("/review", data=data, content_type="multipart/form-data")
                           .location.rsplit("/", 1)[1])
    after = library._kept(client.post("/review", data=dict(data, third_party="object"),
                                      content_type="multipart/form-data").location.rsplit("/", 1)[1])
    assert "决定不予公开" not in before.data["letter"]["text"]  # not refused before the consultation
    assert "第三十二条" in after.data["letter"]["text"] and "决定不予公开" in after.data["letter"]["text"]
    bad = client.post("/review", data=dict(data, third_party="maybe"), content_type="multipart/form-data")
    assert "未知的第三方意见" in bad.get_data(as_text=True)
