"""The class store in Redis: one set of classes for several app servers (replicas).

:class:`RedisClassStore` implements :class:`fmnist.classroom.ClassStore` with the same behaviour
as :class:`~fmnist.classroom.MemoryClassStore` (``tests/test_classroom.py`` runs the same cases
against both): a teacher on one server moves the students on another, and the answers and board
entries sent to every server are all counted.

Where a class lives: a few keys under ``{prefix}:{code}`` and one index of every class.

=============================  ==========  ==================================================
key                            type        holds
=============================  ==========  ==================================================
``{prefix}:{code}``            hash        token_sha256, steps, step, pace, version, touched,
                                           started, next_entry, private_revealed, board_version
``…:students``                 set         the students' anonymous ids
``…:answers``                  hash        ``question#round:student`` -> choice
``…:tallies``                  hash        ``question#round:choice`` -> how many chose it
``…:questions``                set         the questions answered (at most MAX_QUESTIONS)
``…:revealed``                 set         the revealed questions
``…:entries``                  hash        student (or ``seed:N``) -> JSON {id, nickname, key, knobs, seed}
``…:scores``                   hash        student (or ``seed:N``) -> JSON [public, private, seconds, failed]
``…:hidden``                   set         the ids of the entries the teacher hid
``…:rounds``                   hash        question -> its rounds, for those past the first
``{prefix}:classes``           sorted set  code -> touched: counts classes, finds idle ones
=============================  ==========  ==================================================

Why it is atomic: every call is one Lua script (redis-py ``register_script``), and Redis runs a
script whole, with nothing of another client in between. So a join checks the seats and takes
one in the same step (never more than ``max_students``, from any number of servers), a nickname's
suffix is chosen among the nicknames as they are at that instant, and ``version`` and
``board_version`` grow by exactly one per change. The scripts share one prelude (finding the
class, ageing it, checking the teacher) and differ only in what they change.

Time: a class is idle after ``idle_limit_s`` seconds by the store's ``clock`` (the wall clock by
default, which replicas share and their monotonic clocks do not; tests inject theirs), compared
with the ``touched`` time stored in the class. Redis's own expiry (``idle_limit_s`` plus an
hour, real seconds, renewed on every call) only collects what nobody touches any more: every key
expires. The teacher token is never stored, only its SHA-256, compared digest to digest.

A Redis that cannot be reached (down, restarting, loading its data) raises
:class:`~fmnist.classroom.StoreUnavailable` within a few seconds, never a hang: the page shows a
message and tries again. Scores are stored as Python wrote them and never re-encoded by Lua,
whose JSON keeps only 14 digits.

The scripts name the keys of other classes only where ``create`` clears idle ones: fine for one
Redis (or a primary with replicas), not for Redis Cluster.
"""

from __future__ import annotations

import hashlib
import json
import math
import secrets
import time
from typing import Callable

import redis
from redis.backoff import ExponentialBackoff
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError
from redis.retry import Retry

from .classroom import (CODE_ALPHABET, CODE_LENGTH, IDLE_LIMIT_S, MAX_CHOICES, MAX_CLASSES, MAX_QUESTIONS,
                        MAX_ROUNDS, MAX_SEEDS, MAX_STUDENTS, PACES, TOKEN_BYTES, _ID, _KEY, AlreadyRevealed,
                        BadAnswer, BadEntry, ClassError, ClassFull, ClassStore, ClassView, Entry, NoSuchClass,
                        NotTeacher, StoreUnavailable, TooManyClasses, tokens_match, transition_matrix)

TIMEOUT_S = 2.0  # to connect and for an answer: a page waits this long at most, then says so
GARBAGE_AFTER_S = 3600  # Redis's expiry runs this much behind the store's idle limit (clocks differ)
PARTS = ("", ":students", ":answers", ":tallies", ":questions", ":revealed", ":entries", ":scores", ":hidden",
         ":rounds")
_ERRORS = {error.reason: error for error in (NoSuchClass, ClassFull, TooManyClasses, NotTeacher, BadEntry,
                                             BadAnswer, AlreadyRevealed)}

# Every script gets KEYS = the class's keys (PARTS, in order) and the index, and
# ARGV = code, now, idle_limit_s, ttl_s, then its own arguments from ARGV[5].
# It returns {"ok", ...} or {reason} (a ClassError's reason); writes made before an error stay,
# as in the memory store (a refused call still counts as activity).
_PRELUDE = """
local room, students, answers, tallies, questions, revealed, entries, scores, hidden, rounds = unpack(KEYS, 1, %(parts)d)
local index = KEYS[%(parts)d + 1]
local code, now, idle, ttl = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local alive = false  -- the class was found: its keys' expiry is renewed when the script ends

local function drop()  -- the class is gone (closed or idle)
  redis.call('DEL', unpack(KEYS, 1, %(parts)d))
  redis.call('ZREM', index, code)
  alive = false
end

local function get()  -- the class, touched now; false if there is none or it was idle too long
  local touched = redis.call('HGET', room, 'touched')
  if not touched or now - tonumber(touched) > idle then
    drop()
    return false
  end
  redis.call('HSET', room, 'touched', ARGV[2])
  redis.call('ZADD', index, now, code)
  alive = true
  return true
end

local function teacher(digest)  -- the reason a teacher's call is refused, or nil
  if not get() then return 'no_such_class' end
  if redis.call('HGET', room, 'token_sha256') ~= digest then return 'not_teacher' end
  return nil
end

local function view()
  local v = redis.call('HMGET', room, 'step', 'pace', 'version', 'private_revealed', 'board_version', 'started')
  return {'ok', v[1], v[2], redis.call('SCARD', students), v[3], v[4], v[5], redis.call('SMEMBERS', revealed),
          v[6], redis.call('HGETALL', rounds)}
end

local function round_of(question, number)  -- 'question#round' of round ``number`` ('' or nil: the current one)
  if not number or number == '' then number = redis.call('HGET', rounds, question) or '1' end
  return question .. '#' .. number
end

local function run()
%(body)s
end

local result = run()
if alive then
  for i = 1, %(parts)d + 1 do redis.call('EXPIRE', KEYS[i], ttl) end
end
return result
"""

# create: ARGV[5..] = prefix, max_classes, token_sha256, steps. count: ARGV[5] = prefix.
_CLEAR_IDLE = """
  local function keys_of(other)
    local keys = {}
    for i, part in ipairs(cjson.decode('%(parts_json)s')) do keys[i] = ARGV[5] .. ':' .. other .. part end
    return keys
  end
  for _, other in ipairs(redis.call('ZRANGEBYSCORE', index, '-inf', now - idle)) do
    local touched = redis.call('ZSCORE', index, other)
    if now - tonumber(touched) > idle then
      redis.call('DEL', unpack(keys_of(other)))
      redis.call('ZREM', index, other)
    end
  end
"""

_BODIES = {
    "count": _CLEAR_IDLE + """
  return {'ok', redis.call('ZCARD', index)}
""",
    "create": _CLEAR_IDLE + """
  local touched = redis.call('HGET', room, 'touched')
  if touched and now - tonumber(touched) <= idle then return {'ok', 'taken'} end
  if redis.call('ZCARD', index) >= tonumber(ARGV[6]) then
    for _, other in ipairs(redis.call('ZRANGE', index, 0, -1)) do  -- classes Redis's expiry collected
      if redis.call('EXISTS', ARGV[5] .. ':' .. other) == 0 then redis.call('ZREM', index, other) end
    end
    if redis.call('ZCARD', index) >= tonumber(ARGV[6]) then return {'too_many_classes'} end
  end
  redis.call('DEL', unpack(KEYS, 1, %(parts)d))
  redis.call('HSET', room, 'token_sha256', ARGV[7], 'steps', ARGV[8], 'step', 0, 'pace', 'teacher',
             'version', 0, 'touched', ARGV[2], 'started', ARGV[2], 'next_entry', 1, 'private_revealed', 0,
             'board_version', 0)
  redis.call('ZADD', index, now, code)
  alive = true
  return {'ok', 'created'}
""",
    "view": """
  if not get() then return {'no_such_class'} end
  return view()
""",
    "join": """  -- ARGV[5] student, ARGV[6] max_students
  if not get() then return {'no_such_class'} end
  if redis.call('SISMEMBER', students, ARGV[5]) == 0 and redis.call('SCARD', students) >= tonumber(ARGV[6]) then
    return {'class_full'}
  end
  redis.call('SADD', students, ARGV[5])
  return view()
""",
    "set_step": """  -- ARGV[5] token_sha256, ARGV[6] step
  local refused = teacher(ARGV[5])
  if refused then return {refused} end
  local steps = tonumber(redis.call('HGET', room, 'steps'))
  local step = math.min(math.max(0, tonumber(ARGV[6])), steps - 1)
  if step ~= tonumber(redis.call('HGET', room, 'step')) then
    redis.call('HSET', room, 'step', step)
    redis.call('HINCRBY', room, 'version', 1)
  end
  return view()
""",
    "set_pace": """  -- ARGV[5] token_sha256, ARGV[6] pace
  local refused = teacher(ARGV[5])
  if refused then return {refused} end
  if redis.call('HGET', room, 'pace') ~= ARGV[6] then
    redis.call('HSET', room, 'pace', ARGV[6])
    redis.call('HINCRBY', room, 'version', 1)
  end
  return view()
""",
    "answer": """  -- ARGV[5] student, ARGV[6] question, ARGV[7] choice, ARGV[8] max_questions
  if not get() then return {'no_such_class'} end
  local student, question, choice = ARGV[5], ARGV[6], ARGV[7]
  if redis.call('SISMEMBER', students, student) == 0 then return {'no_such_class'} end
  if redis.call('SISMEMBER', revealed, question) == 1 then return {'already_revealed'} end
  if redis.call('SISMEMBER', questions, question) == 0 and redis.call('SCARD', questions) >= tonumber(ARGV[8]) then
    return {'bad_answer'}
  end
  local asked = round_of(question)
  local before = redis.call('HGET', answers, asked .. ':' .. student)
  if before then redis.call('HINCRBY', tallies, asked .. ':' .. before, -1) end
  redis.call('HSET', answers, asked .. ':' .. student, choice)
  redis.call('HINCRBY', tallies, asked .. ':' .. choice, 1)
  redis.call('SADD', questions, question)
  return {'ok'}
""",
    "my_answer": """  -- ARGV[5] student, ARGV[6] question, ARGV[7] round ('' for the current one)
  if not get() then return {'no_such_class'} end
  local given = redis.call('HGET', answers, round_of(ARGV[6], ARGV[7]) .. ':' .. ARGV[5])
  if given then return {'ok', given} end
  return {'ok'}
""",
    "counts": """  -- ARGV[5] question, ARGV[6] choices, ARGV[7] round ('' for the current one)
  if not get() then return {'no_such_class'} end
  local asked, tally = round_of(ARGV[5], ARGV[7]), {'ok'}
  for choice = 0, tonumber(ARGV[6]) - 1 do
    tally[#tally + 1] = redis.call('HGET', tallies, asked .. ':' .. choice) or '0'
  end
  return tally
""",
    "open_round": """  -- ARGV[5] token_sha256, ARGV[6] question, ARGV[7] number, ARGV[8] max_rounds, ARGV[9] max_questions
  local refused = teacher(ARGV[5])
  if refused then return {refused} end
  local question, number = ARGV[6], tonumber(ARGV[7])
  if redis.call('SISMEMBER', revealed, question) == 1 then return {'already_revealed'} end
  local current = tonumber(redis.call('HGET', rounds, question) or '1')
  if number ~= current then
    if number < 2 or number > tonumber(ARGV[8]) or number ~= current + 1 or
       (current == 1 and redis.call('HLEN', rounds) >= tonumber(ARGV[9])) then
      return {'bad_answer'}
    end
    redis.call('HSET', rounds, question, number)
    redis.call('HINCRBY', room, 'version', 1)
  end
  return view()
""",
    "transitions": """  -- ARGV[5] question: every student's (first, last) answers, for those who gave both
  if not get() then return {'no_such_class'} end
  local first, last, pairs = round_of(ARGV[5], '1'), round_of(ARGV[5]), {'ok'}
  for _, student in ipairs(redis.call('SMEMBERS', students)) do
    local a = redis.call('HGET', answers, first .. ':' .. student)
    local b = redis.call('HGET', answers, last .. ':' .. student)
    if a and b then
      pairs[#pairs + 1] = a
      pairs[#pairs + 1] = b
    end
  end
  return pairs
""",
    "reveal": """  -- ARGV[5] token_sha256, ARGV[6] question, ARGV[7] max_questions
  local refused = teacher(ARGV[5])
  if refused then return {refused} end
  if redis.call('SISMEMBER', revealed, ARGV[6]) == 0 then
    if redis.call('SCARD', revealed) >= tonumber(ARGV[7]) then return {'bad_answer'} end
    redis.call('SADD', revealed, ARGV[6])
    redis.call('HINCRBY', room, 'version', 1)
  end
  return view()
""",
    "close": """  -- ARGV[5] token_sha256
  local refused = teacher(ARGV[5])
  if refused then return {refused} end
  drop()
  return {'ok'}
""",
    "submit": """  -- ARGV[5] student, ARGV[6] nickname, ARGV[7] key, ARGV[8] knobs (JSON), ARGV[9] max_students
  if not get() then return {'no_such_class'} end
  local student, name = ARGV[5], ARGV[6]
  if redis.call('SISMEMBER', students, student) == 0 then return {'no_such_class'} end
  local before = redis.call('HGET', entries, student)
  local taken, all, seated = {}, redis.call('HGETALL', entries), 0
  for i = 1, #all, 2 do
    if string.sub(all[i], 1, 5) ~= 'seed:' then
      seated = seated + 1
      if all[i] ~= student then taken[cjson.decode(all[i + 1]).nickname] = true end
    end
  end
  if not before and seated >= tonumber(ARGV[9]) then return {'class_full'} end
  local unique, n = name, 2
  while taken[unique] do
    unique, n = name .. ' (' .. n .. ')', n + 1
  end
  local id = redis.call('HINCRBY', room, 'next_entry', 1) - 1
  redis.call('HSET', entries, student, cjson.encode({id = id, nickname = unique, key = ARGV[7], knobs = ARGV[8]}))
  redis.call('HDEL', scores, student)
  if before then redis.call('SREM', hidden, cjson.decode(before).id) end
  redis.call('HINCRBY', room, 'board_version', 1)
  return {'ok', id, unique}
""",
    "complete": """  -- ARGV[5] key, ARGV[6] public ('' for None), ARGV[7] failed (0/1), ARGV[8] scores (JSON)
  if not get() then return {'no_such_class'} end
  local public, failed = tonumber(ARGV[6]), ARGV[7] == '1'
  local changed, all = false, redis.call('HGETALL', entries)
  for i = 1, #all, 2 do
    if cjson.decode(all[i + 1]).key == ARGV[5] then
      local had, had_public, had_failed = redis.call('HGET', scores, all[i]), nil, false
      if had then
        had = cjson.decode(had)
        if had[1] ~= cjson.null then had_public = had[1] end
        had_failed = had[4]
      end
      if had_public ~= public or had_failed ~= failed then
        redis.call('HSET', scores, all[i], ARGV[8])
        changed = true
      end
    end
  end
  if changed then redis.call('HINCRBY', room, 'board_version', 1) end
  return {'ok'}
""",
    "board": """
  if not get() then return {'no_such_class'} end
  return {'ok', redis.call('HGETALL', entries), redis.call('HGETALL', scores), redis.call('SMEMBERS', hidden)}
""",
    "set_seed_runs": """  -- ARGV[5] token_sha256, ARGV[6] knobs (JSON), ARGV[7..] the keys, seed 0 first
  local refused = teacher(ARGV[5])
  if refused then return {refused} end
  local all = redis.call('HGETALL', entries)
  for i = 1, #all, 2 do
    if string.sub(all[i], 1, 5) == 'seed:' then
      redis.call('HDEL', entries, all[i])
      redis.call('HDEL', scores, all[i])
      redis.call('SREM', hidden, cjson.decode(all[i + 1]).id)
    end
  end
  local ids = {'ok'}
  for i = 7, #ARGV do
    local seed = i - 7
    local id = redis.call('HINCRBY', room, 'next_entry', 1) - 1
    redis.call('HSET', entries, 'seed:' .. seed,
               cjson.encode({id = id, nickname = '', key = ARGV[i], knobs = ARGV[6], seed = seed}))
    ids[#ids + 1] = id
  end
  redis.call('HINCRBY', room, 'board_version', 1)
  return ids
""",
    "reveal_private": """  -- ARGV[5] token_sha256
  local refused = teacher(ARGV[5])
  if refused then return {refused} end
  if redis.call('HGET', room, 'private_revealed') ~= '1' then
    redis.call('HSET', room, 'private_revealed', 1)
    redis.call('HINCRBY', room, 'version', 1)
    redis.call('HINCRBY', room, 'board_version', 1)
  end
  return view()
""",
    "set_hidden": """  -- ARGV[5] token_sha256, ARGV[6] entry id, ARGV[7] hidden (0/1)
  local refused = teacher(ARGV[5])
  if refused then return {refused} end
  local all = redis.call('HGETALL', entries)
  for i = 2, #all, 2 do
    if cjson.decode(all[i]).id == tonumber(ARGV[6]) and redis.call('SISMEMBER', hidden, ARGV[6]) ~= tonumber(ARGV[7]) then
      if ARGV[7] == '1' then redis.call('SADD', hidden, ARGV[6]) else redis.call('SREM', hidden, ARGV[6]) end
      redis.call('HINCRBY', room, 'board_version', 1)
    end
  end
  return {'ok'}
""",
}


def _text(value) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


def _digest(token: str | None) -> str:
    """What the store keeps of a teacher token, and what a presented one is compared by."""
    return hashlib.sha256(str(token or "").encode()).hexdigest()


def connect(url: str, timeout_s: float = TIMEOUT_S) -> redis.Redis:
    """A client that gives up rather than hangs: ``timeout_s`` to connect and to answer, and one
    quick retry on a fresh connection (a restarted Redis drops the old ones), so at worst about
    twice ``timeout_s``; a refused connection is said at once. The retry may run a script whose
    answer was lost a second time: harmless for every call but ``submit``, whose entry is then
    replaced by an equal one with the next id."""
    return redis.Redis.from_url(url, socket_timeout=timeout_s, socket_connect_timeout=timeout_s,
                                retry=Retry(ExponentialBackoff(cap=0.2, base=0.05), 1))


class RedisClassStore(ClassStore):
    """Classes in one Redis that every server of the app shares (the module says how)."""

    def __init__(self, url_or_client: str | redis.Redis, clock: Callable[[], float] = time.time,
                 max_classes: int = MAX_CLASSES, max_students: int = MAX_STUDENTS,
                 idle_limit_s: float = IDLE_LIMIT_S, prefix: str = "fmnist:class"):
        self._redis = connect(url_or_client) if isinstance(url_or_client, str) else url_or_client
        self._clock = clock
        self._max_classes = max_classes
        self._max_students = max_students
        self._idle_limit_s = idle_limit_s
        self._ttl_s = math.ceil(idle_limit_s) + GARBAGE_AFTER_S
        self._prefix = prefix
        fill = {"parts": len(PARTS), "parts_json": json.dumps(PARTS)}
        self._scripts = {name: self._redis.register_script(_PRELUDE % {**fill, "body": body % fill})
                         for name, body in _BODIES.items()}

    def _run(self, name: str, code: str, *args) -> list:
        """One script on the class ``code``: its answer after "ok", or the error it names."""
        keys = [f"{self._prefix}:{code}{part}" for part in PARTS] + [f"{self._prefix}:classes"]
        argv = [code, repr(float(self._clock())), repr(float(self._idle_limit_s)), self._ttl_s, *args]
        try:
            status, *rest = self._scripts[name](keys=keys, args=argv)
        except (RedisConnectionError, RedisTimeoutError) as exc:
            raise StoreUnavailable(str(exc)) from exc
        status = _text(status)
        if status != "ok":
            raise _ERRORS.get(status, ClassError)(code)
        return rest

    def _view(self, code: str, reply: list) -> ClassView:
        step, pace, students, version, private, board_version, revealed, started, rounds = reply
        rounds = tuple(sorted((_text(rounds[i]), int(rounds[i + 1])) for i in range(0, len(rounds), 2)))
        return ClassView(code, int(step), _text(pace), int(students), frozenset(_text(q) for q in revealed),
                         int(version), _text(private) == "1", int(board_version), float(_text(started)), rounds)

    # --- the interface ---

    def create(self, steps: int) -> tuple[str, str]:
        token = secrets.token_urlsafe(TOKEN_BYTES)
        while True:  # a code in use: draw another
            code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
            done = self._run("create", code, self._prefix, self._max_classes, _digest(token), max(1, int(steps)))
            if _text(done[0]) == "created":
                return code, token

    def view(self, code: str) -> ClassView:
        return self._view(code, self._run("view", code))

    def is_teacher(self, code: str, token: str | None) -> bool:
        try:
            stored, touched = self._redis.hmget(f"{self._prefix}:{code}", "token_sha256", "touched")
        except (RedisConnectionError, RedisTimeoutError) as exc:
            raise StoreUnavailable(str(exc)) from exc
        alive = touched is not None and self._clock() - float(_text(touched)) <= self._idle_limit_s
        return alive and tokens_match(_digest(token), _text(stored))

    def join(self, code: str, student: str) -> ClassView:
        if not _ID.match(str(student)):
            raise BadAnswer(student)
        return self._view(code, self._run("join", code, student, self._max_students))

    def set_step(self, code: str, token: str, step: int) -> ClassView:
        return self._view(code, self._run("set_step", code, _digest(token), int(step)))

    def set_pace(self, code: str, token: str, pace: str) -> ClassView:
        if pace not in PACES:
            raise BadAnswer(pace)
        return self._view(code, self._run("set_pace", code, _digest(token), pace))

    def answer(self, code: str, student: str, question: str, choice: int) -> None:
        if not _ID.match(str(question)) or not isinstance(choice, int) or not 0 <= choice < MAX_CHOICES:
            raise BadAnswer(question)
        self._run("answer", code, str(student), question, int(choice), MAX_QUESTIONS)

    def my_answer(self, code: str, student: str, question: str, round: int | None = None) -> int | None:
        given = self._run("my_answer", code, str(student), str(question), "" if round is None else int(round))
        return int(given[0]) if given else None

    def counts(self, code: str, question: str, choices: int, round: int | None = None) -> list[int]:
        tally = self._run("counts", code, str(question), max(0, min(int(choices), MAX_CHOICES)),
                          "" if round is None else int(round))
        return [int(count) for count in tally]

    def open_round(self, code: str, token: str, question: str, number: int) -> ClassView:
        if not _ID.match(str(question)):
            raise BadAnswer(question)
        return self._view(code, self._run("open_round", code, _digest(token), question, int(number), MAX_ROUNDS,
                                          MAX_QUESTIONS))

    def transitions(self, code: str, question: str, choices: int) -> list[list[int]]:
        given = [int(choice) for choice in self._run("transitions", code, str(question))]
        return transition_matrix(list(zip(given[::2], given[1::2])), choices)

    def reveal(self, code: str, token: str, question: str) -> ClassView:
        if not _ID.match(str(question)):
            raise BadAnswer(question)
        return self._view(code, self._run("reveal", code, _digest(token), question, MAX_QUESTIONS))

    def close(self, code: str, token: str) -> None:
        self._run("close", code, _digest(token))

    def submit(self, code: str, student: str, nickname: str, key: str, knobs: dict) -> Entry:
        from .challenge import clean_nickname

        name = clean_nickname(nickname)
        if not name or not _ID.match(str(student)) or not _KEY.match(str(key)) or len(knobs) > 8:
            raise BadEntry(nickname)
        knobs = tuple(sorted(knobs.items()))
        number, unique = self._run("submit", code, student, name, key, json.dumps(knobs), self._max_students)
        return Entry(int(number), student, _text(unique), key, knobs)

    def complete(self, code: str, key: str, public: float | None, private: float | None, seconds: float | None,
                 failed: bool = False) -> None:
        public, private, seconds = (None if x is None else float(x) for x in (public, private, seconds))
        self._run("complete", code, str(key), "" if public is None else repr(public), int(bool(failed)),
                  json.dumps([public, private, seconds, bool(failed)]))

    def board(self, code: str) -> list[Entry]:
        entries, scores, hidden = self._run("board", code)
        scores = {_text(scores[i]): json.loads(scores[i + 1]) for i in range(0, len(scores), 2)}
        hidden = {int(number) for number in hidden}
        board = []
        for i in range(0, len(entries), 2):
            student, entry = _text(entries[i]), json.loads(entries[i + 1])
            public, private, seconds, failed = scores.get(student, (None, None, None, False))
            seed = entry.get("seed")
            board.append(Entry(entry["id"], "" if seed is not None else student, entry["nickname"], entry["key"],
                               tuple(tuple(knob) for knob in json.loads(entry["knobs"])), public, private,
                               seconds, entry["id"] in hidden, failed, seed))
        return sorted(board, key=lambda e: e.id)

    def set_seed_runs(self, code: str, token: str, knobs: dict, keys: list[str]) -> list[Entry]:
        keys = list(keys)
        if not keys or len(keys) > MAX_SEEDS or len(knobs) > 8 or not all(_KEY.match(str(k)) for k in keys):
            raise BadEntry("seeds")
        knobs = tuple(sorted(knobs.items()))
        ids = self._run("set_seed_runs", code, _digest(token), json.dumps(knobs), *keys)
        return [Entry(int(number), "", "", key, knobs, seed=seed) for seed, (number, key) in enumerate(zip(ids, keys))]

    def reveal_private(self, code: str, token: str) -> ClassView:
        return self._view(code, self._run("reveal_private", code, _digest(token)))

    def set_hidden(self, code: str, token: str, entry: int, hidden: bool) -> None:
        self._run("set_hidden", code, _digest(token), int(entry), int(bool(hidden)))

    def __len__(self) -> int:
        return int(self._run("count", "", self._prefix)[0])
