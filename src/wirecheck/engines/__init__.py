"""Where a pipeline runs: ``LocalEngine`` in this process, ``ProcessEngine`` in worker
processes of this machine, ``RayEngine`` on a Ray cluster.

``open_engine(spec)`` picks one by name, as ``open_store`` picks a store: "local" (the default),
"processes" (one worker per core) or "processes:N", "ray" (joins the cluster RAY_ADDRESS names,
else starts one on this machine), "ray:ADDRESS" ("ray:auto", "ray:ray://head:10001"). All leave
the same items in the store.
"""

from __future__ import annotations

from ..errors import WirecheckError
from .local import LocalEngine, Progress, RunSummary


def open_engine(spec: str = "local", progress: Progress | None = None) -> LocalEngine:
    name, _, address = spec.partition(":")
    if name == "local" and not address:
        return LocalEngine(progress)
    if name == "processes":
        from .processes import ProcessEngine

        if address and not (address.isdigit() and int(address) > 0):
            raise WirecheckError(f"bad engine {spec!r}: the number of processes must be a "
                                 "positive whole number", hint="e.g. processes:2")
        return ProcessEngine(int(address) if address else None, progress)
    if name == "ray":
        from .ray import RayEngine

        return RayEngine(address or None, progress)
    raise WirecheckError(f"unknown engine {spec!r}",
                         hint="use 'local', 'processes', 'processes:N', 'ray' or 'ray:ADDRESS' "
                              "(e.g. ray:auto)")


__all__ = ["LocalEngine", "RunSummary", "open_engine"]
