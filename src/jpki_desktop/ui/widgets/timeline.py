"""A timeline picture for one certificate or the card: issue, renewal opening, the expiry
notice window, expiry, and today."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ...validity.expiry import Timeline
from ..theme import Tone, tone_background, tone_color


class TimelineView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.timeline: Timeline | None = None
        self.today: dt.date | None = None
        self.labels: dict[str, str] = {}
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_timeline(
        self, timeline: Timeline | None, today: dt.date, labels: dict[str, str]
    ) -> None:
        """`labels`: translated words for "issued", "renewal", "notice", "expires", "today"."""
        self.timeline, self.today, self.labels = timeline, today, labels
        self.setVisible(timeline is not None and timeline.expires is not None)
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        h = self.fontMetrics().height()
        return QSize(400, int(h * 5.5))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(200, self.sizeHint().height())

    def _span(self) -> tuple[dt.date, dt.date]:
        t = self.timeline
        assert t is not None and t.expires is not None
        start = t.issued or (t.renewal_from or t.expires) - dt.timedelta(days=365)
        end = t.expires + dt.timedelta(days=max(30, (t.expires - start).days // 12))
        if self.today is not None:
            start = min(start, self.today - dt.timedelta(days=10))
            end = max(end, self.today + dt.timedelta(days=10))
        return start, end

    def _x(self, day: dt.date) -> float:
        fm = self.fontMetrics()
        margin = fm.horizontalAdvance("0000-00-00") / 2 + 4
        left, right = margin, self.width() - margin
        start, end = self._span()
        return left + (right - left) * (day - start).days / max(1, (end - start).days)

    def today_geometry(self) -> tuple[QRectF, float, float]:
        """Where 今日 is written and where its dashed marker runs: the caption sits above the
        marker, never on it."""
        assert self.today is not None
        fm = self.fontMetrics()
        lh = fm.height()
        axis_y = lh * 1.6
        px = self._x(self.today)
        w = fm.horizontalAdvance(self.labels.get("today", ""))
        caption = QRectF(min(max(px - w / 2, 0), self.width() - w), 0, w + 2, lh)
        return caption, caption.bottom() + lh * 0.1, axis_y + lh * 0.6

    def paintEvent(self, event) -> None:  # noqa: N802, ANN001
        t = self.timeline
        if t is None or t.expires is None:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = self.fontMetrics()
        lh = fm.height()
        margin = fm.horizontalAdvance("0000-00-00") / 2 + 4
        left, right = margin, self.width() - margin
        axis_y = lh * 1.6
        start, end = self._span()
        days = max(1, (end - start).days)

        def x(day: dt.date) -> float:
            return left + (right - left) * (day - start).days / days

        text = self.palette().color(self.foregroundRole())
        # bands: notice window, renewal window
        if t.notice_from and t.notice_until:
            r = QRectF(
                QPointF(x(t.notice_from), axis_y - lh * 0.5),
                QPointF(x(t.notice_until), axis_y + lh * 0.5),
            )
            p.fillRect(r, tone_background(self, Tone.INFO))
        if t.renewal_from:
            r = QRectF(
                QPointF(x(t.renewal_from), axis_y - lh * 0.25),
                QPointF(x(t.expires), axis_y + lh * 0.25),
            )
            p.fillRect(r, tone_color(self, Tone.WARN))
        pen = QPen(text)
        pen.setWidthF(max(1.0, lh / 10))
        p.setPen(pen)
        p.drawLine(QPointF(left, axis_y), QPointF(right, axis_y))

        def marker(day: dt.date, color: QColor, label: str, row: int) -> None:
            px = x(day)
            pen = QPen(color)
            pen.setWidthF(max(2.0, lh / 6))
            p.setPen(pen)
            p.drawLine(QPointF(px, axis_y - lh * 0.6), QPointF(px, axis_y + lh * 0.6))
            p.setPen(QPen(color))
            caption = f"{label} {day.isoformat()}"
            w = fm.horizontalAdvance(caption)
            tx = min(max(px - w / 2, 0), self.width() - w)
            y = axis_y + lh * (1.0 + row)
            p.drawText(QRectF(tx, y, w + 2, lh), Qt.AlignmentFlag.AlignLeft, caption)

        rows = 0
        if t.issued:
            marker(t.issued, text, self.labels.get("issued", ""), 0)
        if t.renewal_from:
            marker(t.renewal_from, tone_color(self, Tone.WARN), self.labels.get("renewal", ""), 1)
            rows = 1
        marker(
            t.expires,
            tone_color(self, Tone.DANGER),
            self.labels.get("expires", ""),
            2 if rows else 1,
        )
        if self.today is not None:
            caption_rect, line_top, line_bottom = self.today_geometry()
            color = tone_color(self, Tone.INFO)
            pen = QPen(color)
            pen.setWidthF(max(2.0, lh / 6))
            pen.setStyle(Qt.PenStyle.DashLine)
            p.setPen(pen)
            px = x(self.today)
            p.drawLine(QPointF(px, line_top), QPointF(px, line_bottom))
            p.drawText(caption_rect, Qt.AlignmentFlag.AlignLeft, self.labels.get("today", ""))
        p.end()
