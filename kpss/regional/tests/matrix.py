"""The regional app's rows of the role matrix (kpss/core/tests/test_role_matrix.py)."""

URLS = {}
RULES = {}
MODELS = []


def extend(world):
    pass
