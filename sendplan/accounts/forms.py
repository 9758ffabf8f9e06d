"""Forms for people, invitations and passwords. They validate and convert; services write."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import forms as auth_forms
from django.contrib.auth.models import User

from sendplan.accounts import selectors, services
from sendplan.accounts.models import ROLE_HINTS, Role
from sendplan.accounts.two_factor import normalise_recovery_code
from sendplan.lib.widgets import HintedRadioSelect
from sendplan.plans.forms import StaleCheckForm
from sendplan.plans.models import Person

EMAIL_ERRORS = {
    "required": "Enter an email address",
    "invalid": "Enter an email address in the correct format, like name@example.org",
    "max_length": "Email address must be 150 characters or fewer",
}


def person_label(person: Person) -> str:
    role = f", {person.role}" if person.name and person.role else ""
    return f"{person.display_name}{role} ({person.key}) in {person.plan.title}"


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Person) -> str:  # type: ignore[override]
        return person_label(obj)


class InvitationForm(forms.Form):
    email = forms.EmailField(
        label="Email address",
        max_length=150,
        help_text="The invitation is sent here. It is also the username they sign in with.",
        error_messages=EMAIL_ERRORS,
        widget=forms.EmailInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    role = forms.ChoiceField(
        choices=Role.choices,
        widget=HintedRadioSelect(hints={str(role): hint for role, hint in ROLE_HINTS.items()}),
        error_messages={"required": "Select a role"},
    )
    person = PersonChoiceField(
        label="Are they named in one of the area's plans?",
        queryset=Person.objects.none(),
        required=False,
        empty_label="No, or not yet",
        help_text="Their account is linked to the person you choose, so that the actions they "
        "lead are theirs to update and they are reminded about them",
        error_messages={"invalid_choice": "Select a person who is not yet linked to an account"},
    )

    def __init__(self, *args: Any, area_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        person = self.fields["person"]
        assert isinstance(person, PersonChoiceField)
        person.queryset = (
            Person.objects.filter(plan__area_id=area_id, user__isnull=True)
            .select_related("plan")
            .order_by("plan__title", "position", "pk")
        )


NO_ACCOUNT = "none"


class PersonAccountForm(StaleCheckForm):
    """Which account is a plan's person: one with a role in the area, or none."""

    account = forms.ChoiceField(
        widget=HintedRadioSelect, error_messages={"required": "Select an account"}
    )

    def __init__(self, *args: Any, accounts: dict[User, list[str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.accounts = {str(user.pk): user for user in accounts}
        choices = [(str(user.pk), user.get_full_name() or user.get_username()) for user in accounts]
        hints = {
            str(user.pk): f"{user.get_username()}: {', '.join(roles)}"
            for user, roles in accounts.items()
        }
        field = self.fields["account"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [*choices, (NO_ACCOUNT, "No account")]
        field.widget = HintedRadioSelect(hints=hints, choices=field.choices)

    def chosen(self) -> User | None:
        return self.accounts.get(self.cleaned_data["account"])


class SignInForm(auth_forms.AuthenticationForm):
    """Django's sign-in, by username or email address in any case (invitations make the
    address the username, and people type it as they write it)."""

    def clean_username(self) -> str:
        return selectors.sign_in_username(self.cleaned_data["username"])


def govuk_password_fields(form: auth_forms.SetPasswordForm) -> None:
    """GOV.UK labels and messages for Django's pair of new-password fields."""
    first, second = form.fields["new_password1"], form.fields["new_password2"]
    first.label = "New password"
    first.help_text = (
        "At least 8 characters. Not a common password, or one like your name or email."
    )
    first.error_messages["required"] = "Enter a new password"
    second.label = "Confirm new password"
    second.help_text = ""
    second.error_messages["required"] = "Confirm your new password"
    form.error_messages = {**form.error_messages, "password_mismatch": "The passwords do not match"}


class InvitationAcceptForm(auth_forms.SetPasswordForm):
    """Django's own check of a new password against its validators, for the account the
    invitation will create or reuse. The service sets the password."""

    def __init__(self, user: User, *args: Any, **kwargs: Any) -> None:
        super().__init__(user, *args, **kwargs)
        govuk_password_fields(self)
        self.fields["new_password1"].label = "Create a password"
        self.fields["new_password1"].error_messages["required"] = "Enter a password"
        self.fields["new_password2"].label = "Confirm your password"
        self.fields["new_password2"].error_messages["required"] = "Confirm your password"


class PasswordResetForm(auth_forms.PasswordResetForm):
    email = forms.EmailField(
        label="Email address",
        max_length=254,
        error_messages={**EMAIL_ERRORS, "max_length": "Enter a shorter email address"},
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )


class SetPasswordForm(auth_forms.SetPasswordForm):
    """Setting a new password from a reset link: written, and audited, by the service."""

    def __init__(self, user: User, *args: Any, **kwargs: Any) -> None:
        super().__init__(user, *args, **kwargs)
        govuk_password_fields(self)

    def save(self, commit: bool = True) -> User:
        return services.user_password_set(
            actor=self.user,
            user=self.user,
            password=self.cleaned_data["new_password1"],
            note="Reset by email",
        )


class PasswordChangeForm(auth_forms.PasswordChangeForm):
    def __init__(self, user: User, *args: Any, **kwargs: Any) -> None:
        super().__init__(user, *args, **kwargs)
        govuk_password_fields(self)
        old = self.fields["old_password"]
        old.label = "Current password"
        old.error_messages["required"] = "Enter your current password"
        self.error_messages = {
            **self.error_messages,
            "password_incorrect": "Your current password is incorrect",
        }

    def save(self, commit: bool = True) -> User:
        return services.user_password_set(
            actor=self.user,
            user=self.user,
            password=self.cleaned_data["new_password1"],
            note="Changed by its owner",
        )


# Two-factor authentication

# GOV.UK's pattern for security codes: numbers only, filled in from the phone where it can.
ONE_TIME_CODE = {
    "autocomplete": "one-time-code",
    "inputmode": "numeric",
    "spellcheck": "false",
    "autocapitalize": "none",
    "class": "govuk-input--width-5",
}


class AppCodeForm(forms.Form):
    """A code from an authenticator app: six digits, spaces allowed."""

    code = forms.CharField(
        label="Code from your authenticator app",
        help_text="The 6-digit code the app shows now. It changes every 30 seconds.",
        max_length=20,
        error_messages={"required": "Enter the code from your authenticator app"},
        widget=forms.TextInput(attrs=ONE_TIME_CODE),
    )

    def clean_code(self) -> str:
        code = "".join(self.cleaned_data["code"].split())
        if not (code.isascii() and code.isdigit() and len(code) == 6):
            raise forms.ValidationError("Enter the code as 6 numbers", code="invalid")
        return code


class RecoveryCodeForm(forms.Form):
    code = forms.CharField(
        label="Recovery code",
        help_text="One of the codes you saved when you set up two-factor authentication. "
        "Each code works once.",
        max_length=40,
        error_messages={"required": "Enter a recovery code"},
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "spellcheck": "false", "autocapitalize": "none"}
        ),
    )

    def clean_code(self) -> str:
        code = normalise_recovery_code(self.cleaned_data["code"])
        if len(code) != 8:
            raise forms.ValidationError(
                "Enter the recovery code as it was shown: 8 letters and numbers", code="invalid"
            )
        return code
