"""The question bank pages, and "asked — their answer" from a person's page or brief.

Each view: guard -> fetch (scoped) -> validate -> one action -> respond. Asking
answers an htmx request with the refreshed questions panel; without JavaScript
it redirects back (``next``) with a message.
"""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse

from amity.errors import Invalid
from amity.people.actions import access_person
from amity.questions import actions
from amity.questions.forms import AskForm, QuestionForm
from amity.questions.panels import panel_for
from amity.questions.queries import bank_by_purpose, retired_questions
from amity.web import apply_errors, member_required, post_only, safe_next


@member_required
def question_list(request):
    return render(request, "questions/list.html", {
        "groups": bank_by_purpose(request.workspace),
        "retired": retired_questions(request.workspace), "nav": "questions"})


def _form_page(request, form, question=None):
    return render(request, "questions/form.html",
                  {"form": form, "question": question, "nav": "questions"})


@member_required
def question_new(request):
    form = QuestionForm(request.POST or None,
                        initial={"purpose": request.GET.get("purpose", "")})
    if request.method == "POST" and form.is_valid():
        try:
            question = actions.create_question(request.workspace, **form.cleaned_data)
        except Invalid as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, f"Added to the bank: “{question.text}”")
            return redirect(reverse("questions:list") + f"#question-{question.pk}")
    return _form_page(request, form)


@member_required
def question_edit(request, pk):
    question = actions.access_question(request.workspace, pk)
    form = QuestionForm(request.POST or None, initial={
        "text": question.text, "purpose": question.purpose, "stage": question.stage,
        "fact_kind": question.fact_kind})
    if request.method == "POST" and form.is_valid():
        try:
            actions.update_question(request.workspace, question, **form.cleaned_data)
        except Invalid as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, "Question saved.")
            return redirect(reverse("questions:list") + f"#question-{question.pk}")
    return _form_page(request, form, question)


def _toggle(request, pk, act, done: str):
    question = actions.access_question(request.workspace, pk)
    if refused := post_only(request):
        return refused
    try:
        act(request.workspace, question)
    except Invalid as exc:
        messages.error(request, " ".join(exc.errors.values()))
    else:
        messages.success(request, f"{done}: “{question.text}”")
    return redirect(safe_next(request, reverse("questions:list")))


@member_required
def question_retire(request, pk):
    return _toggle(request, pk, actions.retire_question, "Retired")


@member_required
def question_restore(request, pk):
    return _toggle(request, pk, actions.restore_question, "Back in the bank")


@member_required
def question_ask(request):
    """POST person, question, answer, fact_kind: mark it asked and keep the answer."""
    form = AskForm(request.POST or None)
    form.is_valid()
    data = form.cleaned_data
    person = access_person(request.workspace, data.get("person"))
    question = actions.access_question(request.workspace, data.get("question"))
    if refused := post_only(request):
        return refused
    back = safe_next(request, reverse("people:detail", args=[person.pk]))
    error, flash = "", ""
    try:
        asked = actions.ask_question(request.workspace, person, question,
                                     answer=data.get("answer") or "",
                                     fact_kind=request.POST.get("fact_kind"))
    except Invalid as exc:
        error = " ".join(exc.errors.values())
    else:
        flash = _done_message(person, asked)
    if request.htmx:
        panel = panel_for(request.workspace, person, next_url=back, flash=flash,
                          failed={question.pk: (error, data)} if error else None)
        return render(request, "questions/_person_panel.html", {"panel": panel})
    if error:
        messages.error(request, error)
    else:
        messages.success(request, flash)
    return redirect(back)


def _done_message(person, asked) -> str:
    if asked.fact is not None:
        return (f"Asked {person.display_name}; noted as {asked.fact.get_kind_display().lower()}: "
                f"“{asked.fact.text}”.")
    return f"Marked as asked of {person.display_name}."
