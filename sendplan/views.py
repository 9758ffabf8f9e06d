from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A stale or forged form: say so plainly instead of Django's technical page."""
    return render(request, "403_csrf.html", status=403)
