"""leibniz: calculus for AI (spec/interfaces.md section 7)."""
from leibniz._leibniz import *  # noqa: F401,F403
