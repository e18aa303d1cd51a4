"""Errors of wirecheck. Each carries a stable ``code`` and a ``hint`` that tells the fix.

    WirecheckError
    ├── ConfigError          bad settings file or value
    ├── InputError           an input that cannot become an article (recorded as a Failure)
    │   ├── EmptyInput
    │   ├── BinaryInput
    │   ├── MalformedInput
    │   └── TooLarge
    ├── PipelineError        stages whose requires/provides do not chain
    ├── StoreError           the store cannot be opened or migrated
    └── MissingDependency    an optional extra is not installed (hint: the pip command)
"""

from __future__ import annotations


class WirecheckError(Exception):
    code = "W000"
    hint = ""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        if hint is not None:
            self.hint = hint

    def __str__(self) -> str:
        message = super().__str__()
        return f"{message} (hint: {self.hint})" if self.hint else message


class ConfigError(WirecheckError):
    code = "W001"
    hint = "check the settings file against the shipped defaults.toml"


class InputError(WirecheckError):
    code = "W100"
    hint = "fix or remove this input; the other inputs were analysed"


class EmptyInput(InputError):
    code = "W101"
    hint = "the file has no text; remove it or re-export it"


class BinaryInput(InputError):
    code = "W102"
    hint = "wirecheck reads text, HTML and JSON Lines; convert this file first"


class MalformedInput(InputError):
    code = "W103"


class TooLarge(InputError):
    code = "W104"
    hint = "raise [ingest] max_bytes in your settings if this file is really one article"


class PipelineError(WirecheckError):
    code = "W200"
    hint = "order the stages so that each one's requirements are provided before it"


class StoreError(WirecheckError):
    code = "W300"
    hint = "check that the store path is writable and is a wirecheck SQLite file"


class MissingDependency(WirecheckError):
    code = "W400"


def require(module: str, extra: str) -> None:
    """Fail early, with the install command, when an optional extra is missing."""
    import importlib.util

    if importlib.util.find_spec(module) is None:
        raise MissingDependency(
            f"the optional package {module!r} is not installed",
            hint=f"pip install 'wirecheck[{extra}]'",
        )
