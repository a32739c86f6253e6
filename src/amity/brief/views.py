"""The pre-meeting brief: one printable page about one person."""

from django.shortcuts import render
from django.urls import reverse

from amity.brief.queries import build_brief
from amity.people.actions import access_person
from amity.questions.panels import panel_for
from amity.web import member_required


@member_required
def person_brief(request, pk):
    person = access_person(request.workspace, pk)
    brief = build_brief(request.workspace, person)
    # The questions section is the questions panel itself, fed with the brief's
    # own suggestions, so "asked — their answer" works here as on the person page.
    questions = panel_for(request.workspace, person, suggestions=brief.suggested_questions,
                          asked=brief.asked_before,
                          next_url=reverse("brief:person", args=[person.pk]))
    return render(request, "brief/brief.html",
                  {"brief": brief, "person": person, "panel": questions, "nav": "people"})
