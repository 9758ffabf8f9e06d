from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.models import User
from django.contrib.auth.password_validation import validate_password

from sendplan.accounts.models import Role


class MemberForm(forms.Form):
    """Give someone a role in the area, creating their account if they have none."""

    username = forms.CharField(
        max_length=150,
        error_messages={"required": "Enter a username"},
        help_text="If the person has no account yet, one is created",
    )
    role = forms.ChoiceField(
        choices=Role.choices, widget=forms.RadioSelect, error_messages={"required": "Select a role"}
    )
    first_name = forms.CharField(max_length=150, required=False, help_text="For a new account")
    last_name = forms.CharField(max_length=150, required=False, help_text="For a new account")
    email = forms.EmailField(
        required=False, error_messages={"invalid": "Enter an email address like name@example.org"}
    )
    password = forms.CharField(
        required=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text="For a new account: at least 8 characters, not a common password",
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        username = cleaned.get("username", "")
        self.existing = User.objects.filter(username__iexact=username).first()
        if username and self.existing is None:
            password = cleaned.get("password", "")
            if not password:
                self.add_error("password", "Enter a password for the new account")
            else:
                try:
                    validate_password(password, User(username=username))
                except forms.ValidationError as error:
                    self.add_error("password", error)
        return cleaned
