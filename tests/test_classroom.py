"""The class store: one suite, run against every backend in BACKENDS (the memory store, and the
Redis store on the test session's own redis-server), then what only a shared store can show:
two servers, several processes, a Redis that stops and comes back.

=========================================  ===============================================
what                                       tests
=========================================  ===============================================
codes, tokens, who moves the class         test_a_new_class_…, test_only_the_token_…
joining, the step, the pace, ending        test_students_start_…, test_joining_twice_…
answers, counts, the reveal                test_one_answer_per_student_…
a second round (peer instruction)          test_a_second_round_…, test_who_moved_where_…
the class's start time                     test_a_class_knows_when_it_started
the board, nicknames, the private reveal   test_an_entry_waits_…, test_nicknames_…
the teacher's seed runs (noise alone)      test_seed_runs_…
bounds and expiry                          test_a_flood_is_bounded, test_…_expires_…
the same answers on every backend          test_every_backend_gives_the_same_answers_…
many callers at once                       test_thirty_answers_…, test_a_crowd_…
only a shared store                        test_two_servers_…, test_a_class_outlives_…
=========================================  ===============================================
"""

from __future__ import annotations

import re
import threading
from dataclasses import replace

import pytest

from fmnist import classroom
from fmnist.classroom_redis import RedisClassStore

STEPS = 13


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def memory_store(clock, **limits):
    return classroom.MemoryClassStore(clock=clock, **limits)


def redis_store(clock, url, **limits):
    return RedisClassStore(url, clock=clock, **limits)


BACKENDS = {"memory": memory_store, "redis": redis_store}
SERVERS = {"redis": "redis_url"}  # the fixture a backend's server comes from, handed over as url=


@pytest.fixture(params=list(BACKENDS))
def make_store(request):
    """Stores of one backend on one clock; for a shared backend, every store made is on the same server."""
    clock = Clock()
    server = {"url": request.getfixturevalue(SERVERS[request.param])} if request.param in SERVERS else {}

    def make(**limits):
        return BACKENDS[request.param](clock, **server, **limits)
    make.clock = clock
    return make


@pytest.fixture
def store(make_store):
    return make_store()


def test_a_new_class_has_a_short_random_code_and_a_long_secret_token(store):
    codes = set()
    for _ in range(50):
        code, token = store.create(STEPS)
        assert re.fullmatch(f"[{classroom.CODE_ALPHABET}]{{6}}", code)
        assert len(token) >= 32 and code not in token  # 24 random bytes, URL-safe: 192 bits
        codes.add(code)
    assert len(codes) == 50
    # not sequential: codes made one after another share no common prefix pattern
    assert len({code[:3] for code in codes}) > 40


def test_students_start_on_the_teachers_step_and_see_every_move(store):
    code, token = store.create(STEPS)
    view = store.join(code, "s1")
    assert (view.step, view.pace, view.students) == (0, classroom.TEACHER_PACED, 1)
    before = view.version
    moved = store.set_step(code, token, 4)
    assert store.view(code).step == 4 and moved.version > before


def test_joining_twice_counts_one_student(store):
    code, _ = store.create(STEPS)
    store.join(code, "s1")
    store.join(code, "s1")
    store.join(code, "s2")
    assert store.view(code).students == 2


def test_only_the_token_moves_the_class(store):
    code, token = store.create(STEPS)
    other_code, other_token = store.create(STEPS)
    for wrong in ("", "x" * 32, other_token, token[:-1], token + "A", None):
        with pytest.raises(classroom.NotTeacher):
            store.set_step(code, wrong, 3)
        with pytest.raises(classroom.NotTeacher):
            store.set_pace(code, wrong, classroom.STUDENT_PACED)
        with pytest.raises(classroom.NotTeacher):
            store.reveal(code, wrong, "q")
        with pytest.raises(classroom.NotTeacher):
            store.close(code, wrong)
        assert not store.is_teacher(code, wrong)
    assert store.is_teacher(code, token) and not store.is_teacher(other_code, token)
    assert store.view(code).step == 0


def test_the_token_is_not_in_what_a_student_reads(store):
    code, token = store.create(STEPS)
    view = store.join(code, "s1")
    assert token not in repr(view) and token not in repr(store.view(code))


def test_steps_are_kept_within_the_lesson(store):
    code, token = store.create(STEPS)
    assert store.set_step(code, token, 99).step == STEPS - 1
    assert store.set_step(code, token, -5).step == 0


def test_pace_can_be_switched_and_back(store):
    code, token = store.create(STEPS)
    assert store.set_pace(code, token, classroom.STUDENT_PACED).pace == classroom.STUDENT_PACED
    assert store.set_pace(code, token, classroom.TEACHER_PACED).pace == classroom.TEACHER_PACED
    with pytest.raises(classroom.BadAnswer):
        store.set_pace(code, token, "anarchy")


def test_one_answer_per_student_changeable_until_the_reveal(store):
    code, token = store.create(STEPS)
    for student in ("s1", "s2", "s3"):
        store.join(code, student)
    store.answer(code, "s1", "q", 0)
    store.answer(code, "s2", "q", 2)
    store.answer(code, "s3", "q", 2)
    store.answer(code, "s1", "q", 2)  # changed
    assert store.counts(code, "q", 4) == [0, 0, 3, 0]
    assert store.my_answer(code, "s1", "q") == 2 and store.my_answer(code, "s9", "q") is None
    before = store.view(code).version
    view = store.reveal(code, token, "q")
    assert "q" in view.revealed and view.version > before
    with pytest.raises(classroom.AlreadyRevealed):
        store.answer(code, "s1", "q", 1)
    assert store.counts(code, "q", 4) == [0, 0, 3, 0]


def test_a_second_round_keeps_the_first_and_each_student_answers_afresh(store):
    code, token = store.create(STEPS)
    for student in ("s1", "s2", "s3"):
        store.join(code, student)
    store.answer(code, "s1", "q", 0)
    store.answer(code, "s2", "q", 1)
    assert store.view(code).round_of("q") == 1
    before = store.view(code).version
    view = store.open_round(code, token, "q", 2)
    assert view.round_of("q") == 2 and view.rounds == (("q", 2),) and view.version == before + 1
    assert store.open_round(code, token, "q", 2).version == view.version  # pressed twice: one round
    assert store.my_answer(code, "s1", "q") is None  # a new vote
    assert store.counts(code, "q", 3) == [0, 0, 0]
    store.answer(code, "s1", "q", 2)
    store.answer(code, "s3", "q", 2)
    store.answer(code, "s3", "q", 1)  # changeable until the reveal
    assert store.counts(code, "q", 3) == [0, 1, 1] == store.counts(code, "q", 3, round=2)
    assert store.counts(code, "q", 3, round=1) == [1, 1, 0]  # the first round, kept as it closed
    assert store.my_answer(code, "s1", "q", round=1) == 0 and store.my_answer(code, "s1", "q") == 2
    assert store.my_answer(code, "s2", "q", round=2) is None
    store.reveal(code, token, "q")
    with pytest.raises(classroom.AlreadyRevealed):
        store.answer(code, "s2", "q", 1)
    with pytest.raises(classroom.AlreadyRevealed):
        store.open_round(code, token, "q", 2)
    assert store.counts(code, "q", 3, round=1) == [1, 1, 0] and store.counts(code, "q", 3) == [0, 1, 1]


def test_rounds_are_the_teachers_and_bounded(store):
    code, token = store.create(STEPS)
    store.join(code, "s1")
    with pytest.raises(classroom.NotTeacher):
        store.open_round(code, "x" * 32, "q", 2)
    assert store.open_round(code, token, "q", 1).round_of("q") == 1  # the current round: nothing changes
    for number in (0, 3, classroom.MAX_ROUNDS + 1):
        with pytest.raises(classroom.BadAnswer):  # only the round after the current one
            store.open_round(code, token, "q", number)
    store.open_round(code, token, "q", 2)
    with pytest.raises(classroom.BadAnswer):
        store.open_round(code, token, "q", 3)
    with pytest.raises(classroom.BadAnswer):
        store.open_round(code, token, "<q>", 2)
    assert store.view(code).round_of("other") == 1


def test_who_moved_where_between_the_rounds_names_no_one(store):
    code, token = store.create(STEPS)
    first = {"s1": 0, "s2": 0, "s3": 1, "s4": 2, "s5": 1}
    last = {"s1": 1, "s2": 0, "s3": 1, "s4": 1, "s6": 1}  # s5 did not vote again, s6 only in the second round
    for student in sorted(first.keys() | last.keys()):
        store.join(code, student)
    for student, choice in first.items():
        store.answer(code, student, "q", choice)
    assert store.transitions(code, "q", 3) == [[2, 0, 0], [0, 2, 0], [0, 0, 1]]  # one round: nobody moved
    store.open_round(code, token, "q", 2)
    for student, choice in last.items():
        store.answer(code, student, "q", choice)
    matrix = store.transitions(code, "q", 3)
    assert matrix == [[1, 1, 0], [0, 1, 0], [0, 1, 0]]
    moves = classroom.peer_moves(matrix, correct=1)
    assert (moves.both, moves.to_right, moves.away, moves.right_first, moves.right_last) == (4, 2, 0, 1, 3)
    assert classroom.peer_moves(matrix, correct=0) == classroom.PeerMoves(4, 0, 1, 2, 1)


def test_a_class_knows_when_it_started(make_store):
    store, clock = make_store(), make_store.clock
    code, token = store.create(STEPS)
    started = clock.now
    clock.now += 600
    store.join(code, "s1")
    store.set_step(code, token, 3)
    assert store.view(code).started == started  # activity does not move it


def test_an_answer_needs_a_seat_and_a_sensible_choice(store):
    code, _ = store.create(STEPS)
    with pytest.raises(classroom.NoSuchClass):
        store.answer(code, "stranger", "q", 0)
    store.join(code, "s1")
    for question, choice in (("q", -1), ("q", classroom.MAX_CHOICES), ("q", "1"), ("<script>", 0), ("q" * 65, 0)):
        with pytest.raises(classroom.BadAnswer):
            store.answer(code, "s1", question, choice)


def test_unknown_codes_are_refused(store):
    for call in (lambda: store.view("ZZZZZZ"), lambda: store.join("ZZZZZZ", "s1"),
                 lambda: store.answer("ZZZZZZ", "s1", "q", 0)):
        with pytest.raises(classroom.NoSuchClass):
            call()
    assert not store.is_teacher("ZZZZZZ", "anything")


def test_a_class_expires_after_twelve_idle_hours_and_activity_keeps_it(make_store):
    store, clock = make_store(), make_store.clock
    code, token = store.create(STEPS)
    clock.now += 11 * 3600
    store.join(code, "s1")  # activity
    clock.now += 11 * 3600
    assert store.view(code).students == 1
    clock.now += 12 * 3600 + 1
    assert not store.is_teacher(code, token)  # gone for everyone, the teacher too
    with pytest.raises(classroom.NoSuchClass):
        store.view(code)
    with pytest.raises(classroom.NoSuchClass):
        store.set_step(code, token, 1)


def test_a_flood_is_bounded(make_store):
    store = make_store(max_classes=3, max_students=5)
    codes = [store.create(STEPS)[0] for _ in range(3)]
    with pytest.raises(classroom.TooManyClasses):
        store.create(STEPS)
    for i in range(5):
        store.join(codes[0], f"s{i}")
    with pytest.raises(classroom.ClassFull):
        store.join(codes[0], "s-late")
    store.join(codes[0], "s1")  # one already seated still gets in
    store.join(codes[0], "s1")
    # questions per class are bounded too
    for q in range(classroom.MAX_QUESTIONS):
        store.answer(codes[0], "s1", f"q{q}", 0)
    with pytest.raises(classroom.BadAnswer):
        store.answer(codes[0], "s1", "one-more", 0)


def test_expired_classes_make_room(make_store):
    store, clock = make_store(max_classes=2), make_store.clock
    idle = [store.create(STEPS)[0] for _ in range(2)]
    with pytest.raises(classroom.TooManyClasses):
        store.create(STEPS)  # full while both are alive
    clock.now += classroom.IDLE_LIMIT_S + 1
    fresh, _ = store.create(STEPS)  # the two idle ones are gone
    assert len(store) == 1 and store.view(fresh).code == fresh
    for code in idle:
        with pytest.raises(classroom.NoSuchClass):
            store.view(code)
        with pytest.raises(classroom.NoSuchClass):
            store.join(code, "s1")


def test_the_teacher_ends_the_class(store):
    code, token = store.create(STEPS)
    store.join(code, "s1")
    store.close(code, token)
    with pytest.raises(classroom.NoSuchClass):
        store.view(code)


def test_thirty_answers_at_the_same_instant_are_all_counted(store):
    code, _ = store.create(STEPS)
    students = [f"s{i}" for i in range(30)]
    for student in students:
        store.join(code, student)
    barrier = threading.Barrier(len(students))

    def answer(i):
        barrier.wait()
        store.answer(code, students[i], "q", i % 4)
    threads = [threading.Thread(target=answer, args=(i,)) for i in range(30)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert store.counts(code, "q", 4) == [8, 8, 7, 7]


@pytest.mark.parametrize(("typed", "code"), [("abc234", "ABC234"), (" ab c-23 4 ", "ABC234"), ("ABC23", ""),
                                            ("ABC2340", ""), ("ABC10O", ""), ("<b>ABC</b>", ""), (None, "")])
def test_codes_as_students_type_them(typed, code):
    assert classroom.normalise_code(typed) == code


def test_a_student_id_from_an_address_is_taken_only_in_the_form_the_app_gives():
    assert all(classroom.is_student_id(classroom.new_student_id()) for _ in range(200))
    for text in (None, "", "short", "A" * 17, "<b>abcdefghij</b>", "abcdefghijklmno!", "가" * 16):
        assert not classroom.is_student_id(text), text


def test_join_links_open_on_a_students_device():
    # localhost in the teacher's browser: the server's network address instead
    assert (classroom.join_link("http://localhost:8501/lesson", "ABC234", network_host="10.1.2.3")
            == "http://10.1.2.3:8501/lesson?class=ABC234")
    assert (classroom.join_link("http://127.0.0.1:8501", "ABC234", network_host="10.1.2.3", language="ko")
            == "http://10.1.2.3:8501/lesson?class=ABC234&lang=ko")
    # an address a student can reach already: kept, with its path prefix
    assert (classroom.join_link("https://school.example/studio/lesson", "ABC234", network_host="10.1.2.3")
            == "https://school.example/studio/lesson?class=ABC234")
    # a configured public address wins
    assert (classroom.join_link("http://localhost:8501", "ABC234", network_host="10.1.2.3",
                                public_url="https://fm.school.example/")
            == "https://fm.school.example/lesson?class=ABC234")
    join = classroom.join_link("http://localhost:8501", "ABC234", network_host="10.1.2.3")
    assert "teacher" not in join
    assert classroom.teacher_link(join, "TOKEN") == join + "&teacher=TOKEN"


def test_tokens_match_only_the_whole_token():
    token = "Zk3_x9-Qa"
    assert classroom.tokens_match(token, token)
    for given in (None, "", token[:-1], token + "A", token.lower(), " " + token, "토큰", "\x00" * len(token)):
        assert not classroom.tokens_match(given, token), given  # non-ASCII too: a no, never a TypeError


def test_a_teacher_token_is_checked_with_a_constant_time_comparison(store, monkeypatch):
    import hmac

    compared = []
    constant_time = hmac.compare_digest

    def spy(given, expected):
        compared.append((given, expected))
        return constant_time(given, expected)
    code, token = store.create(STEPS)
    monkeypatch.setattr(hmac, "compare_digest", spy)
    assert store.is_teacher(code, token) and not store.is_teacher(code, token[:-1] + "?")
    assert len(compared) == 2  # each presented token went through hmac's comparison (Redis: its SHA-256)
    assert len({given for given, _ in compared}) == 2 and len({expected for _, expected in compared}) == 1


# --- The challenge's board -------------------------------------------------------------------------

KEY_A, KEY_B, KEY_C = "dense-aaaaaaaaaaaa", "dense-bbbbbbbbbbbb", "dense-cccccccccccc"


def seated(store, *students):
    code, token = store.create(STEPS)
    for student in students:
        store.join(code, student)
    return code, token


def test_an_entry_waits_for_its_scores_and_entries_sharing_a_model_get_them_together(store):
    code, _ = seated(store, "s1", "s2", "s3")
    store.submit(code, "s1", "Ana", KEY_A, {"hidden": 128})
    store.submit(code, "s2", "Bo", KEY_A, {"hidden": 128})
    store.submit(code, "s3", "Cy", KEY_B, {"hidden": 16})
    assert [e.public for e in store.board(code)] == [None, None, None]
    store.complete(code, KEY_A, 0.8, 0.79, 2.5)
    assert [(e.nickname, e.public, e.private) for e in store.board(code)] == [
        ("Ana", 0.8, 0.79), ("Bo", 0.8, 0.79), ("Cy", None, None)]


def test_a_students_new_model_replaces_their_entry(store):
    code, _ = seated(store, "s1")
    store.submit(code, "s1", "Ana", KEY_A, {})
    store.submit(code, "s1", "Ana", KEY_B, {})
    assert [e.key for e in store.board(code)] == [KEY_B]


def test_nicknames_are_plain_text_cut_to_length_and_a_taken_one_gets_a_suffix(store):
    code, _ = seated(store, "s1", "s2", "s3", "s4")
    assert store.submit(code, "s1", "  Ana\n\t", KEY_A, {}).nickname == "Ana"
    assert store.submit(code, "s2", "Ana", KEY_A, {}).nickname == "Ana (2)"
    assert store.submit(code, "s3", "Ana", KEY_A, {}).nickname == "Ana (3)"
    long = store.submit(code, "s4", "x" * 500 + "\x00\x1b[31m", KEY_A, {}).nickname
    assert len(long) <= 24 and "\x00" not in long and "\x1b" not in long
    for bad in ("", "   ", "\x00\x01"):
        with pytest.raises(classroom.BadEntry):
            store.submit(code, "s1", bad, KEY_A, {})
    with pytest.raises(classroom.BadEntry):
        store.submit(code, "s1", "Ana", "../../etc/passwd", {})
    with pytest.raises(classroom.NoSuchClass):  # a seat first
        store.submit(code, "stranger", "Eve", KEY_A, {})


def test_only_the_teacher_reveals_the_private_scores_and_hides_entries(store):
    code, token = seated(store, "s1", "s2")
    entry = store.submit(code, "s1", "Ana", KEY_A, {})
    store.submit(code, "s2", "Bo", KEY_B, {})
    for wrong in ("", token[:-1] + "x", None):
        with pytest.raises(classroom.NotTeacher):
            store.reveal_private(code, wrong)
        with pytest.raises(classroom.NotTeacher):
            store.set_hidden(code, wrong, entry.id, True)
    before = store.view(code)
    assert not before.private_revealed
    store.set_hidden(code, token, entry.id, True)
    assert [e.hidden for e in store.board(code)] == [True, False]
    after = store.reveal_private(code, token)
    assert after.private_revealed and after.version > before.version and after.board_version > before.board_version
    store.set_hidden(code, token, entry.id, False)
    assert not store.board(code)[0].hidden


def test_a_board_change_does_not_move_the_lesson(store):
    code, _ = seated(store, "s1")
    version = store.view(code).version
    store.submit(code, "s1", "Ana", KEY_A, {})
    store.complete(code, KEY_A, 0.8, 0.8, 1.0)
    view = store.view(code)
    assert view.version == version and view.board_version > 0  # thirty followers do not rerun their pages


def test_seed_runs_are_the_teachers_scored_like_entries_and_no_students_seats(make_store):
    store = make_store(max_students=2)
    code, token = seated(store, "s1", "s2")
    store.submit(code, "s1", "seed 0", KEY_A, {"hidden": 128})
    with pytest.raises(classroom.NotTeacher):
        store.set_seed_runs(code, "", {"hidden": 128}, [KEY_A, KEY_B])
    knobs = {"hidden": 128, "epochs": 2}
    runs = store.set_seed_runs(code, token, knobs, [KEY_A, KEY_B, KEY_C])
    assert [(r.seed, r.key) for r in runs] == [(0, KEY_A), (1, KEY_B), (2, KEY_C)]
    assert store.submit(code, "s2", "Bo", KEY_B, {}).nickname == "Bo"  # the seed runs take no seat
    store.complete(code, KEY_A, 0.8, 0.79, 1.0)  # the student's model and seed 0 share it
    board = store.board(code)
    seeds = [e for e in board if e.seed is not None]
    assert [(e.seed, e.public, e.knobs) for e in seeds] == [
        (0, 0.8, tuple(sorted(knobs.items()))), (1, None, tuple(sorted(knobs.items()))),
        (2, None, tuple(sorted(knobs.items())))]
    assert [(e.nickname, e.public) for e in board if e.seed is None] == [("seed 0", 0.8), ("Bo", None)]
    assert all(e.student == "" for e in seeds)
    store.set_seed_runs(code, token, {"hidden": 16}, [KEY_C])  # a new setting replaces the old runs
    assert [(e.seed, e.key, e.knobs) for e in store.board(code) if e.seed is not None] == [
        (0, KEY_C, (("hidden", 16),))]
    for keys in ([], [KEY_A] * (classroom.MAX_SEEDS + 1), ["../x"]):
        with pytest.raises(classroom.BadEntry):
            store.set_seed_runs(code, token, {}, keys)


def test_the_board_is_bounded(make_store):
    store = make_store(max_students=3)
    code, _ = seated(store, "s1", "s2", "s3")
    for student in ("s1", "s2", "s3"):
        store.submit(code, student, student, KEY_A, {})
    assert len(store.board(code)) == 3
    with pytest.raises(classroom.BadEntry):
        store.submit(code, "s1", "Ana", KEY_A, {f"k{i}": i for i in range(9)})


# --- Alike on every backend: the exact numbers, and many callers at once ------------------------------

def a_lesson_and_a_challenge(store):
    """Every call of the interface once or more, and what each returned (the code taken out)."""
    code, token = store.create(STEPS)
    trace = []

    def note(result):
        if isinstance(result, classroom.ClassView):
            result = replace(result, code="CODE")
        trace.append(result)

    for student in ("s1", "s2", "s3", "s2"):
        note(store.join(code, student))
    note(store.set_step(code, token, 3))
    note(store.set_step(code, token, 3))  # no move, no new version
    note(store.set_pace(code, token, classroom.STUDENT_PACED))
    for student, choice in (("s1", 1), ("s2", 1), ("s3", 0), ("s3", 1)):
        note(store.answer(code, student, "q1", choice))
    note(store.counts(code, "q1", 3))
    note(store.counts(code, "q1", 99))
    note(store.my_answer(code, "s3", "q1"))
    note(store.open_round(code, token, "q1", 2))
    note(store.open_round(code, token, "q1", 2))
    for student, choice in (("s1", 2), ("s3", 1), ("s3", 0)):
        note(store.answer(code, student, "q1", choice))
    note(store.counts(code, "q1", 3))
    note(store.counts(code, "q1", 3, round=1))
    note(store.my_answer(code, "s3", "q1", round=1))
    note(store.my_answer(code, "s2", "q1"))
    note(store.transitions(code, "q1", 3))
    note(store.reveal(code, token, "q1"))
    note(store.reveal(code, token, "q1"))
    note(store.submit(code, "s1", "Ana", KEY_A, {"hidden": 128, "learning_rate": 0.001}))
    note(store.submit(code, "s2", "Ana", KEY_B, {"hidden": 16}))
    note(store.complete(code, KEY_A, 0.8125, 0.7999999999999999, 2.25))
    note(store.complete(code, KEY_A, 0.8125, 0.7999999999999999, 2.25))  # the same scores again: no change
    note(store.complete(code, KEY_B, None, None, 3.0, failed=True))
    note(store.set_hidden(code, token, 2, True))
    note(store.set_hidden(code, token, 2, True))
    note(store.set_seed_runs(code, token, {"hidden": 128}, [KEY_A, KEY_C]))
    note(store.complete(code, KEY_C, 0.75, 0.76, 2.0))
    note(store.submit(code, "s1", "Ana", KEY_A, {}))  # a new entry: no scores until its model's come
    note(store.board(code))
    note(store.complete(code, KEY_A, 0.5, 0.25, 1.5))
    note(store.board(code))
    note(store.reveal_private(code, token))
    note(store.reveal_private(code, token))
    note(store.view(code))
    note(store.is_teacher(code, token))
    return trace


def test_every_backend_gives_the_same_answers_and_the_same_versions(make_store):
    expected = a_lesson_and_a_challenge(classroom.MemoryClassStore(clock=Clock()))
    assert a_lesson_and_a_challenge(make_store()) == expected
    board = expected[-5]
    assert [(e.id, e.nickname, e.public, e.private, e.failed, e.hidden, e.seed) for e in board] == [
        (2, "Ana (2)", None, None, True, True, None), (3, "", 0.5, 0.25, False, False, 0),
        (4, "", 0.75, 0.76, False, False, 1), (5, "Ana", 0.5, 0.25, False, False, None)]
    assert expected[expected.index(classroom.ClassView("CODE", 3, classroom.STUDENT_PACED, 3, frozenset(), 3, False,
                                                       0, 1000.0, (("q1", 2),))) + 5:][:5] == [
        [1, 0, 1], [0, 3, 0], 1, None, [[0, 0, 0], [1, 0, 1], [0, 0, 0]]]  # round 2, round 1, s3's, s2's, moves
    views = [step for step in expected if isinstance(step, classroom.ClassView)]
    assert [view.version for view in views] == [0, 0, 0, 0, 1, 1, 2, 3, 3, 4, 4, 5, 5, 5]
    assert [view.board_version for view in views][-3:] == [10, 10, 10]
    assert {view.started for view in views} == {1000.0}


def test_a_crowd_joining_at_once_never_overfills_the_class(make_store):
    store = make_store(max_students=40)
    code, _ = store.create(STEPS)
    barrier, outcomes = threading.Barrier(60), []

    def join(i):
        barrier.wait()
        try:
            store.join(code, f"s{i}")
            outcomes.append("joined")
        except classroom.ClassFull:
            outcomes.append("full")
    threads = [threading.Thread(target=join, args=(i,)) for i in range(60)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(20)
    assert sorted(outcomes) == ["full"] * 20 + ["joined"] * 40
    assert store.view(code).students == 40


def test_the_same_nickname_sent_at_once_gets_distinct_names(make_store):
    store = make_store()
    students = [f"s{i}" for i in range(20)]
    code, _ = seated(store, *students)
    barrier, names = threading.Barrier(len(students)), []

    def submit(student):
        barrier.wait()
        names.append(store.submit(code, student, "Ana", KEY_A, {}).nickname)
    threads = [threading.Thread(target=submit, args=(student,)) for student in students]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(20)
    assert sorted(names) == sorted(["Ana"] + [f"Ana ({n})" for n in range(2, 21)])
    assert store.view(code).board_version == 20  # one per entry, none lost


@pytest.mark.parametrize("reason", [error.reason for error in [classroom.ClassError,
                                                                 *classroom.ClassError.__subclasses__()]])
def test_every_kind_of_refusal_has_a_message_for_the_page(reason):
    from fmnist import i18n

    english, korean = i18n.TEXT[f"lesson.error_{reason}"]
    assert english and korean


# --- Only a shared store: two servers, several processes, a Redis that stops -------------------------

def test_two_servers_on_one_redis_share_the_class(redis_url):
    clock = Clock()
    server_a, server_b = (RedisClassStore(redis_url, clock=clock) for _ in range(2))
    code, token = server_a.create(STEPS)
    assert server_b.is_teacher(code, token)
    server_b.join(code, "s1")
    server_a.join(code, "s2")
    assert server_b.set_step(code, token, 5).step == 5  # the teacher's next request lands on the other server
    assert server_a.view(code).step == 5 and server_a.view(code).students == 2
    server_a.answer(code, "s1", "q", 1)
    server_b.answer(code, "s2", "q", 1)
    assert server_a.counts(code, "q", 2) == server_b.counts(code, "q", 2) == [0, 2]
    server_a.submit(code, "s1", "Ana", KEY_A, {})
    assert server_b.submit(code, "s2", "Ana", KEY_B, {}).nickname == "Ana (2)"
    server_b.complete(code, KEY_A, 0.8, 0.7, 1.0)
    assert [(e.nickname, e.public) for e in server_a.board(code)] == [("Ana", 0.8), ("Ana (2)", None)]
    server_a.close(code, token)
    with pytest.raises(classroom.NoSuchClass):
        server_b.view(code)


def test_two_prefixes_on_one_redis_are_two_sets_of_classes(redis_url):
    school = RedisClassStore(redis_url, prefix="school-a")
    other = RedisClassStore(redis_url, prefix="school-b", max_classes=1)
    code, _ = school.create(STEPS)
    other.create(STEPS)
    with pytest.raises(classroom.NoSuchClass):
        other.view(code)
    assert len(school) == len(other) == 1


def crowd(url, code, do, students, barrier, results):
    """One server process of a crowd: waits for the others, then joins or submits every student."""
    store = RedisClassStore(url)
    barrier.wait()
    outcome = []
    for student in students:
        try:
            outcome.append(store.join(code, student).code if do == "join"
                           else store.submit(code, student, "Ana", KEY_A, {}).nickname)
        except classroom.ClassFull:
            outcome.append("full")
        except Exception as exc:  # reported, not hidden: the test fails on it
            outcome.append(repr(exc))
    results.put(outcome)


def in_processes(url, code, do, groups):
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    barrier, results = context.Barrier(len(groups)), context.Queue()
    processes = [context.Process(target=crowd, args=(url, code, do, group, barrier, results)) for group in groups]
    for process in processes:
        process.start()
    outcomes = [results.get(timeout=120) for _ in processes]
    for process in processes:
        process.join(30)
    return [outcome for group in outcomes for outcome in group]


def test_four_servers_joining_at_once_seat_exactly_the_limit(redis_url):
    store = RedisClassStore(redis_url, max_students=120)  # the wall clock, as the processes have
    code, _ = store.create(STEPS)
    groups = [[f"p{p}-s{i}" for i in range(40)] for p in range(4)]
    outcomes = in_processes(redis_url, code, "join", groups)
    assert sorted(set(outcomes)) == sorted({code, "full"})  # nothing but seats and ClassFull
    assert outcomes.count(code) == 120 and outcomes.count("full") == 40
    assert store.view(code).students == 120


def test_four_servers_submitting_one_nickname_at_once_give_distinct_names(redis_url):
    store = RedisClassStore(redis_url)
    groups = [[f"p{p}-s{i}" for i in range(10)] for p in range(4)]
    code, _ = seated(store, *[student for group in groups for student in group])
    names = in_processes(redis_url, code, "submit", groups)
    assert sorted(names) == sorted(["Ana"] + [f"Ana ({n})" for n in range(2, 41)])
    assert store.view(code).board_version == 40
    assert sorted(entry.id for entry in store.board(code)) == list(range(1, 41))


def test_an_unreachable_redis_is_said_at_once_not_waited_for():
    from deploy.services import free_port

    store = RedisClassStore(f"redis://127.0.0.1:{free_port()}/0")  # nothing listens there
    for call in (lambda: store.create(STEPS), lambda: store.view("ABC234"), lambda: store.is_teacher("ABC234", "t"),
                 lambda: store.join("ABC234", "s1"), lambda: len(store)):
        raised = returns_within(30, call)  # a hang guard, not a speed: the call ends, and says why
        assert isinstance(raised, classroom.StoreUnavailable), raised
        assert raised.reason == "store_unavailable" and isinstance(raised, classroom.ClassError)


def returns_within(seconds: float, call) -> BaseException | None:
    """Run ``call`` in a thread; what it raised (None if nothing). Fails the test if it is still
    running after ``seconds``."""
    outcome = {}

    def run():
        try:
            call()
        except BaseException as exc:  # noqa: BLE001 - handed back to the test
            outcome["raised"] = exc
    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"still waiting after {seconds} s"
    return outcome.get("raised")


def test_a_class_outlives_a_redis_restart(redis_url, redis_service):
    clock = Clock()
    store = RedisClassStore(redis_url, clock=clock)
    code, token = seated(store, "s1", "s2")
    store.set_step(code, token, 4)
    store.answer(code, "s1", "q", 2)
    store.submit(code, "s2", "Bo", KEY_A, {})
    redis_service.stop()
    try:
        for call in (lambda: store.view(code), lambda: store.set_step(code, token, 5),
                     lambda: store.answer(code, "s2", "q", 2)):
            with pytest.raises(classroom.StoreUnavailable):
                call()
    finally:
        redis_service.start()
    view = store.view(code)  # the same store object: its connections were dropped, new ones are made
    assert (view.step, view.students) == (4, 2) and store.is_teacher(code, token)
    assert store.counts(code, "q", 3) == [0, 0, 1]
    assert [entry.nickname for entry in store.board(code)] == ["Bo"]
    assert store.set_step(code, token, 5).version == view.version + 1


def test_every_key_of_a_class_expires_and_none_holds_the_token(redis_url):
    import redis

    store = RedisClassStore(redis_url, prefix="ttl-test")
    code, token = seated(store, "s1")
    store.answer(code, "s1", "q", 1)
    store.reveal(code, token, "q2")
    entry = store.submit(code, "s1", "Ana", KEY_A, {})
    store.complete(code, KEY_A, 0.8, 0.8, 1.0)
    store.set_hidden(code, token, entry.id, True)
    client = redis.Redis.from_url(redis_url)
    keys = client.keys("*")
    assert len(keys) == 10 and all(key.startswith(b"ttl-test:") for key in keys)  # nine of the class, the index
    store.open_round(code, token, "q", 2)
    keys = client.keys("*")
    assert len(keys) == 11  # ten of the class (every part of PARTS), the index
    for key in keys:
        assert classroom.IDLE_LIMIT_S < client.ttl(key) <= classroom.IDLE_LIMIT_S + 3600
    assert token.encode() not in b"".join(client.dump(key) for key in keys)
    store.close(code, token)
    assert client.keys("*") == []
