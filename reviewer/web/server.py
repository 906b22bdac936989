"""Serve the web application with werkzeug's threaded WSGI server; access log without personal data."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from werkzeug.serving import WSGIRequestHandler, make_server


class QuietHandler(WSGIRequestHandler):
    """Access log lines carry method, path (no query string: searches may hold names) and status."""

    def log_request(self, code="-", size="-") -> None:
        path = self.path.split("?", 1)[0]
        sys.stderr.write(f"{self.log_date_time_string()} {self.command} {path} {code}\n")

    def log_error(self, format, *args) -> None:  # noqa: A002 - werkzeug's signature
        sys.stderr.write(f"{self.log_date_time_string()} 连接错误\n")

    def log_message(self, format, *args) -> None:  # noqa: A002
        pass


def build(*, data_dir: Path, users_file: Path | None = None, db_path: Path | None = None, profiles=None,
          catalog: Path | None = None, batch_roots=None, max_upload_mb: int = 50, use_model: bool = True):
    """The Flask app with its library warmed (rules and model loaded once)."""
    from reviewer.web.app import WebConfig, create_app
    from reviewer.web.service import Library

    config = WebConfig(data_dir=data_dir, db_path=db_path, users_file=users_file, max_upload_mb=max_upload_mb,
                       use_model=use_model, profiles=profiles or {}, catalog=catalog, batch_roots=batch_roots or [])
    library = Library(data_dir, db_path=db_path, use_model=use_model, profiles=profiles or {}, catalog=catalog)
    library.warm()
    return create_app(config, library)


def run(*, host: str, port: int, **kwargs) -> None:
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    print("正在加载规则和模型……", file=sys.stderr, flush=True)
    app = build(**kwargs)
    server = make_server(host, port, app, threaded=True, request_handler=QuietHandler)
    shown = f"[{host}]" if ":" in host else host
    print(f"网页版已启动：http://{shown}:{server.server_port}/", flush=True)
    print("按 Ctrl-C 停止。" + ("（须登录）" if kwargs.get("users_file") else ""), file=sys.stderr, flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("已停止。", file=sys.stderr)
    finally:
        server.server_close()
