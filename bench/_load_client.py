"""A Streamlit session without a browser: the websocket protocol Streamlit's own frontend speaks,
for ``bench_load.py``.

What a browser tab does, and this does too, on loopback only:

- Load the page: ``GET /`` and the ``./static`` scripts, styles and font ``index.html`` names
  (``Session.open(load_page=True)``; a browser with an empty cache), at most six at a time.
- ``GET /_stcore/health`` (it sets the ``_streamlit_xsrf`` cookie), then a websocket to
  ``/_stcore/stream`` with the subprotocols ``streamlit, <xsrf token>``, the cookie and an Origin.
- Each action is one ``BackMsg.rerun_script`` (a ``ClientState``): the query string
  (``lang=en``), the page (``page_script_hash`` and ``page_name`` from the ``navigation``
  message), every widget value the tab holds (``WidgetStates``), the fragment the widget lives in
  (a widget inside ``@st.fragment`` reruns only that fragment) and the hashes of the large
  messages it has cached (the server then sends a ``ref_hash`` instead of the element).
- The server answers with ``ForwardMsg``s: ``new_session``, deltas (elements; a widget's proto
  carries its id ``$$ID-<hash>-<key>``), and ``script_finished`` when the run ends.
- An upload: ``BackMsg.file_urls_request``, the ``file_urls_response``, an HTTP ``PUT`` of the
  file (multipart, ``X-Xsrftoken`` header) to the URL it names, then a rerun with the
  ``FileUploaderState`` of the widget.

- The images of ``st.image`` arrive as URLs (``/media/<hash>.png``): with ``media=True`` (the
  default) they are fetched as a browser does, as soon as their element arrives, at most six at
  a time on keep-alive connections, each URL once per session (a browser's cache).

- ``st.fragment(run_every=...)``: the server does not rerun such a fragment by itself. It sends an
  ``AutoRerun`` message (the fragment's id, the interval) and the browser sets a timer
  (``setInterval``) that sends a ``rerun_script`` for that fragment (``is_auto_rerun``) every
  interval, whether or not a run is going on. The browser drops every timer when a full run starts
  (``new_session`` without fragment ids: the run sends the messages again), keeps a fragment's timer
  when the same interval is sent again, and drops a fragment's timer on ``StopAutoRerun``. With
  ``Session(auto_rerun=True)`` this client does the same, and then a reader of its own takes every
  run as it comes (the ones its timers or the server start, too): ``wait_for_run`` waits for an
  unsolicited one, ``on_element`` sees each element as it arrives, and an action waits for the
  run that began after it was sent. Without it (the default) nothing is sent unasked and every
  message is read by the action that is waiting.

What a browser also does and this does not: lay out and paint the page, run custom
components' JavaScript, fetch the script chunks the page's scripts load later and the
components' files. So a run here costs the
server what a browser's run costs it.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
import time
import urllib.request
import uuid
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from streamlit.proto.Alert_pb2 import Alert
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.Common_pb2 import FileURLs, FileUploaderState, UploadedFileInfo
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.asyncio.client import connect

FINISHED_EARLY_FOR_RERUN = ForwardMsg.FINISHED_EARLY_FOR_RERUN
FINISHED_WITH_COMPILE_ERROR = ForwardMsg.FINISHED_WITH_COMPILE_ERROR
CACHE_AGE = 2  # full runs a cached message is kept unused, as the frontend's message cache does
ID_PREFIX = "$$ID-"


KEEP_ALIVE_S = 4.0  # reuse a connection idle for less than this (uvicorn closes them after 5 s)


class _Closed(Exception):
    """The server had closed a kept-alive connection."""


class ProtocolError(Exception):
    """The server did not answer as a browser expects (a timeout, a closed socket, a missing widget)."""


@dataclass
class Widget:
    id: str
    kind: str  # the element's type in the proto ("selectbox", "slider", "button", "tab_container", ...)
    fragment_id: str  # "" outside a fragment
    proto: object  # the element's own proto (its label, options, ...)


@dataclass
class Run:
    """What one action cost and showed: from the BackMsg sent to the run's script_finished."""

    seconds: float
    status: int | None = None
    errors: list = field(default_factory=list)  # exceptions, compile errors, st.error alerts
    elements: list = field(default_factory=list)  # (kind, proto) of each new element, in order
    messages: int = 0
    received_bytes: int = 0
    first_delta: float | None = None  # seconds to the first element
    complete: float | None = None  # seconds to the run's end and its last image fetched
    images: int = 0  # images fetched for this run
    began: float = 0.0  # perf_counter when its (last) new_session arrived
    fragment_ids: tuple = ()  # the fragments of its last run; () for a full run
    finished_at: float = 0.0  # perf_counter of its script_finished

    def find(self, kind: str, predicate=lambda proto: True):
        return [proto for k, proto in self.elements if k == kind and predicate(proto)]


def _element(msg: ForwardMsg):
    """(kind, proto, id) of a delta that adds an element or a block, else None."""
    delta = msg.delta
    which = delta.WhichOneof("type")
    if which == "new_element":
        kind = delta.new_element.WhichOneof("type")
        if kind is None:
            return None
        proto = getattr(delta.new_element, kind)
        return kind, proto, getattr(proto, "id", "")
    if which == "add_block":
        block = delta.add_block
        kind = block.WhichOneof("type") or "block"
        return kind, block, block.id
    return None


def user_key(element_id: str) -> str | None:
    """The ``key=`` of a widget from its id (``$$ID-<hash>-<key>``, ``-None`` without a key)."""
    if not element_id.startswith(ID_PREFIX):
        return None
    key = element_id.split("-", 2)[-1]
    return None if key == "None" else key


def multipart(field_name: str, filename: str, payload: bytes, mime: str) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    head = (f'--{boundary}\r\nContent-Disposition: form-data; name="{field_name}"; filename="{filename}"\r\n'
            f"Content-Type: {mime}\r\n\r\n").encode()
    return head + payload + f"\r\n--{boundary}--\r\n".encode(), f"multipart/form-data; boundary={boundary}"


class Session:
    """One browser tab's conversation with the server. Not thread-safe; one action at a time."""

    def __init__(self, base_url: str, query_string: str = "lang=en", timeout: float = 120.0, media: bool = True,
                 parallel_fetches: int = 6, auto_rerun: bool = False, cookies: dict | None = None):
        parts = urlsplit(base_url)
        if parts.hostname not in ("127.0.0.1", "localhost", "::1"):
            raise ValueError(f"loopback only: {base_url}")
        self.base_url = base_url.rstrip("/")
        self.query_string = query_string
        self.timeout = timeout
        self.session_id = ""
        self.pages: dict[str, str] = {}  # url path ("" = the default page) -> page_script_hash
        self.page_hash = ""
        self.page_name = ""
        self.widgets: dict[str, Widget] = {}  # key -> widget, as last drawn
        self.values: dict[str, WidgetState] = {}  # widget id -> the value this tab holds
        self._cache: dict[str, tuple[ForwardMsg, int]] = {}  # hash -> (message, full run last seen)
        self._full_runs = 0
        self._ws = None
        self._reader = None
        self._xsrf = ""
        # every cookie the server set, sent back as a browser does: behind nginx, its stickiness
        # cookie keeps the page, the websocket, the images and the uploads on one replica
        self.cookies: dict[str, str] = dict(cookies or {})
        self._queue: asyncio.Queue = asyncio.Queue()
        self.received_bytes = 0
        self.media = media
        self._host, self._port = parts.hostname, parts.port or 80
        self._slots = asyncio.Semaphore(parallel_fetches)
        self._idle_connections: list = []
        self._fetched: set[str] = set()
        # auto_rerun: the browser's run_every timers, and a reader that takes every run
        self.auto_rerun = auto_rerun
        self.on_element = None  # callable(kind, proto, arrived_perf_counter), each element as it arrives
        self.auto_reruns_sent = 0
        self.unsolicited_runs = 0
        self._timers: dict[str, tuple[asyncio.Task, float]] = {}  # fragment id -> (timer, interval)
        self._runs: list[Run] = []  # runs read, newest last (auto_rerun; the last 64)
        self._run_arrived = asyncio.Condition()
        self._pump_task = None
        self._pump_error: Exception | None = None

    # --- connection ---------------------------------------------------------------------------

    def _cookie_header(self) -> dict:
        return {"Cookie": "; ".join(f"{name}={value}" for name, value in self.cookies.items())} if self.cookies else {}

    def _keep_cookie(self, set_cookie: str) -> None:
        name, _, value = set_cookie.split(";", 1)[0].partition("=")
        if name.strip():
            self.cookies[name.strip()] = value.strip()

    def _health(self) -> str:
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # never a proxy
        request = urllib.request.Request(f"{self.base_url}/_stcore/health", headers=self._cookie_header())
        with opener.open(request, timeout=self.timeout) as reply:
            for header, value in reply.getheaders():
                if header.lower() == "set-cookie":
                    self._keep_cookie(value)
        return self.cookies.get("_streamlit_xsrf", "")

    async def load_page(self) -> int:
        """What a browser with an empty cache fetches before it connects: the page and the scripts,
        styles and font it names (not the chunks its scripts load later). Returns the bytes."""
        index = await self._get_body("/")
        paths = re.findall(r'(?:src|href)="\./(static/[^"]+)"', index.decode("utf-8", "replace"))
        sizes = await asyncio.gather(*(self._get(f"/{path}") for path in paths))
        return len(index) + sum(sizes)

    async def open(self, load_page: bool = False) -> None:
        """Connect as a browser tab does (``load_page``: first fetch the page and its assets)."""
        if load_page:
            await self.load_page()
        self._xsrf = await asyncio.to_thread(self._health)
        await self._get("/_stcore/host-config")
        ws_url = "ws" + self.base_url[len("http"):] + "/_stcore/stream"
        headers = self._cookie_header()
        protocols = ["streamlit", self._xsrf] if self._xsrf else ["streamlit"]
        self._ws = await connect(ws_url, subprotocols=protocols, origin=self.base_url, additional_headers=headers,
                                 proxy=None, max_size=None, open_timeout=self.timeout, ping_interval=None)
        self._reader = asyncio.create_task(self._read())
        if self.auto_rerun:
            self._pump_task = asyncio.create_task(self._pump())

    async def close(self) -> None:
        self._drop_timers()
        for _, writer, _ in self._idle_connections:
            writer.close()
        self._idle_connections.clear()
        if self._ws is not None:
            await self._ws.close()
        if self._reader is not None:
            try:
                await asyncio.wait_for(self._reader, 10)
            except (asyncio.TimeoutError, Exception):
                self._reader.cancel()
        if self._pump_task is not None:
            self._pump_task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._pump_task

    async def _read(self) -> None:
        """Parse every message as it arrives (the socket's life bounds this loop)."""
        try:
            async for raw in self._ws:
                msg = ForwardMsg()
                msg.ParseFromString(raw)
                self.received_bytes += len(raw)
                if self.auto_rerun:  # the browser acts on these as they arrive
                    self._timer_message(msg)
                self._queue.put_nowait((time.perf_counter(), len(raw), msg))
        finally:
            self._queue.put_nowait(None)

    # --- actions --------------------------------------------------------------------------------

    def widget(self, key: str) -> Widget:
        try:
            return self.widgets[key]
        except KeyError:
            raise ProtocolError(f"no widget with key {key!r} on the page (have {sorted(self.widgets)})") from None

    def set_value(self, key: str, **value) -> Widget:
        """Hold a value for the widget ``key``, as its frontend does once the user changes it:
        ``string_value="Trouser"``, ``double_array_value=[3]``, ``trigger_value=True`` ..."""
        widget = self.widget(key)
        state = WidgetState(id=widget.id)
        for name, content in value.items():
            if name.endswith("_array_value"):
                getattr(state, name).data.extend(content)
            elif name == "file_uploader_state_value":
                state.file_uploader_state_value.CopyFrom(content)
            else:
                setattr(state, name, content)
        self.values[widget.id] = state
        return widget

    async def open_page(self, url_path: str = "") -> Run:
        """Open a page as a click in the navigation does (the first call: the page's URL)."""
        page_hash = self.pages.get(url_path, "") if self.pages else ""
        if page_hash != self.page_hash or not self.pages:
            self.values.clear()  # a new page: the old page's widgets are gone
        self.page_name = url_path
        return await self.rerun(page_hash=page_hash)

    async def change(self, key: str, **value) -> Run:
        """Change one widget and let the server rerun (its fragment only, when it lives in one)."""
        widget = self.set_value(key, **value)
        return await self.rerun(fragment_id=widget.fragment_id)

    async def rerun(self, page_hash: str | None = None, fragment_id: str = "") -> Run:
        msg = self._rerun_message(page_hash, fragment_id)
        # a trigger (a button press) is sent once, then forgotten, as the frontend does
        for widget_id in [i for i, s in self.values.items() if s.WhichOneof("value") == "trigger_value"]:
            del self.values[widget_id]
        return await self._send_and_wait(msg, fragment_id)

    def _rerun_message(self, page_hash: str | None = None, fragment_id: str = "", auto: bool = False) -> BackMsg:
        msg = BackMsg()
        state = msg.rerun_script
        state.query_string = self.query_string
        state.page_script_hash = self.page_hash if page_hash is None else page_hash
        state.page_name = self.page_name
        state.fragment_id = fragment_id
        state.widget_states.widgets.extend(self.values.values())
        state.cached_message_hashes.extend(self._cache)
        state.context_info.timezone = "UTC"
        state.context_info.locale = "en-US"
        state.context_info.url = f"{self.base_url}/{self.page_name}?{self.query_string}"
        state.is_auto_rerun = auto
        return msg

    # --- run_every: the browser's timers (auto_rerun) ------------------------------------------

    def _timer_message(self, msg: ForwardMsg) -> None:
        """What the browser's App does on arrival: AutoRerun sets a fragment's timer (kept when
        the interval is the same), StopAutoRerun drops some, a full run's new_session drops all."""
        which = msg.WhichOneof("type")
        if which == "auto_rerun":
            fragment_id, interval = msg.auto_rerun.fragment_id, msg.auto_rerun.interval
            if not fragment_id or interval <= 0:
                return
            current = self._timers.get(fragment_id)
            if current is not None and current[1] == interval:
                return
            self._drop_timers([fragment_id])
            self._timers[fragment_id] = (asyncio.create_task(self._tick(fragment_id, interval)), interval)
        elif which == "stop_auto_rerun":
            self._drop_timers(list(msg.stop_auto_rerun.fragment_ids))
        elif which == "new_session" and not msg.metadata.run.fragment_ids:
            self._drop_timers()

    def _drop_timers(self, fragment_ids=None) -> None:
        for fragment_id in list(self._timers) if fragment_ids is None else fragment_ids:
            timer = self._timers.pop(fragment_id, None)
            if timer is not None:
                timer[0].cancel()

    async def _tick(self, fragment_id: str, interval: float) -> None:
        """``setInterval``: a fragment rerun every ``interval`` seconds, with the tab's widget
        values, whether or not a run is going on (missed ticks are not made up)."""
        due = time.perf_counter() + interval
        while True:  # until the timer is dropped (cancelled) or the socket closes
            await asyncio.sleep(max(0.0, due - time.perf_counter()))
            due = max(due + interval, time.perf_counter())
            msg = self._rerun_message(None, fragment_id, auto=True)
            try:
                await self._ws.send(msg.SerializeToString())
            except Exception:  # noqa: BLE001 - a closed socket ends the timer, as a closed tab does
                return
            self.auto_reruns_sent += 1

    # --- auto_rerun: one reader takes every run ------------------------------------------------

    async def _pump(self) -> None:
        """Read runs as they come: from each ``new_session`` to its run's end (messages outside a
        run, such as the session's status, are dropped); each run read goes to ``_runs``."""
        try:
            while True:  # until the socket closes
                item = await self._queue.get()
                if item is None:
                    break
                if item[2].WhichOneof("type") != "new_session":
                    continue
                run = await self._collect(item[0], item[0] + self.timeout, True, first=item)
                self.unsolicited_runs += 1
                async with self._run_arrived:
                    self._runs = [*self._runs[-63:], run]
                    self._run_arrived.notify_all()
        except Exception as exc:  # noqa: BLE001 - a waiter reports it
            self._pump_error = exc
        finally:
            async with self._run_arrived:
                self._run_arrived.notify_all()

    async def wait_for_run(self, predicate=lambda run: True, after: float = 0.0, timeout: float | None = None) -> Run:
        """(auto_rerun) The first run read that began at or after ``after`` (a perf_counter) and
        satisfies ``predicate``; ProtocolError after ``timeout`` seconds."""
        def found():
            return next((r for r in self._runs if r.began >= after and predicate(r)), None)

        async def wait():
            async with self._run_arrived:
                while True:  # bounded by the timeout
                    run = found()
                    if run is not None:
                        return run
                    if self._pump_task is None or self._pump_task.done():
                        raise ProtocolError(f"the session's reader stopped: {self._pump_error!r}")
                    await self._run_arrived.wait()

        try:
            return await asyncio.wait_for(wait(), self.timeout if timeout is None else timeout)
        except asyncio.TimeoutError:
            raise ProtocolError("timed out waiting for a run") from None

    async def upload(self, key: str, filename: str, payload: bytes, mime: str) -> Run:
        """Choose a file in the uploader ``key``: ask for its URL, PUT it, rerun with its state.
        The Run's seconds cover all three, as a person waits for all three."""
        if self.auto_rerun:
            raise NotImplementedError("upload() reads the queue itself: not with auto_rerun")
        widget = self.widget(key)
        start = time.perf_counter()
        request = BackMsg()
        request.file_urls_request.request_id = uuid.uuid4().hex
        request.file_urls_request.file_names.append(filename)
        request.file_urls_request.session_id = self.session_id
        await self._ws.send(request.SerializeToString())
        urls = await self._wait_for_file_urls(request.file_urls_request.request_id)
        await asyncio.to_thread(self._put, urls.upload_url, filename, payload, mime)
        info = UploadedFileInfo(name=filename, size=len(payload), file_id=urls.file_id,
                                file_urls=FileURLs(file_id=urls.file_id, upload_url=urls.upload_url,
                                                   delete_url=urls.delete_url))
        self.set_value(key, file_uploader_state_value=FileUploaderState(uploaded_file_info=[info]))
        before_rerun = time.perf_counter() - start
        run = await self.rerun(fragment_id=widget.fragment_id)
        run.seconds += before_rerun
        run.complete = (run.complete or 0.0) + before_rerun
        return run

    def _put(self, upload_url: str, filename: str, payload: bytes, mime: str) -> None:
        url = upload_url if upload_url.startswith("http") else f"{self.base_url}/{upload_url.lstrip('/')}"
        if urlsplit(url).hostname not in ("127.0.0.1", "localhost", "::1"):
            raise ProtocolError(f"upload URL off loopback: {url}")
        body, content_type = multipart("file", filename, payload, mime)
        request = urllib.request.Request(url, data=body, method="PUT", headers={
            "Content-Type": content_type, "X-Xsrftoken": self._xsrf, **self._cookie_header(),
            "Origin": self.base_url})
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        with opener.open(request, timeout=self.timeout) as reply:
            if reply.status not in (200, 204):
                raise ProtocolError(f"upload answered {reply.status}")

    async def _get_body(self, path: str) -> bytes:
        body = bytearray()
        await self._get(path, body)
        return bytes(body)

    async def _get(self, path: str, keep: bytearray | None = None) -> int:
        """GET ``path`` as a browser fetches an image, on a keep-alive connection; returns the body's size.

        A connection idle for longer than the server keeps one (uvicorn: 5 s) is not reused, and
        a reused one the server closed meanwhile is replaced once, as a browser does."""
        async with self._slots:
            now = time.monotonic()
            while self._idle_connections:  # bounded by the list
                reader, writer, since = self._idle_connections.pop()
                if now - since < KEEP_ALIVE_S and not reader.at_eof():
                    try:
                        return await self._get_on(reader, writer, path, keep)
                    except (ConnectionError, asyncio.IncompleteReadError, _Closed):
                        writer.close()
                        break
                writer.close()
            reader, writer = await asyncio.open_connection(self._host, self._port)
            try:
                return await self._get_on(reader, writer, path, keep)
            except _Closed:
                raise ProtocolError(f"GET {path}: the server closed the connection") from None

    async def _get_on(self, reader, writer, path: str, keep: bytearray | None) -> int:
        cookie = "".join(f"{name}: {value}\r\n" for name, value in self._cookie_header().items())
        writer.write((f"GET {path} HTTP/1.1\r\nHost: {self._host}:{self._port}\r\nAccept: */*\r\n"
                      f"Accept-Encoding: identity\r\n{cookie}\r\n").encode())
        await writer.drain()
        status = (await reader.readline()).split()
        if not status:
            raise _Closed
        headers = {}
        for _ in range(100):  # a response has a few headers; never read past a hundred
            line = await reader.readline()
            if line in (b"\r\n", b"\n", b""):
                break
            name, _, value = line.decode("latin-1").partition(":")
            headers[name.strip().lower()] = value.strip()
            if name.strip().lower() == "set-cookie":
                self._keep_cookie(value.strip())
        size = 0
        if "content-length" in headers:
            body = await reader.readexactly(int(headers["content-length"]))
            size = len(body)
            if keep is not None:
                keep.extend(body)
        elif headers.get("transfer-encoding") == "chunked":
            for _ in range(100_000):  # bounded: the chunks of one file
                length = int((await reader.readline()).strip() or b"0", 16)
                chunk = await reader.readexactly(length + 2)
                if keep is not None:
                    keep.extend(chunk[:-2])
                size += length
                if length == 0:
                    break
        if headers.get("connection", "").lower() == "close":
            writer.close()
        else:
            self._idle_connections.append((reader, writer, time.monotonic()))
        if len(status) < 2 or status[1] != b"200":
            raise ProtocolError(f"GET {path} answered {b' '.join(status[1:]).decode(errors='replace')}")
        return size

    async def _fetch_media(self, path: str, run: Run, start: float) -> None:
        try:
            await asyncio.wait_for(self._get(path), self.timeout)
            run.images += 1
        except (ProtocolError, OSError, asyncio.TimeoutError, asyncio.IncompleteReadError, ValueError) as exc:
            run.errors.append(f"image {path}: {type(exc).__name__} {exc}")
        run.complete = max(run.complete or 0.0, time.perf_counter() - start)

    # --- the server's answer ------------------------------------------------------------------

    async def _next(self, deadline: float):
        left = deadline - time.perf_counter()
        if left <= 0:
            raise ProtocolError("timed out waiting for the server")
        try:
            item = await asyncio.wait_for(self._queue.get(), left)
        except asyncio.TimeoutError:
            raise ProtocolError("timed out waiting for the server") from None
        if item is None:
            raise ProtocolError("the server closed the websocket")
        return item

    async def _wait_for_file_urls(self, request_id: str):
        deadline = time.perf_counter() + self.timeout
        while True:  # bounded by the deadline
            _, _, msg = await self._next(deadline)
            if msg.WhichOneof("type") == "file_urls_response" and msg.file_urls_response.response_id == request_id:
                if msg.file_urls_response.error_msg:
                    raise ProtocolError(msg.file_urls_response.error_msg)
                return msg.file_urls_response.file_urls[0]

    async def _send_and_wait(self, msg: BackMsg, fragment_id: str) -> Run:
        start = time.perf_counter()
        if self.auto_rerun:
            if self._pump_task is None:
                raise ProtocolError("open() the session first")
            await self._ws.send(msg.SerializeToString())
            # the run that began after this was sent: a full run for a full rerun, else the fragment's
            # (a timer's fragment run under way when it arrived ends early and the new one follows)
            run = await self.wait_for_run(
                lambda r: fragment_id in r.fragment_ids if fragment_id else not r.fragment_ids, after=start)
            run.seconds = run.finished_at - start
            return run
        await self._ws.send(msg.SerializeToString())
        return await self._collect(start, start + self.timeout, not fragment_id)

    async def _collect(self, start: float, deadline: float, full_run: bool, first=None) -> Run:
        """Read one run's messages (after ``first``, when given) up to its script_finished."""
        run = Run(seconds=0.0)
        fetches: list = []
        fresh_widgets: dict[str, Widget] = {}
        while True:  # bounded by the deadline
            if first is not None:
                (arrived, size, message), first = first, None
            else:
                arrived, size, message = await self._next(deadline)
            run.messages += 1
            run.received_bytes += size
            which = message.WhichOneof("type")
            if which == "ref_hash":
                cached = self._cache.get(message.ref_hash)
                if cached is None:
                    run.errors.append(f"unknown ref_hash {message.ref_hash}")
                    continue
                self._cache[message.ref_hash] = (cached[0], self._full_runs)
                message, which = cached[0], "delta"
            if which == "new_session":
                session = message.new_session
                if session.initialize.session_id:
                    self.session_id = session.initialize.session_id
                self.page_hash = session.page_script_hash
                self.page_name = next((path for path, h in self.pages.items() if h == self.page_hash), self.page_name)
                # a fragment's run names its fragments; st.switch_page inside one starts a full run
                full_run = not message.metadata.run.fragment_ids
                run.fragment_ids = tuple(message.metadata.run.fragment_ids)
                run.began = arrived  # after a run that ended early for a rerun: the one that follows
                fresh_widgets = {}
            elif which == "navigation":
                self.pages = {page.url_pathname: page.page_script_hash for page in message.navigation.app_pages}
                if message.navigation.page_script_hash:  # the page st.navigation chose, as the browser keeps it
                    # (a tab opened at /lesson names the page; new_session may carry the main script's hash)
                    self.page_hash = message.navigation.page_script_hash
                    self.page_name = next((path for path, h in self.pages.items() if h == self.page_hash),
                                          self.page_name)
            elif which == "delta":
                if message.metadata.cacheable and message.hash:
                    self._cache[message.hash] = (message, self._full_runs)
                found = _element(message)
                if found is None:
                    continue
                kind, proto, element_id = found
                if run.first_delta is None:
                    run.first_delta = arrived - start
                run.elements.append((kind, proto))
                if self.on_element is not None:
                    self.on_element(kind, proto, arrived)
                if kind == "exception":
                    run.errors.append(f"exception: {proto.type}: {proto.message}")
                elif kind == "alert" and proto.format == Alert.ERROR:
                    run.errors.append(f"st.error: {proto.body[:200]}")
                if self.media and kind == "imgs":
                    for image in proto.imgs:
                        path = urlsplit(image.url).path if image.url.startswith("http") else image.url
                        if path.startswith("/media/") and path not in self._fetched:
                            self._fetched.add(path)
                            fetches.append(asyncio.create_task(self._fetch_media(path, run, start)))
                key = user_key(element_id)
                if key is not None:
                    widget = Widget(element_id, kind, message.delta.fragment_id, proto)
                    (fresh_widgets if full_run else self.widgets)[key] = widget
            elif which == "session_event":
                event = message.session_event
                if event.WhichOneof("type") in ("script_compilation_exception", "script_changed_on_disk"):
                    run.errors.append(f"session event: {event.WhichOneof('type')}")
            elif which == "script_finished":
                if message.script_finished == FINISHED_EARLY_FOR_RERUN:
                    continue  # another run follows (st.rerun, st.switch_page)
                run.status = message.script_finished
                if message.script_finished == FINISHED_WITH_COMPILE_ERROR:
                    run.errors.append("script finished with a compile error")
                run.seconds = arrived - start
                run.finished_at = arrived
                if fetches:  # the page is complete when its images are in, as a person sees it
                    await asyncio.wait(fetches, timeout=max(0.1, deadline - time.perf_counter()))
                    for task in fetches:
                        if not task.done():
                            task.cancel()
                            run.errors.append("image fetch timed out")
                run.complete = max(run.seconds, run.complete or 0.0)
                if full_run:
                    self.widgets = fresh_widgets
                    alive = {w.id for w in fresh_widgets.values()}
                    self.values = {i: s for i, s in self.values.items() if i in alive}
                    self._full_runs += 1
                    self._cache = {h: (m, seen) for h, (m, seen) in self._cache.items()
                                   if self._full_runs - seen <= CACHE_AGE}
                return run
