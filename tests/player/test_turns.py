"""The turnstile that shares the live pages' ticks fairly between sessions."""

import threading

import pytest

from explorer.player.turns import Turnstile


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_a_lone_session_never_waits():
    turns = Turnstile(slots=1, duty=1.0)
    for _i in range(5):
        ticket = turns.enter()
        assert turns.wait(ticket, timeout=0)
        turns.leave(ticket)
    assert turns.served == 5


def test_first_come_first_served():
    turns = Turnstile(slots=1, duty=1.0)
    a, b, c = turns.enter(), turns.enter(), turns.enter()
    assert not turns.wait(b, timeout=0)  # a is ahead
    assert turns.wait(a, timeout=0)
    assert not turns.wait(b, timeout=0)  # a is inside
    turns.leave(a)
    assert not turns.wait(c, timeout=0)  # b is ahead of c
    assert turns.wait(b, timeout=0)
    turns.leave(b)
    assert turns.wait(c, timeout=0)


def test_slots_let_that_many_in_at_once():
    turns = Turnstile(slots=2, duty=1.0)
    a, b, c = turns.enter(), turns.enter(), turns.enter()
    assert turns.wait(a, 0) and turns.wait(b, 0)
    assert not turns.wait(c, 0)
    turns.leave(b)
    assert turns.wait(c, 0)


def test_the_gate_rests_after_each_tick_to_leave_time_for_clicks():
    clock = Clock()
    turns = Turnstile(slots=1, duty=0.25, clock=clock)
    a = turns.enter()
    assert turns.wait(a, 0)
    clock.now = 0.1  # the tick took 0.1 s: busy 25 % means a 0.3 s rest
    turns.leave(a)
    b = turns.enter()
    turns.enter()  # a second session in line: the server is busy
    clock.now = 0.39
    assert not turns.wait(b, 0)
    clock.now = 0.4
    assert turns.wait(b, 0)


def test_a_lone_session_does_not_wait_for_the_rest():
    clock = Clock()
    turns = Turnstile(slots=1, duty=0.25, clock=clock)
    a = turns.enter()
    assert turns.wait(a, 0)
    clock.now = 0.1
    turns.leave(a)
    b = turns.enter()  # nobody else in line: no one to leave time for
    assert turns.wait(b, 0)


def test_giving_up_while_waiting_leaves_the_line():
    turns = Turnstile(slots=1, duty=1.0)
    a, b, c = turns.enter(), turns.enter(), turns.enter()
    assert turns.wait(a, 0)
    turns.leave(b)  # b's user clicked something: its tick is abandoned
    turns.leave(a)
    assert turns.wait(c, 0) and turns.waiting == 0


def test_threads_take_turns_in_the_order_they_came():
    # Six sessions on real threads, each lining up again after its turn. Whatever the
    # scheduler does (a thread put to sleep joins the line late), the gate serves tickets
    # strictly in the order they were taken: no session is passed over by a later one.
    turns = Turnstile(slots=1, duty=1.0)
    served: list[tuple[int, int]] = []  # (ticket, session) of each turn, in order
    stop = threading.Event()

    def session(i: int) -> None:
        while not stop.is_set():
            ticket = turns.enter()
            while not turns.wait(ticket, 0.01):
                if stop.is_set():
                    turns.leave(ticket)
                    return
            served.append((ticket, i))
            turns.leave(ticket)

    threads = [threading.Thread(target=session, args=(i,)) for i in range(6)]
    for t in threads:
        t.start()
    while len({i for _, i in served}) < 6 or len(served) < 600:
        stop.wait(0.01)
    stop.set()
    for t in threads:
        t.join()
    tickets = [ticket for ticket, _ in served]
    assert tickets == sorted(tickets) and len(set(tickets)) == len(tickets)
    assert {i for _, i in served} == set(range(6))


def test_bad_settings_are_refused():
    with pytest.raises(ValueError):
        Turnstile(slots=0)
    with pytest.raises(ValueError):
        Turnstile(duty=0)
