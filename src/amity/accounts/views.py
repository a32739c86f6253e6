"""First-run setup, sign in and sign out."""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.views import LoginView, LogoutView
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from amity.accounts.forms import SetupForm
from amity.errors import Invalid
from amity.web import apply_errors
from amity.workspaces.actions import create_first_account, needs_setup


@never_cache
def setup(request):
    """The very first visit makes the owner's account; after that, sign in."""
    if not needs_setup():
        return redirect("accounts:login")
    form = SetupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = create_first_account(data["username"], data["password"], data["email"])
        except Invalid as exc:
            apply_errors(form, exc)
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, "Welcome to Amity. Start by adding the people who matter.")
            return redirect("agenda:home")
    return render(request, "accounts/setup.html", {"form": form})


class SignInView(LoginView):
    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        return super().get_context_data(needs_setup=needs_setup(), **kwargs)


sign_in = SignInView.as_view()
sign_out = LogoutView.as_view()
