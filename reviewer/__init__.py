"""reviewer — offline review assistant for government-information-disclosure requests (政府信息公开)."""

__version__ = "0.1.0"
