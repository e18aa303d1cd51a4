"""wirecheck: check the news across its sources.

The public API (see README): ``analyze``, ``report``, ``write_reports``, ``open_store``,
``load_settings``, ``default_pipeline`` and the nouns in ``wirecheck.types``.
"""

__version__ = "0.1.0"

from .api import Analysis, analyze, default_pipeline, report, write_reports  # noqa: E402
from .config import Settings, load_settings  # noqa: E402
from .errors import WirecheckError  # noqa: E402
from .store import open_store  # noqa: E402

__all__ = [
    "Analysis",
    "Settings",
    "WirecheckError",
    "__version__",
    "analyze",
    "default_pipeline",
    "load_settings",
    "open_store",
    "report",
    "write_reports",
]
