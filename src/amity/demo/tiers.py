"""Journey tiers: how far along the Relationship Journey each demo person's
evidence is planned to take them, and the evidence each tier gets.

The numbers follow the rules in ``journey.rules`` (two facts make a listener,
contact both ways makes a connection, three recent weeks and a gift make
rapport, conversations they start, a gift or an ask from them, a shared need
and two recent months make trust), so the stage derived from a demo person's
record is the tier they were planned at, or collaborating when they work with
you on an initiative or an introduction that helped.
"""

# Journey tiers, in the order of the stages they are planned to reach.
NOTICED, FIRST, LISTENING, CONNECTED, RAPPORT, TRUSTED = range(6)
# Out of 100 people (collaborators come from the top two, by working together).
TIER_DRAW = ((NOTICED,) * 5 + (FIRST,) * 8 + (LISTENING,) * 14 + (CONNECTED,) * 30
             + (RAPPORT,) * 28 + (TRUSTED,) * 15)
# From this many people on, each tier has at least this many people, so that a
# small demo shows every stage and the craft has people to work with.
TIER_MINIMUM_FROM = 40
TIER_MINIMUM = {NOTICED: 2, FIRST: 5, LISTENING: 3, CONNECTED: 4, RAPPORT: 6, TRUSTED: 8}
NEW_AT_EVENT = 3  # first-contact people first met at the past week's event
# Facts per tier: at least, and up to this many more (two make a listener).
FACT_COUNTS = ((0, 3), (0, 2), (2, 2), (2, 3), (3, 3), (4, 3))
WHAT_MATTERS = ("need", "goal", "interest", "challenge")
SHARED_OPENLY = ("need", "challenge")

# Who started a conversation, by code (Plan.conv_init).
INITIATED_BY = ("", "me", "them", "mutual")
_, ME, THEM, MUTUAL = range(4)
# For the conversations after the first two, by tier: listening people have
# never started one (contact has not gone both ways yet); trusted people
# come to you most of the time.
LATER_STARTS = {
    LISTENING: (ME,) * 3 + (0,),
    CONNECTED: (ME,) * 4 + (THEM,) * 3 + (MUTUAL,) * 2 + (0,) * 2,
    RAPPORT: (ME,) * 4 + (THEM,) * 3 + (MUTUAL,) * 3 + (0,),
    TRUSTED: (ME,) * 2 + (THEM,) * 6 + (MUTUAL,) * 2 + (0,),
}
# The latest two conversations, so that contact surely went both ways (or not).
FIRST_STARTS = {FIRST: (ME, ME), LISTENING: (ME, ME), CONNECTED: (THEM, ME),
                RAPPORT: (THEM, ME), TRUSTED: (THEM, THEM)}
# Rapport and trust need recent contact: the latest conversation at most this
# many days ago, and more in different weeks (and months) of the past 91 days.
RECENT_CAP = {RAPPORT: 55, TRUSTED: 45}
RECENT_WEEKS = {RAPPORT: (7, 14), TRUSTED: (7, 14, 21, 35)}
