"""Text in: decoding bytes, tokenizing, vocabularies, context windows, the bundled corpora."""
