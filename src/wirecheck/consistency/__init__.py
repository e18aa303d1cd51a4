"""Is a statement supported by, contradicted by, or not found in a document?

    from wirecheck.consistency import check_statement
    verdict = check_statement("Four people were arrested.", article_text)
    verdict.label       # "supported" | "contradicted" | "not found"
    verdict.score       # probability that the statement is consistent with the document
    verdict.evidence    # EvidenceSentence(text, start, end, alignment): document[start:end]
    verdict.reasons     # what differs: names, numbers, negations, antonyms

``method="lexical"`` (default) needs only the default install (spaCy, scikit-learn's trained
head stored as JSON, rapidfuzz); ``method="neural"`` needs the ``nli`` extra (MiniLM) and fails
early with the install command when it is missing; ``method="auto"`` takes the best installed.
"""

from .checker import EvidenceSentence, Verdict, check_many, check_statement, word_overlap

__all__ = ["EvidenceSentence", "Verdict", "check_many", "check_statement", "word_overlap"]
