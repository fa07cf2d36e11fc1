"""The class load test, short: a few simulated students on a real server, no errors.

``python -m bench.load`` runs the full form (30 students, a minute of training) and prints
the latency percentiles and how evenly the server shared its time. Here only what must
always hold is checked, by counting, never by the clock: every click of every student is
served, and every student's model trains.
"""

from bench.load import run_load

STUDENTS, ROUNDS = 4, 2


def test_a_few_students_at_once_all_train_without_errors():
    figures = run_load(sessions=STUDENTS, ramp=1.0, every=(1.0, 2.0), rounds=ROUNDS)
    assert figures["errors"] == []
    # each student opened the app, went to the train page, pressed Play, then paused and
    # played again ROUNDS times; every one of those runs finished
    assert figures["interactions"] == STUDENTS * (3 + 2 * ROUNDS)
    assert all(step > 0 for step in figures["last_steps"])  # every student's model trained
