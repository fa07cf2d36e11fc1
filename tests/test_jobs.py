"""Background jobs: progress, results, errors, cancelling (and gensim training through one)."""

import threading

from explorer.jobs import Job


def test_progress_and_result():
    def work(report):
        for i in range(5):
            report(i / 5, f"step {i}")
        return 42

    job = Job(work).start()
    assert job.wait(10)
    assert job.result == 42 and job.fraction == 1.0 and job.error is None


def test_cancel_is_honoured_at_the_next_report():
    gate = threading.Event()

    def work(report):
        report(0.1, "first")
        gate.wait(5)
        report(0.5, "second")  # raises Cancelled
        return "finished anyway"

    job = Job(work).start()
    job.cancel()
    gate.set()
    assert job.wait(10)
    assert job.cancelled and job.result is None


def test_errors_become_messages():
    job = Job(lambda report: 1 / 0).start()
    assert job.wait(10)
    assert job.error == "division by zero" and not job.cancelled


def test_gensim_training_in_the_background():
    from explorer.models.gensim_backend import train_gensim
    from explorer.models.word2vec.trainer import Word2VecConfig
    from explorer.text.samples import load_sample_text
    from explorer.text.tokenize import tokenize

    sentences = tokenize(load_sample_text("english"))
    seen = []

    def work(report):
        def progress(fraction, message):
            seen.append(fraction)
            report(fraction, message)

        return train_gensim(sentences, Word2VecConfig(epochs=3), progress=progress)

    job = Job(work).start()
    assert job.wait(60)
    assert "kitten" in job.result and seen == [1 / 3, 2 / 3, 1.0]
