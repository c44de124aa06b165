"""How views refuse: anonymous visitors are sent to log in; a signed-in user without the right gets 403."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied


def refuse(request):
    if request.user.is_authenticated:
        raise PermissionDenied
    return redirect_to_login(request.get_full_path())


def object_view(load, permission=None, key="pk"):
    """Load the view's object with ``load(kwargs.pop(key))`` (a 404 when missing) and run the view
    with it, only when the user holds ``permission`` on it (``None``: everyone may)."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, **kwargs):
            obj = load(kwargs.pop(key))
            if permission and not request.user.has_perm(permission, obj):
                return refuse(request)
            return view(request, obj, **kwargs)

        return wrapped

    return decorator
