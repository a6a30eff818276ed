"""targets: track the targets local governments pledge in their annual work reports."""

__version__ = "0.1.0"
