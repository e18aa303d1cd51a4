"""Where a pipeline runs: LocalEngine in-process (Ray comes later)."""

from .local import LocalEngine, RunSummary

__all__ = ["LocalEngine", "RunSummary"]
