"""Views of the meetings app."""
