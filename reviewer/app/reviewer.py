"""The ``Reviewer`` façade: rules, model, agency profile and decision store, loaded once.

Build one with :meth:`Reviewer.from_config` and keep it: the CLI, the batch workers, the
benchmarks and a web page all call the same methods::

    from reviewer.app import Reviewer

    reviewer = Reviewer.from_config(model="none", profile="本机关.yaml")
    outcome = reviewer.review("申请公开……", docs=["会议纪要.docx"], received="2026-11-20")
    reviewer.draft(outcome, "答复书.docx")
    reviewer.redact(outcome, "遮盖件/")
    reviewer.decide("2026-0012", code="withhold.process_info", officer="王敏")

Everything read from disk (rule files, triage cues, reply types, holiday table, profile, catalog,
model) is read once per instance; a review then touches only its own inputs.  The instance is
safe for concurrent reads from several threads: shared state is read-only after loading, lazy
loads are guarded by a lock, and the SQLite store is opened per call.
"""

from __future__ import annotations

import copy
import datetime as dt
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from reviewer.app.options import (
    OptionError,
    check_channel,
    check_date,
    check_docs,
    check_fail_on,
    check_procedure,
    check_stage,
    check_third_party,
    check_threshold,
    is_form_path,
)

NO_MODEL = "none"


def user_errors() -> tuple[type[Exception], ...]:
    """Exceptions whose Chinese message is meant for the user (bad option, file or configuration)."""
    from reviewer.decide.catalog import CatalogError
    from reviewer.decide.deadline import HolidayTableError
    from reviewer.decide.profile import ProfileError
    from reviewer.decide.request import RequestFormError
    from reviewer.decide.triage import TriageRuleError
    from reviewer.detect.rulebook import RuleFileError
    from reviewer.store.annual import AnnualReportError
    from reviewer.store.db import StoreError

    return (OptionError, ProfileError, CatalogError, RequestFormError, TriageRuleError, RuleFileError, StoreError,
            HolidayTableError, AnnualReportError)


@dataclass
class DraftResult:
    """The letters of a review and, when a path was given, the .docx written for the main one."""

    letters: list
    docx: Path | None = None


@dataclass
class RedactResult:
    """Redacted copies and the redaction log written for a review."""

    out_dir: Path
    files: list[Path] = field(default_factory=list)


@dataclass
class DecisionResult:
    """An officer's decision as recorded in the store (``row`` is the stored row with extras)."""

    number: str
    code: str
    label: str
    citations: str
    officer: str
    decided_at: str
    doc_number: str | None
    proposed_code: str | None
    accepted_proposal: bool | None
    previous: dict | None
    searches: int
    row: dict
    backup_path: Path | None = None  # set when opening the store upgraded it (the copy made before)


@dataclass
class AnnualReport:
    """Table 三 of the annual report for ``year``: ``agency`` is the name printed on it (with the
    "示例机关——未配置" mark while the example profile is in use); ``problems`` are failed cross-checks."""

    year: int
    table: object  # table 三 (reviewer.store.annual.AnnualTable)
    agency: str
    problems: list[str]
    warnings: list[str] = field(default_factory=list)
    backup_path: Path | None = None  # set when opening the store upgraded it
    tables: object = None  # tables 二, 三 and 四 (reviewer.store.annual.AnnualReport), rendered in every format


class Reviewer:
    """One object for every front end: ``screen``, ``review``, ``draft``, ``redact``, ``decide``."""

    def __init__(self, *, rules_dir: Path | None = None, model: str | Path | None = None, profile=None,
                 store: Path | None = None, threshold: float = 0.5):
        self.rules_dir = Path(rules_dir) if rules_dir is not None else None
        self.use_model = not (isinstance(model, str) and model.strip().lower() == NO_MODEL)
        self.model_dir = Path(model) if self.use_model and model is not None else None
        self.store_path = Path(store) if store is not None else None
        self.threshold = check_threshold(threshold)
        self._profile_arg = profile
        self._lock = threading.RLock()
        self._loaded: dict[str, object] = {}
        self.model_warning: str | None = None
        self._screeners: dict[float, object] = {}
        self._catalogs: dict[tuple, list] = {}

    # Pickling (Dask or multiprocessing workers) carries the configuration only; each process loads once.
    _CONFIG = ("rules_dir", "use_model", "model_dir", "store_path", "threshold", "_profile_arg")

    def __getstate__(self) -> dict:
        return {name: getattr(self, name) for name in self._CONFIG}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self.model_warning = None
        self._lock = threading.RLock()
        self._loaded = {}
        self._screeners = {}
        self._catalogs = {}

    @classmethod
    def from_config(cls, rules_dir: str | Path | None = None, model: str | Path | None = None,
                    profile: str | Path | None = None, store: str | Path | None = None,
                    threshold: float = 0.5) -> Reviewer:
        """Load everything once.

        ``rules_dir``: rule folder (default: the project's ``rules/``).  ``model``: None = the office's
        active model (else the default built from ``corpora/``), a model directory, or ``"none"`` for
        rules only.  ``profile``: agency profile YAML (default: the configured one, see
        ``reviewer init``).  ``store``: decision-store SQLite file (default: in the user data folder).
        """
        return cls(rules_dir=rules_dir, model=model, profile=profile, store=store, threshold=threshold)

    # --- shared resources (loaded once, on first use) ----------------------------------------------
    def _once(self, name: str, load):
        try:
            return self._loaded[name]
        except KeyError:
            pass
        with self._lock:
            if name not in self._loaded:
                self._loaded[name] = load()
            return self._loaded[name]

    @property
    def profile(self):
        """The agency profile (:class:`~reviewer.decide.profile.AgencyProfile`)."""
        def load():
            from reviewer.decide.profile import load_profile

            given = self._profile_arg
            return given if hasattr(given, "review_body") else load_profile(given)

        return self._once("profile", load)

    @property
    def cues(self) -> list:
        """The request-triage cues (``rules/triage.yaml``)."""
        from reviewer.decide.triage import load_cues

        return self._once("cues", load_cues)

    @property
    def _base_screener(self):
        from reviewer.screen.screening import Screener

        return self._once("screener", lambda: Screener(self.rules_dir, threshold=self.threshold))

    @property
    def ruleset_version(self) -> str:
        return self._base_screener.ruleset_version

    @property
    def models(self):
        """The loaded models (triage and grounds), or None for rules only or when loading failed."""
        def load():
            if not self.use_model:
                return None
            from reviewer.model.loader import load_models

            models, self.model_warning = load_models(self.model_dir)
            return models

        return self._once("models", load)

    def _grounds_model(self):
        """The grounds model, all screening needs: taken from the models when they are loaded already, else
        loaded alone (the triage and request-grounds models are not read for a screen)."""
        if "models" in self._loaded:
            models = self._loaded["models"]
            return models.grounds if models is not None else None

        def load():
            if not self.use_model:
                return None
            from reviewer.model.loader import load_models

            models, self.model_warning = load_models(self.model_dir, names=("grounds",))
            return models.grounds if models is not None else None

        return self._once("grounds", load)

    @property
    def model_version(self) -> str | None:
        models = self.models
        return models.version if models is not None else None

    @property
    def profile_is_example(self) -> bool:
        """True while the office has not configured its own profile (drafts carry a visible mark)."""
        return bool(getattr(self.profile, "example", False))

    @property
    def agency_label(self) -> str:
        """The agency's name as signed on drafts: marked "【示例机关——未配置】" for the example profile."""
        from reviewer.decide.profile import UNCONFIGURED_MARK

        name = self.profile.name
        return f"【{UNCONFIGURED_MARK}】{name}" if self.profile_is_example else name

    def screener(self, threshold: float | None = None):
        """A screener sharing the compiled rules and the model, for ``threshold`` (default: the instance's)."""
        threshold = self.threshold if threshold is None else check_threshold(threshold)
        screener = self._screeners.get(threshold)
        if screener is None:
            grounds = self._grounds_model()
            with self._lock:
                screener = self._screeners.get(threshold)
                if screener is None:
                    screener = copy.copy(self._base_screener)
                    screener.grounds_model = grounds
                    screener.threshold = threshold
                    self._screeners[threshold] = screener
        return screener

    def catalog(self, path: str | Path) -> list:
        """The published-information catalog at ``path`` (read again only when the file changes)."""
        from reviewer.decide.catalog import load_catalog

        p = Path(path)
        try:
            stat = p.stat()
            key = (str(p.resolve()), stat.st_size, stat.st_mtime_ns)
        except OSError:
            return load_catalog(p)  # raises the Chinese CatalogError
        entries = self._catalogs.get(key)
        if entries is None:
            entries = load_catalog(p)
            with self._lock:
                self._catalogs[key] = entries
        return entries

    def calendar(self):
        """A working-day calendar over the holiday table read once (a fresh object per call)."""
        from reviewer.decide.deadline import WorkCalendar, default_holidays_path, load_holiday_table

        def load():
            path = default_holidays_path()
            return (load_holiday_table(path), str(path)) if path.is_file() else ({}, None)

        table, path = self._once("holidays", load)
        return WorkCalendar(table, table_path=path)

    def open_store(self):
        """A new connection to the decision store (SQLite connections are not shared between threads)."""
        from reviewer.store.db import open_store

        return open_store(self.store_path)

    # --- screening -------------------------------------------------------------------------------
    def screen(self, source: str | Path, *, threshold: float | None = None, max_bytes: int | None = None):
        """Screen one file (a path) and return its :class:`~reviewer.screen.screening.ScreenResult`."""
        return self.screener(threshold).screen_path(Path(source), max_bytes=max_bytes)

    def screen_text(self, text: str, *, name: str = "-", threshold: float | None = None):
        """Screen pasted text."""
        return self.screener(threshold).screen_text(text, name)

    def screen_paths(self, paths: Iterable[str | Path], *, threshold: float | None = None,
                     max_bytes: int | None = None, stdin=None, timeout: float | None = None,
                     jobs: int = 1, render=None) -> Iterator:
        """Screen files and folders (recursively, hidden files skipped) in order; ``-`` reads ``stdin()``.
        ``timeout``: seconds per file (0 or None: no limit), a file over it is ``review``, never clean;
        ``jobs`` > 1: consecutive files in that many processes forked from this one (shared rules/model);
        ``render``: a function of a result giving its output; given, each file comes back as its verdict and
        output (``Rendered``), rendered in the process that screened it."""
        from reviewer.batch.runner import DEFAULT_MAX_BYTES
        from reviewer.batch.runner import screen_paths as screen_many

        screener = self.screener(threshold)
        max_bytes = max_bytes or DEFAULT_MAX_BYTES
        files: list[Path] = []
        for raw in paths:
            if str(raw) == "-":
                yield from screen_many(screener, files, jobs, max_bytes, timeout or None, render)
                files = []
                from reviewer.load.textload import load_stdin

                result = screener.screen_loaded(stdin() if stdin is not None else load_stdin())
                if render is not None:
                    from reviewer.batch.runner import Rendered

                    result = Rendered(result.verdict, render(result))
                yield result
                continue
            path = Path(raw)
            if not path.exists():
                raise OptionError(f"找不到文件或文件夹：{raw}")
            if path.is_dir():
                files.extend(sorted(p for p in path.rglob("*") if p.is_file() and not _hidden(p, path)))
            else:
                files.append(path)
        yield from screen_many(screener, files, jobs, max_bytes, timeout or None, render)

    def screen_batch(self, paths: Iterable[str | Path], out_dir: str | Path, *, jobs: int | None = None,
                     resume: bool = False, redact: bool = False, threshold: float | None = None,
                     fail_on: str = "review", max_bytes: int | None = None, engine: str = "local",
                     scheduler: str | None = None, manifest: bool = False, timeout: float | None = None,
                     batch_files: int | None = None,
                     progress: bool | None = None):
        """Screen many files in worker processes, with a ledger and reports in ``out_dir``.

        ``engine``: "local" (this machine's process pool) or "dask" (``scheduler`` address, else a local
        cluster); ``manifest``: the one path given is a CSV/JSONL list of the files to screen;
        ``progress``: None = a progress bar when stderr is a terminal (False for a server's background runs)."""
        from reviewer.batch.runner import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT, ENGINES, run_batch

        if engine not in ENGINES:
            raise OptionError(f"--engine 只能是 {' 或 '.join(ENGINES)}，收到“{engine}”。")
        if scheduler and engine != "dask":
            raise OptionError("--scheduler 只能与 --engine dask 一起使用。")
        inputs = []
        for raw in paths:
            if str(raw) == "-":
                raise OptionError("批量模式（--out）不支持从标准输入读取。")
            if not Path(raw).exists():
                raise OptionError(f"找不到文件或文件夹：{raw}")
            inputs.append(Path(raw))
        if manifest and len(inputs) != 1:
            raise OptionError("--manifest 时只能给出一个清单文件。")
        try:
            return run_batch([] if manifest else inputs, Path(out_dir), jobs=jobs, resume=resume, redact=redact,
                             threshold=self.threshold if threshold is None else check_threshold(threshold),
                             fail_on=check_fail_on(fail_on), max_bytes=max_bytes or DEFAULT_MAX_BYTES,
                             rules_dir=self.rules_dir, use_model=self.use_model, model_dir=self.model_dir,
                             engine=engine, scheduler=scheduler, manifest=inputs[0] if manifest else None,
                             batch_files=batch_files,
                             timeout_per_file=DEFAULT_TIMEOUT if timeout is None else (timeout or 1e7),
                             progress=progress)
        except (ValueError, OSError) as exc:
            raise OptionError(str(exc)) from None

    # --- review ----------------------------------------------------------------------------------
    def review(self, request: str | Path | None = None, *, text: str | None = None, docs: Iterable = (),
               catalog: str | Path | None = None, received: str | dt.date | None = None,
               channel: str | None = None, stage: str | None = None, procedure: str | None = None,
               threshold: float | None = None, today: str | dt.date | None = None,
               applicant_on_file: bool = False, history: bool = False, save: bool = False,
               letter: str | Path | None = None, redact_dir: str | Path | None = None, stdin=None, prompt=None,
               search_record: str | None = None, show_values: bool = False, third_party: str | None = None):
        """Review one request and draft the reply: returns a ``ReviewOutcome`` (see ``to_dict()``).

        The request is ``text``, or ``request``: a form (.yaml/.yml/.json) or a text file; with neither,
        it is read from ``stdin`` (a binary stream; ``prompt()`` is called first) once the options are checked.
        ``history``: consult the store for earlier and similar requests; ``save``: record the review
        in the store (its number is added to the warnings).  ``third_party``: the third party's answer to the
        written consultation (第三十二条: agree / object / none).  ``letter``/``redact_dir``: also write the
        .docx letter / the redacted copies (see :meth:`draft` and :meth:`redact`).
        """
        from reviewer.app.options import read_request_text
        from reviewer.app.pipeline import ReviewOptions, review_with

        options = ReviewOptions(
            docs=check_docs(docs), catalog=Path(catalog) if catalog is not None else None,
            received=check_date(received, "--received"), channel=check_channel(channel), stage=check_stage(stage),
            threshold=self.threshold if threshold is None else check_threshold(threshold),
            use_model=self.use_model, model_dir=self.model_dir,
            today=check_date(today, "--today") or dt.date.today(), procedure=check_procedure(procedure),
            applicant_on_file=applicant_on_file, search_record=(search_record or "").strip() or None,
            show_values=show_values, third_party=check_third_party(third_party))
        form_path = None
        if text is None and is_form_path(request):
            form_path = Path(request)
            if not form_path.exists():
                raise OptionError(f"找不到申请表：{request}")
        elif text is None:
            text = read_request_text(request, stdin, prompt)
        store = self.open_store() if (history or save) else None
        try:
            if store is not None:
                options.history = self._history(store, text, form_path, options.today)
            outcome = review_with(self, text, options, form_path=form_path)
            if letter is not None and outcome.letter is not None:
                self.draft(outcome, letter)
            if redact_dir is not None:
                written = self.redact(outcome, redact_dir)
                outcome.warnings.append(f"已写入遮盖副本和遮盖记录：{redact_dir}（{len(written.files)} 个文件）")
            if letter is not None:
                outcome.warnings.append(f"答复书已另存为：{letter}")
            if store is not None and save:
                number = store.save_review(outcome)
                outcome.warnings.append(f"审查记录已保存，申请编号 {number}（用 reviewer decide {number} 记录决定）。")
        finally:
            if store is not None:
                store.close()
        return outcome

    def _history(self, store, text, form_path, today):
        """Earlier requests of the same applicant and similar requests of others (duplicates, mass requests)."""
        from reviewer.decide.request import parse_form

        subject = text if form_path is None else parse_form(form_path)
        return store.history_candidates(subject, profile=self.profile, today=today)

    def draft(self, outcome, path: str | Path | None = None) -> DraftResult:
        """The drafted letters of a review; with ``path``, the main letter is also written as .docx."""
        written = None
        if path is not None and outcome.letter is not None:
            from reviewer.draft.docx_letter import write_docx

            written = write_docx(outcome.letter, Path(path))
        return DraftResult(letters=list(outcome.letters), docx=written)

    def redact(self, outcome, out_dir: str | Path, style: str = "tag") -> RedactResult:
        """Redacted copies of the reviewed documents and a redaction log in ``out_dir``."""
        from reviewer.app.pipeline import write_redacted

        return RedactResult(out_dir=Path(out_dir), files=write_redacted(outcome, Path(out_dir), style=style))

    # --- store -----------------------------------------------------------------------------------
    def decide(self, request_id: str, *, code: str | None = None, reasons: list[str] | None = None,
               officer: str | None = None, doc_number: str | None = None, date: str | None = None,
               search_systems: str | None = None, search_keywords: str | None = None,
               search_period: str | None = None, search_result: str | None = None,
               note: str | None = None) -> DecisionResult:
        """Record the officer's decision on a saved request (the proposal by default), with a search record."""
        with self.open_store() as store:
            row = store.decide(request_id, code=code, reasons=list(reasons or []) or None, officer=officer,
                               doc_number=doc_number, decided_at=date, note=note)
            if any((search_systems, search_keywords, search_period, search_result)):
                store.log_search(row["number"], systems=search_systems, keywords=search_keywords,
                                 period=search_period, who=row["officer"], result=search_result,
                                 searched_at=row["decided_at"])
            searches = store.db["search_logs"].count_where("request_id = ?", [row["request_id"]])
            backup = store.backup_path
        accepted = row["accepted_proposal"]
        return DecisionResult(number=row["number"], code=row["code"], label=row["label"],
                              citations=row["citations"], officer=row["officer"], decided_at=row["decided_at"],
                              doc_number=row["doc_number"], proposed_code=row["proposed_code"],
                              accepted_proposal=None if accepted is None else bool(accepted),
                              previous=row["previous"], searches=searches, row=row, backup_path=backup)


    def annual_report(self, year: int, proactive: str | Path | None = None) -> AnnualReport:
        """Tables 二, 三 and 四 of the annual report for ``year``: 三 counted from the store per the profile's
        report rows, 四 from review/lawsuit case events, 二 from the ``proactive`` counts file."""
        from reviewer.store.annual import build_annual_report, consistency_problems

        profile = self.profile
        with self.open_store() as store:
            tables = build_annual_report(store, year, profile, Path(proactive) if proactive else None)
            backup = store.backup_path
        return AnnualReport(year=year, table=tables.requests, agency=self.agency_label,
                            problems=consistency_problems(tables.requests), warnings=self.profile_warnings(),
                            backup_path=backup, tables=tables)

    def profile_warnings(self) -> list[str]:
        """The Chinese warning shown while drafts are signed with the example profile (else empty)."""
        from reviewer.app.pipeline import unconfigured_warning

        return [unconfigured_warning(self.profile)] if self.profile_is_example else []


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)
