"""Checking a refusal the way the page shows it: one friendly message, never a traceback."""

import pytest

from explorer.io.uploads import UploadError


def refusal(read, name, data, *key_words, **kwargs) -> str:
    """The message ``read(name, data, **kwargs)`` refuses with; it names ``key_words``."""
    with pytest.raises(UploadError) as info:
        read(name, data, **kwargs)
    message = str(info.value)
    assert "Traceback" not in message and 10 < len(message) < 400, message
    for word in key_words:
        assert word.lower() in message.lower(), (word, message)
    return message
