"""Is a statement supported by, contradicted by, or not found in a document?

    from wirecheck.consistency import check_statement
    verdict = check_statement("Four people were arrested.", article_text)
    verdict.label       # "supported" | "contradicted" | "not found"
    verdict.score       # probability that the statement is consistent with the document
    verdict.evidence    # EvidenceSentence(text, start, end, alignment): document[start:end]
    verdict.reasons     # what differs: names, numbers, negations, antonyms

``method="lexical"`` (default) needs only the default install (spaCy, scikit-learn's trained
head stored as JSON, rapidfuzz); ``method="minilm"`` (a MiniLM cross-encoder run in numpy) needs
the ``nli`` extra, failing early with the install command when it is missing, and trained
weights (``scripts/train_consistency.py --cross``), which this wirecheck does not ship: the
ones trained so far scored below the lexical head (BENCHMARKS.md); ``method="auto"`` takes
``minilm`` when both are there, else ``lexical``.
"""

from .checker import EvidenceSentence, Verdict, check_many, check_statement, word_overlap

__all__ = ["EvidenceSentence", "Verdict", "check_many", "check_statement", "word_overlap"]
