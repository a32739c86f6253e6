"""The words a demo network is made of: names from several cultures, the
organisations of a food-justice coalition, and notes that read like real ones.

Every pool is a plain tuple so the generator can pick with one random number.
Phone numbers come from ranges that reach no one (area code 555 is unassigned
in North America; the UK and Australian ranges are the regulators' drama ranges);
e-mail domains are example.org and example.net only.
"""

# (given names with a pronoun hint, family names, how the name is written:
# "given" first, "family" first, or given then "two" family names half the time).
# hint: f -> she/her, m -> he/him, n -> they/them (or none). A family name
# written "Ó Briain|Ní Bhriain" has a form for men and one for women.

CULTURES = (
    (("José:m", "María:f", "Lucía:f", "Alejandro:m", "Inés:f", "Andrés:m", "Begoña:f",
      "Ramón:m", "Sofía:f", "Julián:m", "Ximena:f", "Joaquín:m", "Itzel:f", "Guadalupe:f",
      "Tomás:m", "Mónica:f", "Álvaro:m", "Paz:n"),
     ("Álvarez", "García", "Núñez", "Peña", "Ibáñez", "Muñoz", "Rodríguez", "Hernández",
      "Márquez", "Jiménez", "Ortega", "Sáenz", "Cabrera", "Domínguez", "Vázquez", "Quiñones",
      "Gutiérrez", "Báez"), "two"),
    (("Siobhán:f", "Aoife:f", "Niamh:f", "Seán:m", "Pádraig:m", "Caoimhe:f", "Eoin:m",
      "Róisín:f", "Ciarán:m", "Dara:n"),
     ("Ó Briain|Ní Bhriain", "O'Sullivan", "Ó Dónaill|Ní Dhónaill",
      "Mac Cárthaigh|Nic Cárthaigh", "Byrne", "Kennedy", "Ó Súilleabháin|Ní Shúilleabháin",
      "Gallagher", "Ó Ceallaigh|Ní Cheallaigh", "Ó Murchú|Ní Mhurchú"), "given"),
    (("Łukasz:m", "Małgorzata:f", "Wojciech:m", "Zofia:f", "Paweł:m", "Agnieszka:f",
      "Michał:m", "Jędrzej:m", "Żaneta:f"),
     ("Nowak", "Wójcik", "Mazur", "Krawczyk", "Kaczmarek", "Sikora", "Łuczak", "Żak",
      "Dąbek", "Wiśniewski|Wiśniewska", "Kamiński|Kamińska", "Zieliński|Zielińska",
      "Szymański|Szymańska"), "given"),
    (("Chiamaka:f", "Chukwuemeka:m", "Ngozi:f", "Oluwaseun:n", "Adébáyọ̀:m", "Folake:f",
      "Emeka:m", "Ifeoma:f", "Túndé:m", "Yetunde:f"),
     ("Okafor", "Adeyemi", "Nwosu", "Okonkwo", "Olábísí", "Eze", "Balogun", "Ogunlesi"),
     "given"),
    (("Thu Hà:f", "Minh Anh:f", "Văn Đức:m", "Thị Lan:f", "Quang Huy:m", "Bảo Ngọc:f",
      "Thanh Tùng:m", "Khánh Linh:f"),
     ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ", "Đặng", "Bùi"), "family"),
    (("Zoë:f", "Chloé:f", "Hélène:f", "François:m", "Amélie:f", "Benoît:m", "Noémie:f",
      "Jérôme:m", "Camille:n"),
     ("Lefèvre", "Dubois", "Mercier", "Gauthier", "Bélanger", "Côté", "Gagné", "Thériault"),
     "given"),
    (("João:m", "Conceição:f", "Thiago:m", "Luíza:f", "Gonçalo:m", "Beatriz:f", "Iara:f"),
     ("Gonçalves", "Conceição", "Araújo", "Magalhães", "Simões", "Brandão", "Assunção"), "two"),
    (("Jürgen:m", "Anneliese:f", "Jörg:m", "Käthe:f", "Lena:f", "Matthias:m", "Uwe:m"),
     ("Müller", "Schröder", "Weiß", "Köhler", "Böhm", "Vogel", "Krämer"), "given"),
    (("Sam:n", "Alex:n", "Jordan:n", "Maya:f", "Grace:f", "Tom:m", "Marcus:m", "Ruth:f",
      "Devon:n", "Keisha:f", "Darnell:m", "Zoë:f", "Riley:n", "Harriet:f", "Malik:m",
      "Naomi:f", "Owen:m", "Tamsin:f"),
     ("Thompson", "Walker", "Reyes", "Washington", "Bennett", "Brooks", "Sullivan", "Carter",
      "Hughes", "Whitaker", "Osei", "Fletcher", "Delgado", "Greenberg", "Pryce"), "given"),
    (("Youssef:m", "Layla:f", "Fátima:f", "Omar:m", "Nour:n", "Karim:m", "Rania:f"),
     ("Haddad", "El-Amin", "Khoury", "Mansour", "Saleh", "Nassar", "Aziz"), "given"),
    (("Søren:m", "Åsa:f", "Bjørn:m", "Ingrid:f", "Märta:f", "Freja:f", "Ola:m"),
     ("Sørensen", "Lindqvist", "Håkansson", "Ødegaard", "Nyström", "Åberg"), "given"),
    (("Ayşe:f", "Çağla:f", "Emre:m", "Gökhan:m", "İlkay:n", "Şebnem:f", "Oğuz:m"),
     ("Yılmaz", "Öztürk", "Şahin", "Çelik", "Doğan", "Aydın"), "given"),
    (("Priya:f", "Arjun:m", "Ananya:f", "Rohan:m", "Lakshmi:f", "Vikram:m", "Kavya:f"),
     ("Patel", "Iyer", "Banerjee", "Reddy", "Chatterjee", "Nair", "Mukherjee"), "given"),
    (("Wei:m", "Xiùyīng:f", "Jun:n", "Mei:f", "Hao:m", "Lìhuá:f"),
     ("Chen", "Wang", "Liu", "Zhang", "Huang", "Lin"), "given"),
    (("Kalani:n", "Leilani:f", "Keoni:m", "Mālie:f"),
     ("Kahananui", "Akana", "Kealoha", "Nāone"), "given"),
)

NICKNAMES = {
    "Alejandro": "Álex", "Pádraig": "Paddy", "Guadalupe": "Lupe", "Conceição": "São",
    "Małgorzata": "Gosia", "Chukwuemeka": "Emeka",
    "Oluwaseun": "Seun", "Jędrzej": "Jędrek", "Anneliese": "Anne", "Wojciech": "Wojtek",
    "Marcus": "Marc", "Yetunde": "Tunde",
}

PRONOUNS = {"f": ("she/her", "she/they"), "m": ("he/him", "he/they"), "n": ("they/them",)}

LOCAL_PLACES = (
    "Riverside", "Eastgate", "Millbrook", "Harbourside", "Oak Hill", "Northfield", "Southbank",
    "Cedar Flats", "Old Town", "Westmoor", "Mill Race", "Brightwater", "Fenwick", "Larkspur",
    "Stonebridge", "Ashgrove", "Kingsmead", "Hollins Park", "Quarry Bank", "Elm Terrace",
    "Canal Side", "Bramley", "Copper Hill", "Greenway", "Marsh End", "Thornbury", "Whitcombe",
    "Ridgeway", "Foxley", "Meadowvale", "Orchard Row", "Pine Hollow", "Saltmarsh", "Tanners Yard",
    "Upper Weir", "Vale Green", "Wrenfield", "Yarrow Heath", "Bell Street", "Lime Kiln",
)
FAR_PLACES = (
    "Portland, Oregon", "Montréal", "Kraków", "Lagos", "Hà Nội", "Cork", "Málaga", "Berlin",
    "Oaxaca", "Göteborg", "İzmir", "Bengaluru", "Honolulu", "Beirut", "Manchester", "Lyon",
)

TAGS = ("funder", "food-justice", "housing", "volunteer", "press", "city-council", "land",
        "research", "youth", "faith-community", "mutual-aid", "board", "legal", "coop",
        "gardening", "seniors")

# (name template, kind, roles). {place} is a neighbourhood, {family} a family name.
ORGANISATIONS = (
    ("{place} Community Food Bank", "partner",
     ("Executive director", "Volunteer coordinator", "Warehouse lead", "Board member")),
    ("{place} Tenants' Union", "member",
     ("Organiser", "Building captain", "Co-chair", "Legal liaison")),
    ("{place} Community Foundation", "funder",
     ("Program officer", "Grants manager", "Trustee", "Director of giving")),
    ("Office of Councillor {family}", "other",
     ("Councillor", "Chief of staff", "Constituent services lead", "Policy adviser")),
    ("Urban Ecology Lab, {place} University", "partner",
     ("Principal investigator", "PhD student", "Research fellow", "Lab manager")),
    ("{place} Land Trust", "partner",
     ("Stewardship manager", "Executive director", "Board treasurer", "Land steward")),
    ("{place} Cooperative Credit Union", "funder",
     ("Community lending officer", "Branch manager", "Board member")),
    ("The {place} Courier", "other",
     ("Reporter", "Community editor", "Photographer", "Editor")),
    ("{place} Seed Library", "member", ("Librarian", "Volunteer", "Co-founder")),
    ("{place} Mutual Aid Network", "member", ("Coordinator", "Volunteer", "Dispatcher")),
    ("{place} Youth Farm", "partner", ("Farm manager", "Youth mentor", "Educator")),
    ("{place} Legal Aid Clinic", "partner", ("Housing attorney", "Paralegal", "Intake lead")),
)

MET_WHERE = (
    "Riverside farmers' market", "tenants' assembly at the library", "grant-makers' breakfast",
    "community garden work day", "city council public hearing", "food justice summit",
    "land trust open day", "neighbourhood clean-up", "credit union AGM",
    "seminar on urban soils", "a friend's potluck", "the food bank's volunteer night",
    "a zoning board meeting", "the seed swap", "a mutual aid training",
)
MET_EVENTS = ("Food Justice Summit", "Spring Seed Swap", "Harvest Festival",
              "Housing Justice Teach-in", "Community Land Trust Convening")

PERSON_NOTES = (
    "Prefers a phone call to email; best reached mornings.",
    "Bring printed materials — doesn't like reading long documents on screen.",
    "Has two kids at Eastgate Elementary; busy around school pick-up.",
    "Very direct; appreciates a clear ask.",
    "Speaks Spanish and Portuguese; offered to help translate flyers.",
    "Was on the food bank's board for six years.",
    "Keeps a huge allotment and always has spare seedlings in May.",
    "Knows everyone on the east side; a natural connector.",
)

FACTS = {
    "interest": ("community gardening", "seed saving", "urban soil health", "cooperative housing",
                 "beekeeping", "local history of the mill district", "fermentation workshops",
                 "cycling infrastructure", "participatory budgeting", "school meal programmes",
                 "composting at scale", "oral history projects"),
    "value": ("food sovereignty", "tenants' right to organise", "racial equity in land access",
              "transparency in public budgets", "dignity over charity", "slow, patient organising",
              "keeping money local", "intergenerational knowledge", "accessible meetings"),
    "goal": ("open a second food pantry on the north side by next winter",
             "get the land trust to acquire the Bell Street lots",
             "pass a just-cause eviction ordinance", "finish her dissertation on urban soils",
             "double the volunteer base of the tenants' union",
             "launch a community lending circle", "publish a series on food deserts",
             "run for city council in two years"),
    "challenge": ("burning out after the winter rent campaign", "lost the lease on the warehouse",
                  "board is split over taking city money", "hard to reach tenants on night shifts",
                  "grant cycle does not fit their timeline", "short on volunteers in summer"),
    "avoid": ("the 2024 council vote", "the old food bank board dispute",
              "comparisons with the downtown coalition", "the failed co-op grocery",
              "asking about the lawsuit", "party politics"),
}
# What one person needs and another offers, topic by topic, worded so that a
# need and the offers of its topic share words ("a grant writer" / "writes
# grant applications"): the connector and the initiative ranking match on
# shared terms. A need reads after "needs", an offer after a first name:
# "Ana needs a grant writer for the spring programme; Ben writes grant
# applications for small groups".
NEEDS_AND_OFFERS = (
    ("grants", ("a grant writer for the spring programme",
                "someone to help write the foundation grant"),
     ("writes grant applications for small groups", "has written foundation grants for years")),
    ("deliveries", ("volunteer drivers for Saturday deliveries",
                    "drivers for the pantry's delivery routes"),
     ("drives deliveries for the pantry on Saturdays",
      "has a pickup truck and drives deliveries at weekends")),
    ("housing law", ("a lawyer who knows housing law", "legal advice on housing leases"),
     ("is a housing lawyer and reads leases for tenants",
      "gives legal advice to tenants on housing law")),
    ("storage", ("storage space for the seed library", "cold storage for the pantry"),
     ("has spare storage space in a warehouse", "can offer cold storage at the co-op")),
    ("foundations", ("introductions to family foundations",
                     "a contact at the community foundation"),
     ("knows several family foundations well",
      "sits on the community foundation's grants panel")),
    ("van", ("a van for the harvest festival", "a van to move the pantry shelves"),
     ("can lend a van for the harvest festival", "has a van and can move shelves and furniture")),
    ("translation", ("someone to translate flyers into Vietnamese",
                     "Spanish translation of the tenants' flyers"),
     ("translates flyers into Vietnamese and Spanish",
      "does Spanish and Portuguese translation for flyers and letters")),
    ("vacant lots", ("data on vacant lots on the north side",
                     "a map of vacant lots for the land trust"),
     ("maps vacant lots from the county land records",
      "knows the county land records and every vacant lot in them")),
    ("fiscal sponsor", ("a fiscal sponsor for the mutual aid fund",
                        "a fiscal sponsor for the seed library's fund"),
     ("can act as fiscal sponsor for small funds",
      "runs a nonprofit that acts as fiscal sponsor for community funds")),
    ("meeting space", ("meeting space near the bus line", "a free room for evening meetings"),
     ("can lend a meeting room near the bus station",
      "books free meeting rooms at the library for evening meetings")),
    ("press", ("press coverage for the land trust campaign",
               "a journalist or some press coverage for the rent strike"),
     ("writes for the Courier and can get press coverage for a campaign",
      "knows journalists at the Courier who cover housing and the rent strike")),
    ("composting", ("help setting up composting at the garden",
                    "someone to teach composting at the youth farm"),
     ("teaches composting workshops", "runs composting at scale for the city's gardens")),
    ("council", ("a contact in the council's planning office",
                 "someone who understands the council budget"),
     ("has contacts in the council's planning office",
      "used to draft the council budget and can explain it")),
    ("data", ("training on data for organisers", "help making sense of survey data"),
     ("runs data workshops for organisers", "analyses survey data for community groups")),
    ("seedlings", ("seedlings for the youth farm", "seeds and seedlings for the new beds"),
     ("grows spare seedlings every spring", "saves seeds and shares seedlings with gardens")),
    ("childcare", ("childcare during evening meetings", "someone to run childcare at assemblies"),
     ("organises childcare for community meetings",
      "runs a childcare rota for assemblies and meetings")),
)
FACTS["need"] = tuple(need for _, needs, _ in NEEDS_AND_OFFERS for need in needs)
FACTS["offer"] = tuple(offer for _, _, offers in NEEDS_AND_OFFERS for offer in offers)
FACT_KINDS = tuple(FACTS)
# How often each kind turns up (interests and needs are what people say most).
FACT_KIND_WEIGHTS = ("interest",) * 5 + ("value",) * 3 + ("goal",) * 3 + ("need",) * 4 + \
    ("offer",) * 4 + ("challenge",) * 2 + ("avoid",) * 1

# Conversation topics: (what it was about, sentences for the notes). A summary
# is the channel's opener and the subject: "Call with Siobhán: the spring grant
# appeal". {first} is the first participant's given name.
TOPICS = (
    (("the community garden plots", "raised beds for the seniors' garden",
      "the garden expansion", "tools and a shed for the garden"),
     ("Talked about community gardening on the east lot; {first} wants raised beds for seniors.",
      "The gardening group needs more tools and a shed before spring.",
      "{first} offered seedlings for the youth farm's gardening club.",
      "Water access at the garden is still the main blocker.")),
    (("the spring grant appeal", "the foundation grant draft", "letters of support for the grant",
      "a multi-year grant"),
     ("We went through the grant budget line by line; the foundation wants outcomes by June.",
      "{first} thinks the family foundations will fund the pantry if we show the volunteer hours.",
      "Grant deadline is the 15th; need letters of support from two partners.",
      "Discussed a multi-year grant instead of another one-off appeal.")),
    (("the rent increase at Bell Street", "door-knocking debrief", "the eviction notices",
      "the tenants' letter to the landlord"),
     ("Tenants in the Bell Street building got rent increases of 18%; {first} is organising a "
      "meeting.", "Three tenants want to testify at the council hearing.",
      "{first} asked whether the legal aid clinic can review the tenants' leases.",
      "The tenants' union wants the coalition to co-sign the letter to the landlord.")),
    (("the land trust acquisition", "the Bell Street lots", "long leases for growers"),
     ("The land trust could acquire two vacant lots if the council agrees to the transfer.",
      "{first} explained the land trust's stewardship model; long leases for growers.",
      "Soil tests came back clean on the north lot.",
      "The land trust board meets next month to vote on the acquisition.")),
    (("Saturday deliveries", "the client-choice pantry", "volunteer night at the food bank"),
     ("The food bank served 20% more families this month; fresh produce runs out by noon.",
      "{first} wants to pilot a client-choice pantry.",
      "Delivery routes need two more drivers with cars.")),
    (("the council budget", "the public hearing", "zoning for community gardens"),
     ("The council's budget includes a small fund for urban agriculture.",
      "{first} suggested we bring tenants and growers to the public comment.",
      "Zoning change for community gardens is on the agenda in the autumn.")),
    (("a story for the Courier", "press for the harvest festival", "the food deserts series"),
     ("{first} is writing a piece on food deserts and wants to quote two growers.",
      "The Courier may cover the land trust acquisition if it passes.")),
    (("a community loan for cold storage", "the lending circle", "a financial workshop"),
     ("The credit union can offer a low-interest loan for the pantry's cold storage.",
      "{first} will run a financial workshop for tenants in the spring.")),
    (("the soil study", "recruiting gardeners for interviews", "the ecology lab's results"),
     ("The lab's soil study covers twelve gardens; results in the autumn.",
      "{first} asked for help recruiting gardeners for interviews.")),
    (("catching up", "family news", "how the coalition is doing", "a quick check-in"),
     ("{first} has been busy with family; we agreed to talk again next month.",
      "Mostly personal news; {first} sounded well.",
      "{first} asked how the coalition is doing and wants to help more.")),
)

# How a summary opens, by channel.
OPENERS = {
    "in-person": ("Coffee with {first}", "Lunch with {first}", "Met {first}",
                  "Walk with {first}"),
    "call": ("Call with {first}", "Phone call with {first}"),
    "video": ("Video call with {first}",),
    "email": ("Emails with {first}",),
    "message": ("Messages with {first}",),
    "event": ("Saw {first} at the harvest festival", "Saw {first} at the coalition meeting",
              "Ran into {first} at the farmers' market"),
}

MOODS = ("energised", "tired but hopeful", "frustrated with the council", "optimistic",
         "stretched thin", "excited about the garden", "worried about rent", "relaxed")

FOLLOW_UPS = (
    "Send {first} the grant budget draft", "Introduce {first} to the land trust director",
    "Coffee with {first} to plan the seed swap", "Share the tenants' letter with {first}",
    "Ask {first} about a letter of support", "Send {first} the soil study article",
    "Invite {first} to the harvest festival planning group", "Call {first} about the deliveries",
    "Thank {first} for the introduction", "Check whether {first} heard back from the foundation",
)

# (country code, prefix, digits after the prefix)
PHONE_PLANS = (
    ("+1", "555", 7), ("+1", "555", 7), ("+1", "555", 7),
    ("+44", "7700900", 3), ("+44", "2079460", 3), ("+61", "491570", 3),
)
