"""Views of the processes app."""
