"""The words of the relationship craft in a demo network: who knows whom, what
was given and asked, introductions, initiatives, events and goals.

Plain tuples, like ``vocabulary``. ``{first}`` is the person's first name,
``{other}`` the other person's in an introduction. Topics name the entries of
``vocabulary.NEEDS_AND_OFFERS``, so an initiative's needs, a goal and the
people who can help share their words.
"""

# -- who knows whom ----------------------------------------------------------------

# (kind, strength, notes) for two people of the same organisation, of the same
# neighbourhood, or met some other way.
COLLEAGUES = (
    ("colleagues", 2, ""), ("colleagues", 2, "Share an office two days a week."),
    ("colleagues", 3, "Have worked side by side for years."), ("partners", 2, ""),
    ("colleagues", 1, "Same organisation, different teams."),
    ("partners", 2, "Run the volunteer rota together."),
)
NEIGHBOURS = (
    ("knows", 2, ""), ("knows", 1, "Neighbours; say hello at the market."),
    ("friends", 3, ""), ("friends", 3, "Old friends from the allotments."),
    ("knows", 2, "Both on the residents' association."), ("family", 3, "Cousins."),
)
ELSEWHERE = (
    ("knows", 1, ""), ("knows", 2, "Met at a coalition meeting."),
    ("mentor", 2, "Mentored through the organisers' fellowship."),
    ("friends", 2, "Play in the same five-a-side team."), ("partners", 2, ""),
)

# -- the give-first ledger ------------------------------------------------------------

# (kind, what you gave them)
GIVES = (
    ("information", "Shared the funder list with {first}"),
    ("information", "Sent {first} the tenants' rights guide"),
    ("help", "Lent {first} the folding tables for the assembly"),
    ("support", "Wrote a letter of support for {first}'s grant"),
    ("help", "Covered {first}'s shift at the pantry"),
    ("information", "Sent {first} the council's budget papers"),
    ("information", "Passed the soil study on to {first}"),
    ("appreciation", "Thanked {first} for the Saturday deliveries"),
    ("help", "Helped {first} lay out the newsletter"),
    ("support", "Spoke up for {first}'s proposal at the coalition meeting"),
    ("appreciation", "Sent {first} a card after the hearing"),
)
# (kind, what they gave you)
RECEIVED = (
    ("information", "{first} shared the list of vacant lots"),
    ("help", "{first} lent us the van for the festival"),
    ("support", "{first} put in a good word with the foundation"),
    ("help", "{first} translated the flyers overnight"),
    ("appreciation", "{first} sent a thank-you note after the workshop"),
    ("information", "{first} tipped us off about the zoning change"),
    ("help", "{first} ran the sign-in table at the assembly"),
    ("support", "{first} signed the coalition's letter to the council"),
)
ASKS_MADE = (  # you asked them
    "Asked {first} for a letter of support", "Asked {first} to speak at the hearing",
    "Asked {first} to share the volunteer call", "Asked {first} for the warehouse keys",
    "Asked {first} to review the grant budget",
)
ASKS_RECEIVED = (  # they asked you
    "{first} asked for help finding a housing lawyer", "{first} asked to borrow the meeting room",
    "{first} asked for an introduction to the land trust",
    "{first} asked for advice on the board dispute", "{first} asked for the funder list",
)

# -- introductions --------------------------------------------------------------------

ASKED_NOTES = ("Sent a short note to ask.", "Asked over coffee.", "Asked by phone.", "")
AGREED_NOTES = ("Happy to meet.", "Said yes straight away.", "Keen, but busy until next week.", "")
INTRODUCED_NOTES = ("Sent the introduction email to both.", "Introduced them in a group message.",
                    "Introduced them at the coalition meeting.")
DECLINED_NOTES = ("{first} is stretched thin this season.",
                  "{first} would rather wait until spring.",
                  "{first} does not have the time at the moment.",
                  "{first} is already helping another group with this.")
DECLINED_STEP = "Declined by {name}. {note}"
OUTCOME_STEP = "Outcome: {outcome}. {note}"
OUTCOME_NOTES = {
    "met": ("They met for coffee and are talking again next month.",
            "They met at the pantry and got on well."),
    "helped": ("{other} helped: the application went in on time.",
               "It worked: they sorted it out together in a week."),
    "nothing": ("They spoke once; nothing came of it.",
                "Timing was wrong; they may pick it up later."),
}
THANKED_FOR_INTRO = "{first} thanked me for the introduction to {other}"
INTRODUCED_ENTRY = "Introduced to {other}"  # as the connector's action words it
# The drafted introduction: both names and what each can do for the other.
INTRO_MESSAGE = (
    "{a} and {b}, I'd like you to meet. {a} is looking for {need}, and {b} {offer}. "
    "{shared}I think you'd have a lot to talk about; I'll leave it with you both."
)
SHARED_LINE = "You both care about {interest}. "

# -- initiatives ----------------------------------------------------------------------

# (name, kind, status, starts (days from today), ends or None, description,
#  needs: ((kind, text), ...), roles, topics from NEEDS_AND_OFFERS)
INITIATIVES = (
    ("North Side Pantry Coalition", "coalition", "active", -140, None,
     "Food bank, tenants' union and faith groups opening a second pantry on the north side, "
     "with fresh produce from the youth farm and deliveries for people who cannot travel.",
     (("skill", "grant writing for the pantry's first year"),
      ("skill", "drivers for Saturday deliveries"), ("role", "volunteer coordinator"),
      ("interest", "food sovereignty"), ("skill", "cold storage space")),
     ("Co-chair", "Grant lead", "Delivery driver", "Volunteer coordinator", "Treasurer"),
     ("grants", "deliveries", "storage", "foundations")),
    ("Tenant Protections Working Group", "working_group", "active", -210, 150,
     "A monthly working group drafting the coalition's housing asks and supporting tenants "
     "who face eviction, with legal clinics and translated materials.",
     (("skill", "housing law"), ("role", "note-taker for the monthly meeting"),
      ("interest", "tenants' right to organise"),
      ("skill", "translating flyers into Vietnamese and Spanish")),
     ("Convenor", "Legal adviser", "Note-taker", "Translator", "Member"),
     ("housing law", "translation", "childcare")),
    ("Just-Cause Eviction Campaign", "campaign", "planning", 21, 240,
     "A campaign for a just-cause eviction ordinance: tenants' stories, a council hearing "
     "and a coalition letter.",
     (("role", "spokesperson at the council hearing"), ("skill", "press coverage"),
      ("skill", "contacts in the council's planning office"),
      ("interest", "transparency in public budgets")),
     ("Campaign lead", "Spokesperson", "Press contact", "Researcher"),
     ("press", "council", "data")),
    ("Harvest Festival", "event", "planning", 52, 52,
     "The coalition's harvest festival in the park: stalls from every partner, a seed swap, "
     "composting demonstrations and food for everyone.",
     (("skill", "a van for the harvest festival"), ("role", "stall coordinator"),
      ("skill", "composting workshops"), ("interest", "community gardening")),
     ("Festival lead", "Stall coordinator", "Workshop host", "Volunteer"),
     ("van", "composting", "seedlings", "meeting space")),
    ("Winter Coat and Blanket Drive", "project", "closed", -330, -230,
     "Collected and handed out coats and blankets at four drop-off points over the winter.",
     (("role", "drop-off point host"), ("skill", "storage space for donations")),
     ("Organiser", "Drop-off host", "Volunteer"),
     ("storage", "deliveries")),
)
INVITATION_MESSAGE = (
    "Dear {first}, {remember} I'd love you to be part of the {initiative}. {description} "
    "{fit} Would you like to join us? I'd be glad to talk it over first."
)
REMEMBER = ("you told me you care about {interest}, and I thought of you first.",
            "ever since we talked about {interest}, I've meant to ask you this.")
REMEMBER_NOTHING = "I've been meaning to ask you this since we last spoke."
FIT_OFFER = "You {offer}, which is just what we are missing."
FIT_INTEREST = "It is close to what you care about, and you'd be among friends."
# One bland draft on purpose: the specificity check should warn about it.
BLAND_INVITATION = "Hi, we are starting something new and would love to have you. Interested?"
# As the initiatives' actions word them: the ledger entry and the follow-up of a sent one.
INVITATION_ENTRY = "Invited to {initiative}"
INVITATION_FOLLOW_UP = "No answer yet from {name} about {initiative}?"
INVITATION_REASON = "{first} has been in touch regularly and knows the coalition's work"

# -- events -----------------------------------------------------------------------------

# (name, kind, starts (days from today), days long, place, url, notes)
EVENTS = (
    ("Neighbourhood Food Forum", "meetup", -5, 1, "Eastgate Library, community room", "",
     "Open evening on the north side pantry: who needs food, who can help."),
    ("Housing Justice Teach-in", "meetup", -38, 1, "Bell Street Community Hall", "",
     "Legal clinic in the morning, organising workshop in the afternoon."),
    ("Community Land Trust Convening", "conference", -120, 2,
     "Riverside University conference centre", "https://landtrusts.example.org/convening",
     ""),
    ("Mutual aid organisers' call", "online", 3, 1, "",
     "https://meet.example.org/mutual-aid", "Monthly call for the mutual aid networks."),
    ("Spring Seed Swap", "meetup", 12, 1, "Stonebridge Seed Library", "",
     "Bring seeds, take seeds; seedlings for the youth farm."),
    ("Regional Food Systems Conference", "conference", 33, 3, "Harbourside Convention Centre",
     "https://foodsystems.example.org", "Panel on community land trusts on the second day."),
)
RECENT_EVENT = 0  # the event of the past week, with new people met there
MET_NOTES = ("Talked about the pantry's cold storage.", "Wants to help with the seed swap.",
             "Asked about the tenants' legal clinic.", "", "", "")
EVENT_CONVERSATION = ("Met {first} at the {event}",
                      "Talked with {first} at the {event} about what they're working on.")
EVENT_FOLLOW_UP = "Follow up with {first} after the {event}"

# -- goals and focus ----------------------------------------------------------------------

# (title, description, status, due (days from today), topics)
GOALS = (
    ("Funding for the spring programme",
     "Grants and gifts for the spring food programme: a grant writer, family foundations "
     "and the community foundation.", "active", 75, ("grants", "foundations")),
    ("A second pantry on the north side",
     "Space, cold storage, a van and drivers for a second pantry by next winter.",
     "active", 240, ("storage", "van", "deliveries")),
    ("A just-cause eviction ordinance",
     "Housing lawyers, council contacts and press coverage behind a just-cause ordinance.",
     "active", 300, ("housing law", "council", "press")),
    ("Launch the seed library",
     "Seeds, seedlings and storage space for a lending seed library.", "achieved", -60,
     ("seedlings", "storage")),
)
FOCUS_OFFER = "An introduction to {other}, who {offer}"
FOCUS_FALLBACK = ("The funder list and an hour on their grant", "A slot at the coalition meeting",
                  "A letter of support for their proposal")
