"""Web speed (issue 14): time from submitting a one-page request with two one-page documents to the
result page being served, over real HTTP on 127.0.0.1, with rules and model loaded once at start-up.

    python bench/bench_web.py            # 9 timed runs after one warm-up, prints the median
    python bench/bench_web.py --runs 5 --no-model

Goal: ≤ 1 s.  Numbers only, no assertions.
"""

from __future__ import annotations

import argparse
import http.client
import re
import statistics
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PAGE_CHARS = 800  # about one A4 page of Chinese body text


def one_page(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    out = text
    while len(out) < PAGE_CHARS:
        out += "\n" + text
    return out[:PAGE_CHARS]


def multipart(fields: dict[str, str], files: list[tuple[str, str, bytes]]) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
    for name, filename, data in files:
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                     "Content-Type: text/plain\r\n\r\n".encode() + data + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--no-model", action="store_true")
    args = parser.parse_args()

    from werkzeug.serving import make_server

    from reviewer.web.server import QuietHandler, build

    tmp = Path(tempfile.mkdtemp(prefix="bench-web-"))
    started = time.perf_counter()
    app = build(data_dir=tmp / "web", db_path=tmp / "store.sqlite", use_model=not args.no_model)
    print(f"start-up (rules{'' if args.no_model else ' + model'} loaded once): {time.perf_counter() - started:.2f} s")
    QuietHandler.log_request = lambda self, *a: None
    server = make_server("127.0.0.1", 0, app, threaded=True, request_handler=QuietHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_port

    conn = http.client.HTTPConnection("127.0.0.1", port)
    conn.request("GET", "/review")
    response = conn.getresponse()
    cookie = response.getheader("Set-Cookie").split(";", 1)[0]
    token = re.search(r'name="csrf_token" value="([^"]+)"', response.read().decode()).group(1)

    request = one_page(ROOT / "examples" / "requests" / "01-申请会议纪要.txt")
    docs = [("03-专题会议纪要.txt", one_page(ROOT / "examples" / "documents" / "03-专题会议纪要.txt")),
            ("02-信访件办理情况.txt", one_page(ROOT / "examples" / "documents" / "02-信访件办理情况.txt"))]
    body, ctype = multipart({"csrf_token": token, "text": request, "received": "2026-11-20", "channel": "网络",
                             "profile": "默认配置"}, [("documents", n, t.encode()) for n, t in docs])

    def once() -> float:
        t0 = time.perf_counter()
        conn.request("POST", "/review", body=body, headers={"Content-Type": ctype, "Cookie": cookie})
        r = conn.getresponse()
        r.read()
        location = r.getheader("Location")
        assert r.status == 302, r.status
        conn.request("GET", location, headers={"Cookie": cookie})
        page = conn.getresponse()
        html = page.read().decode()
        assert page.status == 200 and "建议答复类型" in html
        return time.perf_counter() - t0

    once()  # warm-up (first request through the stack)
    times = [once() for _ in range(args.runs)]
    print(f"one-page request + two one-page documents → result page: median {statistics.median(times) * 1000:.0f} ms "
          f"(min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f}, {args.runs} runs; goal ≤ 1000 ms)")
    server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
