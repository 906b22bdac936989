"""Local web application: ``reviewer serve``."""
