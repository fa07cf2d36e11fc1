"""The class load test, short: a few simulated students on a real server, no errors.

``python -m bench.load`` runs the full form (30 students, a minute of training) and prints
the latency percentiles; here only what must always hold is checked (never a time).
"""

from bench.load import run_load


def test_a_few_students_at_once_all_train_without_errors():
    figures = run_load(sessions=4, seconds=10, ramp=1.0, every=(1.5, 2.5))
    assert figures["errors"] == []
    # each student opened the app, went to the train page, pressed Play, then paused and
    # played again at least once; every one of those runs finished
    assert figures["interactions"] >= 4 * 5
    assert figures["steps_min"] > 0  # every student's model trained while all were in
    assert 0 < figures["fairness"] <= 1
