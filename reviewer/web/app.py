"""The web application (Flask): pages over :class:`reviewer.web.service.Library`.

Security: CSRF token on every POST (form field ``csrf_token`` or header ``X-CSRF-Token``), login
when a users file is in force, HttpOnly + SameSite=Strict session cookies, upload size and type
limits, one audit row per action, a Chinese error page for every error (never a traceback).
"""

from __future__ import annotations

import datetime as dt
import hmac
import logging
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from flask import Flask, abort, g, jsonify, redirect, render_template, request, send_file, session, url_for
from werkzeug.exceptions import HTTPException

from reviewer.web import service
from reviewer.web.security import check_password, load_users, new_token, same_token
from reviewer.web.service import Batches, Library, ReviewInput, ServiceError, UploadedFile, audit

log = logging.getLogger("reviewer.web")

ERROR_MESSAGES = {
    400: "请求无效。",
    403: "没有权限，或页面已过期（请刷新页面后重新提交）。",
    404: "找不到该页面。",
    405: "不支持该操作方式。",
    413: "上传的文件过大。",
    500: "服务器内部错误，已记录。请重试；若仍有问题，请联系管理员。",
}


@dataclass
class WebConfig:
    data_dir: Path
    db_path: Path | None = None
    users_file: Path | None = None  # None: no login (only allowed on a loopback address)
    max_upload_mb: int = 50
    use_model: bool = True
    profiles: dict[str, Path] = field(default_factory=dict)
    catalog: Path | None = None
    batch_roots: list[Path] = field(default_factory=list)
    secret_key: str | None = None


def session_key(data_dir: Path) -> str:
    """The cookie-signing key: derived from the installation secret, so sessions survive a restart."""
    from reviewer.store.privacy import installation_secret

    data_dir.mkdir(parents=True, exist_ok=True)
    return hmac.new(installation_secret(data_dir), b"reviewer-web-session", "sha256").hexdigest()


def create_app(config: WebConfig, library: Library | None = None) -> Flask:
    app = Flask(__name__)
    app.config.update(
        SECRET_KEY=config.secret_key or session_key(Path(config.data_dir)),
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Strict",
        SESSION_COOKIE_NAME="reviewer_session",
        MAX_CONTENT_LENGTH=config.max_upload_mb * 1024 * 1024,
        MAX_FORM_MEMORY_SIZE=config.max_upload_mb * 1024 * 1024,
        TEMPLATES_AUTO_RELOAD=False,
        PROPAGATE_EXCEPTIONS=False,
    )
    app.jinja_env.globals["year"] = dt.date.today().year
    lib = library or Library(config.data_dir, db_path=config.db_path, use_model=config.use_model,
                             profiles=config.profiles, catalog=config.catalog)
    batches = Batches(lib, config.batch_roots, any_folder=config.users_file is None)
    users = load_users(config.users_file) if config.users_file else None
    app.extensions["reviewer"] = {"library": lib, "batches": batches, "config": config}

    # --- request guards -------------------------------------------------------------------
    @app.before_request
    def guard():
        if "csrf" not in session:
            session["csrf"] = new_token()
        g.user = session.get("user") if users is not None else _local_user()
        if users is not None and g.user is None and request.endpoint not in ("login", "static"):
            if request.method == "GET":
                return redirect(url_for("login", next=request.path))
            abort(403)
        if request.method == "POST":
            sent = request.headers.get("X-CSRF-Token") or request.form.get("csrf_token")
            if not same_token(sent, session.get("csrf")):
                return _error(403, "表单缺少有效的安全校验码（CSRF），已拒绝。请刷新页面后重新提交。")
        return None

    @app.after_request
    def headers(response):
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["Content-Security-Policy"] = (
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'")
        if request.endpoint != "static":
            response.headers["Cache-Control"] = "no-store"
        return response

    @app.context_processor
    def inject():
        return {"csrf_token": session.get("csrf", ""), "user": g.get("user"), "login_required": users is not None}

    # --- errors -----------------------------------------------------------------------------
    def _error(code: int, message: str | None = None):
        return render_template("error.html", code=code, message=message or ERROR_MESSAGES.get(code, "出错了。")), code

    @app.errorhandler(ServiceError)
    def service_error(exc):
        return _error(400, str(exc))

    @app.errorhandler(HTTPException)
    def http_error(exc):
        return _error(exc.code or 500, ERROR_MESSAGES.get(exc.code or 500))

    @app.errorhandler(Exception)
    def any_error(exc):
        ref = secrets.token_hex(4)
        log.error("内部错误 %s：%s", ref, type(exc).__name__)  # the type only: messages may hold document text
        return _error(500, f"服务器内部错误（编号 {ref}），已记录。请重试；若仍有问题，请联系管理员。")

    # --- login ------------------------------------------------------------------------------
    @app.route("/login", methods=["GET", "POST"])
    def login():
        if users is None:
            return redirect(url_for("review_form"))
        message = None
        if request.method == "POST":
            name = request.form.get("name", "").strip()
            if check_password(users, name, request.form.get("password", "")):
                session.clear()
                session["user"] = name
                session["csrf"] = new_token()
                audit(lib, name, "登录")
                target = request.args.get("next", "")
                return redirect(target if target.startswith("/") and not target.startswith("//") else "/")
            audit(lib, name[:40] or "（空）", "登录失败")
            message = "用户名或密码错误。"
        return render_template("login.html", message=message), 401 if message else 200

    @app.post("/logout")
    def logout():
        audit(lib, g.user or "", "退出")
        session.clear()
        return redirect(url_for("login") if users is not None else "/")

    # --- review -----------------------------------------------------------------------------
    @app.get("/")
    def home():
        return redirect(url_for("review_form"))

    @app.get("/review")
    def review_form():
        return render_template("review_form.html", profiles=list(lib.profiles), channels=service.CHANNELS,
                               today=dt.date.today().isoformat(), model_note=lib.model_note)

    @app.post("/review")
    def review_submit():
        form = request.form
        request_file = request.files.get("request_file")
        docs = [f for f in request.files.getlist("documents") if f and f.filename]
        items = form.getlist("doc_item")
        uploads = []
        for n, f in enumerate(docs):
            raw = items[n] if n < len(items) else ""
            uploads.append(UploadedFile(f.filename, f.read(), int(raw) if raw.strip().isdigit() else None))
        data = ReviewInput(
            text=form.get("text", ""),
            request_file=UploadedFile(request_file.filename, request_file.read())
            if request_file and request_file.filename else None,
            documents=uploads, received=_date(form.get("received")), channel=form.get("channel") or None,
            profile=form.get("profile") or None, stage=form.get("stage") or None,
            search_record=form.get("search_record", "").strip() or None,
            third_party=form.get("third_party") or None)
        review_id = lib.review(data)
        audit(lib, g.user, "审查申请", f"审查 {review_id}（候选文件 {len(uploads)} 份）")
        return redirect(url_for("review_result", review_id=review_id))

    @app.get("/review/<review_id>")
    def review_result(review_id):
        view = lib.review_view(review_id)
        return render_template("review_result.html", r=view, reply_types=lib.reply_types())

    @app.post("/review/<review_id>/feedback")
    def feedback(review_id):
        verdict = request.form.get("verdict", "")
        finding = lib.finding(review_id, request.form.get("finding", ""))
        row = lib.record_feedback(finding, verdict, review_id=review_id, user=g.user)
        audit(lib, g.user, "反馈审查发现", f"{row['finding_id']} {finding['rule']} {verdict}")
        if request.headers.get("X-CSRF-Token"):
            return jsonify({"ok": True, "finding": finding["id"], "verdict": verdict, "case": row["number"],
                            "stored_as": row["finding_id"]})
        return redirect(url_for("review_result", review_id=review_id) + f"#{finding['id']}")

    @app.post("/review/<review_id>/letter.docx")
    def letter_docx(review_id):
        name, data = lib.letter_docx(review_id, request.form.get("letter", ""))
        audit(lib, g.user, "下载答复书", f"审查 {review_id}")
        return _download(name, data)

    @app.get("/review/<review_id>/redacted/<int:n>.docx")
    def redacted_docx(review_id, n):
        name, data = lib.redacted_docx(review_id, n)
        audit(lib, g.user, "下载遮盖件", f"审查 {review_id} 文件 {n + 1}")
        return _download(name, data)

    @app.post("/review/<review_id>/save")
    def save_case(review_id):
        number = lib.save_case(review_id)
        audit(lib, g.user, "保存为案件", number)
        return redirect(url_for("case_page", number=number))

    # --- cases ------------------------------------------------------------------------------
    @app.get("/cases")
    def cases():
        return render_template("cases.html", cases=lib.open_cases(), today=dt.date.today().isoformat())

    @app.get("/cases/<number>")
    def case_page(number):
        from reviewer.store.case import CASE_EVENTS, REMEDY_RESULTS

        return render_template("case.html", c=lib.case_detail(number),
                               buttons=[CASE_EVENTS[name] for name in service.EVENT_BUTTONS],
                               results=list(REMEDY_RESULTS), letters=service.CASE_LETTERS,
                               profiles=list(lib.profiles), reply_types=lib.reply_types(),
                               today=dt.date.today().isoformat())

    @app.post("/cases/<number>/event")
    def case_event(number):
        form = request.form
        days = form.get("days", "").strip()
        name = form.get("kind", "")
        if name not in service.EVENT_BUTTONS:
            raise ServiceError(f"未知的事件类型：{name}")
        row = lib.add_event(number, name, _date(form.get("date")), note=form.get("note", "").strip() or None,
                            user=g.user, days=int(days) if days.isdigit() else None,
                            approved_by=form.get("approved_by", "").strip() or None,
                            result=form.get("result") or None, party=form.get("party") or None,
                            until=_date(form.get("until")))
        audit(lib, g.user, "记录案件事件", f"{number} {row['label']}")
        return redirect(url_for("case_page", number=number))

    @app.post("/cases/<number>/letter.docx")
    def case_letter(number):
        form = request.form
        kind = form.get("kind", "")
        missing = [x.strip() for x in form.get("missing", "").replace("，", "\n").replace("、", "\n").splitlines()
                   if x.strip()]
        name, data = lib.case_letter(number, kind, profile=form.get("profile") or None,
                                     items=_int(form.get("items")), pages=_int(form.get("pages")),
                                     reason=form.get("reason", "").strip(), missing=missing,
                                     organ=form.get("organ", "").strip())
        audit(lib, g.user, "下载程序性文书", f"{number} {service.CASE_LETTERS.get(kind, kind)}")
        return _download(name, data)

    @app.post("/cases/<number>/decide")
    def case_decide(number):
        form = request.form
        result = lib.decide(number, code=form.get("code"), doc_number=form.get("doc_number"),
                            decided_at=_date(form.get("decided_at")), user=g.user, note=form.get("note"),
                            search={k: form.get(f"search_{k}", "").strip() or None
                                    for k in ("systems", "keywords", "period", "result")})
        audit(lib, g.user, "记录决定", f"{number} {result.code}")
        return redirect(url_for("case_page", number=number))

    # --- batch ------------------------------------------------------------------------------
    @app.get("/batch")
    def batch_home():
        return render_template("batch.html", jobs=batches.jobs(), roots=batches.roots,
                               folders=batches.folders_allowed)

    @app.post("/batch")
    def batch_start():
        upload = request.files.get("archive")
        if upload and upload.filename:
            job_id = batches.start_zip(upload.filename, upload.read(), g.user)
        elif request.form.get("folder", "").strip():
            job_id = batches.start_folder(request.form["folder"].strip(), g.user)
        else:
            raise ServiceError("请填写服务器上的文件夹，或上传 zip 压缩包。")
        audit(lib, g.user, "开始批量审查", job_id)
        return redirect(url_for("batch_page", job_id=job_id))

    @app.get("/batch/<job_id>")
    def batch_page(job_id):
        return render_template("batch_report.html", b=batches.report(job_id))

    @app.get("/batch/<job_id>/progress.json")
    def batch_progress(job_id):
        return jsonify(batches.progress(job_id))

    @app.post("/batch/<job_id>/resume")
    def batch_resume(job_id):
        batches.resume(job_id)
        audit(lib, g.user, "继续批量审查", job_id)
        return redirect(url_for("batch_page", job_id=job_id))

    @app.get("/batch/<job_id>/file")
    def batch_file(job_id):
        return render_template("batch_file.html", job_id=job_id,
                               f=batches.file_view(job_id, request.args.get("rel", "")))

    # --- decisions / annual report / rules --------------------------------------------------
    @app.get("/decisions")
    def decisions():
        q, applicant = request.args.get("q", "").strip(), request.args.get("applicant", "").strip()
        return render_template("decisions.html", rows=lib.history(q, applicant), q=q, applicant=applicant,
                               reply_types=lib.reply_types())

    @app.get("/annual")
    def annual():
        return render_template("annual.html", profiles=list(lib.profiles), this_year=dt.date.today().year)

    @app.post("/annual")
    def annual_download():
        year = request.form.get("year", "")
        if not year.isdigit() or not 2000 <= int(year) <= 2100:
            raise ServiceError(f"年度“{year}”无效（应为四位年份，如 {dt.date.today().year}）。")
        name, data = lib.annual_docx(int(year), request.form.get("profile") or None)
        audit(lib, g.user, "下载年报", year)
        return _download(name, data)

    @app.get("/rules")
    def rules():
        return render_template("rules.html", rules=lib.rules())

    @app.get("/rules/<code>")
    def rule(code):
        return render_template("rule.html", rule=lib.rule(code))

    @app.get("/audit")
    def audit_page():
        return render_template("audit.html", rows=service.audit_rows(lib))

    return app


DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _download(name: str, data: bytes):
    import io

    response = send_file(io.BytesIO(data), mimetype=DOCX, as_attachment=True, download_name="download.docx")
    response.headers["Content-Disposition"] = f"attachment; filename=download.docx; filename*=UTF-8''{quote(name)}"
    return response


def _date(value: str | None) -> dt.date | None:
    if not value or not value.strip():
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise ServiceError(f"日期“{value}”格式错误（应为 YYYY-MM-DD）。") from None


def _int(value: str | None) -> int | None:
    if not value or not value.strip():
        return None
    if not value.strip().isdigit():
        raise ServiceError(f"“{value}”不是有效的数字。")
    return int(value.strip())


def _local_user() -> str:
    return service.local_user()
