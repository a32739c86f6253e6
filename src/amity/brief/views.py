"""The pre-meeting brief: one printable page about one person."""

from django.http import HttpResponse

from amity.people.actions import access_person
from amity.web import member_required


@member_required
def person_brief(request, pk):
    person = access_person(request.workspace, pk)
    return HttpResponse(f"Brief for #{person.pk}")  # placeholder until the brief lands
