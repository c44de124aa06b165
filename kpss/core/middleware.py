from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_vary_headers


class CzechFirstLocaleMiddleware:
    """Czech unless the visitor chose another language with the switch (stored in a cookie).

    Unlike Django's LocaleMiddleware it ignores the browser's Accept-Language: a Czech public
    body's site speaks Czech to everyone first, and English only to whoever asks for it.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.languages = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if language not in self.languages:
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        patch_vary_headers(response, ["Cookie"])
        return response
