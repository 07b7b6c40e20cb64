"""A class run from the app: a code to join, a teacher who moves it, questions the class answers.

One interface, :class:`ClassStore`, and its backends: :class:`MemoryClassStore` (the default,
one thread-safe object in the server's memory for every browser session) and, for several
servers, :class:`fmnist.classroom_redis.RedisClassStore` (the classes in one Redis that every
server shares; :class:`StoreUnavailable` when it cannot be reached). ``tests/test_classroom.py``
runs the same cases against every backend.

What a class holds, and who may change it:

=====================  ===================================================  ==============
what                   values                                               changed by
=====================  ===================================================  ==============
code                   6 characters from :data:`CODE_ALPHABET`, random      created
teacher token          :data:`TOKEN_BYTES` random bytes (URL-safe text)     created
step                   0 .. ``steps - 1``                                   the teacher
pace                   :data:`TEACHER_PACED` or :data:`STUDENT_PACED`       the teacher
students               anonymous ids a browser session makes for itself     a student
answers                one choice per student and question, until revealed  a student
revealed               the questions whose answer everyone sees             the teacher
=====================  ===================================================  ==============

Only the teacher token's holder moves a class: every teacher call takes the token and compares
it in constant time (:func:`hmac.compare_digest`); a wrong one raises :class:`NotTeacher`.
The token is never part of what a student reads (:class:`ClassView`). Everything is bounded:
:data:`MAX_CLASSES` classes, :data:`MAX_STUDENTS` students a class, :data:`MAX_QUESTIONS`
questions a class, :data:`MAX_CHOICES` choices a question; a class untouched for
:data:`IDLE_LIMIT_S` seconds (12 hours) is gone. ``clock`` is injectable so tests can age a class.
"""

from __future__ import annotations

import hmac
import re
import secrets
import threading
import time
from abc import ABC, abstractmethod
from dataclasses import dataclass, field, replace
from typing import Callable

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud, typed on a phone
CODE_LENGTH = 6  # 32**6, about a billion codes
TOKEN_BYTES = 24  # 192 bits
TEACHER_PACED = "teacher"
STUDENT_PACED = "student"
PACES = (TEACHER_PACED, STUDENT_PACED)
MAX_CLASSES = 500
MAX_STUDENTS = 120
MAX_QUESTIONS = 32
MAX_CHOICES = 8
IDLE_LIMIT_S = 12 * 3600
_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")  # student ids and question ids
_KEY = re.compile(r"^[a-z]+-[0-9a-f]{12}$")  # a model's registry key


class ClassError(Exception):
    """Something a class cannot do; ``reason`` names it for the page's message."""

    reason = "error"


class NoSuchClass(ClassError):
    reason = "no_such_class"


class ClassFull(ClassError):
    reason = "class_full"


class TooManyClasses(ClassError):
    reason = "too_many_classes"


class NotTeacher(ClassError):
    reason = "not_teacher"


class BadEntry(ClassError):
    reason = "bad_entry"


class BadAnswer(ClassError):
    reason = "bad_answer"


class AlreadyRevealed(ClassError):
    reason = "already_revealed"


class StoreUnavailable(ClassError):
    """The shared store (Redis, :mod:`fmnist.classroom_redis`) cannot be reached just now: the class
    itself is kept there, and the next call may well succeed."""

    reason = "store_unavailable"


@dataclass(frozen=True)
class ClassView:
    """What anyone in a class may read: never the teacher's token."""

    code: str
    step: int
    pace: str
    students: int
    revealed: frozenset
    version: int  # grows with every change the teacher makes: a follower redraws when it moves
    private_revealed: bool = False  # the challenge's private scores are shown
    board_version: int = 0  # grows with every change of the board (a board redraws; the lesson does not)


@dataclass(frozen=True)
class Entry:
    """One model on the challenge's board. ``student`` is the anonymous id of the session that
    submitted it (never shown); the scores are None until its training is done."""

    id: int
    student: str
    nickname: str
    key: str  # the model's registry key: students who chose the same knobs share one model
    knobs: tuple  # ((name, value), ...) as chosen
    public: float | None = None
    private: float | None = None
    seconds: float | None = None
    hidden: bool = False
    failed: bool = False


@dataclass
class _Class:
    code: str
    token: str
    steps: int
    step: int = 0
    pace: str = TEACHER_PACED
    students: set = field(default_factory=set)
    answers: dict = field(default_factory=dict)  # question -> {student: choice}
    revealed: set = field(default_factory=set)
    version: int = 0
    touched: float = 0.0
    entries: dict = field(default_factory=dict)  # student -> Entry (a student's latest)
    next_entry: int = 1
    private_revealed: bool = False
    board_version: int = 0

    def view(self) -> ClassView:
        return ClassView(self.code, self.step, self.pace, len(self.students), frozenset(self.revealed),
                         self.version, self.private_revealed, self.board_version)


def normalise_code(text: str | None) -> str:
    """A code as a student might type it ('ab c-d2x ') in the form codes take ('ABCD2X'), or ''."""
    cleaned = re.sub(r"[\s-]", "", str(text or "")).upper()[:2 * CODE_LENGTH]
    return cleaned if len(cleaned) == CODE_LENGTH and all(c in CODE_ALPHABET for c in cleaned) else ""


def new_student_id() -> str:
    """An anonymous id for one browser session (nothing about the student in it)."""
    return secrets.token_urlsafe(12)


def is_student_id(text: str | None) -> bool:
    """Whether ``text`` has the form :func:`new_student_id` gives (a page takes its own back from
    its address after reconnecting to another server)."""
    return bool(re.fullmatch(r"[A-Za-z0-9_-]{16}", str(text or "")))


def tokens_match(given: str | None, expected: str) -> bool:
    """Constant-time comparison of a presented teacher token with the class's."""
    return hmac.compare_digest(str(given or "").encode(), expected.encode())


class ClassStore(ABC):
    """Create a class, join it, move it, ask and reveal. Codes are normalised by the caller
    (:func:`normalise_code`); an unknown or expired code raises :class:`NoSuchClass`."""

    @abstractmethod
    def create(self, steps: int) -> tuple[str, str]:
        """A new class of a lesson with ``steps`` steps: (code, teacher token)."""

    @abstractmethod
    def view(self, code: str) -> ClassView:
        """What a student may read of the class (and it counts as activity)."""

    @abstractmethod
    def is_teacher(self, code: str, token: str | None) -> bool:
        """Whether ``token`` is this class's teacher token (False for an unknown class)."""

    @abstractmethod
    def join(self, code: str, student: str) -> ClassView:
        """Count ``student`` in the class (joining twice counts once)."""

    @abstractmethod
    def set_step(self, code: str, token: str, step: int) -> ClassView:
        """The teacher moves the class to ``step`` (clamped to the lesson)."""

    @abstractmethod
    def set_pace(self, code: str, token: str, pace: str) -> ClassView:
        """Teacher-paced (everyone sees the teacher's step) or student-paced."""

    @abstractmethod
    def answer(self, code: str, student: str, question: str, choice: int) -> None:
        """A student's answer to ``question``; a later one replaces it, until the reveal."""

    @abstractmethod
    def my_answer(self, code: str, student: str, question: str) -> int | None:
        """The answer this student gave, if any."""

    @abstractmethod
    def counts(self, code: str, question: str, choices: int) -> list[int]:
        """How many students chose each of the ``choices`` choices."""

    @abstractmethod
    def reveal(self, code: str, token: str, question: str) -> ClassView:
        """The teacher shows everyone the answer: answers to it are closed."""

    @abstractmethod
    def close(self, code: str, token: str) -> None:
        """The teacher ends the class."""

    # --- the challenge's board ---

    @abstractmethod
    def submit(self, code: str, student: str, nickname: str, key: str, knobs: dict) -> Entry:
        """A student's model on the board (replacing their earlier one), its scores to come. The
        nickname is plain text, cut to length; one already taken by another student gets a suffix."""

    @abstractmethod
    def complete(self, code: str, key: str, public: float | None, private: float | None, seconds: float | None,
                 failed: bool = False) -> None:
        """The scores of the model ``key`` (every entry that shares it)."""

    @abstractmethod
    def board(self, code: str) -> list[Entry]:
        """Every entry, hidden ones included (the page leaves those out for everyone but the teacher)."""

    @abstractmethod
    def reveal_private(self, code: str, token: str) -> ClassView:
        """The teacher shows the private half's scores to everyone."""

    @abstractmethod
    def set_hidden(self, code: str, token: str, entry: int, hidden: bool) -> None:
        """The teacher hides an entry from the board (or shows it again)."""


class MemoryClassStore(ClassStore):
    """Classes in this server's memory: one object, one lock, every session of the server."""

    def __init__(self, clock: Callable[[], float] = time.monotonic, max_classes: int = MAX_CLASSES,
                 max_students: int = MAX_STUDENTS, idle_limit_s: float = IDLE_LIMIT_S):
        self._clock = clock
        self._max_classes = max_classes
        self._max_students = max_students
        self._idle_limit_s = idle_limit_s
        self._classes: dict[str, _Class] = {}
        self._lock = threading.Lock()

    # --- inside the lock ---

    def _expire(self, now: float) -> None:
        for code in [c for c, room in self._classes.items() if now - room.touched > self._idle_limit_s]:
            del self._classes[code]

    def _get(self, code: str) -> _Class:
        now = self._clock()
        room = self._classes.get(code)
        if room is None or now - room.touched > self._idle_limit_s:
            self._classes.pop(code, None)
            raise NoSuchClass(code)
        room.touched = now
        return room

    def _as_teacher(self, code: str, token: str) -> _Class:
        room = self._get(code)
        if not tokens_match(token, room.token):
            raise NotTeacher(code)
        return room

    # --- the interface ---

    def create(self, steps: int) -> tuple[str, str]:
        with self._lock:
            now = self._clock()
            self._expire(now)
            if len(self._classes) >= self._max_classes:
                raise TooManyClasses()
            code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
            while code in self._classes:
                code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
            token = secrets.token_urlsafe(TOKEN_BYTES)
            self._classes[code] = _Class(code, token, max(1, int(steps)), touched=now)
            return code, token

    def view(self, code: str) -> ClassView:
        with self._lock:
            return self._get(code).view()

    def is_teacher(self, code: str, token: str | None) -> bool:
        with self._lock:
            room = self._classes.get(code)
            alive = room is not None and self._clock() - room.touched <= self._idle_limit_s
            return alive and tokens_match(token, room.token)

    def join(self, code: str, student: str) -> ClassView:
        if not _ID.match(str(student)):
            raise BadAnswer(student)
        with self._lock:
            room = self._get(code)
            if student not in room.students and len(room.students) >= self._max_students:
                raise ClassFull(code)
            room.students.add(student)
            return room.view()

    def set_step(self, code: str, token: str, step: int) -> ClassView:
        with self._lock:
            room = self._as_teacher(code, token)
            step = min(max(0, int(step)), room.steps - 1)
            if step != room.step:
                room.step = step
                room.version += 1
            return room.view()

    def set_pace(self, code: str, token: str, pace: str) -> ClassView:
        if pace not in PACES:
            raise BadAnswer(pace)
        with self._lock:
            room = self._as_teacher(code, token)
            if pace != room.pace:
                room.pace = pace
                room.version += 1
            return room.view()

    def answer(self, code: str, student: str, question: str, choice: int) -> None:
        if not _ID.match(str(question)) or not isinstance(choice, int) or not 0 <= choice < MAX_CHOICES:
            raise BadAnswer(question)
        with self._lock:
            room = self._get(code)
            if student not in room.students:
                raise NoSuchClass(code)  # join first: an answer needs a seat
            if question in room.revealed:
                raise AlreadyRevealed(question)
            if question not in room.answers and len(room.answers) >= MAX_QUESTIONS:
                raise BadAnswer(question)
            room.answers.setdefault(question, {})[student] = choice

    def my_answer(self, code: str, student: str, question: str) -> int | None:
        with self._lock:
            return self._get(code).answers.get(question, {}).get(student)

    def counts(self, code: str, question: str, choices: int) -> list[int]:
        with self._lock:
            given = self._get(code).answers.get(question, {})
        tally = [0] * max(0, min(int(choices), MAX_CHOICES))
        for choice in given.values():
            if choice < len(tally):
                tally[choice] += 1
        return tally

    def reveal(self, code: str, token: str, question: str) -> ClassView:
        if not _ID.match(str(question)):
            raise BadAnswer(question)
        with self._lock:
            room = self._as_teacher(code, token)
            if question not in room.revealed:
                if len(room.revealed) >= MAX_QUESTIONS:
                    raise BadAnswer(question)
                room.revealed.add(question)
                room.version += 1
            return room.view()

    def close(self, code: str, token: str) -> None:
        with self._lock:
            self._as_teacher(code, token)
            del self._classes[code]

    def submit(self, code: str, student: str, nickname: str, key: str, knobs: dict) -> Entry:
        from .challenge import clean_nickname

        name = clean_nickname(nickname)
        if not name or not _ID.match(str(student)) or not _KEY.match(str(key)) or len(knobs) > 8:
            raise BadEntry(nickname)
        with self._lock:
            room = self._get(code)
            if student not in room.students:
                raise NoSuchClass(code)
            if student not in room.entries and len(room.entries) >= self._max_students:
                raise ClassFull(code)
            taken = {e.nickname for s, e in room.entries.items() if s != student}
            unique, n = name, 2
            while unique in taken:
                unique, n = f"{name} ({n})", n + 1
            entry = Entry(room.next_entry, student, unique, key, tuple(sorted(knobs.items())))
            room.next_entry += 1
            room.entries[student] = entry
            room.board_version += 1
            return entry

    def complete(self, code: str, key: str, public: float | None, private: float | None, seconds: float | None,
                 failed: bool = False) -> None:
        with self._lock:
            room = self._get(code)
            changed = False
            for student, entry in room.entries.items():
                if entry.key == key and (entry.public, entry.failed) != (public, failed):
                    room.entries[student] = replace(entry, public=public, private=private, seconds=seconds,
                                                    failed=failed)
                    changed = True
            if changed:
                room.board_version += 1

    def board(self, code: str) -> list[Entry]:
        with self._lock:
            return sorted(self._get(code).entries.values(), key=lambda e: e.id)

    def reveal_private(self, code: str, token: str) -> ClassView:
        with self._lock:
            room = self._as_teacher(code, token)
            if not room.private_revealed:
                room.private_revealed = True
                room.version += 1
                room.board_version += 1
            return room.view()

    def set_hidden(self, code: str, token: str, entry: int, hidden: bool) -> None:
        with self._lock:
            room = self._as_teacher(code, token)
            for student, found in room.entries.items():
                if found.id == entry and found.hidden != hidden:
                    room.entries[student] = replace(found, hidden=bool(hidden))
                    room.board_version += 1

    def __len__(self) -> int:
        with self._lock:
            self._expire(self._clock())
            return len(self._classes)


LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "::1", "[::1]")


def join_link(app_url: str, code: str, network_host: str | None = None, public_url: str | None = None,
              language: str | None = None) -> str:
    """The link a student's device opens to join ``code``: under ``public_url`` when the teacher
    configured one ($FMNIST_PUBLIC_URL), else under the address the teacher's browser used
    (``app_url``), except that localhost becomes the server's address on the network
    (``network_host``, what Streamlit prints as its Network URL). Never holds the teacher token."""
    from urllib.parse import urlencode, urlsplit, urlunsplit

    base = (public_url or "").strip() or app_url
    parts = urlsplit(base)
    netloc = parts.netloc
    if not public_url and parts.hostname in LOOPBACK_HOSTS and network_host:
        netloc = network_host + (f":{parts.port}" if parts.port else "")
    path = parts.path.rstrip("/")
    if not public_url and path.endswith("/lesson"):  # the teacher's browser is on the lesson page itself
        path = path[: -len("/lesson")]
    query = {"class": code, **({"lang": language} if language else {})}
    return urlunsplit((parts.scheme or "http", netloc, path + "/lesson", urlencode(query), ""))


def teacher_link(join: str, token: str) -> str:
    """The teacher's private link: the join link with the token, for the teacher's own devices only."""
    return f"{join}&teacher={token}"
