from django.contrib.auth.models import AbstractUser


class User(AbstractUser):
    """A person who signs in to Amity (a member of one or more workspaces).

    Our own model from the first migration, so adding fields later (time
    zone, two-factor settings) needs no swap of the user model.
    """

    class Meta:
        db_table = "amity_user"
