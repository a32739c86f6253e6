"""The curated question bank: open questions, written for Amity, copied into each
workspace by ``actions.ensure_bank``.

Each entry has a stable ``key`` (never change or reuse one: it is how a
workspace knows it already has the question, even after the user edited or
retired it), the stage it fits ("" for any stage), its purpose, and the kind of
fact an answer usually becomes ("" when an answer is rarely kept as a fact).

Adding an entry here adds it to every workspace the next time the bank is read;
editing an entry's text here does not change workspaces that already have it.
"""

from typing import NamedTuple


class Curated(NamedTuple):
    key: str
    text: str
    stage: str
    purpose: str
    fact_kind: str


ANY = ""
KNOW, NEEDS, DEEPEN, REFLECT = "getting_to_know", "discovering_needs", "deepening", "reflecting"

CURATED: tuple[Curated, ...] = (
    # -- getting to know ---------------------------------------------------------------
    Curated("gtk-how-did-you-start", "How did you first find your way into the work you do now?",
            ANY, KNOW, "interest"),
    Curated("gtk-what-brought-you", "What brought you to this gathering in the first place?",
            "noticed", KNOW, "interest"),
    Curated("gtk-hoping-for-today", "What are you hoping to take away from today?",
            "noticed", KNOW, "goal"),
    Curated("gtk-good-week", "What does a good week look like for you these days?",
            "first_contact", KNOW, "interest"),
    Curated("gtk-your-place", "What do you love about the place where you live and work?",
            "first_contact", KNOW, "value"),
    Curated("gtk-away-from-work", "What do you like to spend time on when you are not working?",
            "listening", KNOW, "interest"),
    Curated("gtk-curious-about", "What are you curious about, or learning, at the moment?",
            "listening", KNOW, "interest"),
    Curated("gtk-proudest", "Which piece of your work are you proudest of so far?",
            "connected", KNOW, "value"),
    Curated("gtk-who-shaped-you", "Who has shaped the way you go about your work?",
            "rapport", KNOW, "value"),
    Curated("gtk-at-home-in", "Which groups or communities do you feel most at home in?",
            ANY, KNOW, "interest"),

    # -- discovering needs ---------------------------------------------------------------
    Curated("dn-meet-more-of", "What kind of people would you like to meet more of?",
            "noticed", NEEDS, "need"),
    Curated("dn-excited-about", "What are you working on right now that excites you most?",
            "first_contact", NEEDS, "goal"),
    Curated("dn-come-to-you-for", "What do people usually come to you for?",
            "first_contact", NEEDS, "offer"),
    Curated("dn-hardest-part", "What is the hardest part of that work at the moment?",
            "listening", NEEDS, "challenge"),
    Curated("dn-one-thing-easier", "If one thing about your work became easier tomorrow, "
                                   "what would you choose?",
            "listening", NEEDS, "need"),
    Curated("dn-hidden-skill", "What are you good at that you wish more people knew about?",
            "listening", NEEDS, "offer"),
    Curated("dn-trying-to-reach", "Is there someone you have been trying to reach without "
                                  "much luck?",
            "connected", NEEDS, "need"),
    Curated("dn-six-months", "Where would you like to be with this six months from now?",
            "connected", NEEDS, "goal"),
    Curated("dn-how-can-i-help", "Is there anything I could do, or anyone I could put you in "
                                 "touch with, that would help right now?",
            "connected", NEEDS, "need"),
    Curated("dn-stuck", "Where do you feel stuck or held back at the moment?",
            "rapport", NEEDS, "challenge"),
    Curated("dn-biggest-difference", "What would make the biggest difference to your project: "
                                     "people, money, time or know-how?",
            ANY, NEEDS, "need"),

    # -- deepening ---------------------------------------------------------------------
    Curated("dp-why-it-matters", "Why does this work matter to you personally?",
            "listening", DEEPEN, "value"),
    Curated("dp-energy", "What gives you energy in your work, and what wears you down?",
            "connected", DEEPEN, "value"),
    Curated("dp-changed-your-mind", "What have you changed your mind about in the last year "
                                    "or two?",
            "rapport", DEEPEN, "value"),
    Curated("dp-advice-to-yourself", "What would you tell someone starting out where you "
                                     "started?",
            "rapport", DEEPEN, "offer"),
    Curated("dp-free-year", "If you had a free year and the means, what would you build?",
            "rapport", DEEPEN, "goal"),
    Curated("dp-leave-behind", "What would you like your work to have left behind in ten "
                               "years' time?",
            "trusted", DEEPEN, "goal"),
    Curated("dp-worries", "What worries you about where things are heading?",
            "trusted", DEEPEN, "challenge"),
    Curated("dp-turn-to", "Who do you turn to when things get difficult?",
            "trusted", DEEPEN, ""),
    Curated("dp-team-strength", "What do you bring to a team that others tend not to?",
            "collaborating", DEEPEN, "offer"),
    Curated("dp-rather-not", "Is there anything you would rather not discuss, or not be "
                             "asked to do?",
            ANY, DEEPEN, "avoid"),

    # -- reflecting --------------------------------------------------------------------
    Curated("rf-what-stood-out", "What stood out for you from the session we were both at?",
            "noticed", REFLECT, "interest"),
    Curated("rf-still-the-priority", "Is what you were working on when we first met still "
                                     "your priority?",
            "connected", REFLECT, "goal"),
    Curated("rf-surprised-you", "What have you learned this year that surprised you?",
            "rapport", REFLECT, "interest"),
    Curated("rf-intros-useful", "Did the people I put you in touch with turn out to be "
                                "useful?",
            "trusted", REFLECT, "need"),
    Curated("rf-better-partner", "Is there something I could do better, as a partner or a "
                                 "friend?",
            "trusted", REFLECT, "need"),
    Curated("rf-worked-best", "Looking back at what we have done together, what worked best "
                              "for you?",
            "collaborating", REFLECT, "value"),
    Curated("rf-do-differently", "What would you do differently if we started over?",
            "collaborating", REFLECT, "challenge"),
    Curated("rf-next-together", "What should we take on together next?",
            "collaborating", REFLECT, "goal"),
    Curated("rf-since-we-spoke", "What has changed for you since we last spoke?",
            ANY, REFLECT, "goal"),
    Curated("rf-worth-celebrating", "What has happened recently that is worth celebrating?",
            ANY, REFLECT, "interest"),
)

BY_KEY = {q.key: q for q in CURATED}
