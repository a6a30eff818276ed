"""Words people read, in Chinese and English: categories and statuses.

Category slugs are the data's own; a slug with no label here is shown as it is.
"""

from __future__ import annotations

CATEGORY_LABELS: dict[str, tuple[str, str]] = {
    "childcare": ("托育", "Childcare"),
    "culture": ("文化", "Culture"),
    "development": ("发展", "Development"),
    "education": ("教育", "Education"),
    "employment": ("就业", "Jobs"),
    "environment": ("生态环境", "Environment"),
    "finance": ("财政金融", "Public finance"),
    "governance": ("治理", "Governance"),
    "growth": ("经济增长", "Economic growth"),
    "health": ("卫生健康", "Health"),
    "housing": ("住房", "Housing"),
    "industry": ("产业", "Industry"),
    "infrastructure": ("基础设施", "Infrastructure"),
    "innovation": ("科技创新", "Innovation"),
    "investment": ("投资", "Investment"),
    "livelihood": ("民生", "Livelihood"),
    "parks": ("公园绿地", "Parks and greenways"),
    "schools": ("学校", "Schools"),
    "talent": ("人才", "Talent"),
    "transport": ("交通", "Transport"),
    "urban-renewal": ("城市更新", "Urban renewal"),
}

STATUS_LABELS: dict[str, tuple[str, str]] = {
    "achieved": ("已实现", "achieved"),
    "achieved_late": ("逾期实现", "achieved late"),
    "on_track": ("进度正常", "on track"),
    "behind": ("进度滞后", "behind"),
    "not_started": ("尚无记录", "not started"),
    "missed": ("未实现", "missed"),
    "overdue": ("到期无数据", "overdue, no data"),
    "unmeasured": ("定性承诺", "unmeasured"),
}


def category_label(slug: str, lang: str) -> str:
    """A category as a reader of `lang` ("zh" or "en") reads it."""
    labels = CATEGORY_LABELS.get(slug)
    return labels[1 if lang == "en" else 0] if labels else slug


def status_label(status: str, lang: str) -> str:
    labels = STATUS_LABELS.get(status)
    return labels[1 if lang == "en" else 0] if labels else status
