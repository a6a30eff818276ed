"""Opening the data a command works on, as its environment names it."""

from __future__ import annotations

from targets.environment import Environment

from .cache import Cache
from .catalog import Catalog, open_catalog_at


def open_catalog(env: Environment) -> Catalog:
    """The data set as it is, problems and all."""
    return open_catalog_at(env.data.path, Cache(env.cache_dir, env.cache_max_bytes), env.today)


def open_data(env: Environment) -> Catalog:
    """The data set, its root checked: an invalid root is an error (exit 1); invalid
    documents it includes are left out by the views (which say so)."""
    catalog = open_catalog(env)
    root = catalog.documents[0]
    if root.name in catalog.invalid():
        catalog.require_valid(root)
    return catalog
