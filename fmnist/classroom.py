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
started                when the class was created (the store's clock)       created
rounds                 a question's voting rounds: 1, or 2 after the        the teacher
                       teacher calls a second round (peer instruction)
answers                one choice per student, question and round; a        a student
                       round's answers close when the next round opens
                       or at the reveal
revealed               the questions whose answer everyone sees             the teacher
board                  each student's latest model, its scores              a student
seed runs              one setting trained with several seeds (noise        the teacher
                       alone), scored like the board's entries
=====================  ===================================================  ==============

Only the teacher token's holder moves a class: every teacher call takes the token and compares
it in constant time (:func:`hmac.compare_digest`); a wrong one raises :class:`NotTeacher`.
The token is never part of what a student reads (:class:`ClassView`). Everything is bounded:
:data:`MAX_CLASSES` classes, :data:`MAX_STUDENTS` students a class, :data:`MAX_QUESTIONS`
questions a class, :data:`MAX_CHOICES` choices a question, :data:`MAX_ROUNDS` rounds a question,
:data:`MAX_SEEDS` seed runs; a class untouched for :data:`IDLE_LIMIT_S` seconds (12 hours) is gone.
``clock`` is the wall clock (both backends: a class's start time is read as "minutes ago" by any
server) and injectable, so tests can age a class.
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
MAX_ROUNDS = 2  # a first vote, and one more after the students talk to a neighbour
MAX_SEEDS = 8
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
    started: float = 0.0  # when the class was created, by the store's clock (seconds since the epoch)
    rounds: tuple = ()  # (question, rounds) of every question with more than one round, sorted

    def round_of(self, question: str) -> int:
        """The question's current round: 1, or 2 once the teacher called a second one."""
        return dict(self.rounds).get(question, 1)


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
    seed: int | None = None  # a seed run of the teacher's (noise alone), not a student's entry


def seed_slot(seed: int) -> str:
    """Where the board keeps a seed run: never a student id (those have no ':')."""
    return f"seed:{seed}"


@dataclass
class _Class:
    code: str
    token: str
    steps: int
    step: int = 0
    pace: str = TEACHER_PACED
    students: set = field(default_factory=set)
    answers: dict = field(default_factory=dict)  # question -> [{student: choice} for each round]
    revealed: set = field(default_factory=set)
    version: int = 0
    touched: float = 0.0
    entries: dict = field(default_factory=dict)  # student (or seed_slot) -> Entry (a student's latest)
    next_entry: int = 1
    private_revealed: bool = False
    board_version: int = 0
    started: float = 0.0
    rounds: dict = field(default_factory=dict)  # question -> rounds, for those past the first

    def view(self) -> ClassView:
        return ClassView(self.code, self.step, self.pace, len(self.students), frozenset(self.revealed),
                         self.version, self.private_revealed, self.board_version, self.started,
                         tuple(sorted(self.rounds.items())))

    def round(self, question: str, number: int | None) -> dict:
        """{student: choice} of the question's round ``number`` (its current round if None)."""
        rounds = self.answers.get(question, [])
        number = self.rounds.get(question, 1) if number is None else int(number)
        return rounds[number - 1] if 1 <= number <= len(rounds) else {}


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
        """A student's answer to ``question`` in its current round; a later one replaces it, until
        the next round opens or the answer is revealed."""

    @abstractmethod
    def my_answer(self, code: str, student: str, question: str, round: int | None = None) -> int | None:
        """The answer this student gave in ``round`` (the current round if None), if any."""

    @abstractmethod
    def counts(self, code: str, question: str, choices: int, round: int | None = None) -> list[int]:
        """How many students chose each of the ``choices`` choices in ``round`` (the current one if None)."""

    @abstractmethod
    def open_round(self, code: str, token: str, question: str, number: int) -> ClassView:
        """The teacher opens the question's round ``number`` (2 .. :data:`MAX_ROUNDS`, the one after
        its current round; the current one again changes nothing): the answers of the rounds before
        are kept and closed, each student answers afresh."""

    @abstractmethod
    def transitions(self, code: str, question: str, choices: int) -> list[list[int]]:
        """How many students answered ``i`` in the first round and ``j`` in the last (``[i][j]``),
        among those who answered both: who moved where, with no one named."""

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
        """Every entry, hidden ones and the teacher's seed runs included (the page leaves the hidden
        out for everyone but the teacher, and shows the seed runs beside the students')."""

    @abstractmethod
    def set_seed_runs(self, code: str, token: str, knobs: dict, keys: list[str]) -> list[Entry]:
        """The teacher's one setting (``knobs``) trained once per seed: ``keys[i]`` is the model of
        seed ``i``; replaces the seed runs before; their scores come by :meth:`complete`, like any
        entry's. At most :data:`MAX_SEEDS`."""

    @abstractmethod
    def reveal_private(self, code: str, token: str) -> ClassView:
        """The teacher shows the private half's scores to everyone."""

    @abstractmethod
    def set_hidden(self, code: str, token: str, entry: int, hidden: bool) -> None:
        """The teacher hides an entry from the board (or shows it again)."""


class MemoryClassStore(ClassStore):
    """Classes in this server's memory: one object, one lock, every session of the server."""

    def __init__(self, clock: Callable[[], float] = time.time, max_classes: int = MAX_CLASSES,
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
            self._classes[code] = _Class(code, token, max(1, int(steps)), touched=now, started=now)
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
            rounds = room.answers.setdefault(question, [])
            while len(rounds) < room.rounds.get(question, 1):
                rounds.append({})
            rounds[-1][student] = choice

    def my_answer(self, code: str, student: str, question: str, round: int | None = None) -> int | None:
        with self._lock:
            return self._get(code).round(question, round).get(student)

    def counts(self, code: str, question: str, choices: int, round: int | None = None) -> list[int]:
        with self._lock:
            given = list(self._get(code).round(question, round).values())
        return tally(given, choices)

    def open_round(self, code: str, token: str, question: str, number: int) -> ClassView:
        if not _ID.match(str(question)):
            raise BadAnswer(question)
        with self._lock:
            room = self._as_teacher(code, token)
            if question in room.revealed:
                raise AlreadyRevealed(question)
            current = room.rounds.get(question, 1)
            if int(number) != current:
                if not 2 <= int(number) <= MAX_ROUNDS or int(number) != current + 1 or (
                        question not in room.rounds and len(room.rounds) >= MAX_QUESTIONS):
                    raise BadAnswer(question)
                room.rounds[question] = int(number)
                room.version += 1
            return room.view()

    def transitions(self, code: str, question: str, choices: int) -> list[list[int]]:
        with self._lock:
            room = self._get(code)
            first, last = dict(room.round(question, 1)), dict(room.round(question, None))
        return transition_matrix([(first[s], last[s]) for s in first if s in last], choices)

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
            if student not in room.entries and sum(e.seed is None for e in room.entries.values()) >= self._max_students:
                raise ClassFull(code)
            taken = {e.nickname for s, e in room.entries.items() if s != student and e.seed is None}
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

    def set_seed_runs(self, code: str, token: str, knobs: dict, keys: list[str]) -> list[Entry]:
        keys = list(keys)
        if not keys or len(keys) > MAX_SEEDS or len(knobs) > 8 or not all(_KEY.match(str(k)) for k in keys):
            raise BadEntry("seeds")
        with self._lock:
            room = self._as_teacher(code, token)
            for slot in [s for s, e in room.entries.items() if e.seed is not None]:
                del room.entries[slot]
            runs = []
            for seed, key in enumerate(keys):
                runs.append(Entry(room.next_entry, "", "", key, tuple(sorted(knobs.items())), seed=seed))
                room.entries[seed_slot(seed)] = runs[-1]
                room.next_entry += 1
            room.board_version += 1
            return runs

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


def tally(given: list[int], choices: int) -> list[int]:
    """How many of ``given`` chose each of the ``choices`` choices (one larger is not counted)."""
    counts = [0] * max(0, min(int(choices), MAX_CHOICES))
    for choice in given:
        if 0 <= int(choice) < len(counts):
            counts[int(choice)] += 1
    return counts


def transition_matrix(pairs: list[tuple[int, int]], choices: int) -> list[list[int]]:
    """``[i][j]``: how many (first, last) pairs went from choice ``i`` to choice ``j``."""
    size = max(0, min(int(choices), MAX_CHOICES))
    matrix = [[0] * size for _ in range(size)]
    for first, last in pairs:
        if 0 <= int(first) < size and 0 <= int(last) < size:
            matrix[int(first)][int(last)] += 1
    return matrix


@dataclass(frozen=True)
class PeerMoves:
    """What a second round changed, from :meth:`ClassStore.transitions` and the right choice."""

    both: int  # students who answered in both rounds
    to_right: int  # wrong in the first round, right in the second
    away: int  # right in the first, wrong in the second
    right_first: int  # right in the first round (of those who answered both)
    right_last: int


def peer_moves(matrix: list[list[int]], correct: int) -> PeerMoves:
    """How many moved to the right answer ``correct`` between the rounds, and how many away from it."""
    size = len(matrix)
    both = sum(map(sum, matrix))
    to_right = sum(matrix[i][correct] for i in range(size) if i != correct)
    away = sum(matrix[correct][j] for j in range(size) if j != correct)
    right_first = sum(matrix[correct])
    return PeerMoves(both, to_right, away, right_first, right_first - away + to_right)


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
