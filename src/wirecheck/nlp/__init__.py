"""The NLP backend behind one small interface (spaCy by default)."""
