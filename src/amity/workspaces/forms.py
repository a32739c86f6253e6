from django import forms


class TokenForm(forms.Form):
    name = forms.CharField(label="Token name", max_length=100,
                           help_text="What will use it, e.g. “phone sync” or “backup script”.")
