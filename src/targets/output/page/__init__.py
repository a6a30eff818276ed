"""The publishable status report (`targets report`), as Markdown or one HTML page.

Both lead with what matters: the counts, then the measured targets that need attention
(missed, overdue, behind), then those achieved; then each district and category, measured
targets first, qualitative commitments compactly after them. Both are built from the
`detail` rows of the targets, and every piece of data text goes through `safe`.
"""

from __future__ import annotations

from .html import html_page
from .markdown import markdown_page, markdown_target

__all__ = ["html_page", "markdown_page", "markdown_target"]
