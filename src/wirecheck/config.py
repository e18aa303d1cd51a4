"""Settings: the shipped ``defaults.toml`` with partial overrides from a user file or dict."""

from __future__ import annotations

import tomllib
from copy import deepcopy
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import ConfigError


@dataclass(frozen=True)
class Settings:
    data: dict[str, dict[str, Any]]

    def __getitem__(self, section: str) -> dict[str, Any]:
        return self.data[section]

    def with_overrides(self, overrides: dict[str, dict[str, Any]]) -> Settings:
        merged = deepcopy(self.data)
        for section, values in overrides.items():
            if section not in merged:
                raise ConfigError(f"unknown settings section [{section}]")
            for key, value in values.items():
                if key not in merged[section]:
                    raise ConfigError(f"unknown setting {section}.{key}")
                if type(value) is not type(merged[section][key]) and not (
                    isinstance(value, int) and isinstance(merged[section][key], float)
                ):
                    raise ConfigError(
                        f"setting {section}.{key} must be {type(merged[section][key]).__name__}"
                    )
                merged[section][key] = value
        return Settings(merged)


def load_settings(path: str | Path | None = None, **overrides: dict[str, Any]) -> Settings:
    text = resources.files("wirecheck").joinpath("defaults.toml").read_text("utf-8")
    settings = Settings(tomllib.loads(text))
    if path is not None:
        try:
            user = tomllib.loads(Path(path).read_text("utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"cannot read settings file {path}: {exc}") from exc
        settings = settings.with_overrides(user)
    return settings.with_overrides(overrides) if overrides else settings
