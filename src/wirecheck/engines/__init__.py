"""Where a pipeline runs: ``LocalEngine`` in this process, ``RayEngine`` on a Ray cluster.

``open_engine(spec)`` picks one by name, as ``open_store`` picks a store: "local" (the default),
"ray" (joins the cluster RAY_ADDRESS names, else starts one on this machine), "ray:ADDRESS"
("ray:auto", "ray:ray://head:10001"). Both leave the same items in the store.
"""

from __future__ import annotations

from ..errors import WirecheckError
from .local import LocalEngine, Progress, RunSummary


def open_engine(spec: str = "local", progress: Progress | None = None) -> LocalEngine:
    name, _, address = spec.partition(":")
    if name == "local" and not address:
        return LocalEngine(progress)
    if name == "ray":
        from .ray import RayEngine

        return RayEngine(address or None, progress)
    raise WirecheckError(f"unknown engine {spec!r}",
                         hint="use 'local', 'ray' or 'ray:ADDRESS' (e.g. ray:auto)")


__all__ = ["LocalEngine", "RunSummary", "open_engine"]
